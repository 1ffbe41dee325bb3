"""The cooperation network analysis over real HTTP on the demo data: an ORP's network
with every part present and no NaN anywhere, the changes between two dates, and 422s that
name each bad parameter."""

import unittest

from server import DemoServerTest


class CooperationTest(DemoServerTest):
    def test_orp_network(self):
        d = self.get("/api/v1/analysis/network?orp=5302")
        self.assertEqual(d["scope"], {"orp": "5302", "ties": "both", "at": d["scope"]["at"],
                                      "from": None, "to": None})
        self.assertGreater(d["actors"], 2)
        self.assertGreater(d["ties"], 0)
        self.assertEqual(d["total"], d["actors"])
        self.assertEqual(len(d["items"]), d["actors"])  # an ORP fits in one page
        n, m = d["actors"], d["ties"]
        self.assertAlmostEqual(d["density"], m / (n * (n - 1) / 2))
        self.assertEqual(sum(d["components"]["sizes"]), n)
        self.assertEqual(sum(d["communities"]["sizes"]), n)
        self.assertEqual(sum(a["degree"] for a in d["items"]), 2 * m)
        self.assertEqual(sum(c["actors"] for c in d["cores"]["by_k"]), n)
        mix = d["sector_mixing"]
        self.assertEqual(mix["external_ties"] + mix["internal_ties"], m)
        self.assertEqual(sum(b["ties"] for b in mix["block_density"]), m)
        betweenness = [a["betweenness_raw"] for a in d["items"]]
        self.assertEqual(betweenness, sorted(betweenness, reverse=True))
        for a in d["items"]:
            self.assertTrue(a["name"])
            if a["degree"] == 0:
                self.assertIsNone(a["ei"])
        self.assertTrue(d["notes"])

    def test_declared_derived_and_region(self):
        declared = self.get("/api/v1/analysis/network?orp=5302&ties=declared&at=2019-06-30&limit=0")
        derived = self.get("/api/v1/analysis/network?orp=5302&ties=derived&from=2016-01-01"
                           "&to=2019-12-31&limit=0")
        both = self.get("/api/v1/analysis/network?orp=5302&at=2019-06-30&from=2016-01-01"
                        "&to=2019-12-31&limit=0")
        self.assertEqual(both["items"], [])
        self.assertLessEqual(max(declared["ties"], derived["ties"]), both["ties"])
        self.assertLessEqual(both["ties"], declared["ties"] + derived["ties"])
        self.assertGreater(derived["meetings"], 0)
        region = self.get("/api/v1/analysis/network?region=CZ053&sort=degree&limit=5")
        self.assertEqual(len(region["items"]), 5)
        self.assertGreaterEqual(region["actors"], both["actors"])
        degrees = [a["degree"] for a in region["items"]]
        self.assertEqual(degrees, sorted(degrees, reverse=True))

    def test_note_counts_only_ties_that_leave_the_territory(self):
        # A declared tie is "leaving" when exactly one of its actors is seated in the
        # territory; ties elsewhere in the country are not this network's business.
        at = "2019-06-30"
        d = self.get(f"/api/v1/analysis/network?orp=5302&ties=declared&at={at}&limit=200")
        self.assertEqual(len(d["items"]), d["actors"])
        inside = {a["id"] for a in d["items"]}
        ties, page = [], {"total": 1}
        while len(ties) < page["total"]:
            page = self.get(f"/api/v1/ties?limit=200&offset={len(ties)}")
            ties += page["items"]
        in_force = [t for t in ties if t["since"] <= at and (not t["until"] or t["until"] >= at)]
        leaving = sum(1 for t in in_force if (t["actor_a"] in inside) != (t["actor_b"] in inside))
        elsewhere = sum(1 for t in in_force
                        if t["actor_a"] not in inside and t["actor_b"] not in inside)
        self.assertGreater(elsewhere, 0)  # else the test could not tell the two counts apart
        notes = [n for n in d["notes"] if "seated outside the territory" in n]
        if leaving:
            self.assertEqual(len(notes), 1, d["notes"])
            self.assertTrue(notes[0].startswith(f"{leaving} ties"), notes[0])
        else:
            self.assertEqual(notes, [])

    def test_empty_scope_is_defined_and_explained(self):
        d = self.get("/api/v1/analysis/network?orp=7213&ties=declared")  # no demo actors there
        self.assertEqual(d["actors"], 0)
        self.assertIsNone(d["density"])
        self.assertIsNone(d["communities"]["modularity"])
        self.assertIsNone(d["sector_mixing"]["ei"])
        self.assertTrue(any("no actors" in n for n in d["notes"]))

    def test_changes(self):
        d = self.get("/api/v1/analysis/network/changes?region=CZ053&from=2016-01-01&to=2019-12-31")
        self.assertEqual(d["new_ties"], len(d["added"]))
        self.assertEqual(d["new_cross_sector_ties"],
                         sum(1 for t in d["added"] if t["cross_sector"]))
        self.assertTrue(all((t["sector_a"] != t["sector_b"]) == t["cross_sector"]
                            for t in d["added"]))
        self.assertEqual(d["after"]["ties"] - d["before"]["ties"], d["new_ties"] - d["ended_ties"])
        self.assertGreater(d["new_ties"], 0)

    def test_bad_parameters_are_named(self):
        d = self.get("/api/v1/analysis/network?orp=0000&ties=all&at=2019-02-30x&sort=size"
                     "&limit=20000&from=2019-01-01&to=2018-01-01", 422)
        self.assertEqual(set(d["error"]["fields"]), {"orp", "ties", "at", "sort", "limit", "to"})
        d = self.get("/api/v1/analysis/network", 422)
        self.assertIn("orp", d["error"]["fields"])
        d = self.get("/api/v1/analysis/network?orp=5302&region=CZ053", 422)
        self.assertIn("orp", d["error"]["fields"])
        d = self.get("/api/v1/analysis/network/changes?region=XX&to=2019", 422)
        self.assertEqual(set(d["error"]["fields"]), {"region", "from", "to"})


if __name__ == "__main__":
    unittest.main()
