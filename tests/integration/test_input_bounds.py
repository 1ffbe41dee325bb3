"""Input that must be refused (issue 10, part 3): bounds of every text and list of a record,
control characters in texts, duplicate JSON keys, impossible child counts (on import and
in `prosit check`), and what the CSV importers say about Czech Excel files, NUL bytes,
invalid UTF-8 and huge fields."""

import csv
import json
import os
import sqlite3
import tempfile
import unittest

from server import DATA, Server, query, run_cli, ServerTest

CHRUDIM, KROUNA = "571164", "571661"
MIB = 1 << 20


def municipality_codes():
    with open(os.path.join(DATA, "territory", "municipalities.csv"), encoding="utf-8") as f:
        return [row["municipality_code"] for row in csv.DictReader(f)]


def text(n, letter="č"):
    """n characters of Czech text (2 bytes each in UTF-8)."""
    return (letter * n)[:n]


def actor(**over):
    a = {"name": "Město Chrudim – OSPOD", "sector": "ospod", "actor_type": "ospod_office",
         "seat": {"municipality_code": CHRUDIM}}
    a.update(over)
    return a


class RecordBoundsTest(ServerTest):
    def log_state(self):
        return query(self.server.database,
                     "SELECT (SELECT COUNT(*) FROM change_log), (SELECT COUNT(*) FROM actors),"
                     " (SELECT COUNT(*) FROM service_cards)")[0]

    def refused(self, r, status, code):
        self.assertEqual(r.status, status, r.body[:500])
        err = r.json()["error"]
        self.assertEqual(err["code"], code, err)
        return err

    def test_21000_contacts_are_refused_naming_the_bound_and_nothing_is_written(self):
        contacts = [{"name": f"Kontakt {i}", "phone": "+420 469"} for i in range(21000)]
        body = json.dumps(actor(contacts=contacts)).encode()
        self.assertLess(len(body), MIB)  # under the body limit: validation must refuse it
        before = self.log_state()
        err = self.refused(self.server.post("/api/v1/actors", raw=body), 422, "validation_failed")
        self.assertEqual(err["fields"], {"contacts": "at most 50 items (21000 given)"})
        self.assertEqual(self.log_state(), before)

    def test_one_past_a_bound_names_the_field_and_the_bound(self):
        before = self.log_state()
        err = self.refused(self.server.post("/api/v1/actors", actor(name=text(301))), 422,
                           "validation_failed")
        self.assertEqual(err["fields"]["name"], "at most 300 characters (301 given)")
        err = self.refused(self.server.post("/api/v1/actors", actor(note=text(10001))), 422,
                           "validation_failed")
        self.assertEqual(err["fields"]["note"], "at most 10000 characters (10001 given)")
        r = self.server.post("/api/v1/meetings", {
            "date": "2025-03-01", "orp_code": "5304", "category": "ospod", "format": "joint",
            "people": 3, "topic": "Setkání", "networkers": ["Jana"] * 21})
        self.assertEqual(self.refused(r, 422, "validation_failed")["fields"],
                         {"networkers": "at most 20 items (21 given)"})
        self.assertEqual(self.log_state(), before)

    def test_records_at_their_bounds_are_created_read_and_put_back(self):
        codes = municipality_codes()
        contacts = [{"name": text(300), "role": text(300), "phone": text(40, "1"),
                     "email": "a@" + text(252, "b"), "web": text(300, "w"), "public": True}
                    for _ in range(50)]
        a = actor(name=text(300), web=text(300, "w"), note=(text(99) + "\n") * 100,
                  seat={"municipality_code": CHRUDIM, "street": text(300), "postcode": text(20, "7")},
                  contacts=contacts)
        r = self.server.post("/api/v1/actors", a)
        self.assertEqual(r.status, 201, r.body[:500])
        actor_id = r.json()["id"]
        self.put_back(f"/api/v1/actors/{actor_id}")

        card = {
            "actor_id": actor_id, "name": text(300), "service_type": "ss65",
            "need_areas": ["relationships", "safety"], "level": 3,
            "description": text(10000), "target_group": text(10000),
            "forms": ["ambulatory", "outreach", "residential", "remote"],
            "locations": [{"municipality_code": code, "street": text(300)} for code in codes[:100]],
            "territory": {"kind": "municipalities", "codes": codes[:1500]},
            "cost_note": text(2000), "hours": text(2000), "access_note": text(2000),
            "does": text(10000), "does_not": text(10000), "contacts": contacts,
            "registry_ids": [{"registry": text(40, "r"), "id": text(64, "9")}] * 20,
        }
        r = self.server.post("/api/v1/service-cards", card)
        self.assertEqual(r.status, 201, r.body[:500])
        self.put_back(f"/api/v1/service-cards/{r.json()['id']}")

    def put_back(self, path):
        """GETs the record and PUTs exactly what it read; the write must succeed."""
        got = self.server.get(path)
        self.assertEqual(got.status, 200)
        self.assertLess(len(got.body.encode()), MIB)
        r = self.server.put(path, raw=got.body.encode(), headers={"If-Match": got.headers["ETag"]})
        self.assertEqual(r.status, 200, r.body[:500])
        self.assertEqual(r.json()["version"], got.json()["version"] + 1)

    def test_control_characters_in_texts_are_refused(self):
        before = self.log_state()
        err = self.refused(self.server.post("/api/v1/actors", actor(name="Jana\u0000Nováková")),
                           422, "validation_failed")
        self.assertIn("U+0000", err["fields"]["name"])
        err = self.refused(self.server.post("/api/v1/actors", actor(name="OSPOD\nChrudim")), 422,
                           "validation_failed")
        self.assertIn("U+000A", err["fields"]["name"])
        err = self.refused(self.server.post("/api/v1/actors", actor(note="a\u0007b")), 422,
                           "validation_failed")
        self.assertIn("U+0007", err["fields"]["note"])
        err = self.refused(self.server.post("/api/v1/actors", actor(
            contacts=[{"name": "Podatelna\u001b[2J"}])), 422, "validation_failed")
        self.assertIn("contacts[0].name", err["fields"])
        err = self.refused(self.server.post("/api/v1/users", {
            "login": "eva.k", "display_name": "Eva\u0000K", "role": "viewer",
            "territories": ["5304"]}), 422, "validation_failed")
        self.assertIn("U+0000", err["fields"]["display_name"])
        out = run_cli("token", "add", "--database", self.server.database, "--login",
                      Server.ADMIN, "--name", "ci\u001b[2J", check=False)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("U+001B", out.stderr)
        self.assertEqual(self.log_state(), before)
        # Line breaks and tabs are free text's own.
        r = self.server.post("/api/v1/actors", actor(note="řádek 1\r\nřádek 2\n\todsazeno"))
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["note"], "řádek 1\r\nřádek 2\n\todsazeno")

    def test_a_key_twice_is_400_naming_the_key(self):
        before = self.log_state()
        body = (b'{"name": "A", "sector": "ospod", "actor_type": "ospod_office", '
                b'"seat": {"municipality_code": "571164"}, "name": "B"}')
        err = self.refused(self.server.post("/api/v1/actors", raw=body), 400, "malformed_request")
        self.assertIn('"name"', err["message"])
        nested = (b'{"name": "A", "sector": "ospod", "actor_type": "ospod_office", '
                  b'"seat": {"municipality_code": "571164", "street": "x", "street": "y"}}')
        err = self.refused(self.server.post("/api/v1/actors", raw=nested), 400, "malformed_request")
        self.assertIn('"seat.street"', err["message"])
        deep = (b'{"name": "A", "sector": "ospod", "actor_type": "ospod_office", '
                b'"seat": {"municipality_code": "571164"}, '
                b'"contacts": [{"name": "a"}, {"phone": "1", "phone": "2"}]}')
        err = self.refused(self.server.post("/api/v1/actors", raw=deep), 400, "malformed_request")
        self.assertIn('"contacts[1].phone"', err["message"])
        self.assertEqual(self.log_state(), before)
        # Bodies read by the other parser too: sign-in and the users.
        r = self.server.post("/api/v1/session", anonymous=True,
                             raw=b'{"login": "x", "password": "y", "login": "it-admin"}')
        self.assertIn('"login"', self.refused(r, 400, "malformed_request")["message"])
        r = self.server.post("/api/v1/users", raw=b'{"login": "eva.k", "display_name": "E", '
                                                  b'"role": "admin", "role": "viewer"}')
        self.assertIn('"role"', self.refused(r, 400, "malformed_request")["message"])


class ChildCountTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="prosit-bounds-")
        self.db = os.path.join(self.tmp.name, "p.db")
        run_cli("init", "--database", self.db)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def imported(self):
        return query(self.db, "SELECT COUNT(*) FROM municipalities WHERE children_imported = 1")[0][0]

    def children(self, code):
        return query(self.db, "SELECT children_0_17 FROM municipalities WHERE code = ?", (code,))[0][0]

    def init_children(self, path):
        return run_cli("init", "--database", self.db, "--children", path, check=False)

    def test_impossible_counts_are_refused_with_file_line_and_field(self):
        before = self.children(CHRUDIM)
        for value in ["inf", "nan", "-1", "1e9", "1e23", "-inf", "many", ""]:
            path = self.write("children.csv", "municipality_code,children_0_17\n"
                                              f"{CHRUDIM},4000\n{KROUNA},{value}\n")
            out = self.init_children(path)
            self.assertNotEqual(out.returncode, 0, value)
            self.assertIn(f"{path}:3: children_0_17:", out.stderr, value)
            self.assertEqual(self.imported(), 0, value)
            self.assertEqual(self.children(CHRUDIM), before, value)
        # More children than the municipality has people (Krouna: about 1,300).
        path = self.write("children.csv", f"municipality_code,children_0_17\n{KROUNA},5000\n")
        self.assertIn("population", self.init_children(path).stderr)

    def test_check_finds_impossible_counts_already_stored(self):
        self.assertEqual(run_cli("check", "--database", self.db).returncode, 0)
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE municipalities SET children_0_17 = 9e999 WHERE code = ?", (CHRUDIM,))
            c.execute("UPDATE municipalities SET children_0_17 = -3 WHERE code = ?", (KROUNA,))
            c.execute("UPDATE municipalities SET children_0_17 = 1e9 WHERE code = '571393'")
        out = run_cli("check", "--database", self.db, check=False)
        self.assertEqual(out.returncode, 1, out.stdout)
        self.assertIn(f"municipality {CHRUDIM} (Chrudim): children_0_17 is not a finite number",
                      out.stdout)
        self.assertIn(f"municipality {KROUNA} (Krouna): children_0_17 is negative", out.stdout)
        self.assertIn("municipality 571393", out.stdout)

    def test_czech_excel_semicolons_and_decimal_commas_are_read(self):
        path = self.write("excel.csv", "\ufeffmunicipality_code;children_0_17\r\n"
                                       f"{CHRUDIM};4000,5\r\n{KROUNA};250\r\n")
        out = self.init_children(path)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(self.children(CHRUDIM), 4000.5)
        self.assertEqual(self.children(KROUNA), 250)

    def test_nul_bytes_bad_encoding_and_huge_fields_are_named_as_such(self):
        nul = self.write("nul.csv", f"municipality_code,children_0_17\n{CHRUDIM},4000\n"
                                    f"5716\x0061,10\n")
        out = self.init_children(nul)
        self.assertIn(f"{nul}: NUL byte in line 3", out.stderr)
        self.assertNotIn("unknown municipality", out.stderr)
        cp1250 = self.write("cp1250.csv", "municipality_code,children_0_17,poznámka\n".encode("cp1250")
                            + f"{CHRUDIM},4000,Chrudim\n".encode())
        self.assertIn(f"{cp1250}: invalid UTF-8 in line 1", self.init_children(cp1250).stderr)
        huge = self.write("huge.csv", f"municipality_code,children_0_17\n{'5' * 5_000_000},1\n")
        out = self.init_children(huge)
        self.assertNotEqual(out.returncode, 0)
        self.assertLess(len(out.stderr), 1000)
        self.assertIn("unknown municipality '" + "5" * 60 + "…'", out.stderr)
        self.assertEqual(self.imported(), 0)

    def test_travel_matrix_reads_czech_excel_and_names_nul_bytes(self):
        def check(name, data):
            return run_cli("travel-times", "--database", self.db, "--check",
                           self.write(name, data), check=False)
        out = check("excel.csv", f"origin;destination;mode;minutes\n{KROUNA};{CHRUDIM};car;38,5\n")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("car: 1 pairs", out.stdout)
        out = check("nul.csv", f"origin,destination,mode,minutes\n{KROUNA},{CHRUDIM},car,38\n"
                               f"{KROUNA},{CHRUDIM}\x00,pt,50\n")
        self.assertIn("NUL byte in line 3", out.stderr)
        out = check("huge.csv", f"origin,destination,mode,minutes\n{KROUNA},{CHRUDIM},car,"
                                f"{'9' * 3_000_000}x\n")
        self.assertNotEqual(out.returncode, 0)
        self.assertLess(len(out.stderr), 1000)
        self.assertIn("'" + "9" * 60 + "…' is not a number of minutes", out.stderr)


if __name__ == "__main__":
    unittest.main()
