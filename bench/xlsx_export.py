#!/usr/bin/python3
"""The XLSX export of the whole catalog against its JSON list, side by side in one run.
   bench/xlsx_export.py [DATABASE] [RUNS]     (default var/national.db, 5 runs)
Starts `prosit serve` on DATABASE, signs in as an admin made for the run (an API token),
and alternates run by run: GET /api/v1/service-cards.xlsx (every card, one workbook) and
the JSON list /api/v1/service-cards paged through at 200 a page (the same cards). Prints
the median, min and max of each, the ratio of the medians and the host's load average."""
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = os.environ.get("PROSIT_BIN", "build/prosit")
db = sys.argv[1] if len(sys.argv) > 1 else "var/national.db"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def cli(*args):
    return subprocess.run([BIN, *args, "--database", db], check=True, capture_output=True,
                          text=True).stdout


login = f"bench-xlsx-{os.getpid()}"
cli("user", "add", "--login", login, "--role", "admin")
token = re.search(r"API token[^:]*: (\S+)", cli("token", "add", "--login", login, "--scope",
                                                "read", "--name", "bench")).group(1)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([BIN, "serve", "--database", db, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"


def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.read()


try:
    for _ in range(600):
        try:
            get("/api/v1/health")
            break
        except OSError:
            time.sleep(0.1)
    import json
    total = json.loads(get("/api/v1/service-cards?limit=1"))["total"]
    xlsx, listing, size = [], [], 0
    load_before = os.getloadavg()[0]
    for _ in range(runs):
        t = time.perf_counter()
        size = len(get("/api/v1/service-cards.xlsx"))
        xlsx.append(time.perf_counter() - t)
        t = time.perf_counter()
        for offset in range(0, total, 200):
            get(f"/api/v1/service-cards?offset={offset}&limit=200")
        listing.append(time.perf_counter() - t)
    m = lambda xs: statistics.median(xs)
    print("load average before/after: %.1f / %.1f" % (load_before, os.getloadavg()[0]))
    print(f"{total} cards, workbook {size / 1e6:.1f} MB, {runs} runs each, alternating")
    print(f"XLSX export:       median {m(xlsx):.2f} s (min {min(xlsx):.2f}, max {max(xlsx):.2f})")
    print(f"JSON list, paged:  median {m(listing):.2f} s (min {min(listing):.2f}, max {max(listing):.2f})")
    print(f"ratio XLSX / JSON: {m(xlsx) / m(listing):.2f}")
finally:
    server.terminate()
    server.wait()
