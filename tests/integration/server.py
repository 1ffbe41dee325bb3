"""A real prosit server for integration tests: a fresh SQLite file, `prosit init`,
`prosit serve` on a free loopback port, and a small JSON HTTP client."""

import json
import os
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

BIN = os.environ.get("PROSIT_BIN", "build/prosit")
DATA = os.environ.get("PROSIT_DATA", "data")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, check=True):
    """Runs `prosit ARGS --data DATA`; returns the CompletedProcess."""
    proc = subprocess.run([BIN, *args, "--data", DATA], capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"prosit {' '.join(args)} failed: {proc.stderr}")
    return proc


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


class Server:
    """Starts `prosit serve` on a database; use as a context manager."""

    def __init__(self, database=None, demo=False, extra_args=()):
        self.tmp = tempfile.TemporaryDirectory(prefix="prosit-it-")
        self.database = database or os.path.join(self.tmp.name, "prosit.db")
        if database is None:
            run_cli("init", "--database", self.database)
            if demo:
                run_cli("demo", "--database", self.database)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.extra_args = list(extra_args)  # more `prosit serve` options
        self.proc = None

    def __enter__(self):
        self.proc = subprocess.Popen(
            [BIN, "serve", "--database", self.database, "--port", str(self.port), "--data", DATA,
             *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.get("/api/v1/health").status == 200:
                    return self
            except OSError:
                time.sleep(0.05)
        self.proc.kill()
        raise AssertionError("server did not start: " + self.proc.stderr.read())

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.tmp.cleanup()

    def request(self, method, path, body=None, headers=None, raw=None):
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return Response(r.status, r.headers, r.read().decode())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read().decode())

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


def strict_json(text):
    """Parses JSON refusing NaN and Infinity, which must never reach a client."""
    def refuse(name):
        raise AssertionError(f"{name} in JSON")
    return json.loads(text, parse_constant=refuse)


class DemoServerTest(unittest.TestCase):
    """Test cases sharing one server on the demo network of Pardubický kraj."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(demo=True).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, path, status=200):
        """GETs `path`, checks the status and returns the body as strict JSON."""
        r = self.server.get(path)
        self.assertEqual(r.status, status, r.body)
        return strict_json(r.body)
