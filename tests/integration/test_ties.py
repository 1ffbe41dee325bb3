"""Cooperation ties over real HTTP: declared ties with their rules and PARTNER ratings,
and ties derived from co-attendance at meetings, kept apart."""

import unittest

from server import ServerTest
from test_api import ACTOR
from test_meetings import meeting


class TieTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.a = s.post("/api/v1/actors", {**ACTOR, "name": "OSPOD Hlinsko",
                                          "seat": {"municipality_code": "571393"}}).json()
        cls.b = s.post("/api/v1/actors", {**ACTOR, "name": "ZŠ Hlinsko", "sector": "education",
                                          "actor_type": "school",
                                          "seat": {"municipality_code": "571393"}}).json()
        cls.c = s.post("/api/v1/actors", {**ACTOR, "name": "Charita Zlín",
                                          "seat": {"municipality_code": "585068"}}).json()

    def tie(self, **over):
        t = {"actor_a": self.a["id"], "actor_b": self.b["id"], "type": "referral",
             "since": "2017-09-01", "frequency": "monthly",
             "ratings": {"reliability": 4, "openness": 3}}
        t.update(over)
        return t

    def seq(self):
        return self.server.get("/api/v1/health").json()["seq"]

    def test_declare_update_and_filter(self):
        s = self.server
        r = s.post("/api/v1/ties", self.tie())
        self.assertEqual(r.status, 201, r.body)
        t = r.json()
        self.assertEqual(t["ratings"]["reliability"], 4)
        self.assertIsNone(t["ratings"]["power_influence"])
        t["until"] = "2018-06-30"
        self.assertEqual(s.put(f"/api/v1/ties/{t['id']}", t).status, 200)
        ids = lambda q: [x["id"] for x in s.get("/api/v1/ties?" + q).json()["items"]]
        self.assertIn(t["id"], ids("orp=5302&at=2018-01-01"))
        self.assertNotIn(t["id"], ids("orp=5302&at=2019-01-01"))
        self.assertNotIn(t["id"], ids("orp=7213"))
        self.assertIn(t["id"], ids(f"actor_id={self.b['id']}&type=referral"))
        # actors a tie names cannot be deleted
        r = s.delete(f"/api/v1/actors/{self.b['id']}", headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 409)
        self.assertIn("tie", r.json()["error"]["message"])

    def test_rules_name_the_field_and_write_nothing(self):
        before = self.seq()
        cases = [
            (self.tie(actor_b=self.a["id"]), "actor_b"),  # a tie of an actor to itself
            (self.tie(actor_b=987654), "actor_b"),
            (self.tie(type="friendship"), "type"),
            (self.tie(since="2099-01-01"), "since"),
            (self.tie(until="2017-01-01"), "until"),
            (self.tie(frequency="hourly"), "frequency"),
            (self.tie(ratings={"reliability": 5}), "ratings.reliability"),
            (self.tie(ratings={"openness": 0}), "ratings.openness"),
            (self.tie(ratings={"trust": 2}), "ratings.trust"),
        ]
        for body, field in cases:
            r = self.server.post("/api/v1/ties", body)
            self.assertEqual(r.status, 422, (field, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        self.assertEqual(self.seq(), before)

    def test_ties_derived_from_meetings_are_kept_apart(self):
        s = self.server
        for date in ["2016-03-01", "2016-04-01"]:
            s.post("/api/v1/meetings", meeting(date=date, orp_code="5302", category="joint_networker",
                                               format="joint",
                                               actor_ids=[self.b["id"], self.a["id"], self.c["id"]]))
        s.post("/api/v1/meetings", meeting(date="2016-05-01", orp_code="5302",
                                           actor_ids=[self.a["id"], self.b["id"]]))
        page = s.get("/api/v1/ties/derived?orp=5302&from=2016-01-01&to=2016-12-31").json()
        self.assertEqual(page["total"], 3)
        top = page["items"][0]
        self.assertEqual((top["actor_a"], top["actor_b"]), tuple(sorted([self.a["id"], self.b["id"]])))
        self.assertEqual((top["meetings"], top["last_date"]), (3, "2016-05-01"))
        self.assertEqual([x["meetings"] for x in page["items"]], [3, 2, 2])
        self.assertEqual(s.get("/api/v1/ties/derived?orp=5302&from=2016-04-15").json()["total"], 1)
        r = s.get("/api/v1/ties/derived?from=someday")
        self.assertEqual(r.status, 422)


if __name__ == "__main__":
    unittest.main()
