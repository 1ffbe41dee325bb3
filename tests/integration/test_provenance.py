"""Honest provenance over real HTTP on the demo network: records taken from the seeds say
`source: seeds`, records the demo invents `source: invented`, records people enter
`source: entered`; every list, search result and record shows it, every analysis's
`method.records` counts the records its figures rest on by source, and the counts follow
when an invented card is deleted or a real one is added."""

import json
import os
import unittest
import urllib.parse

from server import DATA, DemoServerTest

SOURCES = {"entered", "seeds", "invented"}
OSPOD_CHRUDIM = "Městský úřad Chrudim – odbor sociálních věcí (OSPOD)"  # from_seeds: true
POLICE_CHRUDIM = "Policie ČR – Obvodní oddělení Chrudim"  # from_seeds: false


def q(text):
    return urllib.parse.quote(text)


class ProvenanceTest(DemoServerTest):
    def items(self, path):
        page = self.get(path)
        self.assertGreater(page["total"], 0, path)
        return page["items"]

    def assert_sourced(self, record, where):
        self.assertIn(record.get("source"), SOURCES, (where, record))
        self.assertEqual(record["demo"], record["source"] != "entered", (where, record))

    def actor(self, name):
        found = [a for a in self.items(f"/api/v1/actors?q={q(name)}&limit=50") if a["name"] == name]
        self.assertEqual(len(found), 1, name)
        return found[0]

    def test_named_seed_and_invented_actors_and_cards(self):
        ospod = self.actor(OSPOD_CHRUDIM)
        self.assertEqual(ospod["source"], "seeds")
        police = self.actor(POLICE_CHRUDIM)
        self.assertEqual(police["source"], "invented")
        self.assertTrue(ospod["demo"] and police["demo"])
        self.assertEqual(self.get(f"/api/v1/actors/{ospod['id']}")["source"], "seeds")
        # their services, as search results and as records
        spod = [c for c in self.items("/api/v1/service-cards?orp=5304&service_type=ospod_spod&limit=100")
                if c["actor_id"] == ospod["id"]]
        self.assertTrue(spod)
        self.assertTrue(all(c["source"] == "seeds" for c in spod), spod)
        self.assertEqual(self.get(f"/api/v1/service-cards/{spod[0]['id']}")["source"], "seeds")
        policing = [c for c in self.items("/api/v1/service-cards?orp=5304&service_type=police_cr&limit=100")
                    if c["actor_id"] == police["id"]]
        self.assertTrue(policing)
        self.assertTrue(all(c["source"] == "invented" for c in policing), policing)

    def test_every_seed_named_actor_is_seeds(self):
        with open(os.path.join(DATA, "demo", "seed-facts.json"), encoding="utf-8") as f:
            facts = json.load(f)
        named = {a["name"] for o in facts["orps"] for a in o["actors"] if a["from_seeds"]}
        actors, offset = [], 0
        while True:
            page = self.get(f"/api/v1/actors?region=CZ053&limit=200&offset={offset}")
            actors += page["items"]
            offset += 200
            if offset >= page["total"]:
                break
        for a in actors:
            self.assert_sourced(a, "actors")
            self.assertEqual(a["source"] == "seeds", a["name"] in named, a["name"])

    def test_seed_networking_is_seeds_and_meetings_invented(self):
        needs = self.items("/api/v1/needs?orp=5304&limit=200")
        self.assertTrue(all(n["source"] == "seeds" for n in needs))
        self.assertIn("Systematické sdílení informací o službách.", [n["statement"] for n in needs])
        self.assertTrue(all(m["source"] == "invented" for m in self.items("/api/v1/meetings?orp=5304")))
        self.assertTrue(all(t["source"] == "invented" for t in self.items("/api/v1/ties?orp=5304")))
        strategy = self.get("/api/v1/strategy?orp=5304")
        self.assertTrue(strategy["themes"])
        for theme in strategy["themes"]:
            self.assertEqual(theme["source"], "seeds")
            for goal in theme["goals"]:
                self.assertEqual(goal["source"], "seeds")
                self.assertTrue(all(s["source"] == "seeds" for s in goal["steps"]))
        for kind in ("good-practices", "recommendations"):
            self.assertTrue(all(r["source"] == "seeds" for r in self.items(f"/api/v1/{kind}?region=CZ053")))

    def test_every_list_and_search_shows_source(self):
        for path in ["/api/v1/actors?orp=5304", "/api/v1/actors?q=" + q("škola"),
                     "/api/v1/service-cards?orp=5304", "/api/v1/service-cards?q=" + q("poradna"),
                     "/api/v1/meetings?orp=5302", "/api/v1/needs?region=CZ053",
                     "/api/v1/ties?region=CZ053", "/api/v1/good-practices?region=CZ053",
                     "/api/v1/recommendations?region=CZ053"]:
            for item in self.items(path):
                self.assertIn(item.get("source"), SOURCES, (path, item))
                if "demo" in item:
                    self.assert_sourced(item, path)
        for row in self.items("/api/v1/strategy/overdue?region=CZ053"):
            for part in ("step", "goal", "theme"):
                self.assert_sourced(row[part], "overdue")

    def assert_counts(self, method, where):
        records = method["records"]
        self.assertEqual(set(records), SOURCES, where)
        self.assertTrue(all(isinstance(v, int) and v >= 0 for v in records.values()), where)
        return records

    def test_every_analysis_counts_the_records_it_rests_on(self):
        orp = self.get("/api/v1/analysis/coverage?orp=5304")
        records = self.assert_counts(orp["method"], "coverage")
        cards = {s["card_id"] for c in orp["coverage"]["cells"] for s in c["services"]}
        self.assertEqual(sum(records.values()), len(cards))
        self.assertGreater(records["invented"], 0)
        self.assertGreater(records["seeds"], 0)
        self.assertEqual(records["entered"], 0)  # the demo has no real record
        region = self.assert_counts(self.get("/api/v1/analysis/coverage?region=CZ053")["method"],
                                    "coverage of the region")
        self.assertGreater(region["invented"], records["invented"])
        for path in ["/api/v1/analysis/accessibility?cell=relationships:3",
                     "/api/v1/analysis/accessibility?orp=5302",
                     "/api/v1/analysis/candidates?orp=5302&service_type=ss65",
                     "/api/v1/analysis/network?orp=5304",
                     "/api/v1/analysis/network/changes?orp=5304&from=2017-01-01&to=2019-01-01",
                     "/api/v1/monitoring?orp=5304"]:
            counts = self.assert_counts(self.get(path)["method"], path)
            self.assertGreater(counts["invented"], 0, path)
        network = self.get("/api/v1/analysis/network?orp=5304&ties=derived")
        counts = self.assert_counts(network["method"], "network")
        # its actors (seeds and invented) and meetings (invented)
        self.assertEqual(sum(counts.values()), network["actors"] + network["meetings"])
        self.assertGreater(counts["seeds"], 0)
        monitoring = self.get("/api/v1/monitoring?orp=5304")
        counts = self.assert_counts(monitoring["method"], "monitoring")
        self.assertGreaterEqual(counts["invented"], monitoring["meetings"]["total"])
        what_if = self.server.post("/api/v1/analysis/what-if",
                                   {"add": [{"service_type": "ss65", "municipality": "571661"}]})
        self.assertEqual(what_if.status, 200, what_if.body)
        self.assertGreater(self.assert_counts(what_if.json()["method"], "what-if")["invented"], 0)


class ProvenanceChangesTest(DemoServerTest):
    """Counts follow the data: this class changes its own demo database."""

    def coverage_records(self):
        return self.get("/api/v1/analysis/coverage?orp=5304")["method"]["records"]

    def test_counts_follow_deletions_and_real_records(self):
        before = self.coverage_records()
        coverage = self.get("/api/v1/analysis/coverage?orp=5304")["coverage"]
        ids = sorted({s["card_id"] for c in coverage["cells"] for s in c["services"]})
        cards = (self.get(f"/api/v1/service-cards/{i}") for i in ids)
        invented = next(c for c in cards
                        if c["source"] == "invented" and not c["confidential_address"])
        r = self.server.delete(f"/api/v1/service-cards/{invented['id']}",
                               headers={"If-Match": f'"{invented["version"]}"'})
        self.assertEqual(r.status, 204, r.body)
        after = self.coverage_records()
        self.assertEqual(after["invented"], before["invented"] - 1)
        self.assertEqual(after["seeds"], before["seeds"])
        self.assertEqual(after["entered"], 0)

        # a real actor and card, entered by a person: counted as entered
        actor = self.server.post("/api/v1/actors", {
            "name": "Poradna pro rodinu Chrudim", "sector": "social",
            "actor_type": "social_provider", "seat": {"municipality_code": "571164"}})
        self.assertEqual(actor.status, 201, actor.body)
        self.assertEqual(actor.json()["source"], "entered")
        self.assertFalse(actor.json()["demo"])
        card = dict(invented, actor_id=actor.json()["id"], name="Skutečná služba")
        for key in ("id", "version", "demo", "source"):
            card.pop(key)
        r = self.server.post("/api/v1/service-cards", card)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["source"], "entered")
        now = self.coverage_records()
        self.assertEqual(now["entered"], 1)
        self.assertEqual(now["invented"], after["invented"])
        listed = self.get("/api/v1/service-cards?q=" + q("Skutečná služba"))["items"]
        self.assertEqual([c["source"] for c in listed], ["entered"])

        # a meeting entered by hand counts in monitoring as entered
        monitoring = self.get("/api/v1/monitoring?orp=5304")["method"]["records"]
        m = self.server.post("/api/v1/meetings", {
            "date": "2018-03-14", "orp_code": "5304", "category": "schools",
            "format": "individual", "actor_ids": [], "people": 3, "networkers": ["J. M."],
            "topic": "Spolupráce školy a OSPOD"})
        self.assertEqual(m.status, 201, m.body)
        self.assertEqual(m.json()["source"], "entered")
        again = self.get("/api/v1/monitoring?orp=5304")["method"]["records"]
        self.assertEqual(again["entered"], monitoring["entered"] + 1)
        self.assertEqual(again["invented"], monitoring["invented"])

    def test_source_is_validated(self):
        seq = self.get("/api/v1/health")["seq"]
        base = {"name": "Spolek", "sector": "social", "actor_type": "social_provider",
                "seat": {"municipality_code": "571164"}}
        for extra in [{"source": "guessed"}, {"source": 1}, {"demo": True, "source": "entered"},
                      {"demo": False, "source": "invented"}]:
            r = self.server.post("/api/v1/actors", {**base, **extra})
            self.assertEqual(r.status, 422, (extra, r.body))
            self.assertIn("source", r.json()["error"]["fields"], extra)
        for kind, body in [("needs", {"statement": "x", "sectors": ["education"],
                                      "network_need": "cooperation", "orp_code": "5304",
                                      "date": "2018-03-14", "priority": "high",
                                      "source": "rumour"}),
                           ("themes", {"orp_code": "5304", "title": "T", "since": "2018-01-01",
                                       "demo": True, "source": "entered"})]:
            r = self.server.post(f"/api/v1/{kind}", body)
            self.assertEqual(r.status, 422, (kind, r.body))
            self.assertIn("source", r.json()["error"]["fields"], kind)
        self.assertEqual(self.get("/api/v1/health")["seq"], seq)
        # either member alone implies the other
        seeds = self.server.post("/api/v1/actors", {**base, "source": "seeds"})
        self.assertEqual(seeds.status, 201, seeds.body)
        self.assertTrue(seeds.json()["demo"])
        demo = self.server.post("/api/v1/actors", {**base, "demo": True})
        self.assertEqual(demo.json()["source"], "invented")


if __name__ == "__main__":
    unittest.main()
