"""Attacks over real HTTP, each of which must fail safely and write nothing: SQL injection
in bodies, query filters and sign-in; stored script payloads; CSRF; session fixation; path
traversal; oversized and malformed bodies; guessing passwords until throttled; anonymous
writes. "Nothing written" means the change-log position (/api/v1/health "seq" and the
table itself) and the counts of records, users and API tokens are unchanged."""

import json
import os
import re
import sqlite3
import tempfile
import unittest
import urllib.parse

from server import Server, add_user, strict_json, query
from test_api import ACTOR, card as card_body
from test_hardening import raw_request
from test_meetings import meeting as meeting_body
from test_needs import need as need_body

SQL = ["' OR 1=1 --", "'; DROP TABLE change_log; --", '" OR ""="', "1; SELECT * FROM users",
       "') UNION SELECT password_hash, login FROM users --"]
SCRIPTS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
SECRET = "ATTACK-SECRET-OUTSIDE-THE-STATIC-FOLDER"
INDEX = b"<!doctype html><title>prosit</title>"

# Text fields of each body: those free text must be stored verbatim; the others may be
# refused (422), never more.
ACTOR_FREE = ["name", "seat.street", "note", "contacts.0.name", "contacts.0.role"]
ACTOR_CHECKED = ["ico", "sector", "actor_type", "seat.municipality_code", "seat.postcode", "web",
                 "contacts.0.phone", "contacts.0.email", "contacts.0.web"]
CARD_FREE = ["name", "description", "target_group", "cost_note", "hours", "access_note", "does",
             "does_not", "contacts.0.name", "contacts.0.role", "locations.0.street"]
CARD_CHECKED = ["service_type", "need_areas.0", "forms.0", "locations.0.municipality_code",
                "territory.kind", "territory.codes.0", "capacity.unit", "access",
                "last_verified", "contacts.0.phone", "contacts.0.email", "contacts.0.web"]
MEETING_FREE = ["topic", "notes", "outputs", "networkers.0", "follow_ups.0.task",
                "follow_ups.0.owner"]
MEETING_CHECKED = ["date", "orp_code", "category", "format", "follow_ups.0.due"]
NEED_FREE = ["statement"]
NEED_CHECKED = ["sectors.0", "network_need", "orp_code", "date", "priority", "status"]


def set_path(doc, path, value):
    doc = json.loads(json.dumps(doc))
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = doc
    for k in keys[:-1]:
        target = target[k]
    target[keys[-1]] = value
    return doc


def get_path(doc, path):
    for k in path.split("."):
        doc = doc[int(k)] if k.isdigit() else doc[k]
    return doc


def session_cookie(response):
    m = re.match(r"prosit_session=([^;]*)", response.headers.get("Set-Cookie") or "")
    return m.group(1) if m else None


class AttackTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="prosit-attack-")
        root = os.path.join(cls.tmp.name, "dist")
        os.makedirs(os.path.join(root, "sub"))
        os.makedirs(os.path.join(cls.tmp.name, "outside"))
        with open(os.path.join(root, "index.html"), "wb") as f:
            f.write(INDEX)
        with open(os.path.join(root, "sub", "page.html"), "wb") as f:
            f.write(b"<p>sub</p>")
        with open(os.path.join(cls.tmp.name, "outside", "secret.txt"), "w") as f:
            f.write(SECRET)
        cls.server = server = Server(extra_args=["--static", root])
        db = server.database
        cls.passwords = {login: add_user(db, login, role, *args) for login, role, args in (
            ("atk.admin", "admin", ()),
            ("atk.networker", "networker", ("--orp", "5304")),
            ("atk.victim", "networker", ("--orp", "5304")),
            ("atk.sqli1", "viewer", ("--orp", "5304")),
            ("atk.sqli2", "viewer", ("--orp", "5304")))}
        server.__enter__()
        cls.admin = cls.signed_in("atk.admin", change_to="Atk Admin Heslo 2024")
        cls.networker = cls.signed_in("atk.networker", change_to="Atk Sitar Heslo 2024")
        s = server
        cls.actor = s.post("/api/v1/actors", ACTOR).json()
        cls.card = s.post("/api/v1/service-cards", card_body(cls.actor["id"])).json()
        cls.meeting = s.post("/api/v1/meetings", meeting_body()).json()
        cls.need = s.post("/api/v1/needs", need_body()).json()
        cls.actor2 = s.post("/api/v1/actors", {**ACTOR, "name": "ZŠ Chrudim",
                                               "sector": "education",
                                               "actor_type": "school"}).json()
        cls.tie = s.post("/api/v1/ties", {"actor_a": cls.actor["id"],
                                          "actor_b": cls.actor2["id"], "type": "referral",
                                          "since": "2017-09-01"}).json()
        cls.theme = s.post("/api/v1/themes", {"orp_code": "5304", "title": "Téma",
                                              "since": "2018-01-10"}).json()
        cls.goal = s.post("/api/v1/goals", {"theme_id": cls.theme["id"], "title": "Cíl",
                                            "since": "2018-02-01"}).json()
        cls.step = s.post("/api/v1/steps", {"goal_id": cls.goal["id"], "title": "Krok",
                                            "deadline": "2018-03-31"}).json()
        cls.practice = s.post("/api/v1/good-practices", {"orp_code": "5304", "title": "Praxe",
                                                         "description": "Popis."}).json()
        cls.recommendation = s.post("/api/v1/recommendations", {"orp_code": "5304",
                                                                "text": "Doporučení"}).json()
        cls.participation = s.post("/api/v1/participations", {"orp_code": "5304",
                                                              "since": "2016-08-01"}).json()
        cls.orp_text = s.post("/api/v1/orp-texts", {"orp_code": "5304",
                                                    "characteristics": "Text."}).json()
        cls.analysis_text = s.post("/api/v1/analysis-texts", {"orp_code": "5304",
                                                              "introduction": "Úvod."}).json()
        r = s.post("/api/v1/api-tokens", {"name": "victim token", "scope": "read"},
                   headers=cls.networker)
        assert r.status == 201, r.body
        cls.token_id = r.json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.tmp.cleanup()

    @classmethod
    def signed_in(cls, login, change_to=None):
        """Headers of a cookie-signed change by `login`; changes the one-time password."""
        s = cls.server
        r = s.post("/api/v1/session", {"login": login, "password": cls.passwords[login]},
                   anonymous=True)
        assert r.status == 200, r.body
        h = {"Cookie": "prosit_session=" + session_cookie(r),
             "X-CSRF-Token": r.json()["csrf_token"]}
        if change_to:
            uid = r.json()["user"]["id"]
            r = s.put(f"/api/v1/users/{uid}/password",
                      {"current_password": cls.passwords[login], "new_password": change_to},
                      headers=h)
            assert r.status == 204, r.body
            cls.passwords[login] = change_to
        return h

    # --- what "nothing written" means ------------------------------------------------------
    def state(self):
        health = self.server.get("/api/v1/health", anonymous=True).json()
        counts = query(self.server.database,
                       "SELECT (SELECT COALESCE(MAX(seq), 0) FROM change_log),"
                       " (SELECT COUNT(*) FROM change_log), (SELECT COUNT(*) FROM actors),"
                       " (SELECT COUNT(*) FROM service_cards), (SELECT COUNT(*) FROM records),"
                       " (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM api_tokens),"
                       " (SELECT COUNT(revoked) FROM api_tokens)")[0]
        return {"seq": health["seq"], "actors": health["actors"],
                "service_cards": health["service_cards"], "db": counts}

    def assert_unchanged(self, before, what=""):
        self.assertEqual(self.state(), before, f"something was written: {what}")

    def assert_safe(self, r, allowed, what="", echo=None):
        """Never 500, one of the allowed statuses, and an error message that names nothing
        inside (the attacker's own `echo`ed input aside)."""
        self.assertNotEqual(r.status, 500, f"{what}: {r.body[:300]}")
        self.assertIn(r.status, allowed, f"{what}: {r.body[:300]}")
        if r.status >= 400:
            err = strict_json(r.body)["error"]
            message = err["message"].replace(echo, "") if echo else err["message"]
            for internal in ("SQLite", "sqlite", "SQL logic", "syntax error", "no such table",
                             "no such column", "change_log", "password_hash", "what()"):
                self.assertNotIn(internal, message, what)

    def check_db_intact(self):
        tables = {r[0] for r in query(self.server.database,
                                      "SELECT name FROM sqlite_master WHERE type='table'")}
        self.assertTrue({"change_log", "users", "actors", "service_cards", "records",
                         "sessions", "api_tokens"} <= tables)
        self.assertEqual(query(self.server.database, "PRAGMA integrity_check")[0][0], "ok")
        r = self.server.get("/api/v1/health")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["status"], "ok")
        self.assertEqual(self.server.get(f"/api/v1/actors/{self.actor['id']}").status, 200)

    # --- SQL injection ----------------------------------------------------------------------
    def inject_body(self, route, base, free, checked, payloads=SQL, unique=None):
        """`unique(body, n)` makes the n-th body no repeat of a stored record (409)."""
        n = 0
        for payload in payloads:
            for path in free + checked:
                with self.subTest(route=route, field=path, payload=payload):
                    body = set_path(base, path, payload)
                    n += 1
                    if unique:
                        body = unique(body, path, n)
                    before = self.state()
                    r = self.server.post(route, body)
                    self.assert_safe(r, (201,) if path in free else (201, 422), path,
                                     echo=payload)
                    if r.status == 201:
                        self.assertEqual(get_path(r.json(), path), payload)
                        stored = self.server.get(f"{route}/{r.json()['id']}")
                        self.assertEqual(get_path(stored.json(), path), payload)
                        self.assertEqual(self.state()["seq"], before["seq"] + 1)
                    else:
                        self.assertTrue(r.json()["error"]["fields"], r.body)
                        self.assert_unchanged(before, path)
        self.check_db_intact()

    def full_card(self, **over):
        return card_body(self.actor["id"], locations=[{"municipality_code": "571164",
                                                       "street": "Resselovo nám. 77"}],
                         contacts=[{"name": "Recepce", "role": "psycholog",
                                    "phone": "+420 469 000 000", "email": "info@example.cz",
                                    "web": "https://example.cz", "public": True}],
                         forms=["ambulatory"], need_areas=["learning"],
                         capacity={"amount": 10, "unit": "pupils"}, access="direct",
                         last_verified="2020-01-01", target_group="Žáci", cost_note="Zdarma",
                         hours="Po–Pá 8–16", access_note="Objednat se předem.", **over)

    def full_actor(self):
        return {**ACTOR, "web": "https://www.chrudim.cz", "note": "Poznámka",
                "seat": {"municipality_code": "571164", "street": "Resselovo nám. 77",
                         "postcode": "53701"},
                "contacts": [{"name": "Podatelna", "role": "podatelna",
                              "phone": "+420 469 657 111", "email": "podatelna@chrudim.cz",
                              "web": "https://www.chrudim.cz", "public": True}]}

    def test_sql_injection_in_actor_fields_is_stored_as_data(self):
        base = self.full_actor()
        self.assertEqual(self.server.post("/api/v1/actors", base).status, 201)
        # Each actor another name, or it repeats the first at the same address (409); the
        # injected name itself is unique already.
        self.inject_body("/api/v1/actors", base, ACTOR_FREE, ACTOR_CHECKED,
                         unique=lambda b, path, n: b if path == "name"
                         else {**b, "name": f"{b['name']} {n}"})

    def test_sql_injection_in_service_card_fields_is_stored_as_data(self):
        base = self.full_card()
        r = self.server.post("/api/v1/service-cards", base)
        self.assertEqual(r.status, 201, r.body)
        self.inject_body("/api/v1/service-cards", base, CARD_FREE, CARD_CHECKED)

    def test_sql_injection_in_meeting_and_need_fields_is_stored_as_data(self):
        self.inject_body("/api/v1/meetings", meeting_body(), MEETING_FREE, MEETING_CHECKED)
        self.inject_body("/api/v1/needs", need_body(), NEED_FREE, NEED_CHECKED)

    def query_parameters(self):
        """(path, [parameter names]) of every GET route, from the served OpenAPI document."""
        doc = strict_json(self.server.get("/api/v1/openapi.json").body)
        shared = doc.get("components", {}).get("parameters", {})

        def name(p):
            if "$ref" in p:
                p = shared[p["$ref"].rsplit("/", 1)[1]]
            return p["name"], p.get("in")
        for path, ops in doc["paths"].items():
            if "get" not in ops:
                continue
            params = [name(p) for p in ops.get("parameters", []) + ops["get"].get("parameters", [])]
            yield path, [n for n, where in params if where == "query"], \
                [n for n, where in params if where == "path"]

    # A route whose path parameter, left as "{id}", would answer 404 before its query is
    # read: its query is tried on a real record.
    PATH_EXAMPLE = {
        "/api/v1/situations/{id}/services": "/api/v1/situations/child_abuse/services",
    }

    BASE_QUERY = {
        "/api/v1/strategy": {"orp": "5304"},
        "/api/v1/strategy/changes": {"orp": "5304", "from": "2018-01-01"},
        "/api/v1/analysis/coverage": {"orp": "5304"},
        "/api/v1/analysis/accessibility": {"orp": "5304", "service_type": "ss65"},
        "/api/v1/analysis/candidates": {"orp": "5304", "service_type": "ss65"},
        "/api/v1/analysis/network": {"orp": "5304"},
        "/api/v1/analysis/network/changes": {"orp": "5304", "from": "2016-01-01"},
        "/api/v1/analysis/travel-times": {"from": "571661", "to": "571164"},
        "/api/v1/monitoring": {"orp": "5304"},
        "/api/v1/monitoring.csv": {"orp": "5304"},
        "/api/v1/personal-data": {"name": "Podatelna"},
    }

    def test_sql_injection_in_query_filters_is_refused_or_finds_nothing(self):
        before = self.state()
        tried = 0
        for path, query, in_path in self.query_parameters():
            for payload in SQL:
                if in_path:
                    target = re.sub(r"\{[^}]+\}", urllib.parse.quote(payload, safe=""), path)
                    with self.subTest(path=target):
                        r = self.server.get(target)
                        self.assert_safe(r, (400, 404, 422), target, echo=payload)
                    tried += 1
                for param in query:
                    q = {**self.BASE_QUERY.get(path, {}), param: payload}
                    base = self.PATH_EXAMPLE.get(path, path)
                    target = base + "?" + urllib.parse.urlencode(q)
                    with self.subTest(path=target):
                        r = self.server.get(target)
                        self.assert_safe(r, (200, 422), target, echo=payload)
                        if r.status == 200 and not path.endswith((".csv", ".xlsx")):
                            body = strict_json(r.body)
                            self.assertNotIn("argon2", r.body)
                            if isinstance(body, dict) and "items" in body and param in (
                                    "orp", "region", "municipality"):
                                self.assertEqual(body["items"], [], target)
                    tried += 1
        self.assertGreater(tried, 200)
        self.assert_unchanged(before, "query filters")
        self.check_db_intact()

    def test_sql_injection_in_sign_in_is_just_a_wrong_login(self):
        before = self.state()
        for payload in SQL[:4] + ["atk.admin' --"]:
            r = self.server.post("/api/v1/session", {"login": payload, "password": "x' OR '1'='1"},
                                 anonymous=True)
            self.assert_safe(r, (401,), payload)
            self.assertIsNone(session_cookie(r))
        for i, payload in enumerate(SQL[:4]):
            r = self.server.post("/api/v1/session", {"login": f"atk.sqli{1 + i % 2}",
                                                     "password": payload}, anonymous=True)
            self.assert_safe(r, (401,), payload)
            self.assertIsNone(session_cookie(r))
        self.assert_unchanged(before, "sign-in")
        self.assertEqual(self.server.post("/api/v1/session", {
            "login": "atk.admin", "password": self.passwords["atk.admin"]},
            anonymous=True).status, 200)
        self.check_db_intact()

    # --- stored scripts -----------------------------------------------------------------------
    def assert_json_answer(self, r):
        ctype = r.headers["Content-Type"]
        self.assertTrue(ctype.startswith("application/json"), ctype)
        self.assertNotIn("text/html", ctype)
        self.assertEqual(r.headers["X-Content-Type-Options"], "nosniff")
        self.assertIn("default-src", r.headers["Content-Security-Policy"])

    def test_stored_scripts_come_back_as_json_strings(self):
        s = self.server
        a, b = SCRIPTS
        created = [
            ("/api/v1/actors", {**ACTOR, "name": a, "note": b,
                                "contacts": [{"name": b, "public": True,
                                              "phone": "+420 111 222 333"}]},
             {"name": a, "note": b, "contacts.0.name": b}),
            ("/api/v1/service-cards", card_body(self.actor["id"], name=b, description=a,
                                                does=a, does_not=b),
             {"name": b, "description": a, "does": a, "does_not": b}),
            ("/api/v1/meetings", meeting_body(topic=a, notes=b, outputs=a),
             {"topic": a, "notes": b, "outputs": a}),
            ("/api/v1/needs", need_body(statement=b), {"statement": b}),
            ("/api/v1/good-practices", {"orp_code": "5304", "title": a, "description": b},
             {"title": a, "description": b}),
        ]
        for route, body, fields in created:
            with self.subTest(route=route):
                r = s.post(route, body)
                self.assertEqual(r.status, 201, r.body)
                self.assert_json_answer(r)
                path = f"{route}/{r.json()['id']}"
                for accept in ("application/json", "text/html,application/xhtml+xml"):
                    got = s.get(path, headers={**s.admin_headers, "Accept": accept})
                    self.assertEqual(got.status, 200)
                    self.assert_json_answer(got)
                    doc = strict_json(got.body)
                    for field, value in fields.items():
                        self.assertEqual(get_path(doc, field), value)
        for path in ("/api/v1/actors?q=img", "/api/v1/service-cards?limit=50",
                     "/api/v1/meetings?orp=5304", "/api/v1/needs?orp=5304",
                     "/api/v1/actors?q=" + urllib.parse.quote(a)):
            with self.subTest(path=path):
                r = s.get(path)
                self.assertIn(r.status, (200, 422), r.body)
                self.assert_json_answer(r)
        names = [x["name"] for x in s.get("/api/v1/actors?limit=200").json()["items"]]
        self.assertIn(a, names)
        # A payload in the path of a missing record is answered as JSON too.
        r = s.get("/api/v1/actors/" + urllib.parse.quote(a, safe=""))
        self.assertEqual(r.status, 404)
        self.assert_json_answer(r)

    # --- CSRF -------------------------------------------------------------------------------
    def test_cookie_signed_changes_need_the_sessions_csrf_token(self):
        s = self.server
        cookie = {"Cookie": self.admin["Cookie"]}
        actor = s.post("/api/v1/actors", {**ACTOR, "name": "CSRF target"}).json()
        path = f"/api/v1/actors/{actor['id']}"
        other = self.networker["X-CSRF-Token"]  # a real token, of another session
        bad_headers = [
            cookie,
            {**cookie, "X-CSRF-Token": "0" * 64},
            {**cookie, "X-CSRF-Token": ""},
            {**cookie, "X-CSRF-Token": other},
            {**cookie, "X-CSRF-Token": self.admin["X-CSRF-Token"][:-1]},
            {"Cookie": self.admin["Cookie"] + "; X-CSRF-Token=" + self.admin["X-CSRF-Token"]},
        ]
        before = self.state()
        for h in bad_headers:
            attempts = [
                ("POST", "/api/v1/actors", {**ACTOR, "name": "CSRF forged"}),
                ("PUT", path, {**actor, "name": "CSRF changed"}),
                ("DELETE", path, None),
                ("POST", "/api/v1/meetings", meeting_body()),
                ("POST", "/api/v1/users", {"login": "csrf.victim", "display_name": "V",
                                           "role": "admin"}),
                ("POST", "/api/v1/api-tokens", {"name": "csrf", "scope": "write"}),
                ("DELETE", f"/api/v1/api-tokens/{self.token_id}", None),
                ("DELETE", "/api/v1/session", None),
                ("DELETE", "/api/v1/sessions", None),
            ]
            for method, target, body in attempts:
                with self.subTest(method=method, target=target, headers=sorted(h)):
                    r = s.request(method, target, body,
                                  headers={**h, "If-Match": '"1"'} if method != "POST" else h)
                    self.assertEqual(r.status, 403, r.body)
        self.assert_unchanged(before, "CSRF")
        self.assertEqual(s.get(path).json()["name"], "CSRF target")
        self.assertEqual(s.get("/api/v1/session", headers=cookie).status, 200)
        # The right token works: the refusals above were about the token alone.
        r = s.put(path, {**actor, "name": "CSRF fine"}, headers={**self.admin, "If-Match": '"1"'})
        self.assertEqual(r.status, 200, r.body)

    # --- session fixation ------------------------------------------------------------------
    def test_a_planted_session_id_is_never_adopted(self):
        s = self.server
        before = self.state()
        for planted in ("a" * 64, "0123456789abcdef" * 4, "attacker-chosen"):
            with self.subTest(planted=planted):
                jar = {"Cookie": "prosit_session=" + planted}
                self.assertEqual(s.get("/api/v1/session", headers=jar).status, 401)
                r = s.post("/api/v1/session", {"login": "atk.networker",
                                               "password": self.passwords["atk.networker"]},
                           headers=jar)
                self.assertEqual(r.status, 200, r.body)
                issued = session_cookie(r)
                self.assertNotEqual(issued, planted)
                self.assertRegex(issued, r"^[0-9a-f]{64}$")
                self.assertEqual(s.get("/api/v1/session", headers=jar).status, 401)
                r = s.post("/api/v1/meetings", meeting_body(),
                           headers={**jar, "X-CSRF-Token": r.json()["csrf_token"]})
                self.assertEqual(r.status, 401, r.body)
                self.assertEqual(s.get("/api/v1/session", headers={
                    "Cookie": "prosit_session=" + issued}).status, 200)
        self.assertEqual(self.state()["seq"], before["seq"])
        stored = [row[0] for row in query(s.database, "SELECT token_hash FROM sessions")]
        self.assertNotIn("a" * 64, stored)  # only hashes are stored

    # --- path traversal ----------------------------------------------------------------------
    def assert_no_leak(self, target, status, body):
        self.assertNotIn(SECRET.encode(), body, target)
        self.assertNotIn(b"root:", body, target)
        self.assertNotIn(b"CREATE TABLE", body, target)
        self.assertTrue(status in (None, 400, 404) or (status == 200 and body == INDEX),
                        (target, status, body[:200]))

    def test_path_traversal_on_api_routes_and_files(self):
        db_name = urllib.parse.quote(self.server.database, safe="")
        targets = [
            "/api/v1/../../etc/passwd",
            "/api/v1/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/reference/..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/api/v1/reference/../../../../etc/passwd",
            "/api/v1/reference/%2e%2e%2f%2e%2e%2freference",
            "/api/v1/reference/..%5c..%5cetc%5cpasswd",
            "/api/v1/orps/..%2f..%2fetc%2fpasswd/municipalities",
            "/api/v1/actors/..%2f1",
            "/api/v1/openapi.json/..%2f..%2f..%2fetc%2fpasswd",
            "/api/v1/reference/" + db_name,
            "/..%2foutside%2fsecret.txt",
            "/%2e%2e/outside/secret.txt",
            "/sub/..%2f..%2foutside%2fsecret.txt",
            "/sub/%2e%2e/%2e%2e/outside/secret.txt",
        ]
        for target in targets:
            with self.subTest(target=target):
                status, headers, body = raw_request(self.server.port, target)
                self.assert_no_leak(target, status, body)
                if status and target.startswith("/api/"):
                    self.assertNotIn("text/html", headers.get("content-type", ""))

    # --- bodies --------------------------------------------------------------------------------
    def write_routes(self):
        """(method, path, a valid body) of write routes, with real ids."""
        return [
            ("POST", "/api/v1/actors", ACTOR),
            ("PUT", f"/api/v1/actors/{self.actor['id']}", self.actor),
            ("POST", "/api/v1/service-cards", card_body(self.actor["id"])),
            ("PUT", f"/api/v1/service-cards/{self.card['id']}", self.card),
            ("POST", "/api/v1/meetings", meeting_body()),
            ("PUT", f"/api/v1/meetings/{self.meeting['id']}", self.meeting),
            ("POST", "/api/v1/needs", need_body()),
            ("PUT", f"/api/v1/needs/{self.need['id']}", self.need),
            ("POST", "/api/v1/ties", {k: self.tie[k] for k in ("actor_a", "actor_b", "type",
                                                                "since")}),
            ("POST", "/api/v1/themes", {"orp_code": "5304", "title": "T", "since": "2018-01-10"}),
            ("POST", "/api/v1/goals", {"theme_id": self.theme["id"], "title": "G",
                                       "since": "2018-02-01"}),
            ("POST", "/api/v1/steps", {"goal_id": self.goal["id"], "title": "S",
                                       "deadline": "2018-03-31"}),
            ("POST", "/api/v1/good-practices", {"orp_code": "5304", "title": "P",
                                                "description": "D"}),
            ("POST", "/api/v1/recommendations", {"orp_code": "5304", "text": "R"}),
            ("POST", "/api/v1/participations", {"orp_code": "5304", "since": "2016-08-01"}),
            ("POST", "/api/v1/orp-texts", {"orp_code": "5304", "focus": "F"}),
            ("POST", "/api/v1/analysis-texts", {"orp_code": "5304", "introduction": "U"}),
            ("POST", "/api/v1/users", {"login": "body.user", "display_name": "B",
                                       "role": "viewer", "territories": ["5304"]}),
            ("POST", "/api/v1/api-tokens", {"name": "body", "scope": "read"}),
            ("POST", "/api/v1/analysis/what-if", {"add": [{"service_type": "ss65",
                                                           "municipality": "571164"}]}),
            ("POST", "/api/v1/personal-data/erasure", {"name": "Podatelna"}),
            ("POST", "/api/v1/session", {"login": "atk.admin", "password": "x"}),
        ]

    def test_oversized_bodies_are_413_and_write_nothing(self):
        before = self.state()
        for method, path, body in self.write_routes():
            with self.subTest(method=method, path=path):
                big = dict(body)
                big["padding" if "session" in path else next(iter(body))] = "x" * (1 << 20)
                raw = json.dumps(big).encode()
                self.assertGreater(len(raw), 1 << 20)
                r = self.server.request(method, path, raw=raw,
                                        headers={**self.admin, "If-Match": '"1"'})
                self.assert_safe(r, (413,), path)
                self.assertEqual(r.json()["error"]["code"], "payload_too_large")
        self.assert_unchanged(before, "oversized")

    def test_malformed_bodies_are_400_or_422_and_write_nothing(self):
        before = self.state()
        wrong_types = {
            "/api/v1/actors": {**ACTOR, "name": 5, "contacts": "all", "seat": []},
            "/api/v1/service-cards": card_body(str(self.actor["id"]), age_min="eight",
                                               locations={"municipality_code": 571164}),
            "/api/v1/meetings": meeting_body(people="three", actor_ids="all", date=20180314),
            "/api/v1/needs": need_body(sectors="education", voiced_by=[True]),
            "/api/v1/ties": {"actor_a": "one", "actor_b": None, "type": 1, "since": []},
            "/api/v1/themes": {"orp_code": 5304, "title": None, "since": "2018-01-10"},
            "/api/v1/goals": {"theme_id": "1", "title": "G", "since": "2018-02-01"},
            "/api/v1/steps": {"goal_id": [1], "title": "S", "deadline": "2018-03-31"},
            "/api/v1/good-practices": {"orp_code": "5304", "title": {}, "description": "D"},
            "/api/v1/recommendations": {"orp_code": "5304", "text": 3.5},
            "/api/v1/users": {"login": ["x"], "display_name": 1, "role": "viewer"},
            "/api/v1/api-tokens": {"name": 7, "scope": True},
            "/api/v1/analysis/what-if": {"add": [{"service_type": 65, "municipality": None}]},
            "/api/v1/personal-data/erasure": {"name": ["Podatelna"]},
            "/api/v1/session": {"login": 1, "password": None},
        }
        for method, path, body in self.write_routes():
            malformed = [b"not json", b"{", b'{"name": "x",}', b"\xff\xfe{}", b"", b"null",
                         b"[]", b"[" + json.dumps(body).encode() + b"]", b'"a string"', b"42"]
            bodies = [(raw, (400, 422)) for raw in malformed]
            base = path if method == "POST" else path.rsplit("/", 1)[0]
            if base in wrong_types:
                bodies.append((json.dumps(wrong_types[base]).encode(), (400, 422)))
            for raw, allowed in bodies:
                with self.subTest(method=method, path=path, body=raw[:40]):
                    r = self.server.request(method, path, raw=raw,
                                            headers={**self.admin, "If-Match": '"1"'})
                    self.assert_safe(r, allowed, f"{method} {path} {raw[:40]}")
                    self.assertTrue(r.json()["error"]["message"])
        self.assert_unchanged(before, "malformed")
        self.check_db_intact()

    # --- the change log ----------------------------------------------------------------------
    def test_nothing_rewrites_the_change_log(self):
        before = self.state()
        for method in ("PUT", "DELETE", "POST", "PATCH"):
            for path in ("/api/v1/audit", "/api/v1/audit?entity=actor&id=1", "/api/v1/audit/1",
                         "/api/v1/audit.csv"):
                with self.subTest(method=method, path=path):
                    r = self.server.request(method, path, {"op": "delete"},
                                            headers={**self.admin, "If-Match": '"1"'})
                    self.assert_safe(r, (404, 405), path)
        self.assert_unchanged(before, "change log routes")
        db = sqlite3.connect(self.server.database, timeout=30)
        try:
            for sql in ("UPDATE change_log SET author = 'mallory'", "DELETE FROM change_log"):
                with self.assertRaises(sqlite3.DatabaseError, msg=sql):
                    db.execute(sql)
            db.rollback()
        finally:
            db.close()
        self.assert_unchanged(before, "change log triggers")

    # --- guessing passwords ----------------------------------------------------------------
    def test_wrong_passwords_until_throttled(self):
        s = self.server
        before = self.state()
        for i in range(5):
            r = s.post("/api/v1/session", {"login": "atk.victim", "password": f"Guess number {i}"},
                       anonymous=True)
            self.assertEqual(r.status, 401, r.body)
        r = s.post("/api/v1/session", {"login": "atk.victim", "password": "Guess number 6"},
                   anonymous=True)
        self.assertEqual(r.status, 429, r.body)
        self.assertGreater(int(r.headers["Retry-After"]), 0)
        self.assertIsNone(session_cookie(r))
        r = s.post("/api/v1/session", {"login": "atk.victim",
                                       "password": self.passwords["atk.victim"]}, anonymous=True)
        self.assertEqual(r.status, 429, "the right password got through while throttled")
        self.assertIsNone(session_cookie(r))
        self.assertGreater(int(r.headers["Retry-After"]), 0)
        # Case and spacing do not make another login to guess at.
        r = s.post("/api/v1/session", {"login": "ATK.Victim",
                                       "password": self.passwords["atk.victim"]}, anonymous=True)
        self.assertIn(r.status, (401, 429), r.body)
        self.assertIsNone(session_cookie(r))
        self.assert_unchanged(before, "throttling")

    # --- anonymous writes -------------------------------------------------------------------
    def test_anonymous_writes_are_401_and_write_nothing(self):
        doc = strict_json(self.server.get("/api/v1/openapi.json").body)
        ids = {
            "/api/v1/actors/{id}": self.actor, "/api/v1/service-cards/{id}": self.card,
            "/api/v1/meetings/{id}": self.meeting, "/api/v1/needs/{id}": self.need,
            "/api/v1/ties/{id}": self.tie, "/api/v1/themes/{id}": self.theme,
            "/api/v1/goals/{id}": self.goal, "/api/v1/steps/{id}": self.step,
            "/api/v1/good-practices/{id}": self.practice,
            "/api/v1/recommendations/{id}": self.recommendation,
            "/api/v1/participations/{id}": self.participation,
            "/api/v1/orp-texts/{id}": self.orp_text,
            "/api/v1/analysis-texts/{id}": self.analysis_text,
        }
        bodies = {path: body for method, path, body in self.write_routes() if method == "POST"}
        user_id = query(self.server.database,
                        "SELECT id FROM users WHERE login = 'atk.networker'")[0][0]
        before = self.state()
        tried = 0
        for path, ops in doc["paths"].items():
            for method in ops:
                if method not in ("post", "put", "delete") or \
                        (method, path) == ("post", "/api/v1/session"):
                    continue
                target, body = path, bodies.get(path)
                if path in ids:
                    target, body = path.replace("{id}", str(ids[path]["id"])), ids[path]
                elif path == "/api/v1/users/{id}/password":
                    target = path.replace("{id}", str(user_id))
                    body = {"current_password": self.passwords["atk.networker"],
                            "new_password": "Anonymous Heslo 99"}
                elif path == "/api/v1/api-tokens/{id}":
                    target = path.replace("{id}", str(self.token_id))
                for headers in ({}, {"Cookie": "prosit_session=" + "b" * 64},
                                {"Authorization": "Bearer prosit_" + "c" * 64}):
                    with self.subTest(method=method, path=target, headers=sorted(headers)):
                        h = {**headers, "If-Match": '"1"'} if method != "post" else headers
                        r = self.server.request(method.upper(), target, body or {}, headers=h,
                                                anonymous=True)
                        self.assert_safe(r, (401,), f"{method} {target}")
                        tried += 1
        self.assertGreater(tried, 60)
        self.assert_unchanged(before, "anonymous writes")
        for path, rec in ids.items():
            stored = self.server.get(path.replace("{id}", str(rec["id"]))).json()
            self.assertEqual(stored["version"], rec["version"], path)


if __name__ == "__main__":
    unittest.main()
