"""The `prosit` command line on real database files: init, demo, check, backup,
--children, and --help on every command."""

import os
import sqlite3
import tempfile
import time
import unittest

from server import Server, run_cli


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="prosit-cli-")
        self.db = os.path.join(self.tmp.name, "p.db")

    def tearDown(self):
        self.tmp.cleanup()

    def count(self, db, sql):
        with sqlite3.connect(db) as c:
            return c.execute(sql).fetchone()[0]

    def test_help_on_every_command(self):
        for cmd in ["init", "demo", "generate", "serve", "backup", "check"]:
            out = run_cli(cmd, "--help").stdout
            self.assertIn("--database", out, cmd)
        self.assertIn("--port", run_cli("serve", "--help").stdout)
        self.assertIn("--bind", run_cli("serve", "--help").stdout)

    def test_init_is_idempotent_and_demo_fills_pardubicky_kraj(self):
        run_cli("init", "--database", self.db)
        run_cli("init", "--database", self.db)
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM municipalities"), 6258)
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM orps"), 206)
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM regions"), 14)
        out = run_cli("demo", "--database", self.db).stdout
        self.assertIn("service cards", out)
        cards = self.count(self.db, "SELECT COUNT(*) FROM service_cards")
        self.assertGreaterEqual(cards, 300)
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM service_cards "
                                             "WHERE json_extract(doc, '$.demo') = 1"), cards)
        # every one of the 15 ORPs of the region has services delivered in it
        orps = self.count(self.db, """
            SELECT COUNT(DISTINCT m.orp_code) FROM service_cards s, json_each(s.doc, '$.locations') l
            JOIN municipalities m ON m.code = json_extract(l.value, '$.municipality_code')
            WHERE m.region_code = 'CZ053'""")
        self.assertEqual(orps, 15)
        # a second demo load is refused, not doubled
        self.assertNotEqual(run_cli("demo", "--database", self.db, check=False).returncode, 0)
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM service_cards"), cards)
        self.assertIn("no problems", run_cli("check", "--database", self.db).stdout)
        # the change log holds a row for every record written
        actors = self.count(self.db, "SELECT COUNT(*) FROM actors")
        self.assertEqual(self.count(self.db, "SELECT COUNT(*) FROM change_log WHERE entity IN "
                                             "('actor', 'service_card')"), actors + cards)

    def test_demo_is_searchable_over_http(self):
        with Server(demo=True) as s:
            found = s.get("/api/v1/service-cards?q=ospod&orp=5304").json()
            self.assertGreater(found["total"], 0)
            holice = s.get("/api/v1/actors?q=detsky%20domov%20holice").json()
            self.assertGreater(holice["total"], 0)

    def test_server_follows_writes_of_other_processes(self):
        run_cli("init", "--database", self.db)
        with Server(database=self.db) as s:
            self.assertEqual(s.get("/api/v1/health").json()["service_cards"], 0)
            run_cli("demo", "--database", self.db)
            deadline = time.time() + 10
            while s.get("/api/v1/health").json()["service_cards"] == 0 and time.time() < deadline:
                time.sleep(0.1)
            self.assertGreaterEqual(s.get("/api/v1/health").json()["service_cards"], 300)
            self.assertGreater(s.get("/api/v1/service-cards?q=ospod").json()["total"], 0)

    def test_health_reports_a_snapshot_that_cannot_catch_up(self):
        run_cli("init", "--database", self.db)
        with Server(database=self.db) as s:
            with sqlite3.connect(self.db) as c:  # a change the server cannot read
                c.execute("INSERT INTO change_log (at, author, entity, entity_id, op, after) "
                          "VALUES ('2026-11-24T00:00:00Z', 'test', 'actor', 99, 'create', '{bad')")
            deadline = time.time() + 10
            while s.get("/api/v1/health").status == 200 and time.time() < deadline:
                time.sleep(0.1)
            health = s.get("/api/v1/health")
            self.assertEqual(health.status, 503)
            self.assertEqual(health.json()["status"], "degraded")
            self.assertEqual(s.get("/api/v1/orps").status, 200)  # reads go on

    def test_backup_is_a_working_database(self):
        run_cli("init", "--database", self.db)
        run_cli("demo", "--database", self.db)
        copy = os.path.join(self.tmp.name, "copy.db")
        run_cli("backup", "--database", self.db, copy)
        self.assertEqual(self.count(copy, "SELECT COUNT(*) FROM service_cards"),
                         self.count(self.db, "SELECT COUNT(*) FROM service_cards"))
        self.assertIn("no problems", run_cli("check", "--database", copy).stdout)
        bad = run_cli("backup", "--database", self.db, "/nonexistent/dir/x.db", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("backup", bad.stderr)

    def test_check_finds_broken_references(self):
        run_cli("init", "--database", self.db)
        run_cli("demo", "--database", self.db)
        with sqlite3.connect(self.db) as c:
            c.execute("PRAGMA foreign_keys = OFF")
            c.execute("UPDATE service_cards SET doc = json_set(doc, '$.service_type', 'nope') "
                      "WHERE id = 1")
        out = run_cli("check", "--database", self.db, check=False)
        self.assertEqual(out.returncode, 1)
        self.assertIn("service card 1: service_type", out.stdout)
        with sqlite3.connect(self.db) as c:
            c.execute("INSERT INTO record_refs VALUES ('meeting', 5, 'actor', 999999)")
        self.assertIn("meeting 5 refers to a missing actor 999999",
                      run_cli("check", "--database", self.db, check=False).stdout)

    def test_child_population_import_is_all_or_nothing(self):
        run_cli("init", "--database", self.db)
        before = self.count(self.db, "SELECT children_0_17 FROM municipalities WHERE code = '571164'")
        bad = os.path.join(self.tmp.name, "bad.csv")
        with open(bad, "w") as f:
            f.write("municipality_code,children_0_17\n571164,4000\n999999,10\n")
        out = run_cli("init", "--database", self.db, "--children", bad, check=False)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn(bad + ":3", out.stderr)
        self.assertEqual(self.count(self.db, "SELECT children_0_17 FROM municipalities "
                                             "WHERE code = '571164'"), before)
        good = os.path.join(self.tmp.name, "good.csv")
        with open(good, "w") as f:
            f.write("municipality_code,children_0_17\n571164,4000\n")
        run_cli("init", "--database", self.db, "--children", good)
        self.assertEqual(self.count(self.db, "SELECT children_0_17 FROM municipalities "
                                             "WHERE code = '571164'"), 4000)

    def test_commands_refuse_an_uninitialised_database(self):
        out = run_cli("serve", "--database", self.db, "--port", "1", check=False)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("prosit init", out.stderr)

    def test_demo_and_generate_initialise_a_new_database(self):
        out = run_cli("demo", "--database", self.db)
        self.assertIn("initialised", out.stdout)
        self.assertGreater(self.count(self.db, "SELECT COUNT(*) FROM municipalities"), 6000)
        self.assertGreater(self.count(self.db, "SELECT COUNT(*) FROM actors"), 0)

    def test_generate_is_deterministic(self):
        other = os.path.join(self.tmp.name, "q.db")
        run_cli("init", "--database", self.db)
        for db in (self.db, other):  # `other` is initialised by generate itself
            run_cli("generate", "--national", "--services", "3000", "--seed", "5", "--database", db)
        docs = "SELECT group_concat(doc, '|') FROM (SELECT doc FROM service_cards ORDER BY id)"
        self.assertEqual(self.count(self.db, docs), self.count(other, docs))
        n = self.count(self.db, "SELECT COUNT(*) FROM service_cards")
        self.assertGreater(n, 2500)


if __name__ == "__main__":
    unittest.main()
