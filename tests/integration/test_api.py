"""The /api/v1 contract over real HTTP: CRUD, filters, Czech search, errors, and
that a refused request writes nothing."""

import json
import unittest
import urllib.parse

from server import Server, ServerTest

ACTOR = {
    "name": "Město Chrudim – odbor sociálních věcí (OSPOD)",
    "sector": "ospod",
    "actor_type": "ospod_office",
    # No IČO nor street: tests write it many times over, which would be duplicates.
    "seat": {"municipality_code": "571164"},
    "contacts": [{"name": "Podatelna", "phone": "+420 469 657 111", "public": True}],
}


def card(actor_id, **over):
    c = {
        "actor_id": actor_id,
        "name": "Školní psycholog",
        "service_type": "edu_spp",
        "locations": [{"municipality_code": "571164"}],
        "territory": {"kind": "orp", "codes": ["5304"]},
        "does": "Pomáhá žákům a rodičům s obtížemi ve škole.",
        "does_not": "Neposkytuje terapii mimo školu.",
        "target_group": "Žáci ZŠ a SŠ a jejich rodiče",
        "access_note": "Stačí domluvit termín.",
        "contacts": [{"name": "Školní psycholog", "email": "psycholog@example.cz"}],
    }
    c.update(over)
    return c


class ApiTest(ServerTest):
    def seq(self):
        return self.server.get("/api/v1/health").json()["seq"]

    def new_actor(self, **over):
        r = self.server.post("/api/v1/actors", {**ACTOR, **over})
        self.assertEqual(r.status, 201, r.body)
        return r.json()

    def assert_error(self, r, status, code, field=None):
        self.assertEqual(r.status, status, r.body)
        self.assertIn("application/json", r.headers["Content-Type"])
        err = r.json()["error"]
        self.assertEqual(err["code"], code)
        self.assertTrue(err["message"])
        if field:
            self.assertIn(field, err["fields"], err)

    # --- CRUD -------------------------------------------------------------------------
    def test_actor_crud_with_etags(self):
        a = self.new_actor()
        path = f"/api/v1/actors/{a['id']}"
        r = self.server.get(path)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["ETag"], '"1"')
        self.assertEqual(r.json()["name"], ACTOR["name"])
        changed = {**r.json(), "name": "Město Chrudim – OSPOD"}
        r = self.server.put(path, changed, headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["version"], 2)
        self.assertEqual(r.headers["ETag"], '"2"')
        # a stale write is refused and changes nothing
        before = self.seq()
        r = self.server.put(path, {**changed, "name": "stale"}, headers={"If-Match": '"1"'})
        self.assert_error(r, 409, "conflict")
        self.assertEqual(self.server.get(path).json()["name"], "Město Chrudim – OSPOD")
        self.assertEqual(self.seq(), before)
        # without any version the write is refused
        no_version = {k: v for k, v in changed.items() if k != "version"}
        self.assert_error(self.server.put(path, no_version), 428, "precondition_required")
        # delete needs the current version
        self.assert_error(self.server.delete(path, headers={"If-Match": '"1"'}), 409, "conflict")
        self.assertEqual(self.server.delete(path, headers={"If-Match": '"2"'}).status, 204)
        self.assert_error(self.server.get(path), 404, "not_found")

    def test_service_card_crud_and_type_defaults(self):
        a = self.new_actor()
        r = self.server.post("/api/v1/service-cards", card(a["id"]))
        self.assertEqual(r.status, 201, r.body)
        c = r.json()
        self.assertEqual(r.headers["Location"], f"/api/v1/service-cards/{c['id']}")
        # need areas and level come from the service type when not given
        self.assertTrue(c["need_areas"])
        self.assertGreater(c["level"], 0)
        path = f"/api/v1/service-cards/{c['id']}"
        self.assertEqual(self.server.get(path).json(), c)
        r = self.server.put(path, {**c, "capacity": {"amount": 120, "unit": "pupils"}})
        self.assertEqual(r.status, 200, r.body)  # version in the body works like If-Match
        self.assertEqual(r.json()["capacity"], {"amount": 120.0, "unit": "pupils"})
        # an actor with service cards cannot be deleted
        r = self.server.delete(f"/api/v1/actors/{a['id']}", headers={"If-Match": '"1"'})
        self.assert_error(r, 409, "conflict")
        self.assertIn("service card", r.json()["error"]["message"])
        self.assertEqual(self.server.delete(path, headers={"If-Match": '"2"'}).status, 204)
        self.assertEqual(
            self.server.delete(f"/api/v1/actors/{a['id']}", headers={"If-Match": '"1"'}).status, 204)

    # --- search and filters ---------------------------------------------------------
    def search(self, **params):
        r = self.server.get("/api/v1/service-cards?" + urllib.parse.urlencode(params))
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def test_czech_search_and_filters(self):
        a = self.new_actor(name="Základní škola Hlinsko", sector="education", actor_type="school",
                           seat={"municipality_code": "571393"})
        for name in ["Školní psycholog Hlinsko", "Chůva", "Hřiště", "Cvičení", "Čtení"]:
            r = self.server.post("/api/v1/service-cards", card(
                a["id"], name=name, service_type="ngo_family_centre" if name != "Školní psycholog Hlinsko" else "edu_spp",
                locations=[{"municipality_code": "571393"}],
                territory={"kind": "orp", "codes": ["5302"]}))
            self.assertEqual(r.status, 201, r.body)
        found = self.search(q="skolni psycholog hlinsko")
        self.assertEqual([i["name"] for i in found["items"]], ["Školní psycholog Hlinsko"])
        self.assertEqual(found["items"][0]["actor_name"], "Základní škola Hlinsko")
        self.assertEqual(self.search(q="ŠKOLNÍ PSYCHOLOG hlinsko")["total"], 1)
        names = [i["name"] for i in self.search(orp="5302", service_type="ngo_family_centre")["items"]]
        self.assertEqual(names, ["Cvičení", "Čtení", "Hřiště", "Chůva"])  # ch after h
        page = self.search(orp="5302", service_type="ngo_family_centre", offset=1, limit=2)
        self.assertEqual(page["total"], 4)
        self.assertEqual([i["name"] for i in page["items"]], ["Čtení", "Hřiště"])
        self.assertEqual(self.search(orp="5302", sector="education")["total"], 1)
        self.assertEqual(self.search(municipality="571393", need_area="learning")["total"], 1)
        self.assertEqual(self.search(region="CZ010", q="hlinsko")["total"], 0)
        self.assertEqual(self.search(orp="5302", form="ambulatory", age=8, level=2)["total"] >= 0, True)
        actors = self.server.get("/api/v1/actors?q=zakladni%20skola&orp=5302").json()
        self.assertEqual([x["name"] for x in actors["items"]], ["Základní škola Hlinsko"])

    def test_overlong_text_queries_are_422(self):
        r = self.server.get("/api/v1/service-cards?q=" + "+".join(["a"] * 13))
        self.assert_error(r, 422, "validation_failed", "q")
        self.assertEqual(self.server.get("/api/v1/service-cards?q=" + "+".join(["a"] * 12)).status, 200)

    def test_bad_query_parameters_are_422(self):
        r = self.server.get("/api/v1/service-cards?level=abc&orp=0000&limit=100000")
        self.assert_error(r, 422, "validation_failed", "level")
        self.assertIn("orp", r.json()["error"]["fields"])
        self.assertIn("limit", r.json()["error"]["fields"])

    # --- errors: nothing written ----------------------------------------------------
    def test_validation_errors_name_each_field_and_write_nothing(self):
        before = self.seq()
        r = self.server.post("/api/v1/actors", {**ACTOR, "ico": "12345678", "sector": "nope",
                                                "seat": {"municipality_code": "000000"}})
        self.assert_error(r, 422, "validation_failed")
        fields = r.json()["error"]["fields"]
        for f in ["ico", "sector", "seat.municipality_code"]:
            self.assertIn(f, fields)
        # fields of the wrong shape are reported before the rules are checked
        r = self.server.post("/api/v1/actors", {**ACTOR, "colour": "red", "name": 5})
        self.assert_error(r, 422, "validation_failed", "colour")
        self.assertIn("name", r.json()["error"]["fields"])
        r = self.server.post("/api/v1/service-cards", card(999999))
        self.assert_error(r, 422, "validation_failed", "actor_id")
        a_before = self.server.get("/api/v1/actors?limit=200").json()["total"]
        r = self.server.post("/api/v1/service-cards", card(1, age_min=12, age_max=3, forms=["x"]))
        self.assert_error(r, 422, "validation_failed", "age_max")
        self.assertEqual(self.seq(), before)
        self.assertEqual(self.server.get("/api/v1/actors?limit=200").json()["total"], a_before)

    def test_malformed_json_is_400(self):
        before = self.seq()
        self.assert_error(self.server.post("/api/v1/actors", raw=b'{"name": '), 400, "malformed_request")
        self.assert_error(self.server.post("/api/v1/actors", raw=b'[1,2]'), 422, "validation_failed")
        self.assert_error(self.server.post("/api/v1/actors", raw=b'\xff\xfe'), 400, "malformed_request")
        self.assertEqual(self.seq(), before)

    def test_unknown_routes_are_404_and_wrong_methods_405(self):
        self.assert_error(self.server.get("/api/v1/nothing"), 404, "not_found")
        self.assert_error(self.server.get("/api/v1/actors/abc"), 404, "not_found")
        self.assert_error(self.server.get("/api/v1/actors/987654"), 404, "not_found")
        r = self.server.request("PATCH", "/api/v1/actors")
        self.assert_error(r, 405, "method_not_allowed")

    def test_oversized_body_is_413(self):
        before = self.seq()
        big = json.dumps({**ACTOR, "note": "x" * (2 << 20)}).encode()
        self.assert_error(self.server.post("/api/v1/actors", raw=big), 413, "payload_too_large")
        self.assertEqual(self.seq(), before)

    # --- territory, reference, contract -------------------------------------------
    def test_territory_and_reference_are_readable(self):
        regions = self.server.get("/api/v1/regions").json()
        self.assertEqual(regions["total"], 14)
        orps = self.server.get("/api/v1/orps").json()
        self.assertEqual(orps["total"], 206)
        muns = self.server.get("/api/v1/orps/5304/municipalities").json()
        self.assertIn("Chrudim", [m["name"] for m in muns["items"]])
        self.assertTrue(all(m["children_0_17"] > 0 for m in muns["items"] if m["population"] > 50))
        self.assert_error(self.server.get("/api/v1/orps/0000/municipalities"), 404, "not_found")
        types = self.server.get("/api/v1/reference/service-types").json()
        self.assertIn("ss65", [t["id"] for t in types])
        model = self.server.get("/api/v1/reference/optimal-model").json()
        self.assertEqual(len(model["cells"]), 24)
        self.assert_error(self.server.get("/api/v1/reference/nothing"), 404, "not_found")

    def test_api_index_lists_the_entry_points(self):
        index = self.server.get("/api/v1").json()
        self.assertEqual(index["api"], "/api/v1")
        self.assertEqual(index["openapi"], "/api/v1/openapi.json")
        self.assertEqual(index["service_cards"], "/api/v1/service-cards")

    def test_openapi_document_is_served(self):
        doc = self.server.get("/api/v1/openapi.json").json()
        self.assertTrue(doc["openapi"].startswith("3.1"))
        self.assertIn("/api/v1/service-cards", doc["paths"])


if __name__ == "__main__":
    unittest.main()


class ConcurrencyTest(unittest.TestCase):
    def test_one_of_many_concurrent_writers_of_a_version_wins(self):
        import threading
        with Server() as s:
            a = s.post("/api/v1/actors", ACTOR).json()
            statuses = []

            def write(i):
                r = s.put(f"/api/v1/actors/{a['id']}", {**a, "name": f"Writer {i}"},
                          headers={"If-Match": '"1"'})
                statuses.append(r.status)

            threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(sorted(statuses), [200] + [409] * 7)
            self.assertEqual(s.get(f"/api/v1/actors/{a['id']}").json()["version"], 2)
