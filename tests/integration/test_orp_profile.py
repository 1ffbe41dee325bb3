"""The territory and the project as the seeds speak of them, over real HTTP on the demo
network: the ORP profile ("Charakteristika ORP") agrees with the lists it sums up, the
participation register holds the seeds' facts, the networker's text sections are a
versioned record shown in the profile, and a region has region-level strategy, needs and
meetings that its coordinator writes and the networkers of its ORPs read."""

import json
import os
import unittest

from server import DATA, Server, add_token, add_user, strict_json
from test_meetings import meeting as meeting_body
from test_needs import need as need_body

REGION = "CZ053"
TEMPLATE = ["Charakteristika ORP", "Příklady dobré praxe v lokalitě",
            "Výčet stěžejních zjištěných potřeb a definice témat", "Na co se zaměřuji a proč?",
            "Jaký vidím v síťování smysl? Co se povedlo?", "Výstupy z analýzy místní sítě",
            "Doporučení směrem k síti služeb pro děti a jejich rodiny"]


def seed_orps():
    with open(os.path.join(DATA, "demo", "seed-facts.json"), encoding="utf-8") as f:
        return {o["orp_code"]: o for o in json.load(f)["orps"]}


class OrpProfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        db = server.database
        for login, role, args in [("p.coordinator", "regional_coordinator", ("--region", REGION)),
                                  ("p.networker", "networker", ("--orp", "5304")),
                                  ("p.outsider", "networker", ("--orp", "2101"))]:
            add_user(db, login, role, *args)
        cls.auth = {who: {"Authorization": "Bearer " + add_token(db, "p." + who)}
                    for who in ("coordinator", "networker", "outsider")}
        server.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, path, who=None, status=200):
        r = self.server.get(path, headers=self.auth.get(who))
        self.assertEqual(r.status, status, (path, r.body))
        return strict_json(r.body) if r.body else None

    def post(self, kind, body, who=None, status=201):
        r = self.server.post(f"/api/v1/{kind}", body, headers=self.auth.get(who))
        self.assertEqual(r.status, status, (kind, r.body))
        return r.json()

    def all_items(self, path):
        items, offset = [], 0
        sep = "&" if "?" in path else "?"
        while True:
            page = self.get(f"{path}{sep}limit=200&offset={offset}")
            items += page["items"]
            offset += 200
            if offset >= page["total"]:
                return items

    # --- the profile -----------------------------------------------------------------------
    def test_the_profile_of_chrudim_sums_up_its_records(self):
        p = self.get("/api/v1/orps/5304")
        facts = seed_orps()["5304"]
        self.assertEqual(p["orp"]["code"], "5304")
        self.assertEqual(p["region"]["code"], REGION)
        orp = next(o for o in self.get("/api/v1/orps")["items"] if o["code"] == "5304")
        self.assertEqual(p["population"], orp["population"])
        self.assertEqual(p["municipalities"], orp["municipality_count"])
        self.assertEqual(p["municipalities"],
                         len(self.get("/api/v1/orps/5304/municipalities")["items"]))
        self.assertEqual(p["children"]["age_0_17"], orp["children_0_17"])
        self.assertGreater(p["children"]["census_0_14"], 0)
        # who networks there, since when: the seeds' facts
        self.assertTrue(p["participation"]["takes_part"])
        self.assertEqual(p["participation"]["since"], facts["networking_started"])
        self.assertEqual([n["name"] for n in p["participation"]["networkers"]],
                         [facts["networker"]])
        # the counts equal the lists
        c = p["counts"]
        meetings = self.all_items("/api/v1/meetings?orp=5304")
        self.assertEqual(c["meetings"], len(meetings))
        self.assertEqual(c["meeting_records"],
                         sum(1 for m in meetings if m["notes"].strip() or m["outputs"].strip()))
        needs = self.all_items("/api/v1/needs?orp=5304")
        self.assertEqual(c["open_needs"], sum(n["status"] in ("open", "being_addressed")
                                              for n in needs))
        self.assertEqual(c["overdue_steps"], self.get("/api/v1/strategy/overdue?orp=5304")["total"])
        self.assertGreater(c["overdue_steps"], 0)
        self.assertEqual(c["themes"], len(self.get("/api/v1/strategy?orp=5304")["themes"]))
        # services by sector: every sector in the reference order, summing to the counts
        sectors = [s["id"] for s in self.get("/api/v1/reference/sectors")]
        self.assertEqual([s["sector"] for s in p["services_by_sector"]], sectors)
        self.assertEqual(sum(s["actors"] for s in p["services_by_sector"]), c["actors"])
        self.assertEqual(sum(s["cards"] for s in p["services_by_sector"]), c["service_cards"])
        by = {s["sector"]: s for s in p["services_by_sector"]}
        self.assertGreater(by["education"]["actors"], 0)  # schools
        self.assertGreater(by["health"]["actors"], 0)
        self.assertGreater(by["social"]["cards"], 0)
        self.assertEqual(by["education"]["cs"], "školství")
        cards = self.get("/api/v1/service-cards?orp=5304&limit=1")["total"]
        self.assertEqual(c["service_cards"], cards)

    def test_an_orp_that_takes_no_part_says_so(self):
        seeded = set(seed_orps())
        other = next(o["code"] for o in self.get(f"/api/v1/orps?region={REGION}")["items"]
                     if o["code"] not in seeded)
        p = self.get(f"/api/v1/orps/{other}")
        self.assertEqual(p["participation"], {"takes_part": False, "since": None, "until": None,
                                              "networkers": [], "records": []})
        self.get("/api/v1/orps/9999", status=404)

    def test_the_profile_is_read_as_other_orp_data(self):
        self.get("/api/v1/orps/5304", who="networker")
        self.get("/api/v1/orps/5302", who="networker", status=403)
        self.get("/api/v1/orps/5302", who="coordinator")
        self.get("/api/v1/orps/5304", who="outsider", status=403)
        r = self.server.get("/api/v1/orps/5304", anonymous=True)
        self.assertEqual(r.status, 401)

    # --- the participation register ----------------------------------------------------------
    def test_the_register_holds_the_seed_orps(self):
        items = self.all_items(f"/api/v1/participations?region={REGION}")
        facts = seed_orps()
        self.assertEqual({p["orp_code"]: p["since"] for p in items if p["source"] == "seeds"},
                         {code: o["networking_started"] for code, o in facts.items()})
        self.assertTrue(all(p["demo"] and p["until"] == "" for p in items if p["source"] == "seeds"))
        self.assertEqual([p["orp_code"] for p in self.all_items("/api/v1/participations?orp=5309")
                          if p["source"] == "seeds"], ["5309"])
        r = self.server.get("/api/v1/participations?region=CZ053&colour=red")
        self.assertEqual(r.status, 400, r.body)

    def test_a_participation_that_ended_and_a_region_that_takes_part(self):
        # Moravská Třebová (5311) networked once before, in 2015, with another networker.
        old = self.post("participations", {"orp_code": "5311", "since": "2015-01-01",
                                           "until": "2015-12-31",
                                           "networkers": [{"name": "Dřívější Síťařka"}]},
                        who="coordinator")
        self.assertEqual(old["until"], "2015-12-31")
        p = self.get("/api/v1/orps/5311")["participation"]
        self.assertTrue(p["takes_part"])
        self.assertEqual(p["since"], seed_orps()["5311"]["networking_started"])
        self.assertNotIn("Dřívější Síťařka", [n["name"] for n in p["networkers"]])
        self.assertEqual(len(p["records"]), 2)
        # the region's own participation, with its coordinator's contacts and user id
        region = self.post("participations", {
            "orp_code": REGION, "since": "2016-07-01",
            "networkers": [{"name": "Jana Křivánková", "email": "koordinatorka@example.cz",
                            "phone": "+420 466 000 000", "user_id": 1}]}, who="coordinator")
        prof = self.get("/api/v1/orps/5304")
        self.assertTrue(prof["region_participation"]["takes_part"])
        self.assertEqual(prof["region_participation"]["networkers"][0]["email"],
                         "koordinatorka@example.cz")
        self.assertIn(region["id"], [p["id"] for p in
                                     self.all_items(f"/api/v1/participations?region={REGION}")])
        self.assertNotIn(region["id"], [p["id"] for p in
                                        self.all_items("/api/v1/participations?orp=5304")])
        # the region's participation is the coordinator's: a networker of one ORP reads it
        self.post("participations", {"orp_code": REGION, "since": "2017-01-01"},
                  who="networker", status=403)
        self.get(f"/api/v1/participations/{region['id']}", who="networker")
        self.get(f"/api/v1/participations/{region['id']}", who="outsider", status=404)
        bad = self.post("participations", {"orp_code": "5304", "since": "2018-01-01",
                                           "until": "2017-01-01",
                                           "networkers": [{"name": "", "email": "x"}]},
                        status=422)
        self.assertEqual(set(bad["error"]["fields"]),
                         {"until", "networkers[0].name", "networkers[0].email"})

    # --- the networker's texts ------------------------------------------------------------
    def test_a_networker_named_in_the_register_is_found_and_erased_as_personal_data(self):
        person = {"name": "Radka Zapomenutá", "email": "radka.z@example.cz",
                  "phone": "+420 777 123 987"}
        p = self.post("participations", {"orp_code": "5302", "since": "2016-09-01",
                                         "networkers": [person, {"name": "Jiný Síťař"}]})
        found = self.get("/api/v1/personal-data?" + "name=Radka%20Zapomenut%C3%A1")
        self.assertEqual([(c["entity"], c["id"]) for c in found["contacts"]],
                         [("participation", p["id"])])
        self.assertEqual(found["contacts"][0]["contact"]["email"], person["email"])
        self.assertEqual(len(found["history"]), 1)
        r = self.server.post("/api/v1/personal-data/erasure", {"email": person["email"]})
        self.assertTrue(200 <= r.status < 300, r.body)
        self.assertEqual(r.json()["records"], [{"entity": "participation", "id": p["id"]}])
        stored = self.get(f"/api/v1/participations/{p['id']}")
        self.assertEqual([n["name"] for n in stored["networkers"]], ["Jiný Síťař"])
        again = self.get("/api/v1/personal-data?" + "name=Radka%20Zapomenut%C3%A1")
        self.assertEqual((again["contacts"], again["history"]), ([], []))
        with open(self.server.database, "rb") as f:
            self.assertNotIn(person["email"].encode(), f.read())

    def test_text_sections_are_a_versioned_record_in_the_profile(self):
        seeded = seed_orps()
        other = next(o["code"] for o in self.get(f"/api/v1/orps?region={REGION}")["items"]
                     if o["code"] not in seeded)
        empty = self.get(f"/api/v1/orps/{other}")["texts"]
        self.assertIsNone(empty["record"])
        self.assertEqual([s["heading_cs"] for s in empty["sections"]], TEMPLATE)
        self.assertTrue(all(s["text"] == "" for s in empty["sections"]))
        # the demo's texts: the seeds' facts of the ORP under "Charakteristika ORP"
        hlinsko = {x["key"]: x["text"] for x in self.get("/api/v1/orps/5302")["texts"]["sections"]}
        for fact in seeded["5302"]["facts_cs"]:
            self.assertIn(fact, hlinsko["characteristics"])
        text = self.post("orp-texts", {"orp_code": "5304",
                                       "characteristics": "Největší ORP Pardubického kraje.",
                                       "focus": "Spolupráce škol a OSPOD."}, who="networker")
        shown = self.get("/api/v1/orps/5304")["texts"]
        self.assertEqual(shown["record"], {"id": text["id"], "version": 1})
        sections = {s["key"]: s["text"] for s in shown["sections"]}
        self.assertEqual(sections["characteristics"], "Největší ORP Pardubického kraje.")
        self.assertEqual(sections["focus"], "Spolupráce škol a OSPOD.")
        # PATCH with If-Match, as every record
        r = self.server.request("PATCH", f"/api/v1/orp-texts/{text['id']}",
                                {"meaning": "Síťování je nadhled."},
                                headers={**self.auth["coordinator"], "If-Match": '"1"',
                                         "Content-Type": "application/merge-patch+json"})
        self.assertEqual(r.status, 200, r.body)
        shown = self.get("/api/v1/orps/5304")["texts"]
        self.assertEqual(shown["record"]["version"], 2)
        self.assertEqual({s["key"]: s["text"] for s in shown["sections"]}["meaning"],
                         "Síťování je nadhled.")
        audit = self.get(f"/api/v1/audit?entity=orp_text&id={text['id']}")
        self.assertEqual(audit["total"], 2)
        # the networker of another ORP may not write it; outside, it does not exist
        self.post("orp-texts", {"orp_code": "5302", "focus": "x"}, who="networker", status=403)
        self.get(f"/api/v1/orp-texts/{text['id']}", who="outsider", status=404)
        bad = self.post("orp-texts", {"orp_code": REGION, "focus": "x"}, status=422)
        self.assertIn("orp_code", bad["error"]["fields"])

    # --- the region level ---------------------------------------------------------------------
    def test_a_region_has_its_own_strategy_needs_and_meetings(self):
        theme = self.post("themes", {"orp_code": REGION, "title": "Krajská platforma síťařů",
                                     "since": "2018-01-10"}, who="coordinator")
        goal = self.post("goals", {"theme_id": theme["id"], "title": "Setkávání síťařů",
                                   "since": "2018-02-01"}, who="coordinator")
        self.post("steps", {"goal_id": goal["id"], "title": "Krajský seminář",
                            "deadline": "2018-11-01"}, who="coordinator")
        meeting = self.post("meetings", meeting_body(orp_code=REGION, category="joint_networker"),
                            who="coordinator")
        need = self.post("needs", need_body(orp_code=REGION, statement="Krajská potřeba"),
                         who="coordinator")
        # the region's strategy holds it; an ORP's does not
        s = self.get(f"/api/v1/strategy?region={REGION}", who="networker")
        self.assertEqual(s["level"], "region")
        self.assertEqual([t["id"] for t in s["themes"]], [theme["id"]])
        self.assertEqual(len(s["themes"][0]["goals"][0]["steps"]), 1)
        orp = self.get("/api/v1/strategy?orp=5304")
        self.assertEqual(orp["level"], "orp")
        self.assertNotIn(theme["id"], [t["id"] for t in orp["themes"]])
        # the region's lists include them, the ORP's do not
        self.assertIn(meeting["id"], [m["id"] for m in
                                      self.all_items(f"/api/v1/meetings?region={REGION}")])
        self.assertNotIn(meeting["id"], [m["id"] for m in
                                         self.all_items("/api/v1/meetings?orp=5304")])
        self.assertIn(need["id"], [n["id"] for n in
                                   self.all_items(f"/api/v1/needs?region={REGION}")])
        # a networker of one of its ORPs reads them but does not write them
        self.get(f"/api/v1/themes/{theme['id']}", who="networker")
        self.get(f"/api/v1/meetings/{meeting['id']}", who="networker")
        mine = [m["id"] for m in self.all_items_as("/api/v1/meetings", "networker")]
        self.assertIn(meeting["id"], mine)
        self.post("themes", {"orp_code": REGION, "title": "x", "since": "2018-01-10"},
                  who="networker", status=403)
        self.post("goals", {"theme_id": theme["id"], "title": "x", "since": "2018-02-01"},
                  who="networker", status=403)
        # outside the region it does not exist
        self.get(f"/api/v1/themes/{theme['id']}", who="outsider", status=404)
        self.get(f"/api/v1/strategy?region={REGION}", who="outsider", status=403)
        # a code that is neither is still refused
        bad = self.post("themes", {"orp_code": "CZ999", "title": "x", "since": "2018-01-10"},
                        status=422)
        self.assertIn("orp_code", bad["error"]["fields"])
        # the region's monitoring counts its region-level meeting in the total only
        table = self.get(f"/api/v1/monitoring?region={REGION}&from=2000-01-01")
        total = {r["key"]: r["values"] for r in table["table"]["rows"]}["joint_networker"]
        self.assertEqual(total[-1], sum(total[:-1]) + 1)

    def all_items_as(self, path, who):
        r = self.server.get(path + "?limit=200", headers=self.auth[who])
        self.assertEqual(r.status, 200, r.body)
        page = r.json()
        items = page["items"]
        offset = 200
        while offset < page["total"]:
            page = self.server.get(f"{path}?limit=200&offset={offset}",
                                   headers=self.auth[who]).json()
            items += page["items"]
            offset += 200
        return items


if __name__ == "__main__":
    unittest.main()
