"""Czech everywhere a person reads, over real HTTP: the label catalog (GET /api/v1/labels),
every field error of a body in one 422, error messages in Czech for Accept-Language: cs,
names beside ids in the documents, and the CSV exports in Czech."""

import json
import os
import unittest

from server import DATA, RECORD_KINDS, Server, add_token, add_user
from test_api import ACTOR, card
from test_meetings import meeting
from test_needs import need

OWN_ORP = "5304"  # Chrudim: the networker's ORP
OTHER_ORP = "5302"  # Hlinsko: outside it
CS = {"Accept-Language": "cs-CZ,cs;q=0.9,en;q=0.8"}
EN = {"Accept-Language": "en-GB,en;q=0.9,cs;q=0.4"}


class LabelsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = s = Server()
        add_user(s.database, "labels.networker", "networker", "--orp", OWN_ORP)
        cls.networker = {"Authorization": "Bearer " + add_token(
            s.database, "labels.networker", "write", "labels")}
        s.__enter__()
        cls.a = cls.post("actors", ACTOR)
        cls.b = cls.post("actors", {**ACTOR, "ico": "", "name": "ZŠ Chrudim",
                                    "sector": "education", "actor_type": "school"})
        cls.card = cls.post("service-cards", card(cls.a["id"]))
        cls.meeting = cls.post("meetings", meeting(actor_ids=[cls.a["id"], cls.b["id"]]))
        cls.far_meeting = cls.post("meetings", meeting(orp_code=OTHER_ORP, topic="Hlinsko"))
        cls.theme = cls.post("themes", {"orp_code": OWN_ORP, "title": "Včasné podchycení",
                                        "since": "2017-05-01"})
        cls.goal = cls.post("goals", {"theme_id": cls.theme["id"], "title": "Síť škol",
                                      "since": "2017-06-01"})
        cls.step = cls.post("steps", {"goal_id": cls.goal["id"], "title": "Setkat se",
                                      "deadline": "2018-01-31", "actor_ids": [cls.b["id"]]})
        cls.need = cls.post("needs", need(voiced_by=[cls.a["id"]],
                                          meeting_ids=[cls.meeting["id"], cls.far_meeting["id"]],
                                          theme_ids=[cls.theme["id"]]))
        cls.tie = cls.post("ties", {"actor_a": cls.a["id"], "actor_b": cls.b["id"],
                                    "type": "referral", "since": "2017-09-01"})
        cls.practice = cls.post("good-practices", {"orp_code": OWN_ORP, "title": "Praxe",
                                                   "description": "Popis.",
                                                   "need_ids": [cls.need["id"]],
                                                   "theme_ids": [cls.theme["id"]]})
        cls.recommendation = cls.post("recommendations", {"orp_code": OWN_ORP, "text": "Dop.",
                                                          "need_ids": [cls.need["id"]]})

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @classmethod
    def post(cls, kind, body):
        r = cls.server.post(f"/api/v1/{kind}", body)
        assert r.status == 201, (kind, r.body)
        return r.json()

    def refused(self, r, status=422):
        self.assertEqual(r.status, status, r.body)
        return r.json()["error"]

    # -- the catalog ----------------------------------------------------------------------

    def test_labels_in_czech_by_default_and_in_english(self):
        r = self.server.get("/api/v1/labels", anonymous=True)
        self.assertEqual(r.status, 200, r.body)
        cs = r.json()
        self.assertEqual(cs["lang"], "cs")
        self.assertEqual(r.headers["Content-Language"], "cs")
        self.assertEqual(cs["enums"]["forms"]["ambulatory"], "ambulantní")
        self.assertEqual(cs["enums"]["need_priorities"]["high"], "vysoká")
        self.assertEqual(cs["enums"]["roles"]["networker"], "lokální síťař")
        self.assertEqual(cs["enums"]["record_kinds"]["good_practice"], "dobrá praxe")
        self.assertEqual(cs["enums"]["error_codes"]["validation_failed"], "údaje porušují pravidla")
        self.assertEqual(cs["fields"]["step"]["actor_ids"], "odpovědní aktéři")
        # the reference data's own labels, not a copy of them
        with open(os.path.join(DATA, "reference", "need_areas.json"), encoding="utf-8") as f:
            areas = json.load(f)
        self.assertEqual(cs["reference"]["need_areas"], {a["id"]: a["cs"] for a in areas})
        self.assertIn("1", cs["reference"]["support_levels"])
        for group in ("sectors", "actor_types", "service_types", "capacity_units",
                      "meeting_categories", "network_need_categories"):
            self.assertTrue(cs["reference"][group], group)
        en = self.server.get("/api/v1/labels?lang=en", anonymous=True).json()
        self.assertEqual(en["lang"], "en")
        self.assertEqual(en["enums"]["forms"]["ambulatory"], "outpatient")
        self.assertEqual(en["reference"]["need_areas"], {a["id"]: a["en"] for a in areas})
        # the same groups and values in both languages
        self.assertEqual({g: set(v) for g, v in cs["enums"].items()},
                         {g: set(v) for g, v in en["enums"].items()})

    def test_an_unknown_language_is_a_422_naming_the_parameter(self):
        # A known parameter with a bad value, as on every other route (an unknown parameter
        # is the 400).
        for query in ("lang=de", "lang=", "lang=CS"):
            with self.subTest(query=query):
                error = self.refused(self.server.get(f"/api/v1/labels?{query}", anonymous=True))
                self.assertEqual(error["code"], "validation_failed")
                self.assertIn("cs, en", error["fields"]["lang"])

    # -- every field error at once --------------------------------------------------------

    def bad_bodies(self):
        """A body per kind with a field of the wrong shape or unknown (which the reader
        refuses) beside fields that break a rule (which validation refuses)."""
        a, b = self.a["id"], self.b["id"]
        return {
            "actors": ({**ACTOR, "sector": "nope", "web": 5, "bogus": 1},
                       {"sector", "web", "bogus"}),
            "service-cards": (card(a, service_type="nope", need_areas=["learning"], forms=["x"],
                                   age_min=-1, level="3", bogus=1),
                              {"service_type", "forms", "age_min", "level", "bogus"}),
            "meetings": (meeting(format="x", people=0, topic=7, bogus=1),
                         {"format", "people", "topic", "bogus"}),
            "needs": (need(priority="x", status="y", statement=["a"], bogus=1),
                      {"priority", "status", "statement", "bogus"}),
            "ties": ({"actor_a": a, "actor_b": a, "type": "x", "since": "2017-01-01",
                      "note": 1, "bogus": 1}, {"actor_b", "type", "note", "bogus"}),
            "themes": ({"orp_code": "0000", "title": "t", "since": "2017-01-01", "status": "x",
                        "why": False, "bogus": 1}, {"orp_code", "status", "why", "bogus"}),
            "goals": ({"theme_id": self.theme["id"], "title": "", "since": "2017-01-01",
                       "status": "x", "description": 3, "bogus": 1},
                      {"title", "status", "description", "bogus"}),
            "steps": ({"goal_id": self.goal["id"], "title": "x", "deadline": "2018-01-01",
                       "status": "x", "actor_ids": [b, b], "outcome": 1, "bogus": 1},
                      {"status", "actor_ids", "outcome", "bogus"}),
            "good-practices": ({"orp_code": OWN_ORP, "title": "", "description": "d",
                                "need_ids": "x", "bogus": 1}, {"title", "need_ids", "bogus"}),
            "recommendations": ({"orp_code": OWN_ORP, "text": "t", "scope": "x",
                                 "theme_ids": {}, "bogus": 1}, {"scope", "theme_ids", "bogus"}),
            "participations": ({"orp_code": "0000", "since": "x", "note": 1, "bogus": 1},
                               {"orp_code", "since", "note", "bogus"}),
            "orp-texts": ({"orp_code": "0000", "focus": 5, "bogus": 1},
                          {"orp_code", "focus", "bogus"}),
            "analysis-texts": ({"orp_code": "0000", "conclusion": 5, "bogus": 1},
                               {"orp_code", "conclusion", "bogus"}),
        }

    def test_every_field_error_of_a_post_comes_in_one_answer_for_every_kind(self):
        bodies = self.bad_bodies()
        self.assertEqual(set(bodies), set(RECORD_KINDS))
        before = self.server.get("/api/v1/health").json()["seq"]
        for kind, (body, fields) in bodies.items():
            with self.subTest(kind=kind):
                error = self.refused(self.server.post(f"/api/v1/{kind}", body))
                self.assertEqual(error["code"], "validation_failed")
                self.assertEqual(set(error["fields"]), fields, error)
        self.assertEqual(self.server.get("/api/v1/health").json()["seq"], before)

    def test_every_field_error_of_a_put_and_a_patch_in_english_and_in_czech(self):
        path = f"/api/v1/steps/{self.step['id']}"
        body = {**self.step, "status": "x", "actor_ids": [self.b["id"], self.b["id"]],
                "deadline": 5, "bogus": True}
        match = {"If-Match": f'"{self.step["version"]}"'}
        en = self.refused(self.server.put(path, body, headers={**match, **EN}))
        self.assertEqual(set(en["fields"]), {"status", "actor_ids", "deadline", "bogus"})
        self.assertEqual(en["fields"]["status"],
                         "unknown status 'x'; allowed: planned, in_progress, done, cancelled")
        self.assertEqual(en["fields"]["actor_ids"], "lists an actor twice")
        self.assertEqual(en["fields"]["deadline"], "must be a string")
        self.assertEqual(en["fields"]["bogus"], "is not a known field")
        cs = self.refused(self.server.put(path, body, headers={**match, **CS}))
        self.assertEqual(cs["code"], "validation_failed")
        self.assertEqual(set(cs["fields"]), set(en["fields"]))
        self.assertEqual(cs["fields"]["status"], "stav: neznámý stav 'x'; možné: plánovaný, "
                                                 "probíhá, hotový, zrušený")
        self.assertEqual(cs["fields"]["actor_ids"], "odpovědní aktéři: uvádí aktéra dvakrát")
        self.assertEqual(cs["fields"]["deadline"], "termín: musí být text")
        self.assertEqual(cs["fields"]["bogus"], "bogus: není známé pole")
        self.assertEqual(cs["message"], "záznam porušuje některá pravidla")
        patch = self.server.request(
            "PATCH", f"/api/v1/ties/{self.tie['id']}", {"type": "x", "frequency": "daily",
                                                       "note": 3},
            headers={"Content-Type": "application/merge-patch+json",
                     "If-Match": f'"{self.tie["version"]}"', **CS})
        error = self.refused(patch)
        self.assertEqual(set(error["fields"]), {"type", "frequency", "note"})
        self.assertTrue(error["fields"]["type"].startswith(
            "typ vazby: neznámý typ vazby 'x'; možné: sdílení informací, předávání klientů"),
            error)

    def test_czech_messages_name_the_field_as_a_person_knows_it(self):
        body = card(self.a["id"], forms=["x"], contacts=[{"email": "bez zavináče"}])
        cs = self.refused(self.server.post("/api/v1/service-cards", body, headers=CS))
        self.assertEqual(cs["fields"]["forms"],
                         "formy: neznámá forma 'x'; možné: ambulantní, terénní, pobytová, na dálku")
        self.assertEqual(cs["fields"]["contacts[0].email"],
                         "kontakty[0].e-mail: není e-mailová adresa")
        en = self.refused(self.server.post("/api/v1/service-cards", body))
        self.assertEqual(en["fields"]["forms"],
                         "unknown form 'x'; allowed: ambulatory, outreach, residential, remote")
        # q-values decide; a refused language (q=0) is never chosen; English is the default
        for header, czech in (("en;q=0.5, cs;q=0.8", True), ("cs;q=0.2, en", False),
                              ("cs;q=0, de", False), ("de, *;q=0.5", False), ("CS", True)):
            with self.subTest(header=header):
                r = self.server.post("/api/v1/service-cards", body,
                                     headers={"Accept-Language": header})
                forms = self.refused(r)["fields"]["forms"]
                self.assertEqual(forms.startswith("formy:"), czech, forms)
        # other errors too: the code stays, the message is Czech
        missing = self.refused(self.server.get("/api/v1/steps/987654", headers=CS), 404)
        self.assertEqual(missing["code"], "not_found")
        self.assertEqual(missing["message"], "krok 987654 neexistuje")
        unknown = self.refused(self.server.get("/api/v1/needs?colour=red", headers=CS), 400)
        self.assertEqual(unknown["code"], "unknown_parameter")
        self.assertTrue(unknown["fields"]["colour"].startswith("colour: neznámý parametr"),
                        unknown)

    # -- names beside ids -----------------------------------------------------------------

    def named(self, *records):
        return [{"id": r["id"], "name": r.get("name", r.get("title"))} for r in records]

    def test_documents_carry_names_beside_ids(self):
        s = self.server
        a, b = self.a, self.b
        got = s.get(f"/api/v1/meetings/{self.meeting['id']}").json()
        self.assertEqual(got["actor_ids"], [a["id"], b["id"]])
        self.assertEqual(got["participants"], self.named(a, b))
        got = s.get(f"/api/v1/needs/{self.need['id']}").json()
        self.assertEqual(got["voiced_by_actors"], self.named(a))
        self.assertEqual(got["themes"], self.named(self.theme))
        self.assertEqual([m["id"] for m in got["meetings"]],
                         [self.meeting["id"], self.far_meeting["id"]])
        self.assertIn(self.meeting["topic"], got["meetings"][0]["name"])
        self.assertEqual(s.get(f"/api/v1/ties/{self.tie['id']}").json()["actors"],
                         self.named(a, b))
        self.assertEqual(s.get(f"/api/v1/goals/{self.goal['id']}").json()["theme"],
                         self.named(self.theme)[0])
        got = s.get(f"/api/v1/steps/{self.step['id']}").json()
        self.assertEqual(got["responsible_actors"], self.named(b))
        self.assertEqual(got["goal"], self.named(self.goal)[0])
        need_named = [{"id": self.need["id"], "name": self.need["statement"]}]
        got = s.get(f"/api/v1/good-practices/{self.practice['id']}").json()
        self.assertEqual((got["needs"], got["themes"]), (need_named, self.named(self.theme)))
        got = s.get(f"/api/v1/recommendations/{self.recommendation['id']}").json()
        self.assertEqual((got["needs"], got["themes"]), (need_named, []))
        self.assertEqual(s.get(f"/api/v1/service-cards/{self.card['id']}").json()["actor"],
                         self.named(a)[0])

    def test_lists_carry_names_beside_ids(self):
        s = self.server
        def item(path, rid):
            items = s.get(path).json()["items"]
            return next(x for x in items if x["id"] == rid)
        self.assertEqual(item(f"/api/v1/meetings?orp={OWN_ORP}", self.meeting["id"])
                         ["participants"], self.named(self.a, self.b))
        self.assertEqual(item(f"/api/v1/needs?orp={OWN_ORP}", self.need["id"])
                         ["voiced_by_actors"], self.named(self.a))
        self.assertEqual(item("/api/v1/ties", self.tie["id"])["actors"],
                         self.named(self.a, self.b))
        self.assertEqual(item(f"/api/v1/good-practices?orp={OWN_ORP}", self.practice["id"])
                         ["themes"], self.named(self.theme))
        self.assertEqual(item(f"/api/v1/recommendations?orp={OWN_ORP}",
                              self.recommendation["id"])["needs"][0]["name"],
                         self.need["statement"])
        strategy = s.get(f"/api/v1/strategy?orp={OWN_ORP}").json()
        step = strategy["themes"][0]["goals"][0]["steps"][0]
        self.assertEqual(step["responsible_actors"], self.named(self.b))

    def test_names_reveal_nothing_the_caller_could_not_read(self):
        # The networker of Chrudim reads the need, but not the meeting in Hlinsko it names.
        r = self.server.get(f"/api/v1/needs/{self.need['id']}", headers=self.networker)
        self.assertEqual(r.status, 200, r.body)
        meetings = {m["id"]: m["name"] for m in r.json()["meetings"]}
        self.assertIsNotNone(meetings[self.meeting["id"]])
        self.assertIsNone(meetings[self.far_meeting["id"]])
        self.assertEqual(self.server.get(f"/api/v1/meetings/{self.far_meeting['id']}",
                                         headers=self.networker).status, 404)
        self.assertNotIn("Hlinsko", r.body)

    def test_a_document_read_can_be_written_back_with_its_names(self):
        got = self.server.get(f"/api/v1/meetings/{self.meeting['id']}").json()
        self.assertIn("participants", got)
        r = self.server.put(f"/api/v1/meetings/{got['id']}", {**got, "notes": "Doplněno."},
                            headers={"If-Match": f'"{got["version"]}"'})
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn("participants", self.server.get(
            f"/api/v1/audit?entity=meeting&id={got['id']}").body)

    # -- CSV ------------------------------------------------------------------------------

    def csv_rows(self, path):
        r = self.server.get(path)
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
        text = r.body.lstrip("\ufeff")
        return [line.split(";") for line in text.strip().split("\n")]

    def test_csv_exports_are_czech_by_default_with_their_ids_kept(self):
        scope = f"orp={OWN_ORP}&from=2017-01-01&to=2019-12-31"
        rows = self.csv_rows(f"/api/v1/monitoring.csv?{scope}")
        self.assertEqual(rows[0], ["oddíl", "klíč", "název oddílu", "název", "počet"])
        by_key = {(row[0], row[1]): row for row in rows[1:]}
        self.assertEqual(by_key[("needs_by_status", "open")][2:4],
                         ["potřeby podle stavu", "otevřená"])
        self.assertEqual(by_key[("totals", "steps_overdue")][3], "kroky po termínu")
        self.assertEqual(by_key[("meetings_by_category", "schools")][4], "1")
        en = self.csv_rows(f"/api/v1/monitoring.csv?{scope}&lang=en")
        self.assertEqual(en[0], ["section", "key", "section_label", "label", "count"])
        self.assertEqual([row[:2] for row in en[1:]], [row[:2] for row in rows[1:]])
        audit = self.csv_rows(f"/api/v1/audit.csv?entity=step&id={self.step['id']}")
        self.assertEqual(audit[0], ["pořadí", "čas", "autor", "druh záznamu", "id", "operace",
                                    "pole", "před", "po"])
        self.assertIn(["krok", str(self.step["id"]), "vytvoření", "odpovědní aktéři[0]"],
                      [row[3:7] for row in audit[1:]])
        audit_en = self.csv_rows(f"/api/v1/audit.csv?entity=step&id={self.step['id']}&lang=en")
        self.assertEqual(audit_en[0], ["seq", "at", "author", "entity", "id", "op", "field",
                                       "before", "after"])
        self.assertIn(["step", str(self.step["id"]), "create", "actor_ids[0]"],
                      [row[3:7] for row in audit_en[1:]])
        self.refused(self.server.get("/api/v1/monitoring.csv?lang=fr"))


if __name__ == "__main__":
    unittest.main()
