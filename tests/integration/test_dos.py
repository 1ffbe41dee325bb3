"""Denial of service and framing, over real HTTP: nobody can lock the rightful user out of
signing in (throttling by login and address, trusted devices, an atomic count), the client
address comes from forwarding headers only through trusted proxies, one address cannot
take every connection, pipelined requests are all answered, malformed framing and bodies
that are not JSON get a JSON error, and a weak If-Match never satisfies a write."""

import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from server import Server, ServerTest, add_user, query  # noqa: E402
from test_api import ACTOR  # noqa: E402

WRONG = "Wrong password 1"


def cookie_of(response, name):
    for header in response.getheaders():
        if header[0].lower() == "set-cookie":
            m = re.match(name + r"=([^;]*)", header[1])
            if m:
                return m.group(1), header[1]
    return None, None


def post_json(port, path, body, source="127.0.0.1", headers=None):
    """POSTs JSON from the loopback address `source`; returns (status, response, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request("POST", path, json.dumps(body).encode(),
                     {"Content-Type": "application/json", **(headers or {})})
        r = conn.getresponse()
        return r.status, r, r.read().decode()
    finally:
        conn.close()


def get_status(port, path, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        return r.status
    finally:
        conn.close()


def raw_exchange(port, data, timeout=10):
    """Sends raw bytes; returns everything the server writes until it closes (or the
    timeout passes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (socket.timeout, ConnectionResetError):
            pass
        return b"".join(chunks)


def responses_of(data):
    """Splits raw HTTP/1.1 responses (with Content-Length) into (status, body) pairs."""
    out = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            break
        status = int(head.split(b" ", 2)[1])
        m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        n = int(m.group(1)) if m else 0
        out.append((status, rest[:n].decode()))
        data = rest[n:]
    return out


class SignInTest(ServerTest):
    """Sign-in throttling on one server; every test uses its own user."""

    def user(self, login):
        return add_user(self.server.database, login, "viewer", "--orp", "5304")

    def sign_in(self, login, password, source="127.0.0.1", headers=None):
        return post_json(self.port, "/api/v1/session", {"login": login, "password": password},
                         source, headers)

    def guess_until_throttled(self, login, source="127.0.0.1", headers=None):
        for _ in range(5):
            self.assertEqual(self.sign_in(login, WRONG, source, headers)[0], 401)
        status, r, body = self.sign_in(login, WRONG, source, headers)
        self.assertEqual(status, 429, body)
        self.assertGreater(int(r.getheader("Retry-After")), 0)

    def test_failures_from_one_address_do_not_stop_another(self):
        password = self.user("dos.anna")
        self.guess_until_throttled("dos.anna", "127.0.0.1")
        self.assertEqual(self.sign_in("dos.anna", password, "127.0.0.1")[0], 429)
        status, r, body = self.sign_in("dos.anna", password, "127.0.0.2")
        self.assertEqual(status, 200, body)

    def test_a_trusted_device_is_not_stopped_by_failures_from_its_address(self):
        password = self.user("dos.bara")
        status, r, body = self.sign_in("dos.bara", password)
        self.assertEqual(status, 200, body)
        device, header = cookie_of(r, "prosit_device")
        self.assertTrue(device, "no device cookie")
        for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
            self.assertIn(flag, header)
        self.assertGreaterEqual(int(re.search(r"Max-Age=(\d+)", header).group(1)), 90 * 86400)
        # Only its hash is stored.
        self.assertEqual(query(self.server.database,
                               "SELECT COUNT(*) FROM trusted_devices WHERE token_hash = ?",
                               (device,))[0][0], 0)
        self.guess_until_throttled("dos.bara")  # someone else, from the same address
        self.assertEqual(self.sign_in("dos.bara", password)[0], 429)
        status, r, body = self.sign_in("dos.bara", password,
                                       headers={"Cookie": "prosit_device=" + device})
        self.assertEqual(status, 200, body)
        # The device cookie is the user's: another login from it is throttled as before.
        password_c = self.user("dos.cyril")
        self.guess_until_throttled("dos.cyril")
        status, _, body = self.sign_in("dos.cyril", password_c,
                                       headers={"Cookie": "prosit_device=" + device})
        self.assertEqual(status, 429, body)

    def test_parallel_attempts_are_counted_atomically(self):
        self.user("dos.dana")
        statuses = []
        start = threading.Barrier(30)

        def attempt():
            start.wait()
            statuses.append(self.sign_in("dos.dana", WRONG)[0])

        threads = [threading.Thread(target=attempt) for _ in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(statuses.count(401), 5, statuses)
        self.assertEqual(statuses.count(429), 25, statuses)
        self.assertEqual(query(self.server.database,
                               "SELECT COUNT(*) FROM login_attempts WHERE login = 'dos.dana'")[0][0],
                         5)

    def test_forwarding_headers_are_ignored_without_a_trusted_proxy(self):
        password = self.user("dos.emil")
        self.guess_until_throttled("dos.emil", headers={"X-Forwarded-For": "203.0.113.5"})
        for h in ({"X-Forwarded-For": "198.51.100.7"}, {"Forwarded": "for=198.51.100.7"}):
            status, _, body = self.sign_in("dos.emil", password, headers=h)
            self.assertEqual(status, 429, body)
        self.assertEqual(
            {a for (a,) in query(self.server.database,
                                 "SELECT address FROM login_attempts WHERE login = 'dos.emil'")},
            {"127.0.0.1"})


class TrustedProxyTest(unittest.TestCase):
    """Behind a trusted proxy every client shares its address; the header tells them apart."""

    def test_the_client_address_comes_from_the_trusted_proxy(self):
        with Server(extra_args=["--trusted-proxy", "10.9.0.0/16",
                                "--trusted-proxy", "127.0.0.1"]) as s:
            password = add_user(s.database, "dos.fero", "viewer", "--orp", "5304")

            def sign_in(pw, headers):
                return post_json(s.port, "/api/v1/session",
                                 {"login": "dos.fero", "password": pw}, headers=headers)[0]

            attacker = {"X-Forwarded-For": "203.0.113.5"}
            for _ in range(5):
                self.assertEqual(sign_in(WRONG, attacker), 401)
            self.assertEqual(sign_in(WRONG, attacker), 429)
            # The rightmost hop that is not a trusted proxy is the client: the attacker
            # cannot pose as someone else by writing to the left of it.
            self.assertEqual(sign_in(password, {"X-Forwarded-For": "198.51.100.7, 203.0.113.5"}),
                             429)
            self.assertEqual(sign_in(password, {"X-Forwarded-For": "203.0.113.5, 10.9.1.1"}), 429)
            self.assertEqual(sign_in(password, {"Forwarded": 'for="203.0.113.5:4711"'}), 429)
            # A proxy may add its own line below the client's: all lines count, in order.
            body = json.dumps({"login": "dos.fero", "password": password}).encode()
            (status, _), = responses_of(raw_exchange(s.port, (
                b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                b"Content-Type: application/json\r\nX-Forwarded-For: 198.51.100.7\r\n"
                b"X-Forwarded-For: 203.0.113.5\r\nContent-Length: %d\r\n\r\n" % len(body)) +
                body))
            self.assertEqual(status, 429)
            self.assertEqual(sign_in(password, {"Forwarded": "for=198.51.100.7;proto=https"}),
                             200)
            rows = query(s.database, "SELECT DISTINCT address FROM login_attempts "
                                     "WHERE login = 'dos.fero' ORDER BY address")
            self.assertEqual([a for (a,) in rows], ["198.51.100.7", "203.0.113.5"])

    def test_a_bad_trusted_proxy_is_refused(self):
        from server import BIN, DATA
        import subprocess
        proc = subprocess.run([BIN, "serve", "--database", "/nonexistent/x.db", "--data", DATA,
                               "--trusted-proxy", "10.0.0.0/33"],
                              capture_output=True, text=True, timeout=60)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("10.0.0.0/33", proc.stderr + proc.stdout)


class ConnectionSlotsTest(unittest.TestCase):

    def test_one_address_cannot_take_every_connection(self):
        with Server(extra_args=["--max-connections-per-address", "4"]) as s:
            idle = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(4)]
            try:
                # Each idle connection holds its slot: the server saw all of them.
                deadline = time.time() + 10
                refused = False
                while time.time() < deadline and not refused:
                    extra = socket.create_connection(("127.0.0.1", s.port), timeout=5)
                    extra.settimeout(5)
                    try:
                        refused = extra.recv(1) == b""
                    except ConnectionResetError:
                        refused = True
                    except socket.timeout:
                        refused = False
                    extra.close()
                self.assertTrue(refused, "a fifth connection from 127.0.0.1 stayed open")
                # Another address is served meanwhile.
                self.assertEqual(get_status(s.port, "/api/v1/health", "127.0.0.2"), 200)
            finally:
                for c in idle:
                    c.close()
            # Closed connections give their slots back.
            deadline = time.time() + 10
            while True:
                try:
                    if get_status(s.port, "/api/v1/health") == 200:
                        break
                except (ConnectionError, http.client.HTTPException):
                    pass
                self.assertLess(time.time(), deadline, "the slots did not come back")
                time.sleep(0.1)


class HttpFramingTest(ServerTest):

    def assert_json_error(self, status, body, expected):
        self.assertEqual(status, expected, body)
        self.assertTrue(json.loads(body)["error"]["message"])

    def test_three_pipelined_gets_are_answered_in_order(self):
        data = (b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
                b"GET /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\n\r\n"
                b"GET /api/v1/service-cards?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        got = responses_of(raw_exchange(self.port, data))
        self.assertEqual([status for status, _ in got], [200, 404, 200, 200])
        self.assertIn("items", json.loads(got[2][1]))

    def test_a_long_url_is_414(self):
        out = raw_exchange(self.port, b"GET /api/v1/service-cards?q=" + b"a" * 9000 +
                           b" HTTP/1.1\r\nHost: x\r\n\r\n")
        (status, body), = responses_of(out)
        self.assert_json_error(status, body, 414)

    def test_too_many_headers_is_431(self):
        headers = b"".join(b"X-H%d: v\r\n" % i for i in range(101))
        out = raw_exchange(self.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + headers +
                           b"\r\n")
        (status, body), = responses_of(out)
        self.assert_json_error(status, body, 431)

    def test_bad_content_lengths_and_chunks_are_400(self):
        before = query(self.server.database, "SELECT COUNT(*) FROM actors")[0][0]
        body = json.dumps(ACTOR).encode()
        head = (b"POST /api/v1/actors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Authorization: Bearer " + self.server.admin_token.encode() + b"\r\n")
        for framing in (b"Content-Length: -1\r\n\r\n" + body,
                        b"Content-Length: 18446744073709551616\r\n\r\n" + body,
                        b"Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + b"\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n-5\r\n" + body + b"\r\n0\r\n\r\n"):
            with self.subTest(framing=framing[:40]):
                (status, text), = responses_of(raw_exchange(self.port, head + framing))
                self.assert_json_error(status, text, 400)
        self.assertEqual(query(self.server.database, "SELECT COUNT(*) FROM actors")[0][0], before)


class MediaTypeAndPreconditionTest(ServerTest):

    def total(self):
        return query(self.server.database, "SELECT COUNT(*) FROM actors")[0][0]

    def test_a_body_that_is_not_json_is_415_and_writes_nothing(self):
        s = self.server
        before = self.total()
        body = json.dumps(ACTOR).encode()
        for content_type, raw in (
                ("text/plain", body),
                ("text/plain; charset=utf-8", body),
                ("multipart/form-data; boundary=xyz",
                 b"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + body +
                 b"\r\n--xyz--\r\n"),
                ("application/x-www-form-urlencoded", b"name=x"),
                ("application/json; charset=latin1", body),
                ("application/jsonx", body)):
            with self.subTest(content_type=content_type):
                r = s.post("/api/v1/actors", raw=raw, headers={"Content-Type": content_type})
                self.assertEqual(r.status, 415, r.body)
                self.assertEqual(r.json()["error"]["code"], "unsupported_media_type")
        created = s.post("/api/v1/actors", raw=body,
                         headers={"Content-Type": "Application/JSON; charset=\"UTF-8\""})
        self.assertEqual(created.status, 201, created.body)
        r = s.put(f"/api/v1/actors/{created.json()['id']}", raw=body,
                  headers={"Content-Type": "text/plain", "If-Match": '"1"'})
        self.assertEqual(r.status, 415, r.body)
        self.assertEqual(self.total(), before + 1)

    def test_a_weak_if_match_never_satisfies_a_write(self):
        s = self.server
        actor = s.post("/api/v1/actors", {**ACTOR, "name": "Weak ETag"}).json()
        path = f"/api/v1/actors/{actor['id']}"
        r = s.put(path, {**actor, "name": "Changed"}, headers={"If-Match": 'W/"1"'})
        self.assertEqual(r.status, 412, r.body)
        self.assertEqual(r.json()["error"]["code"], "precondition_failed")
        r = s.delete(path, headers={"If-Match": 'W/"1"'})
        self.assertEqual(r.status, 412, r.body)
        self.assertEqual(s.get(path).json()["name"], "Weak ETag")
        r = s.put(path, {**actor, "name": "Changed"}, headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 200, r.body)


if __name__ == "__main__":
    unittest.main()
