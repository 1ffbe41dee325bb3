"""A stand-in for an OSRM server's table service (project-osrm.org/docs/v5.24.0/api/#table-service),
answering in OSRM's documented format so that prosit's OSRM client can be tested for real
over HTTP. Durations are great-circle distance x CIRCUITY at KMH, so a test can compute
what to expect. Run alone: python3 osrm_mock.py [port]."""

import json
import math
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KMH = 50.0
CIRCUITY = 1.3


def great_circle_km(a, b):
    """Haversine on a sphere of 6,371 km; a and b are (lon, lat)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def seconds(a, b):
    return round(great_circle_km(a, b) * CIRCUITY / KMH * 3600, 1)


class OsrmMock:
    """Serves /table/v1/{profile}/{coordinates} on a free loopback port; a context manager.

    unroutable: "lon,lat" texts with no route to or from them (durations null);
    error: (http_status, code, message) to answer every request with instead;
    requests: what was asked, as (profile, coordinates, sources, destinations)."""

    def __init__(self, profiles=("driving",)):
        self.profiles = set(profiles)
        self.unroutable = set()
        self.error = None
        self.requests = []
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                status, body = mock.answer(self.path)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def refuse(code, message, status=400):
        return status, {"code": code, "message": message}

    def answer(self, path):
        if self.error:
            status, code, message = self.error
            return self.refuse(code, message, status)
        url = urllib.parse.urlsplit(path)
        parts = url.path.split("/")
        if len(parts) != 5 or parts[1:3] != ["table", "v1"]:
            return self.refuse("InvalidUrl", f"URL string malformed close to position 1: {url.path}")
        profile, coordinates = parts[3], parts[4]
        if profile not in self.profiles:
            return self.refuse("InvalidService", f"Service {profile} not found!")
        texts = coordinates.split(";")
        try:
            points = [tuple(float(v) for v in t.split(",")) for t in texts]
            query = urllib.parse.parse_qs(url.query)
            sources = [int(i) for i in query["sources"][0].split(";")]
            destinations = [int(i) for i in query["destinations"][0].split(";")]
        except (ValueError, KeyError):
            return self.refuse("InvalidQuery", "Query string malformed")
        if query.get("annotations") != ["duration"]:
            return self.refuse("InvalidQuery", "annotations must be duration")
        if any(not 0 <= i < len(points) for i in sources + destinations):
            return self.refuse("InvalidOptions", "source or destination index out of range")
        if len(points) > 100:
            return self.refuse("TooBig", "Too many table coordinates")
        self.requests.append((profile, texts, sources, destinations))

        def duration(s, d):
            if texts[s] != texts[d] and (texts[s] in self.unroutable or texts[d] in self.unroutable):
                return None
            return seconds(points[s], points[d])

        waypoint = lambda i: {"hint": "", "distance": 0, "name": "", "location": list(points[i])}
        return 200, {"code": "Ok",
                     "durations": [[duration(s, d) for d in destinations] for s in sources],
                     "sources": [waypoint(i) for i in sources],
                     "destinations": [waypoint(i) for i in destinations]}


if __name__ == "__main__":
    mock = OsrmMock()
    mock.server.server_close()
    mock.server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 5000),
                                      mock.server.RequestHandlerClass)
    print(f"OSRM mock at http://127.0.0.1:{mock.server.server_address[1]}", flush=True)
    mock.server.serve_forever()
