"""Confidential addresses and what a caller may see of records it may not read
(docs/permissions.md), over real HTTP on the demo network.

A service card with `confidential_address` (a shelter) is in the public catalog, but its
street, its exact point and its municipality reach only those who may see them: every
route the served OpenAPI document names is called as the public and as a networker of
another ORP, with the ids, ORPs, municipalities and words of those cards, and no answer
may hold a street or a coordinate of one. The audit trail shows a caller only the
versions of a record it could have read."""

import json
import re
import unittest
import urllib.parse

from server import Server, add_token, add_user, api_operations, query
from test_api import ACTOR, card as card_body
from test_meetings import meeting as meeting_body

OWN_ORP = "5304"  # Chrudim: the networker's ORP
OWN_MUNICIPALITY = "571164"  # Chrudim
OTHER_ORP = "2101"  # Benešov, outside the demo region
REGION = "CZ053"

SIGN_OUT_OR_REVOKE = {"/api/v1/session", "/api/v1/sessions", "/api/v1/api-tokens/{id}"}
NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


class ConfidentialityTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        add_user(server.database, "conf.networker", "networker", "--orp", OWN_ORP)
        cls.networker = {"Authorization": "Bearer " + add_token(
            server.database, "conf.networker", "write", "confidentiality")}
        server.__enter__()
        cls.cards = [json.loads(doc) for (doc,) in query(
            server.database, "SELECT doc FROM service_cards "
            "WHERE json_extract(doc, '$.confidential_address') ORDER BY id")]
        orp_of = dict(query(server.database, "SELECT code, orp_code FROM municipalities"))
        cls.name_of = dict(query(server.database, "SELECT code, name FROM municipalities"))
        for c in cls.cards:
            c["orps"] = sorted({orp_of[l["municipality_code"]] for l in c["locations"]})

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    # --- what must not show ----------------------------------------------------------
    def secrets(self, cards):
        """The streets and (lat, lon) points of the cards' locations."""
        streets, points = set(), []
        for c in cards:
            for l in c["locations"]:
                if l["street"]:
                    streets.add(l["street"])
                if l["location"]:
                    points.append((l["location"]["lat"], l["location"]["lon"]))
        return streets, points

    def leaks(self, body, streets, points):
        """What of the secrets a response body holds: a street (as text or JSON-escaped),
        a coordinate to the last digit, or both coordinates of a point to ~2 m."""
        found = [s for s in streets if s in body or json.dumps(s)[1:-1] in body]
        numbers = [float(n) for n in NUMBER.findall(body)]
        for lat, lon in points:
            if any(abs(n - lat) < 1e-9 or abs(n - lon) < 1e-9 for n in numbers):
                found.append(f"the coordinate {lat}, {lon}")
            elif any(abs(n - lat) < 2e-5 for n in numbers) and \
                    any(abs(n - lon) < 2e-5 for n in numbers):
                found.append(f"the point {lat}, {lon} rounded")
        return found

    # --- every route of the API --------------------------------------------------------
    def operations(self):
        return api_operations(self.server)

    def requests(self, pools, path_values, body_for):
        """(method, path, body) for every operation: each path parameter from
        `path_values`, no query, then every query parameter with a value of its pool alone
        and all of them together (those the pools know)."""
        for method, path, names in self.operations():
            if method == "DELETE" and path in SIGN_OUT_OR_REVOKE:
                continue  # would end the caller's own credentials
            paths = [path]
            for param in re.findall(r"\{(\w+)\}", path):
                values = path_values(path, param)
                paths = [p.replace("{" + param + "}", str(v)) for p in paths for v in values]
            queries = [{}]
            known = [n for n in names if pools(path, n)]
            queries += [{n: v} for n in known for v in pools(path, n)]
            if known:
                queries.append({n: pools(path, n)[0] for n in known})
            for p in paths:
                for q in queries:
                    yield method, p + ("?" + urllib.parse.urlencode(q) if q else ""), \
                        body_for(method, p)

    def sweep(self, headers, cards, pools, path_values, body_for, extra=()):
        streets, points = self.secrets(cards)
        self.assertTrue(streets and points, "the demo has no confidential address to look for")
        calls = list(self.requests(pools, path_values, body_for)) + list(extra)
        answered = 0
        for method, path, body in calls:
            r = self.server.request(method, path, body, headers=dict(headers), anonymous=True)
            self.assertNotEqual(r.status, 500, (method, path, r.body[:300]))
            answered += r.status == 200
            with self.subTest(method=method, path=path):
                self.assertEqual(self.leaks(r.body, streets, points), [],
                                 f"{method} {path} → {r.status}")
        return answered

    def test_the_demo_has_published_cards_with_confidential_addresses(self):
        published = [c for c in self.cards if c["published"] and c["locations"]]
        self.assertGreaterEqual(len(published), 2)
        streets, points = self.secrets(self.cards)
        for c in published:
            r = self.server.get(f"/api/v1/service-cards/{c['id']}")
            self.assertEqual(r.json()["locations"], c["locations"])
            self.assertTrue(all(l["street"] and l["location"] for l in c["locations"]))
            # the admin sees the address, and the search for leaks finds it there
            self.assertTrue(self.leaks(r.body, streets, points))

    def test_no_public_answer_shows_a_confidential_address(self):
        cards = self.cards
        ids = [c["id"] for c in cards]
        actors = sorted({c["actor_id"] for c in cards})
        orps = sorted({o for c in cards for o in c["orps"]})
        munis = sorted({l["municipality_code"] for c in cards for l in c["locations"]})
        words = sorted({self.name_of[m] for m in munis} | {c["name"] for c in cards})
        pool = {"orp": orps, "region": [REGION], "municipality": munis, "q": words,
                "service_type": ["ss57", "zdvop"], "actor_id": actors, "limit": [200],
                "published": ["true"], "entity": ["service_card"], "id": ids,
                "from": ["2018-01-01"], "to": ["2030-12-31"]}

        def pools(path, name):
            if path.endswith("/travel-times") and name in ("from", "to"):
                return munis
            return pool.get(name, [])

        def path_values(path, param):
            if path.startswith("/api/v1/actors/"):
                return actors
            if param == "code":
                return orps
            if param == "name":
                return ["service-types", "sectors", "need-areas"]
            return ids

        answered = self.sweep({}, cards, pools, path_values, lambda m, p: {} if m != "GET"
                              else None)
        self.assertGreater(answered, 40)
        # What the public sees of each such card: found, with its ORP only.
        for c in cards:
            if not c["published"]:
                continue
            r = self.server.get(f"/api/v1/service-cards/{c['id']}", anonymous=True)
            self.assertEqual(r.status, 200, r.body)
            shown = r.json()["locations"]
            self.assertEqual([l["orp_code"] for l in shown],
                             [r2 for r2 in (self.orp(l) for l in c["locations"])])
            for l in shown:
                self.assertEqual((l["municipality_code"], l["street"], l["location"]),
                                 ("", "", None))
            found = self.server.get("/api/v1/service-cards?" + urllib.parse.urlencode(
                {"orp": c["orps"][0], "service_type": c["service_type"], "limit": 200}),
                anonymous=True).json()["items"]
            mine = [x for x in found if x["id"] == c["id"]]
            self.assertEqual(len(mine), 1)
            for m in mine[0]["municipalities"]:
                self.assertEqual((m["code"], m["name"]), ("", ""))
                self.assertIn(m["orp_code"], c["orps"])

    def orp(self, location):
        return query(self.server.database, "SELECT orp_code FROM municipalities WHERE code = ?",
                     (location["municipality_code"],))[0][0]

    def test_a_networker_of_another_orp_sees_no_confidential_address(self):
        cards = [c for c in self.cards if OWN_ORP not in c["orps"]]
        ids = [c["id"] for c in cards]
        pool = {"orp": [OWN_ORP], "service_type": ["ss57", "zdvop"], "limit": [200],
                "entity": ["service_card"], "id": ids, "q": [c["name"] for c in cards],
                "actor_id": sorted({c["actor_id"] for c in cards}),
                "author": ["user:conf.networker"]}

        def pools(path, name):
            if path.endswith("/travel-times") and name in ("from", "to"):
                return [OWN_MUNICIPALITY]
            if path.startswith("/api/v1/audit") and name in ("from", "to"):
                return []
            return pool.get(name, [])

        def path_values(path, param):
            if path.startswith("/api/v1/actors/"):
                return sorted({c["actor_id"] for c in cards})
            if param == "code":
                return [OWN_ORP]
            if param == "name":
                return ["service-types"]
            return ids

        def body_for(method, path):
            if path.endswith("/what-if"):
                return {"add": [{"service_type": "ss57", "municipality": OWN_MUNICIPALITY,
                                 "capacity": 10}]}
            return None if method == "GET" else {}

        audits = [("GET", f"/api/v1/{what}?entity=service_card&id={i}", None)
                  for i in ids for what in ("audit", "audit.csv")]
        # Only reads: the writes of the sweep are refused or changes nothing that matters.
        answered = self.sweep(self.networker, cards, pools, path_values, body_for, extra=audits)
        self.assertGreater(answered, 50)
        for i in ids:
            r = self.server.get(f"/api/v1/audit?entity=service_card&id={i}",
                                headers=self.networker, anonymous=True)
            self.assertEqual(r.status, 200, r.body)
            self.assertTrue(r.json()["items"])

    # --- the audit trail -----------------------------------------------------------------
    def test_the_audit_trail_shows_only_versions_one_could_read(self):
        """A meeting written outside the networker's ORP, then moved in: the networker sees
        that it changed, not what it held outside, nor who wrote it there."""
        secret = "Poznámka z jiného ORP 4711"
        m = self.server.post("/api/v1/meetings", meeting_body(
            orp_code=OTHER_ORP, notes=secret, topic="Téma mimo území")).json()
        m = self.server.put(f"/api/v1/meetings/{m['id']}", {**m, "notes": secret + " bis"},
                            headers={"If-Match": f'"{m["version"]}"'}).json()
        moved = self.server.put(f"/api/v1/meetings/{m['id']}",
                                {**m, "orp_code": OWN_ORP, "notes": "Uvnitř",
                                 "topic": "Téma uvnitř"},
                                headers={"If-Match": f'"{m["version"]}"'})
        self.assertEqual(moved.status, 200, moved.body)
        path = f"/api/v1/audit?entity=meeting&id={m['id']}"
        admin = self.server.get(path).json()["items"]
        self.assertEqual(len(admin), 3)
        self.assertIn(secret, json.dumps(admin, ensure_ascii=False))

        r = self.server.get(path, headers=self.networker, anonymous=True)
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn(secret, r.body)
        self.assertNotIn("mimo území", r.body)
        items = r.json()["items"]
        self.assertEqual([(i["seq"], i["op"]) for i in items],
                         [(i["seq"], i["op"]) for i in admin])
        newest, *older = items
        self.assertFalse(newest["hidden"])
        changes = {c["field"]: c for c in newest["changes"]}
        self.assertEqual(changes["notes"]["after"], "Uvnitř")
        self.assertIsNone(changes["notes"]["before"])
        for i in older:
            self.assertTrue(i["hidden"])
            self.assertEqual((i["author"], i["changes"]), ("", []))
        csv = self.server.get(path.replace("/audit?", "/audit.csv?"), headers=self.networker,
                              anonymous=True)
        self.assertEqual(csv.status, 200, csv.body)
        self.assertNotIn(secret, csv.body)
        self.assertIn("Uvnitř", csv.body)

    def test_the_history_of_a_card_shows_as_far_as_the_card_does(self):
        """An internal card delivered elsewhere but serving the networker's ORP is seen by
        the networker; so is its history. A confidential one shows its ORP only, there too."""
        actor = self.server.post("/api/v1/actors", {
            **ACTOR, "name": "Spolek mimo území",
            "seat": {"municipality_code": "529303", "street": "Sídelní 1"}}).json()
        secret_street = "Skrytá 77"
        made = self.server.post("/api/v1/service-cards", card_body(
            actor["id"], name="Krizové lůžko mimo území", published=False,
            confidential_address=True,
            locations=[{"municipality_code": "529303", "street": secret_street,
                        "location": {"lat": 49.7801234, "lon": 14.6861234}}],
            territory={"kind": "orp", "codes": [OWN_ORP, OTHER_ORP]}))
        self.assertEqual(made.status, 201, made.body)
        cid = made.json()["id"]
        r = self.server.get(f"/api/v1/service-cards/{cid}", headers=self.networker,
                            anonymous=True)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["locations"][0]["orp_code"], OTHER_ORP)
        r = self.server.get(f"/api/v1/audit?entity=service_card&id={cid}",
                            headers=self.networker, anonymous=True)
        self.assertEqual(r.status, 200, r.body)
        created = r.json()["items"][-1]
        self.assertFalse(created["hidden"], r.body)
        fields = {c["field"]: c["after"] for c in created["changes"]}
        self.assertEqual(fields["name"], "Krizové lůžko mimo území")
        self.assertEqual(fields["locations[0].orp_code"], OTHER_ORP)
        self.assertNotIn(secret_street, r.body)
        self.assertNotIn("49.7801234", r.body)
        self.assertNotIn("14.6861234", r.body)


if __name__ == "__main__":
    unittest.main()
