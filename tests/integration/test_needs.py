"""Needs (zjištěné potřeby) over real HTTP: rules, references to actors and meetings,
and the filters of the list."""

import unittest

from server import ServerTest
from test_api import ACTOR
from test_meetings import meeting


def need(**over):
    n = {
        "statement": "Školy nevědí, kdy a jak se obrátit na OSPOD.",
        "sectors": ["education"],
        "network_need": "clarity_of_competences",
        "orp_code": "5304",
        "date": "2018-03-14",
        "priority": "high",
    }
    n.update(over)
    return n


class NeedTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.actor = cls.server.post("/api/v1/actors", ACTOR).json()
        cls.meeting = cls.server.post("/api/v1/meetings",
                                      meeting(actor_ids=[cls.actor["id"]])).json()

    def seq(self):
        return self.server.get("/api/v1/health").json()["seq"]

    def test_record_with_defaults_and_update_status(self):
        s = self.server
        r = s.post("/api/v1/needs", need(voiced_by=[self.actor["id"]],
                                         meeting_ids=[self.meeting["id"]], priority=None))
        self.assertEqual(r.status, 201, r.body)
        n = r.json()
        self.assertEqual((n["status"], n["priority"]), ("open", "medium"))
        n["status"] = "being_addressed"
        r = s.put(f"/api/v1/needs/{n['id']}", n)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(s.get(f"/api/v1/needs/{n['id']}").json()["status"], "being_addressed")

    def test_rules_name_the_field_and_write_nothing(self):
        before = self.seq()
        cases = [
            (need(need_area="happiness"), "need_area"),  # both kinds named: each is checked
            (need(network_need="", need_area=""), "need_area"),
            (need(network_need="", need_area="happiness"), "need_area"),
            (need(network_need="coffee"), "network_need"),
            (need(sectors=[]), "voiced_by"),
            (need(sectors=["space"]), "sectors[0]"),
            (need(status="solved"), "status"),
            (need(priority="urgent"), "priority"),
            (need(date="2099-01-01"), "date"),
            (need(statement=""), "statement"),
            (need(voiced_by=[987654]), "voiced_by[0]"),
            (need(meeting_ids=[self.meeting["id"], 987654]), "meeting_ids[1]"),
        ]
        for body, field in cases:
            r = self.server.post("/api/v1/needs", body)
            self.assertEqual(r.status, 422, (field, r.body))
            self.assertIn(field, r.json()["error"]["fields"], r.body)
        self.assertEqual(self.seq(), before)

    def test_a_meeting_a_need_names_cannot_be_deleted(self):
        s = self.server
        m = s.post("/api/v1/meetings", meeting()).json()
        n = s.post("/api/v1/needs", need(meeting_ids=[m["id"]])).json()
        r = s.delete(f"/api/v1/meetings/{m['id']}", headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 409)
        self.assertIn("1 need", r.json()["error"]["message"])
        self.assertEqual(s.delete(f"/api/v1/needs/{n['id']}", headers={"If-Match": '"1"'}).status, 204)
        self.assertEqual(s.delete(f"/api/v1/meetings/{m['id']}", headers={"If-Match": '"1"'}).status, 204)

    def test_list_filters(self):
        s = self.server
        s.post("/api/v1/needs", need(orp_code="5302", date="2016-05-01", status="met"))
        s.post("/api/v1/needs", need(orp_code="5302", date="2016-06-01", network_need="",
                                     need_area="learning"))
        s.post("/api/v1/needs", need(orp_code="7213", date="2016-07-01"))
        page = s.get("/api/v1/needs?orp=5302").json()
        self.assertEqual([n["date"] for n in page["items"]], ["2016-06-01", "2016-05-01"])
        self.assertEqual(s.get("/api/v1/needs?orp=5302&status=met").json()["total"], 1)
        self.assertEqual(s.get("/api/v1/needs?orp=5302&need_area=learning").json()["total"], 1)
        self.assertEqual(s.get("/api/v1/needs?region=CZ072&from=2016-01-01&to=2016-12-31")
                         .json()["total"], 1)
        r = s.get("/api/v1/needs?status=solved&network_need=coffee")
        self.assertEqual(r.status, 422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"status", "network_need"})
        self.assertEqual(len(s.get("/api/v1/reference/network-need-categories").json()), 11)


if __name__ == "__main__":
    unittest.main()
