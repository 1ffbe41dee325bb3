"""A real prosit server for integration tests: a fresh SQLite file, `prosit init`,
`prosit serve` on a free loopback port, and a small JSON HTTP client.

Requests go as an admin (an API token of the user "it-admin", made with the CLI before the
server starts) unless they carry their own Cookie or Authorization header or say
anonymous=True."""

import json
import os
import re
import socket
import sqlite3
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


def query(database, sql, args=()):
    """All rows of one read of the SQLite file, the connection closed at once (an open
    statement would hold a lock the server waits for)."""
    db = sqlite3.connect(database, timeout=30)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


def add_user(database, login, role, *territory_args):
    """Creates a user with the CLI (territory_args like "--orp", "5304"); returns its
    one-time password."""
    out = run_cli("user", "add", "--database", database, "--login", login, "--role", role,
                  *territory_args).stdout
    return re.search(r"one-time password[^:]*: (\S+)", out).group(1)


def add_token(database, login, scope="write", name="tests"):
    """An API token of the user `login`, made with the CLI; returns the token."""
    out = run_cli("token", "add", "--database", database, "--login", login, "--scope", scope,
                  "--name", name).stdout
    return re.search(r"API token[^:]*: (\S+)", out).group(1)


class Server:
    """Starts `prosit serve` on a database; use as a context manager."""

    ADMIN = "it-admin"

    def __init__(self, database=None, demo=False, extra_args=()):
        self.tmp = tempfile.TemporaryDirectory(prefix="prosit-it-")
        self.database = database or os.path.join(self.tmp.name, "prosit.db")
        if database is None:
            run_cli("init", "--database", self.database)
            if demo:
                run_cli("demo", "--database", self.database)
        self.admin_token = self.admin_token_of(self.database)
        self.admin_headers = {"Authorization": "Bearer " + self.admin_token}
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

    @classmethod
    def admin_token_of(cls, database):
        """The API token of it-admin in `database`, creating the user on first use."""
        marker = database + ".it-admin-token"
        if os.path.exists(marker):
            with open(marker) as f:
                return f.read().strip()
        add_user(database, cls.ADMIN, "admin")
        token = add_token(database, cls.ADMIN, "write", "integration tests")
        with open(marker, "w") as f:
            f.write(token)
        return token

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.tmp.cleanup()

    def request(self, method, path, body=None, headers=None, raw=None, anonymous=False):
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        headers = dict(headers or {})
        if not anonymous and "Cookie" not in headers and "Authorization" not in headers:
            headers.update(self.admin_headers)
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                # A workbook (.xlsx) is bytes: undecodable bytes become U+FFFD.
                return Response(r.status, r.headers, r.read().decode(errors="replace"))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read().decode(errors="replace"))

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


# Every kind of record people write, as the registry lists them: the route's folder, its
# change-log entity, a free-text member a test may change.
RECORD_KINDS = {
    "actors": ("actor", "note"),
    "service-cards": ("service_card", "description"),
    "meetings": ("meeting", "notes"),
    "needs": ("need", "statement"),
    "ties": ("tie", "note"),
    "themes": ("theme", "why"),
    "goals": ("goal", "description"),
    "steps": ("step", "outcome"),
    "good-practices": ("good_practice", "description"),
    "recommendations": ("recommendation", "text"),
    "participations": ("participation", "note"),
    "orp-texts": ("orp_text", "characteristics"),
}


def api_operations(server):
    """(METHOD, path, [query parameter names]) of every operation of the served OpenAPI
    document, `$ref`s followed and path-level parameters included."""
    doc = strict_json(server.get("/api/v1/openapi.json", anonymous=True).body)
    shared = doc.get("components", {}).get("parameters", {})
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            names = []
            for p in op.get("parameters", []) + ops.get("parameters", []):
                if "$ref" in p:
                    p = shared[p["$ref"].rsplit("/", 1)[1]]
                if p.get("in") == "query":
                    names.append(p["name"])
            yield method.upper(), path, names


def strict_json(text):
    """Parses JSON refusing NaN and Infinity, which must never reach a client."""
    def refuse(name):
        raise AssertionError(f"{name} in JSON")
    return json.loads(text, parse_constant=refuse)


class ServerTest(unittest.TestCase):
    """Test cases sharing one server, on a fresh database (or the demo network when
    `demo` is true). A subclass that prepares more calls super().setUpClass() first."""

    demo = False

    @classmethod
    def setUpClass(cls):
        cls.server = Server(demo=cls.demo).__enter__()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)


class DemoServerTest(ServerTest):
    """Test cases sharing one server on the demo network of Pardubický kraj."""

    demo = True

    def get(self, path, status=200):
        """GETs `path`, checks the status and returns the body as strict JSON."""
        r = self.server.get(path)
        self.assertEqual(r.status, status, r.body)
        return strict_json(r.body)
