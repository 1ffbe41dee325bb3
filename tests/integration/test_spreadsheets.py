"""The spreadsheets partners read and fill in, over real HTTP, opened with openpyxl:
the exports have Czech headers and the rows of their JSON lists (the public no internal
card), the catalog goes out as XLSX and comes back in through the import (dry run, then
for real into an empty database) as the same cards, the template's columns import, a
file with bad cells is refused naming every one and writes nothing (XLSX and CSV), and
the Kumu workbook holds every actor and tie of the ORP's network."""

import copy
import csv
import io
import json
import unittest
import urllib.error
import urllib.parse
import urllib.request

import openpyxl

from server import DemoServerTest, Server, ServerTest
from test_api import ACTOR, card

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def fetch(server, method, path, data=None, content_type=None, anonymous=False):
    """(status, headers, raw bytes) of one request; admin unless anonymous."""
    headers = {} if anonymous else dict(server.admin_headers)
    if content_type:
        headers["Content-Type"] = content_type
    req = urllib.request.Request(server.base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def workbook(server, path, anonymous=False):
    status, headers, body = fetch(server, "GET", path, anonymous=anonymous)
    assert status == 200, (path, status, body[:500])
    assert headers["Content-Type"] == XLSX, headers["Content-Type"]
    return openpyxl.load_workbook(io.BytesIO(body)), body


def rows_of(sheet):
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def all_items(server, path, anonymous=False):
    """Every item of a paged JSON list."""
    items, offset = [], 0
    sep = "&" if "?" in path else "?"
    while True:
        r = server.get(f"{path}{sep}offset={offset}&limit=200", anonymous=anonymous)
        assert r.status == 200, r.body
        page = r.json()
        items += page["items"]
        offset += 200
        if offset >= page["total"]:
            return items


class SpreadsheetExportsTest(DemoServerTest):
    def check_export(self, xlsx_path, json_path, label, anonymous=False, id_header="identifikátor"):
        book, _ = workbook(self.server, xlsx_path, anonymous)
        header, rows = rows_of(book.worksheets[0])
        self.assertIn(label, header)
        self.assertEqual(header[0], id_header)
        ids = [r[0] for r in rows]
        expected = [i["id"] for i in all_items(self.server, json_path, anonymous)]
        self.assertEqual(sorted(ids), sorted(expected))
        self.assertEqual(len(ids), len(expected))
        self.assertTrue(expected, json_path)
        return header, rows

    def test_each_list_export_opens_with_czech_headers_and_the_rows_of_its_list(self):
        self.check_export("/api/v1/service-cards.xlsx?orp=5304", "/api/v1/service-cards?orp=5304",
                          "název služby")
        self.check_export("/api/v1/actors.xlsx?orp=5304", "/api/v1/actors?orp=5304", "název aktéra")
        self.check_export("/api/v1/meetings.xlsx?orp=5304&category=ospod",
                          "/api/v1/meetings?orp=5304&category=ospod", "kategorie setkání")
        self.check_export("/api/v1/needs.xlsx?orp=5304", "/api/v1/needs?orp=5304", "znění potřeby")
        header, _ = self.check_export("/api/v1/needs.xlsx?orp=5304&lang=en",
                                      "/api/v1/needs?orp=5304", "priority", id_header="id")
        self.assertNotIn("znění potřeby", header)

    def test_the_header_row_is_bold_frozen_and_filtered(self):
        book, _ = workbook(self.server, "/api/v1/actors.xlsx?orp=5304")
        sheet = book.worksheets[0]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet["A1"].font.b)
        self.assertTrue(sheet.auto_filter.ref.startswith("A1:"))
        self.assertEqual(book.properties.title, "Aktéři sítě")
        self.assertGreater(sheet.column_dimensions["B"].width, 10)

    def test_the_public_export_has_no_internal_card(self):
        _, admin_rows = rows_of(workbook(self.server, "/api/v1/service-cards.xlsx?orp=5304")[0].worksheets[0])
        header, rows = self.check_export("/api/v1/service-cards.xlsx?orp=5304",
                                         "/api/v1/service-cards?orp=5304", "název služby",
                                         anonymous=True)
        published = header.index("zveřejněná")
        self.assertTrue(all(r[published] is True for r in rows))
        self.assertTrue(any(r[published] is False for r in admin_rows), "the demo has internal cards")
        self.assertLess(len(rows), len(admin_rows))

    def test_the_strategy_has_a_sheet_each_for_themes_goals_and_steps(self):
        book, _ = workbook(self.server, "/api/v1/strategy.xlsx?orp=5304")
        self.assertEqual(book.sheetnames, ["Témata", "Cíle", "Kroky"])
        doc = self.get("/api/v1/strategy?orp=5304")
        goals = [g for t in doc["themes"] for g in t["goals"]]
        steps = [s for g in goals for s in g["steps"]]
        for sheet, items in zip(book.worksheets, (doc["themes"], goals, steps)):
            header, rows = rows_of(sheet)
            self.assertEqual(header[0], "identifikátor")
            self.assertEqual([r[0] for r in rows], [i["id"] for i in items])
        header, _ = rows_of(book["Kroky"])
        self.assertIn("termín", header)

    def test_the_monitoring_table_has_the_rows_and_columns_of_its_csv(self):
        book, _ = workbook(self.server, "/api/v1/monitoring.xlsx?region=CZ053")
        header, rows = rows_of(book["Síťování v číslech"])
        r = self.server.get("/api/v1/monitoring.csv?region=CZ053")
        lines = list(csv.reader(io.StringIO(r.body.lstrip("\ufeff")), delimiter=";"))
        self.assertEqual(header, lines[0])
        self.assertEqual(header[-1], "počet")
        self.assertEqual([["" if c is None else str(c) for c in row] for row in rows], lines[1:])

    def test_the_kumu_workbook_has_every_actor_and_tie(self):
        book, _ = workbook(self.server, "/api/v1/orps/5304/cooperation.kumu.xlsx")
        self.assertEqual(book.sheetnames, ["Elements", "Connections"])
        eh, elements = rows_of(book["Elements"])
        ch, connections = rows_of(book["Connections"])
        self.assertEqual(eh[:5], ["ID", "Label", "Type", "Description", "Tags"])
        self.assertEqual(ch[:4], ["ID", "From", "To", "Type"])
        element_ids = {r[0] for r in elements}
        network = self.get("/api/v1/analysis/network?orp=5304&limit=10000")
        self.assertEqual(len(network["items"]), network["total"])
        for a in network["items"]:
            self.assertIn(f"actor-{a['id']}", element_ids)
        declared = all_items(self.server, "/api/v1/ties?orp=5304")
        derived = all_items(self.server, "/api/v1/ties/derived?orp=5304")
        self.assertTrue(declared and derived)
        pairs = {(r[1], r[2]) for r in connections}
        ids = {r[0] for r in connections}
        for t in declared:
            self.assertIn(f"tie-{t['id']}", ids)
        for t in derived:
            self.assertIn((f"actor-{t['actor_a']}", f"actor-{t['actor_b']}"), pairs)
        self.assertEqual(len(connections), len(declared) + len(derived))
        for a, b in pairs:  # every end is an element
            self.assertIn(a, element_ids)
            self.assertIn(b, element_ids)

    def test_the_template_has_the_export_columns_and_explains_them(self):
        book, _ = workbook(self.server, "/api/v1/service-cards/import-template.xlsx")
        self.assertEqual(len(book.sheetnames), 2)
        header, rows = rows_of(book.worksheets[0])
        self.assertEqual(rows, [])
        export_header, _ = rows_of(workbook(self.server, "/api/v1/service-cards.xlsx?orp=5304")[0].worksheets[0])
        self.assertEqual(header, export_header)
        _, help_rows = rows_of(book.worksheets[1])
        self.assertEqual([r[1] for r in help_rows], header)
        allowed = {r[1]: r[3] or "" for r in help_rows}
        self.assertIn("Sociálně aktivizační služby pro rodiny s dětmi", allowed["typ služby"])
        self.assertIn("terénní", allowed["formy"])
        r = self.server.get("/api/v1/service-cards/import-template.csv")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body.lstrip("\ufeff").strip().split(";"), header)


def xlsx_bytes(book):
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(header, rows):
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else ("ano" if v is True else "ne" if v is False else
                    v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v) for v in r])
    return ("\ufeff" + out.getvalue()).encode()


SECOND_ACTOR = {**ACTOR, "name": "Rodinná poradna Chrudim", "sector": "social",
                "actor_type": "social_provider", "ico": "25261282"}
COMPARED = ["name", "service_type", "need_areas", "level", "description", "target_group",
            "age_min", "age_max", "forms", "territory", "capacity", "waiting_days",
            "free_of_charge", "cost_note", "hours", "access", "access_note", "does", "does_not",
            "contacts", "registry_ids", "last_verified", "published", "confidential_address"]


class CardImportTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.actors = []
        for body in (ACTOR, SECOND_ACTOR):
            r = s.post("/api/v1/actors", body)
            assert r.status == 201, r.body
            cls.actors.append(r.json())
        a, b = cls.actors
        cards = [
            card(a["id"]),
            card(a["id"], name="Terénní sociální práce", service_type="ss65",
                 forms=["outreach", "ambulatory"], need_areas=["safety", "relationships"],
                 capacity={"amount": 12.5, "unit": "families"}, waiting_days=14,
                 free_of_charge=False, cost_note="dle ceníku", hours="Po–Pá 8–16",
                 access="referral", last_verified="2026-10-01",
                 contacts=[{"name": "Jana Nová", "role": "vedoucí", "phone": "+420 777 111 222",
                            "email": "jana@example.cz", "web": "https://example.cz", "public": True},
                           {"name": "Podatelna", "email": "podatelna@example.cz"}],
                 registry_ids=[{"registry": "social_services_register", "id": "1234567"}]),
            card(b["id"], name="Poradna pro rodinu", service_type="ss37_family",
                 published=False, does="", locations=[{"municipality_code": "571164", "street": "Palackého 1"}]),
            card(b["id"], name="Krizová pomoc", description="Nonstop.\nI o víkendu.",
                 territory={"kind": "municipalities", "codes": ["571164", "571172"]}),
        ]
        cls.cards = []
        for c in cards:
            r = s.post("/api/v1/service-cards", c)
            assert r.status == 201, r.body
            cls.cards.append(r.json())

    def count(self, server=None):
        return (server or self.server).get("/api/v1/service-cards?limit=1").json()["total"]

    def export(self):
        book, body = workbook(self.server, "/api/v1/service-cards.xlsx")
        return book, body

    def post_import(self, data, content_type, dry_run=False, server=None):
        path = "/api/v1/service-cards/import" + ("?dry_run=true" if dry_run else "")
        status, _, body = fetch(server or self.server, "POST", path, data, content_type)
        return status, json.loads(body)

    def test_the_public_export_shows_no_private_contact_and_no_confidential_place(self):
        r = self.server.post("/api/v1/service-cards", card(
            self.actors[0]["id"], name="Azylový dům", confidential_address=True,
            locations=[{"municipality_code": "571164", "street": "Tajná 7"}],
            contacts=[{"name": "Správce", "phone": "+420 777 000 111"},
                      {"name": "Linka", "phone": "+420 800 000 000", "public": True}]))
        self.assertEqual(r.status, 201, r.body)
        shelter = r.json()["id"]
        try:
            def row(anonymous):
                header, rows = rows_of(workbook(self.server, "/api/v1/service-cards.xlsx",
                                                anonymous)[0].worksheets[0])
                found = {r[0]: dict(zip(header, r)) for r in rows}
                return found[shelter], found[self.cards[1]["id"]]
            admin, admin_other = row(False)
            public, public_other = row(True)
            self.assertIn("Tajná 7", admin["místa poskytování"])
            self.assertIn("571164", admin["místa poskytování"])
            self.assertIn("Správce", admin["kontakty"])
            self.assertIn("Podatelna", admin_other["kontakty"])
            self.assertNotIn("Tajná 7", public["místa poskytování"] or "")
            self.assertNotIn("571164", public["místa poskytování"] or "")
            self.assertNotIn("Správce", public["kontakty"])
            self.assertIn("Linka", public["kontakty"])
            self.assertNotIn("Podatelna", public_other["kontakty"])
            self.assertIn("Jana Nová", public_other["kontakty"])
        finally:
            self.server.delete(f"/api/v1/service-cards/{shelter}",
                               headers={"If-Match": f'"{r.json()["version"]}"'})

    def test_exported_catalog_imports_back_unchanged_and_into_an_empty_database_as_the_same_cards(self):
        _, body = self.export()
        status, report = self.post_import(body, XLSX, dry_run=True)
        self.assertEqual(status, 200, report)
        self.assertEqual(report["unchanged"], len(self.cards))
        self.assertEqual(report["created"] + report["updated"], 0)

        with Server() as empty:
            for a in self.actors:
                body_a = {k: v for k, v in a.items() if k not in ("id", "version", "demo", "source")}
                self.assertEqual(empty.post("/api/v1/actors", body_a).status, 201)
            before = self.count(empty)
            status, report = self.post_import(body, XLSX, dry_run=True, server=empty)
            self.assertEqual(status, 200, report)
            self.assertEqual(report["created"], len(self.cards))
            self.assertEqual(self.count(empty), before)  # a dry run writes nothing
            status, report = self.post_import(body, XLSX, server=empty)
            self.assertEqual(status, 201, report)
            self.assertEqual(report["created"], len(self.cards))
            imported = {c["name"]: c for c in (empty.get(f"/api/v1/service-cards/{i['id']}").json()
                                               for i in all_items(empty, "/api/v1/service-cards"))}
            self.assertEqual(len(imported), len(self.cards))
            for original in self.cards:
                copy_ = imported[original["name"]]
                for key in COMPARED:
                    self.assertEqual(copy_[key], original[key], (original["name"], key))
                self.assertEqual([l["municipality_code"] for l in copy_["locations"]],
                                 [l["municipality_code"] for l in original["locations"]])
                self.assertEqual(copy_["actor"]["name"], original["actor"]["name"] if "actor" in original
                                 else next(a["name"] for a in self.actors if a["id"] == original["actor_id"]))

    def test_an_edited_row_updates_its_card(self):
        book, _ = self.export()
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[1]]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("název služby")].value == "Krizová pomoc")
        row[header.index("provozní doba")].value = "nonstop"
        status, report = self.post_import(xlsx_bytes(book), XLSX, dry_run=True)
        self.assertEqual(status, 200, report)
        self.assertEqual(report["updated"], 1)
        self.assertEqual([r["name"] for r in report["rows"] if r["action"] == "update"], ["Krizová pomoc"])

    def test_the_templates_columns_import(self):
        book, _ = workbook(self.server, "/api/v1/service-cards/import-template.xlsx")
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[1]]
        values = {"název aktéra": SECOND_ACTOR["name"], "aktér – IČO": SECOND_ACTOR["ico"],
                  "název služby": "Podpora pěstounů", "typ služby": "Sociálně aktivizační služby pro rodiny s dětmi",
                  "formy": "ambulantní | terénní", "obsluhované území – druh území": "ORP",
                  "obsluhované území – kódy území": "5304", "místa poskytování": "571164 | Resselovo nám. 77", "co služba dělá": "Doprovází pěstouny.",
                  "cílová skupina": "Pěstounské rodiny", "jak se dostat ke službě": "Zavolejte.",
                  "kontakty": "Recepce |  | +420 469 000 000 |  |  | ano", "zveřejněná": "ano",
                  "naposledy ověřeno": "1. 10. 2026"}
        sheet.append([values.get(h) for h in header])
        before = self.count()
        status, report = self.post_import(xlsx_bytes(book), XLSX, dry_run=True)
        self.assertEqual(status, 200, report)
        self.assertEqual(report["created"], 1)
        status, report = self.post_import(xlsx_bytes(book), XLSX)
        self.assertEqual(status, 201, report)
        self.assertEqual(self.count(), before + 1)
        created = [c for c in all_items(self.server, "/api/v1/service-cards") if c["name"] == "Podpora pěstounů"]
        self.assertEqual(len(created), 1)
        full = self.server.get(f"/api/v1/service-cards/{created[0]['id']}").json()
        self.assertEqual(full["forms"], ["ambulatory", "outreach"])
        self.assertEqual(full["last_verified"], "2026-10-01")
        self.assertEqual(full["actor_id"], self.actors[1]["id"])
        self.server.delete(f"/api/v1/service-cards/{created[0]['id']}",
                           headers={"If-Match": str(full["version"])})

    def bad_cells(self, header, rows):
        """Spoils three cells in three different rows: (row, header) of each."""
        spoiled = [(0, "věk od", "dvanáct"), (1, "zveřejněná", "možná"), (2, "typ služby", "Neexistující služba")]
        for i, name, value in spoiled:
            rows[i][header.index(name)] = value
        return [(i + 2, name) for i, name, _ in spoiled]

    def check_refused(self, status, report, expected, sheet, header):
        self.assertEqual(status, 422, report)
        cells = report["error"]["cells"]
        got = {(c["row"], c["header"]) for c in cells}
        self.assertEqual(got, set(expected), cells)
        for c in cells:
            self.assertEqual(c["sheet"], sheet)
            self.assertEqual(c["column"], openpyxl.utils.get_column_letter(header.index(c["header"]) + 1))
            self.assertTrue(c["expected"])
        kinds = {c["header"]: c["expected"] for c in cells}
        self.assertIn("celé číslo", kinds["věk od"])
        self.assertIn("ano, nebo ne", kinds["zveřejněná"])
        self.assertIn("Sociálně aktivizační služby pro rodiny s dětmi", kinds["typ služby"])

    def test_bad_cells_are_all_named_and_nothing_is_written_xlsx(self):
        book, _ = self.export()
        sheet = book.worksheets[0]
        header, rows = rows_of(sheet)
        rows = [list(r) for r in rows]
        for r in rows:  # new cards: an import that would write them all
            r[0] = None
        expected = self.bad_cells(header, rows)
        out = openpyxl.Workbook()
        out.active.title = sheet.title
        out.active.append(header)
        for r in rows:
            out.active.append(r)
        before = self.count()
        status, report = self.post_import(xlsx_bytes(out), XLSX)
        self.check_refused(status, report, expected, sheet.title, header)
        self.assertEqual(self.count(), before)

    def test_csv_imports_and_bad_cells_are_named_there_too(self):
        book, _ = self.export()
        header, rows = rows_of(book.worksheets[0])
        status, report = self.post_import(csv_bytes(header, rows), "text/csv; charset=utf-8", dry_run=True)
        self.assertEqual(status, 200, report)
        self.assertEqual(report["unchanged"], len(self.cards))
        rows = [list(r) for r in rows]
        for r in rows:
            r[0] = None
        expected = self.bad_cells(header, rows)
        before = self.count()
        status, report = self.post_import(csv_bytes(header, rows), "text/csv")
        self.check_refused(status, report, expected, "CSV", header)
        self.assertEqual(self.count(), before)

    def test_only_those_who_may_write_the_actors_cards_import(self):
        _, body = self.export()
        status, _, _ = fetch(self.server, "POST", "/api/v1/service-cards/import?dry_run=true",
                             body, XLSX, anonymous=True)
        self.assertEqual(status, 401)
        status, _, _ = fetch(self.server, "POST", "/api/v1/service-cards/import", b"{}",
                             "application/json")
        self.assertEqual(status, 415)


if __name__ == "__main__":
    unittest.main()
