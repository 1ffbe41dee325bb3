"""The seeds' monitoring, exactly ("Síťování v číslech"), over real HTTP: meetings by the
seeds' categories in their order, meeting records (zápisy) apart from meetings, service
cards created, updated and verified in the period, a column per ORP of a region and per
region of the country with the total last, and needs by the child's need area apart from
network-need categories, each in the seeds' order with Czech labels."""

import datetime
import unittest
import urllib.parse

from server import ServerTest
from test_api import ACTOR, card as card_body
from test_meetings import meeting
from test_needs import need

# The seeds' "Síťování v číslech" (1,960 OSPOD … 43 joint meetings = 5,042 meetings;
# 3,678 records): its categories, in its order, as the reference data names them.
SEEDS_CATEGORIES = [
    ("ospod", "OSPOD (setkání s vedením, individuální setkání s pracovníky, společná setkání)"),
    ("local_government", "ORP a samospráva (starostové, místostarostové, politici, úředníci, "
                         "komise, prevence kriminality, komunitní plánování)"),
    ("service_providers", "Poskytovatelé služeb"),
    ("schools", "Školy a školská zařízení"),
    ("zdvop", "ZDVOP"),
    ("health", "Zdravotnická zařízení a služby"),
    ("psychotherapy", "Psychologické a terapeutické služby"),
    ("justice_security", "Justice a bezpečnost"),
    ("labour_office", "Úřady práce"),
    ("other", "Ostatní"),
    ("joint_networker", "Společná setkání organizovaná síťařem/síťařkou"),
]
TOTAL_ROWS = ["meetings", "records", "service_cards", "cards_created", "cards_updated",
              "cards_verified"]
ORPS = ["5304", "5302"]


class MonitoringSeedsTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        # 5304: three meetings with a record, two noted in the calendar only
        for i, (notes, outputs) in enumerate([("Zápis.", ""), ("", "Dohoda."), ("Z.", "D."),
                                              ("", ""), ("  ", "")]):
            m = meeting(orp_code="5304", date=f"2018-0{i + 1}-10", notes=notes, outputs=outputs,
                        category=SEEDS_CATEGORIES[i][0], follow_ups=[])
            assert s.post("/api/v1/meetings", m).status == 201
        assert s.post("/api/v1/meetings", meeting(orp_code="5302", category="zdvop")).status == 201
        # cards: two created today in 5304 (one changed since, one verified in 2018)
        actor = s.post("/api/v1/actors", ACTOR).json()
        cls.cards = []
        for verified in ("2018-05-02", ""):
            c = card_body(actor["id"], locations=[{"municipality_code": "571164"}],
                          territory={"kind": "orp", "codes": ["5304"]},
                          last_verified=verified)
            r = s.post("/api/v1/service-cards", c)
            assert r.status == 201, r.body
            cls.cards.append(r.json())
        changed = {**cls.cards[1], "name": "Přejmenovaná služba"}
        r = s.put(f"/api/v1/service-cards/{changed['id']}", changed)
        assert r.status == 200, r.body
        # needs: the child's need areas and network-need categories
        for area, network in [("safety", ""), ("learning", ""), ("safety", ""),
                              ("", "capacity"), ("", "cooperation")]:
            n = need(orp_code="5304", need_area=area, network_need=network)
            assert s.post("/api/v1/needs", n).status == 201

    def table(self, **scope):
        r = self.server.get("/api/v1/monitoring?" + urllib.parse.urlencode(scope))
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def rows(self, t):
        return {r["key"]: r["values"] for r in t["table"]["rows"]}

    def test_the_rows_are_the_seeds_categories_then_the_totals(self):
        t = self.table(orp="5304")
        self.assertEqual([(r["key"], r["cs"]) for r in t["table"]["rows"][:len(SEEDS_CATEGORIES)]],
                         SEEDS_CATEGORIES)
        self.assertEqual([r["key"] for r in t["table"]["rows"][len(SEEDS_CATEGORIES):]],
                         TOTAL_ROWS)
        self.assertEqual([c["category"] for c in t["meetings"]["by_category"]],
                         [k for k, _ in SEEDS_CATEGORIES])
        self.assertTrue(all(r["cs"] for r in t["table"]["rows"]))

    def test_records_are_counted_apart_from_meetings(self):
        t = self.table(orp="5304")
        self.assertEqual(t["meetings"]["total"], 5)
        self.assertEqual(t["records"], 3)
        self.assertEqual(t["meetings"]["with_record"], 3)
        rows = self.rows(t)
        self.assertEqual(rows["meetings"], [5])  # an ORP: the total column alone
        self.assertEqual(rows["records"], [3])
        self.assertEqual(self.table(orp="5304", **{"from": "2018-02-01", "to": "2018-03-31"})
                         ["records"], 2)

    def test_cards_created_updated_verified_in_the_period(self):
        now = self.table(orp="5304", **{"from": self.today, "to": self.today})["cards"]
        self.assertEqual(now, {"now": 2, "created": 2, "updated": 1, "verified": 0})
        y2018 = self.table(orp="5304", **{"from": "2018-01-01", "to": "2018-12-31"})["cards"]
        self.assertEqual(y2018, {"now": 2, "created": 0, "updated": 0, "verified": 1})
        elsewhere = self.table(orp="5302")["cards"]
        self.assertEqual(elsewhere, {"now": 0, "created": 0, "updated": 0, "verified": 0})
        rows = self.rows(self.table(region="CZ053"))
        self.assertEqual(rows["cards_created"][-1], 2)
        self.assertEqual(rows["cards_verified"][-1], 1)

    def test_a_region_has_a_column_per_orp_and_the_country_per_region(self):
        t = self.table(region="CZ053")
        orps = [o["code"] for o in self.server.get("/api/v1/orps?region=CZ053").json()["items"]]
        cols = t["table"]["columns"]
        self.assertEqual([c["code"] for c in cols], orps + ["CZ053"])
        self.assertEqual([c["total"] for c in cols], [False] * len(orps) + [True])
        rows = self.rows(t)
        for key, values in rows.items():
            with self.subTest(row=key):
                self.assertEqual(len(values), len(cols))
                if key not in ("service_cards",):  # a card may serve several ORPs
                    self.assertEqual(values[-1], sum(values[:-1]))
        self.assertEqual(rows["meetings"][orps.index("5304")], 5)
        self.assertEqual(rows["zdvop"][orps.index("5302")], 1)
        country = self.table()
        regions = [r["code"] for r in self.server.get("/api/v1/regions").json()["items"]]
        ccols = country["table"]["columns"]
        self.assertEqual([c["code"] for c in ccols], regions + [""])
        self.assertEqual(ccols[-1]["level"], "country")
        self.assertEqual(self.rows(country)["meetings"][regions.index("CZ053")], 6)
        self.assertEqual(self.rows(country)["meetings"][-1], 6)

    def test_needs_by_area_keep_the_childs_areas_apart_from_network_needs(self):
        needs = self.table(orp="5304")["needs"]
        areas = self.server.get("/api/v1/reference/need-areas").json()
        categories = self.server.get("/api/v1/reference/network-need-categories").json()
        self.assertEqual([(a["id"], a["cs"]) for a in needs["by_need_area"]],
                         [(a["id"], a["cs"]) for a in areas])
        self.assertEqual([(a["id"], a["cs"]) for a in needs["by_network_need"]],
                         [(c["id"], c["cs"]) for c in categories])
        self.assertEqual({a["id"]: a["count"] for a in needs["by_need_area"] if a["count"]},
                         {"safety": 2, "learning": 1})
        self.assertEqual({a["id"]: a["count"] for a in needs["by_network_need"] if a["count"]},
                         {"capacity": 1, "cooperation": 1})

    def test_the_csv_has_the_same_rows(self):
        r = self.server.get("/api/v1/monitoring.csv?orp=5304")
        self.assertEqual(r.status, 200)
        rows = [line.split(";") for line in r.body.lstrip("\ufeff").strip().split("\n")]
        totals = {row[1]: int(row[4]) for row in rows if row[0] == "totals"}
        self.assertEqual(totals["meetings"], 5)
        self.assertEqual(totals["records"], 3)
        self.assertEqual(totals["cards_created"], 2)
        self.assertEqual([row[1] for row in rows if row[0] == "needs_by_network_need"][:2],
                         ["cooperation", "information_about_services"])


if __name__ == "__main__":
    unittest.main()
