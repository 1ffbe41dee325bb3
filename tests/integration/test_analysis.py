"""Coverage, accessibility, what-if and candidate seats over real HTTP on the demo network
of Pardubický kraj: shapes, invariants that must hold whatever the data, that what-if
saves nothing, and a 4xx naming the field for every kind of bad input."""

import unittest

from server import DemoServerTest, strict_json

STATUSES = {"covered", "partial", "capacity_short", "too_far", "missing"}


class AnalysisTest(DemoServerTest):
    def post(self, path, body, status=200):
        r = self.server.post(path, body)
        self.assertEqual(r.status, status, r.body)
        return strict_json(r.body)

    def test_orp_coverage_names_every_cell_service_and_municipality(self):
        answer = self.get("/api/v1/analysis/coverage?orp=5304")
        c = answer["coverage"]
        access = answer["method"]["access_minutes"]["pt"]
        self.assertEqual(len(c["cells"]), 24)
        municipalities = self.get("/api/v1/orps/5304/municipalities")
        self.assertEqual(len(c["municipalities"]), len(municipalities["items"]) if isinstance(municipalities, dict) else len(municipalities))
        self.assertEqual(sum(c["cells_by_status"].values()), 24)
        for cell in c["cells"]:
            self.assertIn(cell["status"], STATUSES)
            self.assertEqual(cell["status"] == "missing", not cell["services"])
            self.assertEqual(set(cell["types_present"]) | set(cell["types_missing"]),
                             set(self.cell_types(cell["cell"])))
            for mode in ("pt", "car"):
                share = cell["share_within_norm"][mode]
                self.assertTrue(0 <= share <= 1, share)
            if cell["status"] == "too_far":
                self.assertLess(cell["share_within_norm"]["pt"], 1)
                self.assertTrue(cell["municipalities_out_of_reach"])
            for m in cell["municipalities_out_of_reach"]:
                minutes = m["minutes"]["pt"]
                # (minutes are rounded to 0.1)
                self.assertTrue(minutes is None or minutes > cell["norm"]["max_minutes_pt"] + access - 0.05)
        # Every service named is a real card of a type the cell expects.
        cell = next(x for x in c["cells"] if x["services"])
        card = self.get(f"/api/v1/service-cards/{cell['services'][0]['card_id']}")
        self.assertIn(card["service_type"], cell["types_present"])
        self.assertIn("great-circle", self.get("/api/v1/analysis/coverage?orp=5304")["method"]["travel_times"])

    def cell_types(self, key):
        model = self.get("/api/v1/reference/optimal-model")
        cells = model["cells"] if isinstance(model, dict) else model
        area, level = key.split(":")
        return next(c["service_types"] for c in cells
                    if c["need_area"] == area and c["level"] == int(level))

    def test_region_summary_adds_up_over_its_orps(self):
        s = self.get("/api/v1/analysis/coverage?region=CZ053")["summary"]
        self.assertEqual(len(s["orps"]), 15)
        for cell in s["cells"]:
            self.assertEqual(sum(cell["orps_by_status"].values()), 15)
        for orp in s["orps"]:
            self.assertEqual(len(orp["white_spots"]), orp["cells_by_status"]["missing"])
        whole = self.get("/api/v1/analysis/coverage")["summary"]
        self.assertEqual(len(whole["orps"]), 206)

    def test_accessibility_distributes_exactly_the_capacity_in_reach(self):
        a = self.get("/api/v1/analysis/accessibility?cell=relationships:3&mode=car")
        self.assertTrue(a["units"])
        for unit in a["units"]:  # each capacity unit on its own
            supply = unit["supply"]
            distributed = sum(o["children"] * (o["access_per_1000_children"] or 0) / 1000
                              for o in unit["orps"])
            expected = supply["capacity_total"] - supply["capacity_without_demand"]
            self.assertGreater(expected, 0)
            self.assertAlmostEqual(distributed / expected, 1, delta=2e-3)
            self.assertEqual(len(unit["orps"]), 206)

    def test_accessibility_of_an_orp_lists_its_municipalities(self):
        a = self.get("/api/v1/analysis/accessibility?orp=5302&service_type=ss65&decay=gaussian")
        self.assertEqual(a["catchment"]["decay"], "gaussian")
        access = a["catchment"]["access_minutes"]
        self.assertEqual(a["catchment"]["max_minutes"], 45 + access)  # the norm is the journey
        for unit in a["units"]:
            for m in unit["municipalities"]:
                share = m["access_per_1000_children"]
                self.assertTrue(share > 0 if share is not None else m["reason"] == "no_supply_in_reach")
        binary = self.get("/api/v1/analysis/accessibility?orp=5302&service_type=ss65&decay=binary&max_minutes=30")
        self.assertEqual(binary["catchment"]["max_minutes"], 30 + access)
        every = self.get("/api/v1/analysis/accessibility?orp=5302")
        self.assertEqual(len(every["cells"]), 24)

    def test_what_if_changes_the_answer_and_saves_nothing(self):
        before = self.get("/api/v1/analysis/coverage?orp=5302")
        seq = self.get("/api/v1/health")["seq"]
        # Hlinsko: a service of a type it lacks, in Krouna; three cards of another cell removed.
        hlinsko = before["coverage"]
        target = next(c for c in hlinsko["cells"] if c["status"] != "covered" and c["types_missing"])
        add = {"service_type": target["types_missing"][0], "municipality": "571661", "capacity": 30}
        served = next(c for c in hlinsko["cells"] if c["services"] and
                      not set(c["types_present"]) & set(self.cell_types(target["cell"])))
        removed = [s["card_id"] for s in served["services"] if not s["hypothetical"]][:3]
        r = self.post("/api/v1/analysis/what-if", {"add": [add], "remove": removed})
        self.assertFalse(r["saved"])
        orps = {o["code"]: o for o in r["coverage"]}
        self.assertIn("5302", orps)
        changed = {c["cell"]: c for c in orps["5302"]["cells"]}
        self.assertIn(target["cell"], changed)
        self.assertEqual(changed[target["cell"]]["after"]["services"],
                         changed[target["cell"]]["before"]["services"] + 1)
        self.assertLess(changed[served["cell"]]["after"]["services"],
                        changed[served["cell"]]["before"]["services"])
        self.assertTrue(r["accessibility"])
        self.assertEqual(self.get("/api/v1/health")["seq"], seq)
        self.assertEqual(self.get("/api/v1/analysis/coverage?orp=5302"), before)

    def test_candidates_rank_by_children_gained(self):
        r = self.get("/api/v1/analysis/candidates?region=CZ053&service_type=ngo_family_centre&limit=20")
        gains = [i["children_gained"] for i in r["items"]]
        self.assertEqual(gains, sorted(gains, reverse=True))
        self.assertTrue(all(g > 0 for g in gains))
        self.assertLessEqual(len(gains), 20)

    def test_travel_times_are_those_the_analyses_use(self):
        t = self.get("/api/v1/analysis/travel-times?from=571661&to=571164")  # Krouna → Chrudim
        self.assertEqual((t["from"]["name"], t["to"]["name"]), ("Krouna", "Chrudim"))
        self.assertAlmostEqual(t["great_circle_km"], 25.8, delta=0.3)
        # The seeds: 39 min by car, 50–70 by public transport; the estimate within 20 %.
        self.assertLess(abs(t["minutes"]["car"] - 39) / 39, 0.2)
        self.assertTrue(40 <= t["minutes"]["pt"] <= 84)
        far = self.get("/api/v1/analysis/travel-times?from=571661&to=554782")  # → Praha
        self.assertIsNone(far["minutes"]["car"])
        self.assertEqual(far["cutoff_minutes"]["car"], 60)

    def test_bad_queries_name_the_parameter(self):
        cases = {
            "/api/v1/analysis/coverage?orp=9999": "orp",
            "/api/v1/analysis/coverage?orp=5304&region=CZ053": "orp",
            "/api/v1/analysis/coverage?mode=bike": "mode",
            "/api/v1/analysis/accessibility?cell=relationships:9": "cell",
            "/api/v1/analysis/accessibility?service_type=nope": "service_type",
            "/api/v1/analysis/accessibility?cell=relationships:3&service_type=ss65": "service_type",
            "/api/v1/analysis/accessibility?cell=relationships:3&decay=linear": "decay",
            "/api/v1/analysis/accessibility?cell=relationships:3&max_minutes=0": "max_minutes",
            "/api/v1/analysis/accessibility?cell=relationships:3&max_minutes=abc": "max_minutes",
            "/api/v1/analysis/accessibility?cell=relationships:3&mode=car&max_minutes=75": "max_minutes",
            "/api/v1/analysis/candidates?service_type=ss65": "orp",
            "/api/v1/analysis/travel-times?from=571661": "to",
            "/api/v1/analysis/travel-times?from=12&to=571164": "from",
            "/api/v1/analysis/candidates?orp=5304&service_type=": "service_type",
            "/api/v1/analysis/candidates?orp=5304&service_type=ss65&limit=0": "limit",
        }
        for path, field in cases.items():
            with self.subTest(path=path):
                e = self.get(path, status=422)["error"]
                self.assertIn(field, e["fields"])

    def test_bad_what_if_bodies_are_refused_with_the_field(self):
        seq = self.get("/api/v1/health")["seq"]
        r = self.server.request("POST", "/api/v1/analysis/what-if", raw=b"{not json")
        self.assertEqual(r.status, 400, r.body)
        ss65 = {"service_type": "ss65", "municipality": "571661"}
        cases = [
            ({}, "add"),
            ({"add": "ss65"}, "add"),
            ({"add": [dict(ss65, service_type="nope")]}, "add[0].service_type"),
            ({"add": [dict(ss65, municipality="000000")]}, "add[0].municipality"),
            ({"add": [dict(ss65, capacity=-1)]}, "add[0].capacity"),
            ({"add": [dict(ss65, forms=["teleport"])]}, "add[0].forms"),
            ({"add": [dict(ss65, territory={"kind": "orp", "codes": ["9999"]})]}, "add[0].territory"),
            ({"add": [dict(ss65, colour="red")]}, "add[0].colour"),
            ({"remove": [999999]}, "remove[0]"),
            ({"add": [ss65] * 21}, "add"),
            ({"add": [ss65], "mode": "bike"}, "mode"),
            ({"add": [ss65], "surprise": 1}, "surprise"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                e = self.post("/api/v1/analysis/what-if", body, status=422)["error"]
                self.assertIn(field, e["fields"])
        self.assertEqual(self.get("/api/v1/health")["seq"], seq)


if __name__ == "__main__":
    unittest.main()
