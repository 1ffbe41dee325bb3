"""The local networking strategy over real HTTP: themes → goals → steps with their rules,
the strategy of a past date replayed from the change log, and overdue steps."""

import datetime
import unittest

from server import ServerTest
from test_api import ACTOR

TODAY = datetime.date.today().isoformat()


class StrategyTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.actor = cls.server.post("/api/v1/actors", ACTOR).json()

    def post(self, kind, body, status=201):
        r = self.server.post(f"/api/v1/{kind}", body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def test_a_strategy_document_with_overdue_steps(self):
        theme = self.post("themes", {"orp_code": "5303", "title": "Propagace sítě služeb směrem k rodinám",
                                     "why": "Rodiny nevědí, kam se obrátit.", "since": "2018-01-10"})
        goal = self.post("goals", {"theme_id": theme["id"], "title": "Leták pro rodiny",
                                   "since": "2018-02-01"})
        late = self.post("steps", {"goal_id": goal["id"], "title": "Sestavit kontakty",
                                   "deadline": "2018-03-31", "actor_ids": [self.actor["id"]]})
        self.post("steps", {"goal_id": goal["id"], "title": "Vytisknout leták",
                            "deadline": "2018-04-30", "status": "done", "outcome": "500 kusů"})
        s = self.server.get("/api/v1/strategy?orp=5303").json()
        self.assertEqual(s["orp"], "5303")
        self.assertEqual([t["title"] for t in s["themes"]], ["Propagace sítě služeb směrem k rodinám"])
        steps = s["themes"][0]["goals"][0]["steps"]
        self.assertEqual([(x["title"], x["overdue"]) for x in steps],
                         [("Sestavit kontakty", True), ("Vytisknout leták", False)])
        self.assertEqual(s["overdue"], 1)
        overdue = self.server.get("/api/v1/strategy/overdue?region=CZ053").json()
        self.assertIn(late["id"], [x["step"]["id"] for x in overdue["items"]])
        self.assertEqual(overdue["items"][0]["theme"]["orp_code"], "5303")
        # a step referred to by nothing can go; a goal with steps cannot
        r = self.server.delete(f"/api/v1/goals/{goal['id']}", headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 409)
        self.assertIn("step", r.json()["error"]["message"])

    def test_rules_name_the_field_and_write_nothing(self):
        theme = self.post("themes", {"orp_code": "5311", "title": "Včasné podchycení",
                                     "since": "2017-05-01"})
        goal = self.post("goals", {"theme_id": theme["id"], "title": "Síť škol", "since": "2017-06-01"})
        before = self.server.get("/api/v1/health").json()["seq"]
        cases = [
            ("themes", {"orp_code": "0000", "title": "x", "since": "2017-01-01"}, "orp_code"),
            ("themes", {"orp_code": "5311", "title": "", "since": "2017-01-01"}, "title"),
            ("themes", {"orp_code": "5311", "title": "x", "since": "2099-01-01"}, "since"),
            ("themes", {"orp_code": "5311", "title": "x", "since": "2017-01-01", "status": "maybe"}, "status"),
            ("goals", {"theme_id": 987654, "title": "x", "since": "2017-01-01"}, "theme_id"),
            ("goals", {"title": "x", "since": "2017-01-01"}, "theme_id"),
            ("steps", {"goal_id": goal["id"], "title": "x", "deadline": "2017-05-31"}, "deadline"),
            ("steps", {"goal_id": goal["id"], "title": "x", "deadline": "2017-13-01"}, "deadline"),
            ("steps", {"goal_id": goal["id"], "title": "x", "deadline": "2017-07-01", "actor_ids": [987654]}, "actor_ids[0]"),
            ("steps", {"goal_id": goal["id"], "title": "x", "deadline": "2017-07-01", "status": "late"}, "status"),
        ]
        for kind, body, field in cases:
            r = self.server.post(f"/api/v1/{kind}", body)
            self.assertEqual(r.status, 422, (kind, field, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        self.assertEqual(self.server.get("/api/v1/health").json()["seq"], before)

    def test_the_strategy_of_a_past_date(self):
        theme = self.post("themes", {"orp_code": "5310", "title": "Spolupráce s lékaři",
                                     "since": "2018-01-01"})
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        # recorded today, so it did not exist at the end of yesterday
        past = self.server.get(f"/api/v1/strategy?orp=5310&at={yesterday}").json()
        self.assertEqual(past["themes"], [])
        self.assertEqual(past["at"], yesterday)
        now = self.server.get(f"/api/v1/strategy?orp=5310&at={TODAY}").json()
        self.assertEqual([t["id"] for t in now["themes"]], [theme["id"]])
        diff = self.server.get(f"/api/v1/strategy/changes?orp=5310&from={yesterday}").json()
        self.assertEqual([(c["kind"], c["change"], c["id"]) for c in diff["changes"]],
                         [("theme", "added", theme["id"])])
        bad = self.server.get("/api/v1/strategy/changes?orp=5310&from=2018-05-01&to=2018-01-01")
        self.assertEqual(bad.status, 422)
        self.assertIn("to", bad.json()["error"]["fields"])
        r = self.server.get("/api/v1/strategy?orp=5310&at=someday")
        self.assertEqual(r.status, 422)
        self.assertIn("orp", self.server.get("/api/v1/strategy").json()["error"]["fields"])


if __name__ == "__main__":
    unittest.main()
