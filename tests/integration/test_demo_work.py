"""The demo's networking work over real HTTP: the seven seed ORPs of Pardubický kraj have
meetings from the day networking started there, needs and declared ties, their strategy
(themes, goals, steps, some overdue), good practices and recommendations, and the
monitoring table of the region equals the counts computed here from its meetings."""

import collections
import json
import os
import unittest

from server import DATA, DemoServerTest

CATEGORIES = ["ospod", "local_government", "service_providers", "schools", "zdvop", "health",
              "psychotherapy", "justice_security", "labour_office", "other", "joint_networker"]


def seed_orps():
    with open(os.path.join(DATA, "demo", "seed-facts.json"), encoding="utf-8") as f:
        return {o["orp_code"]: o for o in json.load(f)["orps"]}


class DemoWorkTest(DemoServerTest):
    def all_items(self, path):
        items, offset = [], 0
        while True:
            page = self.get(f"{path}&limit=200&offset={offset}")
            items += page["items"]
            offset += 200
            if offset >= page["total"]:
                self.assertEqual(len(items), page["total"])
                return items

    def test_hlinsko_meetings_start_with_networking(self):
        started = seed_orps()["5302"]["networking_started"]
        meetings = self.all_items("/api/v1/meetings?orp=5302")
        self.assertGreater(len(meetings), 3 * 30)
        dates = sorted(m["date"] for m in meetings)
        self.assertGreaterEqual(dates[0], started)
        self.assertEqual(dates[0][:7], started[:7])
        self.assertLessEqual(dates[-1], "2019-06-30")
        self.assertTrue(all(m["orp_code"] == "5302" and m["demo"] for m in meetings))
        self.assertTrue(all(1 <= len(m["actor_ids"]) <= 4 for m in meetings))
        self.assertTrue(all(m["networkers"] == ["Jaroslav Marek"] for m in meetings))

    def test_holice_needs(self):
        needs = self.get("/api/v1/needs?orp=5303")
        self.assertGreater(needs["total"], 0)
        statements = [n["statement"] for n in needs["items"]]
        self.assertTrue(any("kompetenc" in s for s in statements), statements)
        for n in needs["items"]:
            self.assertTrue(n["meeting_ids"])
            self.assertGreaterEqual(n["date"], seed_orps()["5303"]["networking_started"])

    def test_region_ties(self):
        ties = self.get("/api/v1/ties?region=CZ053")
        self.assertGreater(ties["total"], 0)

    def test_holice_strategy(self):
        s = self.get("/api/v1/strategy?orp=5303")
        self.assertTrue(s["themes"])
        started = seed_orps()["5303"]["networking_started"]
        for theme in s["themes"]:
            self.assertGreater(theme["since"], started)
            self.assertTrue(theme["goals"], theme["title"])
            for goal in theme["goals"]:
                self.assertGreaterEqual(goal["since"], theme["since"])
                self.assertTrue(goal["steps"], goal["title"])
                for step in goal["steps"]:
                    self.assertGreaterEqual(step["deadline"], goal["since"])
                    self.assertTrue(1 <= len(step["actor_ids"]) <= 2, step)
        self.assertGreaterEqual(s["overdue"], 1)
        # the needs of Holice link to its themes
        theme_ids = {t["id"] for t in s["themes"]}
        needs = self.get("/api/v1/needs?orp=5303")["items"]
        self.assertTrue(any(n["theme_ids"] for n in needs))
        self.assertTrue(all(set(n["theme_ids"]) <= theme_ids for n in needs))

    def test_region_practices_recommendations_and_overdue(self):
        practices = self.get("/api/v1/good-practices?region=CZ053")
        self.assertGreater(practices["total"], 0)
        recommendations = self.get("/api/v1/recommendations?region=CZ053")
        self.assertGreater(recommendations["total"], 0)
        self.assertTrue(any(p["need_ids"] or p["theme_ids"] for p in practices["items"]))
        overdue = self.get("/api/v1/strategy/overdue?region=CZ053")
        self.assertGreaterEqual(overdue["total"], 1)

    def test_monitoring_equals_the_meetings(self):
        meetings = self.all_items("/api/v1/meetings?region=CZ053")
        self.assertTrue(meetings)
        table = self.get("/api/v1/monitoring?region=CZ053")
        by_cat = collections.Counter(m["category"] for m in meetings)
        self.assertEqual({c["category"]: c["count"] for c in table["meetings"]["by_category"]},
                         {c: by_cat.get(c, 0) for c in CATEGORIES})
        self.assertEqual(table["meetings"]["total"], len(meetings))
        self.assertEqual(table["records"], len(meetings))
        self.assertEqual(table["meetings"]["people"], sum(m["people"] for m in meetings))
        months = collections.Counter(m["date"][:7] for m in meetings)
        self.assertEqual({t["month"]: t["meetings"] for t in table["trend"] if t["meetings"]},
                         dict(months))
        # the seven seed ORPs, OSPOD meetings the most common as in the seeds' totals
        self.assertEqual({m["orp_code"] for m in meetings}, set(seed_orps()))
        self.assertEqual(by_cat.most_common(1)[0][0], "ospod")


if __name__ == "__main__":
    unittest.main()
