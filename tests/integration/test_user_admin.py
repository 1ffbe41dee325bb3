"""User administration over real HTTP (docs/permissions.md, docs/operations.md "User
administration"): an admin lists users, looks at one with its sessions and API tokens,
changes name, e-mail, role, territories and activity with a JSON Merge Patch, ends a user's
sessions and revokes their tokens. Every change is in the audit trail with the admin as the
author; a deactivated user cannot sign in and their sessions and tokens stop at once;
nobody deactivates themselves and the last active admin stays one; a refused change
writes nothing. Also: /api/v1/health says where the travel times stand."""

import json
import re
import time
import unittest

from server import Server, add_token, add_user, query, strict_json

MERGE = "application/merge-patch+json"


def session_of(server, login, password):
    """(headers of a signed-in session, user id)."""
    r = server.post("/api/v1/session", {"login": login, "password": password}, anonymous=True)
    assert r.status == 200, (login, r.status, r.body)
    cookie = re.match(r"prosit_session=([^;]*)", r.headers["Set-Cookie"]).group(1)
    return {"Cookie": "prosit_session=" + cookie, "X-CSRF-Token": r.json()["csrf_token"]}, \
        r.json()["user"]["id"]


class UserAdminTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.server.__enter__()
        cls.db = cls.server.database
        cls.admin_id = query(cls.db, "SELECT id FROM users WHERE login = ?", (Server.ADMIN,))[0][0]
        cls.n = 0

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    # --- helpers -----------------------------------------------------------------------
    def create(self, role="networker", territories=("5304",), login=None):
        UserAdminTest.n += 1
        login = login or f"ua.user{self.n}"
        r = self.server.post("/api/v1/users", {"login": login, "display_name": "Jana Testová",
                                               "role": role, "territories": list(territories)})
        self.assertEqual(r.status, 201, r.body)
        body = r.json()
        self.assertTrue(body["one_time_password"])
        return body["user"], body["one_time_password"]

    def patch(self, uid, patch, version, headers=None, content_type=MERGE):
        h = {"Content-Type": content_type, **({"If-Match": f'"{version}"'} if version else {}),
             **(headers or {})}
        return self.server.request("PATCH", f"/api/v1/users/{uid}", patch, headers=h)

    def user(self, uid):
        r = self.server.get(f"/api/v1/users/{uid}")
        self.assertEqual(r.status, 200, r.body)
        return strict_json(r.body)

    def history(self, uid):
        r = self.server.get(f"/api/v1/audit?entity=user&id={uid}")
        self.assertEqual(r.status, 200, r.body)
        return r.json()["items"]

    @staticmethod
    def fields_of(entry):
        """The fields an audit entry changed, besides the version."""
        return [c["field"] for c in entry["changes"] if c["field"] != "version"]

    def log_size(self):
        return query(self.db, "SELECT COUNT(*) FROM change_log")[0][0]

    # --- listing and looking -------------------------------------------------------------
    def test_lists_users_and_shows_one_with_sessions_and_tokens_never_secrets(self):
        u, pw = self.create()
        session_of(self.server, u["login"], pw)
        add_token(self.db, u["login"], "read", "ua tool")
        r = self.server.get("/api/v1/users")
        self.assertEqual(r.status, 200, r.body)
        listed = r.json()
        logins = [x["login"] for x in listed["items"]]
        self.assertIn(u["login"], logins)
        self.assertIn(Server.ADMIN, logins)
        self.assertEqual(logins, sorted(logins))
        self.assertEqual(listed["total"], len(logins))
        self.assertNotIn("hash", r.body)
        self.assertNotIn("$argon2", r.body)
        detail = self.user(u["id"])
        self.assertEqual(detail["open_sessions"], 1)
        self.assertEqual([t["name"] for t in detail["api_tokens"]], ["ua tool"])
        self.assertIsNone(detail["api_tokens"][0]["revoked"])
        self.assertNotIn("token_hash", json.dumps(detail))
        self.assertNotIn("prosit_", json.dumps(detail))
        r = self.server.get(f"/api/v1/users/{u['id']}")
        self.assertEqual(r.headers["ETag"], f'"{u["version"]}"')
        self.assertEqual(self.server.get("/api/v1/users/999999").status, 404)

    # --- changes ---------------------------------------------------------------------------
    def test_changes_role_and_territory_and_the_audit_trail_shows_each_field(self):
        u, _ = self.create()
        r = self.patch(u["id"], {"role": "regional_coordinator", "territories": ["CZ053"],
                                 "display_name": "Jana Krajská"}, u["version"])
        self.assertEqual(r.status, 200, r.body)
        changed = r.json()
        self.assertEqual((changed["role"], changed["territories"], changed["version"]),
                         ("regional_coordinator", ["CZ053"], u["version"] + 1))
        self.assertEqual(r.headers["ETag"], f'"{u["version"] + 1}"')
        latest = self.history(u["id"])[0]
        self.assertEqual(latest["author"], "user:" + Server.ADMIN)
        fields = {c["field"]: (c["before"], c["after"]) for c in latest["changes"]}
        self.assertEqual(fields["role"], ("networker", "regional_coordinator"))
        self.assertEqual(fields["display_name"], ("Jana Testová", "Jana Krajská"))
        self.assertTrue(any(f.startswith("territories") for f in fields), fields)

    def test_a_refused_change_names_its_field_and_writes_nothing(self):
        u, _ = self.create()
        size = self.log_size()
        cases = [
            ({"territories": ["9999"]}, u["version"], "territories"),
            ({"role": "king"}, u["version"], "role"),
            ({"login": "renamed"}, u["version"], "login"),
            ({"must_change_password": False}, u["version"], "must_change_password"),
            ({"sessions_ended_at": "2020-01-01T00:00:00Z"}, u["version"], "sessions_ended_at"),
            ({"role": "regional_coordinator"}, u["version"], "territories"),  # ORP codes stay
            ({"active": "no"}, u["version"], "active"),
        ]
        for patch, version, field in cases:
            with self.subTest(patch=patch):
                r = self.patch(u["id"], patch, version)
                self.assertEqual(r.status, 422, r.body)
                named = r.json()["error"]["fields"]
                self.assertTrue(any(f == field or f.startswith(field + "[") for f in named),
                                r.body)
        r = self.patch(u["id"], {"display_name": "X"}, None)
        self.assertEqual(r.status, 428, r.body)
        r = self.patch(u["id"], {"display_name": "X"}, u["version"] + 5)
        self.assertEqual(r.status, 409, r.body)
        r = self.patch(u["id"], {"display_name": "X"}, u["version"], content_type="application/json")
        self.assertEqual(r.status, 415, r.body)
        self.assertEqual(self.patch(999999, {"display_name": "X"}, 1).status, 404)
        self.assertEqual(self.log_size(), size, "a refused change wrote to the change log")
        self.assertEqual(self.user(u["id"])["version"], u["version"])
        # Czech error messages for the app (Accept-Language).
        r = self.patch(u["id"], {"territories": ["9999"]}, u["version"],
                       headers={"Accept-Language": "cs"})
        self.assertEqual(r.status, 422)

    def test_deactivation_stops_sign_in_sessions_and_tokens_at_once(self):
        u, pw = self.create()
        session, _ = session_of(self.server, u["login"], pw)
        second, _ = session_of(self.server, u["login"], pw)
        token = add_token(self.db, u["login"], "read", "ua deactivated")
        bearer = {"Authorization": "Bearer " + token}
        self.assertEqual(self.server.get("/api/v1/session", headers=session).status, 200)
        self.assertEqual(self.server.get("/api/v1/meetings?orp=5304", headers=bearer).status, 200)

        r = self.patch(u["id"], {"active": False}, u["version"])
        self.assertEqual(r.status, 200, r.body)
        self.assertFalse(r.json()["active"])
        # At once: no waiting for the credential cache.
        self.assertEqual(self.server.get("/api/v1/session", headers=session).status, 401)
        self.assertEqual(self.server.get("/api/v1/session", headers=second).status, 401)
        self.assertEqual(self.server.get("/api/v1/meetings?orp=5304", headers=bearer).status, 401)
        r = self.server.post("/api/v1/session", {"login": u["login"], "password": pw},
                             anonymous=True)
        self.assertEqual(r.status, 401, r.body)
        self.assertEqual(query(self.db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?",
                               (u["id"],))[0][0], 0)
        detail = self.user(u["id"])
        self.assertEqual(detail["open_sessions"], 0)
        self.assertTrue(all(t["revoked"] for t in detail["api_tokens"]))
        fields = {c["field"]: (c["before"], c["after"]) for c in self.history(u["id"])[0]["changes"]}
        self.assertEqual(fields["active"], (True, False))
        self.assertIn("sessions_ended_at", fields)
        self.assertIn("tokens_revoked_at", fields)

        # Active again: signs in with the same password; the revoked token stays revoked.
        r = self.patch(u["id"], {"active": True}, detail["version"])
        self.assertEqual(r.status, 200, r.body)
        session_of(self.server, u["login"], pw)
        self.assertEqual(self.server.get("/api/v1/meetings?orp=5304", headers=bearer).status, 401)

    def test_ends_sessions_or_revokes_tokens_separately_and_logs_it(self):
        u, pw = self.create()
        session, _ = session_of(self.server, u["login"], pw)
        bearer = {"Authorization": "Bearer " + add_token(self.db, u["login"], "read", "ua sep")}
        r = self.server.delete(f"/api/v1/users/{u['id']}/sessions")
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(self.server.get("/api/v1/session", headers=session).status, 401)
        self.assertEqual(self.server.get("/api/v1/meetings?orp=5304", headers=bearer).status, 200)
        entry = self.history(u["id"])[0]
        self.assertEqual(entry["author"], "user:" + Server.ADMIN)
        self.assertEqual(self.fields_of(entry), ["sessions_ended_at"])

        session, _ = session_of(self.server, u["login"], pw)
        r = self.server.delete(f"/api/v1/users/{u['id']}/api-tokens")
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(self.server.get("/api/v1/meetings?orp=5304", headers=bearer).status, 401)
        self.assertEqual(self.server.get("/api/v1/session", headers=session).status, 200)
        self.assertEqual(self.fields_of(self.history(u["id"])[0]), ["tokens_revoked_at"])
        for tail in ("sessions", "api-tokens"):
            self.assertEqual(self.server.delete(f"/api/v1/users/999999/{tail}").status, 404)

    def test_nobody_deactivates_themselves_and_the_last_admin_stays(self):
        me = self.user(self.admin_id)
        size = self.log_size()
        r = self.patch(self.admin_id, {"active": False}, me["version"])
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("active", r.json()["error"]["fields"])
        admins = [x for x in self.server.get("/api/v1/users").json()["items"]
                  if x["role"] == "admin" and x["active"]]
        if len(admins) == 1:
            r = self.patch(self.admin_id, {"role": "viewer", "territories": ["5304"]},
                           me["version"])
            self.assertEqual(r.status, 422, r.body)
            self.assertIn("role", r.json()["error"]["fields"])
        self.assertEqual(self.log_size(), size)

        # With a second admin, that one may step down (not the last); then the first
        # is the last again and may not.
        other, _ = self.create(role="admin", territories=())
        other_token = {"Authorization": "Bearer " + add_token(self.db, other["login"])}
        r = self.patch(other["id"], {"role": "viewer", "territories": ["5304"]},
                       other["version"], headers=other_token)
        self.assertEqual(r.status, 200, r.body)
        # … and, no longer an admin, administers nothing.
        self.assertEqual(self.server.get("/api/v1/users", headers=other_token).status, 403)
        r = self.patch(self.admin_id, {"role": "viewer", "territories": ["5304"]}, me["version"])
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("role", r.json()["error"]["fields"])
        self.assertEqual(self.user(self.admin_id)["role"], "admin")

    def test_only_admins_administer(self):
        u, _ = self.create()
        add_user(self.db, "ua.coord", "regional_coordinator", "--region", "CZ053")
        coord = {"Authorization": "Bearer " + add_token(self.db, "ua.coord")}
        admin_read = {"Authorization": "Bearer " + add_token(self.db, Server.ADMIN, "read")}
        size = self.log_size()
        self.assertEqual(self.server.get("/api/v1/users", headers=coord).status, 403)
        self.assertEqual(self.server.get(f"/api/v1/users/{u['id']}", headers=coord).status, 403)
        self.assertEqual(self.patch(u["id"], {"display_name": "X"}, u["version"],
                                    headers=coord).status, 403)
        self.assertEqual(self.server.delete(f"/api/v1/users/{u['id']}/sessions",
                                            headers=coord).status, 403)
        self.assertEqual(self.server.get("/api/v1/users", anonymous=True).status, 401)
        # A read-only token of an admin reads users but changes none.
        self.assertEqual(self.server.get("/api/v1/users", headers=admin_read).status, 200)
        self.assertEqual(self.patch(u["id"], {"display_name": "X"}, u["version"],
                                    headers=admin_read).status, 403)
        self.assertEqual(self.log_size(), size)


class TravelTimesStatusTest(unittest.TestCase):
    """The health answer says whether the travel times are still being computed, so the
    app can show it; once computed it says ready."""

    def test_health_reports_the_travel_times(self):
        with Server() as server:
            seen = set()
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                state = server.get("/api/v1/health", anonymous=True).json()["travel_times"]
                seen.add(state)
                self.assertIn(state, ("not_started", "computing", "ready"))
                if state == "ready":
                    break
                time.sleep(0.1)
            self.assertIn("ready", seen)
            # An analysis answers once they are ready.
            self.assertEqual(server.get("/api/v1/analysis/coverage?orp=5304").status, 200)


if __name__ == "__main__":
    unittest.main()
