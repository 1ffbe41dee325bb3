"""Finding places as a person types them: municipalities by name with case and
diacritics ignored, namesakes told apart by their ORP and region, and the ORPs of a
region or by name (the filters used to be ignored and the whole country answered)."""

import unittest
import urllib.parse

from server import ServerTest


class TerritorySearchTest(ServerTest):
    def get(self, path):
        r = self.server.get(path)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def test_municipalities_by_name_ignore_case_and_diacritics(self):
        for q in ("Ústí nad Orlicí", "usti nad orl", "ÚSTÍ NAD ORLICÍ"):
            d = self.get("/api/v1/municipalities?q=" + urllib.parse.quote(q))
            self.assertGreaterEqual(d["total"], 1, q)
            self.assertEqual(d["items"][0]["name"], "Ústí nad Orlicí", q)
            self.assertEqual(d["items"][0]["region_name"], "Pardubický kraj")

    def test_the_name_that_starts_with_the_query_and_the_largest_come_first(self):
        d = self.get("/api/v1/municipalities?q=chrud")
        self.assertEqual(d["items"][0]["name"], "Chrudim")
        hlinsko = self.get("/api/v1/municipalities?q=hlinsko")
        regions = {m["region_code"] for m in hlinsko["items"] if m["name"] == "Hlinsko"}
        self.assertEqual(regions, {"CZ053", "CZ071"})  # namesakes, told apart
        for m in hlinsko["items"]:
            self.assertTrue(m["orp_name"] and m["region_name"])
        populations = [m["population"] for m in hlinsko["items"]]
        self.assertEqual(populations, sorted(populations, reverse=True))

    def test_municipalities_within_an_orp_or_region_and_paged(self):
        d = self.get("/api/v1/municipalities?orp=5304&limit=200")
        self.assertEqual(d["total"], len(d["items"]))
        self.assertTrue(all(m["orp_code"] == "5304" for m in d["items"]))
        self.assertEqual(d["total"], len(self.get("/api/v1/orps/5304/municipalities")["items"]))
        page = self.get("/api/v1/municipalities?region=CZ053&limit=5&offset=5")
        self.assertEqual(len(page["items"]), 5)
        self.assertEqual(page["offset"], 5)
        self.assertGreater(page["total"], 400)
        self.assertEqual(self.get("/api/v1/municipalities?q=zzzzqx")["total"], 0)

    def test_orps_by_region_and_name(self):
        everything = self.get("/api/v1/orps")
        self.assertEqual(everything["total"], 206)
        region = self.get("/api/v1/orps?region=CZ053")
        self.assertEqual(region["total"], 15)
        self.assertTrue(all(o["region_code"] == "CZ053" for o in region["items"]))
        named = self.get("/api/v1/orps?q=usti")
        self.assertEqual({o["name"] for o in named["items"]},
                         {"Ústí nad Labem", "Ústí nad Orlicí"})
        both = self.get("/api/v1/orps?region=CZ053&q=usti")
        self.assertEqual([o["name"] for o in both["items"]], ["Ústí nad Orlicí"])

    def test_unknown_codes_are_named(self):
        r = self.server.get("/api/v1/municipalities?region=CZ999&orp=0000")
        self.assertEqual(r.status, 422, r.body)
        fields = r.json()["error"]["fields"]
        self.assertIn("region", fields)
        self.assertIn("orp", fields)
        self.assertEqual(self.server.get("/api/v1/orps?region=XX").status, 422)


if __name__ == "__main__":
    unittest.main()
