"""Meetings (setkání, zápis) over real HTTP: the record, its rules, the references to
actors that keep those actors from being deleted."""

import unittest

from server import ServerTest
from test_api import ACTOR


def meeting(**over):
    m = {
        "date": "2018-03-14",
        "orp_code": "5304",
        "category": "schools",
        "format": "individual",
        "actor_ids": [],
        "people": 3,
        "networkers": ["Jaroslav Marek"],
        "topic": "Spolupráce školy a OSPOD při záškoláctví",
        "notes": "Škola neví, kdy volat OSPOD.",
        "outputs": "Dohoda o společné schůzce.",
        "follow_ups": [{"task": "Pozvat OSPOD na poradu školy", "owner": "ředitelka",
                        "due": "2018-04-01"}],
    }
    m.update(over)
    return m


class MeetingTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.school = s.post("/api/v1/actors", {**ACTOR, "name": "ZŠ Chrudim", "sector": "education",
                                               "actor_type": "school"}).json()
        cls.ospod = s.post("/api/v1/actors", ACTOR).json()

    def seq(self):
        return self.server.get("/api/v1/health").json()["seq"]

    def test_record_read_update_delete(self):
        s = self.server
        r = s.post("/api/v1/meetings", meeting(actor_ids=[self.school["id"], self.ospod["id"]]))
        self.assertEqual(r.status, 201, r.body)
        m = r.json()
        path = f"/api/v1/meetings/{m['id']}"
        self.assertEqual(s.get(path).json(), m)
        self.assertEqual(s.get(path).headers["ETag"], '"1"')
        m["follow_ups"][0]["done"] = True
        r = s.put(path, m, headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["follow_ups"][0]["done"])
        self.assertEqual(s.put(path, m, headers={"If-Match": '"1"'}).status, 409)
        self.assertEqual(s.delete(path, headers={"If-Match": '"2"'}).status, 204)
        self.assertEqual(s.get(path).status, 404)

    def test_rules_name_the_field_and_write_nothing(self):
        s = self.server
        before = self.seq()
        cases = [
            (meeting(date="2099-01-01"), "date"),
            (meeting(date="2011-12-31"), "date"),
            (meeting(date="2018-02-30"), "date"),
            (meeting(category="coffee"), "category"),
            (meeting(format="party"), "format"),
            (meeting(orp_code="0000"), "orp_code"),
            (meeting(people=0), "people"),
            (meeting(topic=""), "topic"),
            (meeting(actor_ids=[self.school["id"], self.school["id"]]), "actor_ids"),
            (meeting(actor_ids=[self.school["id"], 987654]), "actor_ids[1]"),
            (meeting(follow_ups=[{"task": "x", "due": "2018-01-01"}]), "follow_ups[0].due"),
            (meeting(follow_ups=[{"task": ""}]), "follow_ups[0].task"),
            (meeting(actor_ids="all"), "actor_ids"),
            (meeting(mood="good"), "mood"),
        ]
        for body, field in cases:
            r = s.post("/api/v1/meetings", body)
            self.assertEqual(r.status, 422, (field, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        self.assertEqual(self.seq(), before)

    def test_an_actor_that_meetings_name_cannot_be_deleted(self):
        s = self.server
        a = s.post("/api/v1/actors", {**ACTOR, "name": "Policie ČR, OO Chrudim",
                                      "sector": "police_justice", "actor_type": "police"}).json()
        m = s.post("/api/v1/meetings", meeting(actor_ids=[a["id"]])).json()
        r = s.delete(f"/api/v1/actors/{a['id']}", headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 409)
        self.assertIn("1 meeting", r.json()["error"]["message"])
        self.assertEqual(s.get(f"/api/v1/actors/{a['id']}").status, 200)
        # once the meeting no longer names it, the actor can go
        m["actor_ids"] = []
        self.assertEqual(s.put(f"/api/v1/meetings/{m['id']}", m).status, 200)
        self.assertEqual(s.delete(f"/api/v1/actors/{a['id']}", headers={"If-Match": '"1"'}).status, 204)

    def test_list_filters_and_order(self):
        s = self.server
        ids = []
        for date, orp, cat in [("2015-09-01", "5302", "ospod"), ("2016-01-15", "5302", "health"),
                               ("2015-12-24", "5302", "ospod"), ("2016-02-01", "7213", "ospod")]:
            ids.append(s.post("/api/v1/meetings", meeting(date=date, orp_code=orp, category=cat,
                                                          actor_ids=[self.ospod["id"]])).json()["id"])
        page = s.get("/api/v1/meetings?orp=5302").json()
        self.assertEqual([m["date"] for m in page["items"]], ["2016-01-15", "2015-12-24", "2015-09-01"])
        self.assertEqual(s.get("/api/v1/meetings?orp=5302&category=ospod").json()["total"], 2)
        self.assertEqual(s.get("/api/v1/meetings?region=CZ053&from=2016-01-01&to=2016-12-31")
                         .json()["total"], 1)
        self.assertEqual(s.get("/api/v1/meetings?region=CZ072").json()["total"], 1)
        self.assertGreaterEqual(s.get(f"/api/v1/meetings?actor_id={self.ospod['id']}").json()["total"], 4)
        r = s.get("/api/v1/meetings?from=yesterday&category=coffee")
        self.assertEqual(r.status, 422)
        self.assertIn("from", r.json()["error"]["fields"])
        self.assertIn("category", r.json()["error"]["fields"])
        cats = s.get("/api/v1/reference/meeting-categories").json()
        self.assertEqual(len(cats), 11)

    def test_list_by_record_and_text(self):
        # The web's meeting list filters by whether a record (zápis) was written and by words
        # of the topic or the record, diacritics ignored.
        s = self.server
        with_record = s.post("/api/v1/meetings", meeting(orp_code="5311", topic="Záškoláctví ve Skutči")).json()
        without = s.post("/api/v1/meetings", meeting(orp_code="5311", topic="Porada škol", notes=" ",
                                                      outputs="")).json()
        ids = lambda q: [m["id"] for m in s.get("/api/v1/meetings?orp=5311&" + q).json()["items"]]
        self.assertEqual(ids("has_record=true"), [with_record["id"]])
        self.assertEqual(ids("has_record=false"), [without["id"]])
        self.assertEqual(ids("q=zaskol"), [with_record["id"]])
        self.assertEqual(ids("q=OSPOD+kdy"), [with_record["id"]])  # words of the notes
        self.assertEqual(ids("q=porada&has_record=true"), [])
        self.assertEqual(sorted(ids("q=")), sorted([with_record["id"], without["id"]]))
        r = s.get("/api/v1/meetings?has_record=maybe&q=" + "x" * 401)
        self.assertEqual(r.status, 422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"has_record", "q"})


if __name__ == "__main__":
    unittest.main()
