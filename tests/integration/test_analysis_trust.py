"""An analysis a methodologist trusts (issue 12, sections 4 and 5), over real HTTP on the
demo network of Pardubický kraj: coverage judges every expected type, capacities are never
added across units, every figure says what it means in Czech and English, ties across ORP
borders are kept and flagged, norms and step zones measure the journey, and an office with
outreach reaches both ways."""

import unittest

from server import DemoServerTest

DEMO_REGION = "CZ053"


class AnalysisTrustTest(DemoServerTest):
    def post(self, path, body):
        r = self.server.post(path, body)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def orps_of_region(self):
        orps = self.get(f"/api/v1/orps?region={DEMO_REGION}")
        return [o["code"] for o in (orps["items"] if isinstance(orps, dict) else orps)]

    # 1. Partial coverage; capacity per unit.

    def test_coverage_judges_every_expected_type(self):
        seen = set()
        for orp in self.orps_of_region():
            for cell in self.get(f"/api/v1/analysis/coverage?orp={orp}")["coverage"]["cells"]:
                status = cell["status"]
                seen.add(status)
                types = {t["service_type"]: t for t in cell["types"]}
                self.assertEqual(set(types), set(cell["types_present"]) | set(cell["types_missing"]))
                self.assertEqual({k for k, t in types.items() if not t["present"]},
                                 set(cell["types_missing"]))
                if status == "missing":
                    self.assertFalse(cell["types_present"])
                elif status == "partial":
                    self.assertTrue(cell["types_present"] and cell["types_missing"], cell["cell"])
                else:
                    self.assertEqual(cell["types_missing"], [], cell["cell"])
                if status == "covered":  # every type within the norm for every child
                    for t in types.values():
                        self.assertEqual(t["share_within_norm"]["pt"], 1, (orp, cell["cell"]))
                # The cell's share is at most that of its farthest type.
                shares = [t["share_within_norm"]["pt"] for t in types.values() if t["present"]]
                if shares:
                    self.assertLessEqual(cell["share_within_norm"]["pt"], min(shares) + 1e-9)
                # Never a capacity summed over units: one entry per unit.
                units = [u["unit"] for u in cell["capacity_by_unit"]]
                self.assertEqual(len(units), len(set(units)))
                self.assertNotIn("capacity", cell)
                self.assertNotIn("capacity_per_1000_children", cell)
        self.assertIn("partial", seen)  # the demo lacks types in some cells

    def test_region_summary_counts_partial_cells(self):
        s = self.get(f"/api/v1/analysis/coverage?region={DEMO_REGION}")["summary"]
        self.assertIn("partial", s["cells_by_status"])
        for cell in s["cells"]:
            self.assertEqual(sum(cell["orps_by_status"].values()), 15)

    # 2. Every figure explains itself.

    def assert_meanings(self, answer, keys):
        meanings = answer["meanings"]
        for key in keys:
            self.assertIn(key, meanings)
            self.assertTrue(meanings[key]["cs"].strip() and meanings[key]["en"].strip(), key)
            self.assertNotEqual(meanings[key]["cs"], meanings[key]["en"], key)

    def test_every_figure_says_what_it_means(self):
        coverage = self.get("/api/v1/analysis/coverage?orp=5304")
        self.assert_meanings(coverage, ["covered", "partial", "capacity_short", "too_far",
                                        "missing", "norm_unmeetable"])
        # Every status the answer gives is explained.
        for cell in coverage["coverage"]["cells"]:
            self.assertIn(cell["status"], coverage["meanings"])
        self.assert_meanings(self.get("/api/v1/analysis/coverage?region=CZ053"), ["partial"])
        self.assert_meanings(self.get("/api/v1/analysis/accessibility?orp=5302&service_type=ss65"),
                             ["access_per_1000_children", "no_supply_in_reach"])
        self.assert_meanings(self.get("/api/v1/analysis/accessibility?orp=5302"),
                             ["access_per_1000_children"])
        network = self.get("/api/v1/analysis/network?orp=5304&limit=0")
        self.assert_meanings(network, ["ei", "brokerage", "degree", "betweenness", "closeness",
                                       "harmonic_closeness", "centralization", "communities",
                                       "density", "crosses_border"])

    # 3. Ties across ORP borders.

    def test_ties_across_orp_borders_are_kept_in_the_region_and_flagged_in_an_orp(self):
        region_orps = set(self.orps_of_region())
        within_region = set()
        flagged = 0
        for orp in region_orps:
            d = self.get(f"/api/v1/analysis/network?orp={orp}&limit=0")
            self.assertEqual(d["ties_across_orp_borders"], 0)  # an ORP's ties all lie inside
            for t in d["border_ties"]:
                flagged += 1
                self.assertTrue(t["crosses_border"])
                self.assertEqual(t["orp"], orp)
                self.assertNotEqual(t["other_orp"], orp)
                self.assertTrue(t["name"] and t["other_name"] and t["types"])
                if t["other_orp"] in region_orps:
                    within_region.add(tuple(sorted((t["actor"], t["other_actor"]))))
        self.assertGreater(flagged, 0)
        self.assertGreater(len(within_region), 0)
        region = self.get(f"/api/v1/analysis/network?region={DEMO_REGION}&limit=0")
        # Each pair flagged by an ORP across a border inside the region is a tie of the
        # region's network (and pairs that met at a third ORP's meeting are too).
        self.assertGreaterEqual(region["ties_across_orp_borders"], len(within_region))
        self.assertTrue(all(t["other_orp"] not in region_orps for t in region["border_ties"]))

    # 4. E2SFCA per unit.

    def test_accessibility_never_mixes_units(self):
        every = self.get("/api/v1/analysis/accessibility?region=CZ053")
        mixed = 0
        for cell in every["cells"]:
            self.assertNotIn("supply", cell)
            units = [u["unit"] for u in cell["units"]]
            self.assertEqual(len(units), len(set(units)), cell["cell"])
            mixed += len(units) > 1
            for u in cell["units"]:
                self.assertTrue(u["label"]["cs"] and u["label"]["en"])
        self.assertGreater(mixed, 0)  # cells whose services state capacity in several units
        # Each unit's figures add up to its own capacity in reach, not to another's.
        a = self.get("/api/v1/analysis/accessibility?cell=learning:1")
        for u in a["units"]:
            distributed = sum(o["children"] * (o["access_per_1000_children"] or 0) / 1000
                              for o in u["orps"])
            expected = u["supply"]["capacity_total"] - u["supply"]["capacity_without_demand"]
            self.assertAlmostEqual(distributed / expected, 1, delta=2e-3, msg=u["unit"])

    # 5. Norms and zones on comparable terms.

    def test_default_norms_give_a_recognisable_picture(self):
        s = self.get(f"/api/v1/analysis/coverage?region={DEMO_REGION}")
        access = s["method"]["access_minutes"]["pt"]
        self.assertGreater(access, 0)
        cells = {c["cell"]: c for c in s["summary"]["cells"]}
        for key in ("learning:1", "behaviour:1"):
            # Before: too far in all 15 ORPs, whatever the network.
            self.assertLess(cells[key]["orps_by_status"]["too_far"], 15, key)
        # A nursery within 20 minutes' ride: for most children of every ORP (with the access
        # time counted against the norm, 5 minutes of riding reached few beyond their own
        # municipality).
        for orp in self.orps_of_region():
            cell = next(c for c in self.get(f"/api/v1/analysis/coverage?orp={orp}")["coverage"]["cells"]
                        if c["cell"] == "learning:1")
            nursery = next(t for t in cell["types"] if t["service_type"] == "edu_a00")
            self.assertGreater(nursery["share_within_norm"]["pt"], 0.75, orp)
        a = self.get("/api/v1/analysis/accessibility?orp=5304&cell=learning:1")
        steps = a["catchment"]["steps"]
        # The zones are thirds of the journey after the access time: a trip within the
        # municipality (access time alone) falls in the first zone, not the last.
        self.assertGreater(steps[0]["up_to_minutes"], access)
        self.assertEqual(a["catchment"]["max_minutes"], cells["learning:1"]["norm"]["max_minutes_pt"] + access)

    def test_every_answer_says_whether_a_norm_can_be_met(self):
        c = self.get("/api/v1/analysis/coverage?orp=5304")["coverage"]
        for cell in c["cells"]:
            self.assertEqual(cell["norm_unmeetable"], {"car": False, "pt": False}, cell["cell"])
        a = self.get("/api/v1/analysis/accessibility?orp=5304&cell=learning:1")
        self.assertEqual(a["notes"], [])
        # A catchment of 1 minute of journey after the access time: still met at home.
        zero = self.get("/api/v1/analysis/accessibility?orp=5304&cell=learning:1&max_minutes=1")
        self.assertFalse(any("no municipality" in n for n in zero["notes"]))

    # 6. Outreach with an office; no supply in reach is null.

    def test_an_office_with_outreach_reaches_both_ways(self):
        # A hypothetical service in Krouna, serving Krouna alone by outreach, from an office
        # there: the office's neighbours gain access too, not only Krouna.
        add = {"service_type": "ss65", "municipality": "571661", "capacity": 30,
               "forms": ["ambulatory", "outreach"],
               "territory": {"kind": "municipalities", "codes": ["571661"]}}
        r = self.post("/api/v1/analysis/what-if", {"add": [add]})
        changed = [u for cell in r["accessibility"] for u in cell["units"]
                   if u["capacity_total_after"] != u["capacity_total_before"]]
        self.assertTrue(changed)
        for u in changed:
            self.assertGreater(u["municipalities_changed"], 1)
        only_outreach = dict(add, forms=["outreach"])  # Krouna is where it works, not an office
        r = self.post("/api/v1/analysis/what-if", {"add": [only_outreach]})
        gained = [m for cell in r["accessibility"] for u in cell["units"]
                  for m in u["most_changed"]
                  if (m["after_per_1000_children"] or 0) > (m["before_per_1000_children"] or 0)]
        self.assertEqual({m["code"] for m in gained}, {"571661"})  # the outreach rule

    def test_no_supply_in_reach_is_null_with_a_reason(self):
        found = 0
        for orp in ("5302", "5304", "5309"):
            a = self.get(f"/api/v1/analysis/accessibility?orp={orp}&cell=safety:2&max_minutes=5")
            for u in a["units"]:
                for m in u["municipalities"] + u["orps"]:
                    share = m["access_per_1000_children"]
                    self.assertNotEqual(share, 0)
                    if share is None:
                        found += 1
                        self.assertEqual(m["reason"], "no_supply_in_reach")
                    else:
                        self.assertIsNone(m["reason"])
        self.assertGreater(found, 0)


if __name__ == "__main__":
    unittest.main()
