"""The monitoring table over real HTTP, checked against counts computed here from the
records the test itself wrote."""

import collections
import random
import unittest
import urllib.parse

from server import ServerTest
from test_api import ACTOR
from test_meetings import meeting
from test_needs import need

CATEGORIES = ["ospod", "local_government", "service_providers", "schools", "zdvop", "health",
              "psychotherapy", "justice_security", "labour_office", "other", "joint_networker"]
ORPS = ["5304", "5302", "5309", "7213"]  # three of Pardubický kraj, one of Zlínský


class MonitoringTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        actor = s.post("/api/v1/actors", ACTOR).json()
        rng = random.Random(7)
        cls.meetings, cls.needs = [], []
        for _ in range(120):
            m = meeting(date=f"20{rng.choice(['17', '18'])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        orp_code=rng.choice(ORPS), category=rng.choice(CATEGORIES),
                        people=rng.randint(1, 9), actor_ids=[actor["id"]], follow_ups=[])
            cls.meetings.append(m)
            assert s.post("/api/v1/meetings", m).status == 201
        for _ in range(60):
            n = need(date=f"2018-{rng.randint(1, 12):02d}-15", orp_code=rng.choice(ORPS),
                     status=rng.choice(["open", "being_addressed", "met", "dropped"]))
            if rng.random() < 0.4:
                n.update(network_need="", need_area=rng.choice(["safety", "learning"]))
            cls.needs.append(n)
            assert s.post("/api/v1/needs", n).status == 201

    def table(self, **scope):
        r = self.server.get("/api/v1/monitoring?" + urllib.parse.urlencode(scope))
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def expected(self, orps, start, end):
        ms = [m for m in self.meetings if m["orp_code"] in orps and start <= m["date"] <= end]
        ns = [n for n in self.needs if n["orp_code"] in orps and start <= n["date"] <= end]
        return ms, ns

    def check(self, table, ms, ns):
        by_cat = collections.Counter(m["category"] for m in ms)
        self.assertEqual([c["category"] for c in table["meetings"]["by_category"]], CATEGORIES)
        self.assertEqual({c["category"]: c["count"] for c in table["meetings"]["by_category"]},
                         {c: by_cat.get(c, 0) for c in CATEGORIES})
        self.assertEqual(table["meetings"]["total"], len(ms))
        self.assertEqual(table["records"], len(ms))
        self.assertEqual(table["meetings"]["people"], sum(m["people"] for m in ms))
        self.assertEqual(table["needs"]["total"], len(ns))
        status = collections.Counter(n["status"] for n in ns)
        self.assertEqual(table["needs"]["by_status"],
                         {s: status.get(s, 0) for s in ["open", "being_addressed", "met", "dropped"]})
        areas = collections.Counter(n["need_area"] for n in ns if n.get("need_area"))
        network = collections.Counter(n["network_need"] for n in ns if n.get("network_need"))
        self.assertEqual({a["id"]: a["count"] for a in table["needs"]["by_need_area"] if a["count"]},
                         dict(areas))
        self.assertEqual({a["id"]: a["count"] for a in table["needs"]["by_network_need"]
                          if a["count"]}, dict(network))
        months = collections.Counter(m["date"][:7] for m in ms)
        self.assertEqual({t["month"]: t["meetings"] for t in table["trend"] if t["meetings"]},
                         dict(months))

    def test_an_orp_for_a_year(self):
        t = self.table(orp="5302", **{"from": "2018-01-01", "to": "2018-12-31"})
        self.check(t, *self.expected({"5302"}, "2018-01-01", "2018-12-31"))

    def test_a_region_for_a_quarter(self):
        t = self.table(region="CZ053", **{"from": "2017-04-01", "to": "2017-06-30"})
        self.check(t, *self.expected({"5304", "5302", "5309"}, "2017-04-01", "2017-06-30"))

    def test_the_country_for_all_time(self):
        t = self.table()
        self.check(t, *self.expected(set(ORPS), "", "9999"))
        self.assertEqual(t["service_cards"], 0)

    def test_strategy_steps_by_status(self):
        s = self.server
        theme = s.post("/api/v1/themes", {"orp_code": "5309", "title": "T", "since": "2017-01-01"}).json()
        goal = s.post("/api/v1/goals", {"theme_id": theme["id"], "title": "G", "since": "2017-01-01"}).json()
        for deadline, status in [("2017-03-01", "done"), ("2017-04-01", "planned"),
                                 ("2017-05-01", "in_progress"), ("2018-05-01", "planned")]:
            self.assertEqual(s.post("/api/v1/steps", {"goal_id": goal["id"], "title": "S",
                                                     "deadline": deadline, "status": status}).status, 201)
        steps = self.table(orp="5309", **{"from": "2017-01-01", "to": "2017-12-31"})["steps"]
        self.assertEqual(steps["by_status"], {"planned": 1, "in_progress": 1, "done": 1, "cancelled": 0})
        self.assertEqual(steps["overdue"], 2)
        self.assertEqual(self.table(orp="5304")["steps"]["overdue"], 0)

    def test_csv_download(self):
        r = self.server.get("/api/v1/monitoring.csv?region=CZ053&lang=en")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
        text = r.body.lstrip("\ufeff")
        rows = [line.split(";") for line in text.strip().split("\n")]
        self.assertEqual(rows[0], ["section", "key", "section_label", "label", "count"])
        cats = {row[1]: int(row[4]) for row in rows if row[0] == "meetings_by_category"}
        ms, _ = self.expected({"5304", "5302", "5309"}, "", "9999")
        self.assertEqual(sum(cats.values()), len(ms))
        self.assertEqual(cats["schools"], sum(1 for m in ms if m["category"] == "schools"))

    def test_bad_scope_is_422(self):
        r = self.server.get("/api/v1/monitoring?orp=5302&region=CZ053&from=2019-01-01&to=2018-01-01")
        self.assertEqual(r.status, 422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"orp", "to"})


if __name__ == "__main__":
    unittest.main()
