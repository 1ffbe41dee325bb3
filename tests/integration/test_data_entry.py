"""Data entry that keeps the data clean, over real HTTP: duplicates are 409 naming the
record they repeat (unless marked distinct), actor types agree with their sector, a card
is published only with what the card template asks, needs may name an area and a
network-need category, steps carry their completion date, and records carry the day
they held (valid_from) so that a strategy moved from paper keeps its history."""

import datetime
import os
import tempfile
import unittest

from server import DemoServerTest, ServerTest, run_cli, strict_json
from test_api import card

TODAY = datetime.date.today().isoformat()
MERGE = {"Content-Type": "application/merge-patch+json"}
TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()


def actor(name, ico="", street="", municipality="571164", **over):
    a = {"name": name, "sector": "ngo_church", "actor_type": "ngo",
         "seat": {"municipality_code": municipality, "street": street},
         "contacts": [{"name": "Kancelář", "phone": "+420 469 000 000"}]}
    if ico:
        a["ico"] = ico
    a.update(over)
    return a


class DataEntryTest(ServerTest):
    def post(self, kind, body, status=201):
        r = self.server.post(f"/api/v1/{kind}", body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def patch(self, kind, record, patch, status=200):
        r = self.server.request("PATCH", f"/api/v1/{kind}/{record['id']}", patch,
                                headers=MERGE | {"If-Match": f'"{record["version"]}"'})
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def assert_duplicate(self, r, kind, existing):
        self.assertEqual(r.status, 409, r.body)
        error = r.json()["error"]
        self.assertEqual(error["code"], "duplicate")
        self.assertEqual(error["existing"]["kind"], kind)
        self.assertEqual(error["existing"]["id"], existing["id"])
        self.assertTrue(error["existing"]["name"])
        return error

    # ---- duplicates -------------------------------------------------------------------------

    def test_an_actor_with_the_ico_of_another_is_a_duplicate_unless_marked_distinct(self):
        first = self.post("actors", actor("Diakonie ČCE – středisko Chrudim", "73632783"))
        again = actor("Diakonie ČCE – pobočka Heřmanův Městec", "73632783")
        error = self.assert_duplicate(self.server.post("/api/v1/actors", again), "actor", first)
        self.assertEqual(error["existing"]["name"], first["name"])
        self.assertIn("ico", error["fields"])
        # a branch of one organisation: marked distinct, it is written and stays writable
        branch = self.post("actors", {**again, "distinct_from": [first["id"]]})
        self.assertEqual(branch["distinct_from"], [first["id"]])
        branch = self.patch("actors", branch, {"note": "pobočka"})
        self.patch("actors", first, {"note": "ústředí"})  # the other side passes too
        put = {**branch, "web": "https://example.cz"}
        r = self.server.put(f"/api/v1/actors/{branch['id']}", put)
        self.assertEqual(r.status, 200, r.body)
        # a third record taking the IČO by a PATCH is refused as well
        third = self.post("actors", actor("Spolek Třetí", "25283651"))
        r = self.server.request("PATCH", f"/api/v1/actors/{third['id']}", {"ico": "73632783"},
                                headers=MERGE | {"If-Match": f'"{third["version"]}"'})
        self.assertEqual(r.status, 409, r.body)
        self.assertEqual(r.json()["error"]["code"], "duplicate")

    def test_an_actor_of_the_same_name_at_the_same_address_is_a_duplicate(self):
        first = self.post("actors", actor("Rodinné centrum Žirafa, z. s.", street="Palackého 12"))
        same = actor("rodinne centrum  ŽIRAFA z.s.", street="palackého  12")
        self.assert_duplicate(self.server.post("/api/v1/actors", same), "actor", first)
        # elsewhere, or marked distinct, it is another actor
        self.post("actors", {**same, "seat": {"municipality_code": "571164", "street": "Husova 3"}})
        self.post("actors", {**same, "distinct_from": [first["id"]]})

    def test_a_second_identical_tie_is_a_duplicate_in_either_order(self):
        a = self.post("actors", actor("Tie A", street="Tie 1"))
        b = self.post("actors", actor("Tie B", street="Tie 2"))
        tie = {"actor_a": a["id"], "actor_b": b["id"], "type": "referral", "since": "2017-09-01"}
        first = self.post("ties", tie)
        for again in (tie, {**tie, "actor_a": b["id"], "actor_b": a["id"]}):
            error = self.assert_duplicate(self.server.post("/api/v1/ties", again), "tie", first)
            self.assertIn("Tie A", error["existing"]["name"])
        # another type, or a tie that ended before this one began, is no duplicate
        self.post("ties", {**tie, "type": "information_sharing"})
        self.post("ties", {**tie, "since": "2013-01-01", "until": "2014-12-31"})
        r = self.server.put(f"/api/v1/ties/{first['id']}", {**first, "frequency": "monthly"})
        self.assertEqual(r.status, 200, r.body)

    # ---- consistency ------------------------------------------------------------------------

    def test_actor_type_and_sector_must_agree(self):
        r = self.server.post("/api/v1/actors", actor("Škola omylem", sector="health"))
        self.assertEqual(r.status, 422, r.body)
        fields = r.json()["error"]["fields"]
        self.assertIn("actor_type", fields)
        self.assertIn("sector", fields)

    def test_a_card_is_published_only_with_what_the_template_asks(self):
        a = self.post("actors", actor("Poradna Klíček", street="Školní 5"))
        bare = {k: v for k, v in card(a["id"], does="").items()
                if k not in ("target_group", "access_note", "contacts")}
        r = self.server.post("/api/v1/service-cards", bare)
        self.assertEqual(r.status, 422, r.body)
        self.assertEqual(
            sorted(k for k in r.json()["error"]["fields"]),
            ["access_note", "contacts", "does", "target_group"])
        draft = self.post("service-cards", {**bare, "published": False})
        r = self.server.request("PATCH", f"/api/v1/service-cards/{draft['id']}",
                                {"published": True}, headers=MERGE | {"If-Match": f'"{draft["version"]}"'})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("target_group", r.json()["error"]["fields"])
        done = self.patch("service-cards", draft, {
            "published": True, "does": "Poradenství rodičům.", "target_group": "Rodiče dětí 0–18 let",
            "access_note": "Stačí zavolat.", "contacts": [{"email": "poradna@example.cz"}]})
        self.assertTrue(done["published"])

    def test_a_need_may_name_a_need_area_and_a_network_need(self):
        need = {"statement": "Rodiny nevědí o službách a služby o sobě.", "sectors": ["ospod"],
                "orp_code": "5304", "date": "2019-04-02", "need_area": "relationships",
                "network_need": "clarity_of_competences"}
        both = self.post("needs", need)
        self.assertEqual((both["need_area"], both["network_need"]),
                         ("relationships", "clarity_of_competences"))
        r = self.server.post("/api/v1/needs", {**need, "need_area": "", "network_need": ""})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("need_area", r.json()["error"]["fields"])

    # ---- steps and history ------------------------------------------------------------------

    def strategy(self, orp, since="2017-01-15", **extra):
        theme = self.post("themes", {"orp_code": orp, "title": "Spolupráce škol a OSPOD",
                                     "since": since, **extra})
        goal = self.post("goals", {"theme_id": theme["id"], "title": "Společné porady",
                                   "since": since, **extra})
        return theme, goal

    def test_a_step_carries_its_completion_date(self):
        _, goal = self.strategy("5311", since="2018-01-10")
        step = {"goal_id": goal["id"], "title": "Pozvat školy", "deadline": "2018-12-31"}
        s = self.post("steps", step)
        self.assertEqual(s["completed_on"], "")
        s = self.patch("steps", s, {"status": "done"})
        self.assertEqual(s["completed_on"], TODAY)  # becoming done without a date: today
        cases = [({"status": "done", "completed_on": TOMORROW}, "completed_on"),
                 ({"status": "done", "completed_on": "2017-12-31"}, "completed_on"),
                 ({"status": "planned", "completed_on": "2018-05-01"}, "completed_on")]
        for over, field in cases:
            r = self.server.post("/api/v1/steps", {**step, **over})
            self.assertEqual(r.status, 422, (over, r.body))
            self.assertIn(field, r.json()["error"]["fields"])
        self.post("steps", {**step, "status": "done", "completed_on": "2019-05-10"})

        def done(frm, to):
            r = self.server.get(f"/api/v1/monitoring?orp=5311&from={frm}&to={to}")
            self.assertEqual(r.status, 200, r.body)
            return r.json()["steps"]["done"]
        # counted when done, not when due (both steps were due in 2018)
        self.assertEqual(done("2019-01-01", "2019-12-31"), 1)
        self.assertEqual(done("2018-01-01", "2018-12-31"), 0)
        self.assertEqual(done(TODAY, TODAY), 1)

    def test_a_strategy_backfilled_to_2017_keeps_its_history(self):
        theme, goal = self.strategy("5312", valid_from="2017-01-15")
        self.assertEqual(theme["valid_from"], "2017-01-15")
        step = self.post("steps", {"goal_id": goal["id"], "title": "Setkání s řediteli škol",
                                   "deadline": "2017-12-31", "valid_from": "2017-03-01"})
        self.patch("steps", step, {"status": "done", "completed_on": "2018-02-01",
                                   "valid_from": "2018-02-01", "outcome": "Setkání proběhlo."})

        def steps_at(at):
            doc = self.server.get(f"/api/v1/strategy?orp=5312&at={at}").json()
            return [(s["title"], s["status"]) for t in doc["themes"] for g in t["goals"]
                    for s in g["steps"]]
        self.assertEqual(steps_at("2016-12-31"), [])
        self.assertEqual(steps_at("2017-06-30"), [("Setkání s řediteli škol", "planned")])
        self.assertEqual(steps_at("2018-06-30"), [("Setkání s řediteli škol", "done")])
        # a record entered today without valid_from counts from today, as before
        self.strategy("5313")
        doc = self.server.get("/api/v1/strategy?orp=5313&at=2017-06-30").json()
        self.assertEqual(doc["themes"], [])

    def test_valid_from_is_a_past_date_on_every_record_of_networking_work(self):
        a = self.post("actors", actor("VF A", street="VF 1"))
        b = self.post("actors", actor("VF B", street="VF 2"))
        bodies = {
            "meetings": {"date": "2018-03-14", "orp_code": "5304", "category": "schools",
                         "format": "individual", "people": 3, "topic": "Záškoláctví"},
            "needs": {"statement": "x", "sectors": ["ospod"], "orp_code": "5304",
                      "date": "2019-04-02", "need_area": "relationships"},
            "ties": {"actor_a": a["id"], "actor_b": b["id"], "type": "shared_platform",
                     "since": "2017-09-01"},
            "themes": {"orp_code": "5304", "title": "t", "since": "2017-01-15"},
            "good-practices": {"orp_code": "5304", "title": "t", "description": "d"},
            "recommendations": {"orp_code": "5304", "scope": "general", "text": "t"},
        }
        for kind, body in bodies.items():
            r = self.server.post(f"/api/v1/{kind}", {**body, "valid_from": TOMORROW})
            self.assertEqual(r.status, 422, (kind, r.body))
            self.assertIn("valid_from", r.json()["error"]["fields"])
            written = self.post(kind, {**body, "valid_from": "2017-02-01"})
            self.assertEqual(written["valid_from"], "2017-02-01", kind)


class GeneratedDataTest(DemoServerTest):
    def test_the_demo_has_no_duplicates_and_its_published_cards_are_complete(self):
        cards = self.get("/api/v1/service-cards?published=true&limit=200")
        self.assertGreater(cards["total"], 0)
        for offset in range(0, cards["total"], 200):
            page = self.get(f"/api/v1/service-cards?published=true&limit=200&offset={offset}")
            for c in page["items"]:
                full = self.get(f"/api/v1/service-cards/{c['id']}")
                for field in ("does", "target_group", "access_note"):
                    self.assertTrue(full[field].strip(), (c["id"], field))
                self.assertTrue(full["contacts"], c["id"])
                break  # one full read per page keeps it quick; the batch checked them all

    def test_generate_loads(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "g.db")
            out = run_cli("generate", "--national", "--services", "2000", "--seed", "3", "--database", db)
            self.assertIn("wrote", out.stdout)


if __name__ == "__main__":
    unittest.main()
