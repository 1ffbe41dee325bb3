"""HTTP hardening (issue 5, part 5): security headers on every answer, static files only
from their folder, slow clients cut off, oversized and malformed bodies refused with
nothing written, and errors that reveal no internals."""

import json
import os
import select
import socket
import sqlite3
import tempfile
import time
import unittest

from server import Server
from test_api import ACTOR

SECURITY_HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
SECRET = "TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def raw_request(port, target, method=b"GET", timeout=10):
    """Sends a request with `target` exactly as given (bytes, nothing normalised) and
    returns (status, headers, body); status is None when the server closed without an
    answer."""
    if isinstance(target, str):
        target = target.encode()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(method + b" " + target + b" HTTP/1.1\r\nHost: localhost\r\n"
                  b"Connection: close\r\n\r\n")
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    if not data:
        return None, {}, b""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


class HardeningTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="prosit-static-")
        root = os.path.join(cls.tmp.name, "dist")
        outside = os.path.join(cls.tmp.name, "outside")
        os.makedirs(os.path.join(root, "assets"))
        os.makedirs(os.path.join(root, "sub"))
        os.makedirs(outside)
        files = {
            "index.html": b"<!doctype html><title>prosit</title><script src=/app.js></script>",
            "app.js": b"console.log('prosit');",
            "style.css": b"body{margin:0}",
            "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "logo.png": PNG,
            "data.json": b'{"ok":true}',
            "font.woff2": b"wOF2fake",
            "assets/index-3f2a1b.js": b"export{};",
            "sub/page.html": b"<p>sub</p>",
            ".env": SECRET.encode(),
        }
        for name, body in files.items():
            with open(os.path.join(root, name), "wb") as f:
                f.write(body)
        with open(os.path.join(outside, "secret.txt"), "w") as f:
            f.write(SECRET)
        # symlinks inside the folder that lead out of it
        os.symlink(os.path.join(outside, "secret.txt"), os.path.join(root, "escape.txt"))
        os.symlink(outside, os.path.join(root, "escape-dir"))
        os.symlink("/etc/passwd", os.path.join(root, "passwd"))
        cls.root = root
        cls.server = Server(extra_args=["--static", root, "--read-timeout", "2"]).__enter__()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    def seq(self):
        return self.server.get("/api/v1/health").json()["seq"]

    def assert_secure(self, headers):
        lower = {k.lower(): v for k, v in headers.items()}
        for name, expected in SECURITY_HEADERS.items():
            self.assertIn(name.lower(), lower, f"{name} missing")
            self.assertIn(expected, lower[name.lower()])
        csp = lower["content-security-policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                          "base-uri 'none'"):
            self.assertIn(directive, csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval", csp)
        self.assertNotIn("strict-transport-security", lower)  # plain HTTP: no HSTS

    def assert_no_leak(self, status, body):
        self.assertIn(status, (None, 400, 404), body[:200])
        self.assertNotIn(SECRET.encode(), body)
        self.assertNotIn(b"root:", body)

    # --- security headers ---------------------------------------------------------------
    def test_headers_on_api_answers_errors_and_files(self):
        for path in ("/api/v1/health", "/api/v1/service-cards?limit=1", "/api/v1/nope",
                     "/api/v1/actors/999999", "/app.js", "/missing.js", "/"):
            status, headers, _ = raw_request(self.port, path)
            self.assertIsNotNone(status, path)
            self.assert_secure(headers)
        r = self.server.post("/api/v1/actors", raw=b"{")
        self.assertEqual(r.status, 400)
        self.assert_secure(dict(r.headers))

    # --- static files -------------------------------------------------------------------
    def test_files_with_their_types_and_caching(self):
        expected = {
            "/index.html": "text/html",
            "/app.js": "text/javascript",
            "/style.css": "text/css",
            "/logo.svg": "image/svg+xml",
            "/logo.png": "image/png",
            "/data.json": "application/json",
            "/font.woff2": "font/woff2",
            "/sub/page.html": "text/html",
        }
        for path, ctype in expected.items():
            status, headers, body = raw_request(self.port, path)
            self.assertEqual(status, 200, path)
            self.assertTrue(headers["content-type"].startswith(ctype), (path, headers))
            with open(os.path.join(self.root, path[1:]), "rb") as f:
                self.assertEqual(body, f.read(), path)
            self.assertEqual(headers["cache-control"], "no-cache", path)
        status, headers, _ = raw_request(self.port, "/assets/index-3f2a1b.js")
        self.assertEqual(status, 200)
        self.assertIn("immutable", headers["cache-control"])

    def test_index_for_root_and_app_routes_but_not_for_missing_files(self):
        with open(os.path.join(self.root, "index.html"), "rb") as f:
            index = f.read()
        for path in ("/", "/orp/5304", "/catalog?q=psycholog"):
            status, headers, body = raw_request(self.port, path)
            self.assertEqual((status, body), (200, index), path)
            self.assertTrue(headers["content-type"].startswith("text/html"))
        status, headers, _ = raw_request(self.port, "/missing.js")
        self.assertEqual(status, 404)
        self.assertEqual(json.loads(_)["error"]["code"], "not_found")

    def test_api_keeps_priority(self):
        status, headers, body = raw_request(self.port, "/api/v1/health")
        self.assertEqual(status, 200)
        self.assertIn("application/json", headers["content-type"])
        status, _, body = raw_request(self.port, "/api/v1/no-such-route")
        self.assertEqual(status, 404)
        self.assertNotIn(b"<title>", body)  # not the app's page

    def test_path_traversal_is_refused(self):
        attempts = [
            "/../../etc/passwd",
            "/../outside/secret.txt",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/outside/secret.txt",
            "/..%2f..%2fetc/passwd",
            "/..%2foutside%2fsecret.txt",
            "/static/..%5c..%5c",
            "/..%5coutside%5csecret.txt",
            "/sub/../../outside/secret.txt",
            "/sub/%2e%2e/%2e%2e/outside/secret.txt",
            "/%252e%252e/outside/secret.txt",
            "//etc/passwd",
            "/escape.txt",
            "/escape-dir/secret.txt",
            "/passwd",
            "/.env",
            "/app.js%00.png",
            "/%00",
            "/sub/",
        ]
        for target in attempts:
            with self.subTest(target=target):
                status, _, body = raw_request(self.port, target)
                self.assert_no_leak(status, body)
        # a raw NUL or backslash in the target: refused or the connection dropped
        for target in (b"/app.js\x00../../etc/passwd", b"/..\\..\\etc\\passwd",
                       b"/escape.txt\\"):
            with self.subTest(target=target):
                status, _, body = raw_request(self.port, target)
                self.assert_no_leak(status, body)
        # only GET reads files; other methods go to the API and find nothing
        status, _, body = raw_request(self.port, "/app.js", method=b"POST")
        self.assertEqual(status, 404)
        self.assertNotIn(b"console.log", body)

    # --- time limits --------------------------------------------------------------------
    def test_slow_client_is_cut_off_while_others_are_served(self):
        slow = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        request = b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 60
        start = time.monotonic()
        closed_after = None
        served_meanwhile = False
        try:
            for byte in request:
                try:
                    slow.sendall(bytes([byte]))
                except (BrokenPipeError, ConnectionResetError):
                    closed_after = time.monotonic() - start
                    break
                if not served_meanwhile and time.monotonic() - start > 0.5:
                    self.assertEqual(self.server.get("/api/v1/health").status, 200)
                    served_meanwhile = True
                readable, _, _ = select.select([slow], [], [], 1.0)  # one byte a second
                if readable:
                    try:
                        data = slow.recv(4096)
                    except ConnectionResetError:
                        data = b""
                    self.assertEqual(data, b"", "the server answered an unfinished request")
                    closed_after = time.monotonic() - start
                    break
        finally:
            slow.close()
        self.assertTrue(served_meanwhile)
        self.assertIsNotNone(closed_after, "the slow client was never disconnected")
        self.assertGreater(closed_after, 1.5)
        self.assertLess(closed_after, 5.0)
        self.assertEqual(self.server.get("/api/v1/health").status, 200)

    # --- bodies -------------------------------------------------------------------------
    def test_oversized_body_is_refused_and_writes_nothing(self):
        before = self.seq()
        big = json.dumps({"name": "x" * (1 << 20), "sector": "ospod"}).encode()
        r = self.server.post("/api/v1/actors", raw=big)
        self.assertEqual(r.status, 413, r.body)
        self.assertEqual(r.json()["error"]["code"], "payload_too_large")
        self.assertEqual(self.seq(), before)

    def test_malformed_bodies_are_refused_and_write_nothing(self):
        before = self.seq()
        for raw in (b"{", b'{"name": "x",}', b"\xff\xfe{}", b"", b"null", b"[1, 2]",
                    b'{"name": "' + b"\x00" * 4 + b'"}'):
            with self.subTest(body=raw):
                r = self.server.post("/api/v1/actors", raw=raw)
                self.assertIn(r.status, (400, 422), r.body)
                err = r.json()["error"]
                self.assertTrue(err["message"])
                for internal in ("json.exception", "SQLite", "sqlite", "what()", "/src/"):
                    self.assertNotIn(internal, r.body)
        r = self.server.post("/api/v1/actors", raw=b"{")
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["error"]["code"], "malformed_request")
        self.assertEqual(self.seq(), before)


class InternalErrorTest(unittest.TestCase):
    """A handler that fails inside answers 500 with a generic message: no SQL, no table
    names, no exception text; the log keeps the cause."""

    def test_failure_inside_reveals_nothing(self):
        with Server() as server:
            before = server.get("/api/v1/health").json()["seq"]
            # Make every insert of an actor fail deep in SQLite.
            db = sqlite3.connect(server.database, timeout=30)
            db.execute("CREATE TRIGGER break_actors BEFORE INSERT ON actors BEGIN "
                       "INSERT INTO secret_internal_table VALUES (1); END")
            db.commit()
            db.close()
            r = server.post("/api/v1/actors", ACTOR)
            self.assertEqual(r.status, 500, r.body)
            self.assertIn("application/json", r.headers["Content-Type"])
            self.assertEqual(r.headers["X-Content-Type-Options"], "nosniff")
            err = r.json()["error"]
            self.assertEqual(err["code"], "internal_error")
            self.assertEqual(err["fields"], {})
            for internal in ("secret_internal_table", "no such table", "SQLite", "INSERT",
                             "exception", server.database):
                self.assertNotIn(internal, r.body)
            self.assertEqual(server.get("/api/v1/health").json()["seq"], before)


if __name__ == "__main__":
    unittest.main()
