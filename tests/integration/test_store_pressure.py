"""The server under store pressure: a database locked by another process answers writes
with 503 and Retry-After while reads of the snapshot and /health go on, and big audit
trails come in pages bounded in bytes without holding up /health."""

import json
import sqlite3
import threading
import time
import unittest
import urllib.error
import urllib.request

from server import Server, query, run_cli, ServerTest

ACTOR = {
    "name": "Město Chrudim – odbor sociálních věcí (OSPOD)",
    "sector": "ospod",
    "actor_type": "ospod_office",
    # No IČO nor street: tests write it many times over, which would be duplicates.
    "seat": {"municipality_code": "571164"},
    "contacts": [{"name": "Podatelna", "phone": "+420 469 657 111", "public": True}],
}

PAGE_BYTES = 1 << 20  # the audit trail's page budget (docs/operations.md)


def quick_get(server, path, timeout=5):
    """GET without credentials that gives up after `timeout` seconds: (status, body)."""
    try:
        with urllib.request.urlopen(server.base + path, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def in_parallel(calls):
    """Runs the calls on threads at once; returns their results in order."""
    results = [None] * len(calls)

    def run(i):
        try:
            results[i] = calls[i]()
        except Exception as e:  # noqa: BLE001 - reported by the caller's assertions
            results[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    return threads, results


class LockedDatabaseTest(unittest.TestCase):
    def test_writes_answer_503_while_another_process_holds_the_lock(self):
        with Server() as s:
            r = s.post("/api/v1/actors", ACTOR)
            self.assertEqual(r.status, 201, r.body)
            actor = r.json()
            log_rows = query(s.database, "SELECT COUNT(*) FROM change_log")[0][0]
            actor_rows = query(s.database, "SELECT COUNT(*) FROM actors")[0][0]

            lock = sqlite3.connect(s.database, isolation_level=None, timeout=0)
            lock.execute("BEGIN EXCLUSIVE")
            try:
                writes = [
                    lambda: s.post("/api/v1/actors", {**ACTOR, "name": "Druhý úřad"}),
                    lambda: s.post("/api/v1/actors", {**ACTOR, "name": "Třetí úřad"}),
                    lambda: s.put(f"/api/v1/actors/{actor['id']}", {**ACTOR, "name": "Přejmenován"},
                                  headers={"If-Match": '"1"'}),
                ]
                threads, results = in_parallel(writes)
                time.sleep(0.3)  # let the writes reach the server first
                # While the writes wait for the lock, the snapshot and /health answer.
                status, body = quick_get(s, "/api/v1/health")
                self.assertEqual(status, 200, body)
                status, body = quick_get(s, "/api/v1/service-cards")
                self.assertEqual(status, 200, body)
                for t in threads:
                    t.join()
                for r in results:
                    self.assertNotIsInstance(r, Exception)
                    self.assertEqual(r.status, 503, r.body)
                    self.assertEqual(r.headers["Retry-After"], "1")
                    self.assertEqual(r.json()["error"]["code"], "store_busy")
            finally:
                lock.execute("ROLLBACK")
                lock.close()

            # Nothing half-written.
            self.assertEqual(query(s.database, "SELECT COUNT(*) FROM change_log")[0][0], log_rows)
            self.assertEqual(query(s.database, "SELECT COUNT(*) FROM actors")[0][0], actor_rows)
            # Once the lock is gone, the same writes succeed.
            self.assertEqual(s.post("/api/v1/actors", {**ACTOR, "name": "Druhý úřad"}).status, 201)
            r = s.put(f"/api/v1/actors/{actor['id']}", {**ACTOR, "name": "Přejmenován"},
                      headers={"If-Match": '"1"'})
            self.assertEqual(r.status, 200, r.body)

    def test_serve_takes_the_synchronous_setting(self):
        with Server(extra_args=["--synchronous", "normal"]) as s:
            self.assertEqual(s.post("/api/v1/actors", ACTOR).status, 201)
        proc = run_cli("serve", "--database", "unused.db", "--synchronous", "off", check=False)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("synchronous", proc.stderr)


def version(v, contacts):
    """A big version of a record: every contact differs from the previous version's."""
    return json.dumps({
        "id": BigAuditTrailTest.RECORD, "version": v, "name": f"Záznam verze {v}",
        "contacts": [{"name": f"Kontakt {i} verze {v}", "phone": f"+420 {v:03d} {i:06d}"}
                     for i in range(contacts)],
    })


class BigAuditTrailTest(ServerTest):
    ROWS = 500
    CONTACTS = 400
    RECORD = 900001  # the history of a user record: the snapshot does not load users

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A long history of huge versions, written straight into the change log (the API
        # bounds what one write may hold; older databases may hold such histories).
        db = sqlite3.connect(cls.server.database, timeout=30)
        with db:
            previous = version(1, cls.CONTACTS)
            for v in range(2, cls.ROWS + 2):
                after = version(v, cls.CONTACTS)
                db.execute(
                    "INSERT INTO change_log (at, author, entity, entity_id, op, before, after) "
                    "VALUES ('2026-11-24T10:00:00Z', 'user:it-admin', 'user', ?, 'update', ?, ?)",
                    (cls.RECORD, previous, after))
                previous = after
        db.close()

    def audit(self, offset=0):
        return self.server.get(f"/api/v1/audit?entity=user&id={self.RECORD}&limit=500"
                               f"&offset={offset}")

    def test_a_page_ends_at_its_byte_budget_and_names_the_next(self):
        r = self.audit()
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertLess(len(r.body.encode()), PAGE_BYTES + 200 * 1024)
        page = r.json()
        self.assertEqual(page["total"], self.ROWS)
        self.assertTrue(page["size_limited"])
        self.assertGreater(len(page["items"]), 0)
        self.assertEqual(page["next_offset"], len(page["items"]))
        second = self.audit(page["next_offset"]).json()
        self.assertLess(second["items"][0]["seq"], page["items"][-1]["seq"])

    def test_health_answers_while_big_audit_reads_run(self):
        threads, results = in_parallel([self.audit for _ in range(6)])
        time.sleep(0.3)  # let the audit reads reach the server first
        try:
            status, body = quick_get(self.server, "/api/v1/health")
            self.assertEqual(status, 200, body)
        finally:
            for t in threads:
                t.join()
        for r in results:
            self.assertNotIsInstance(r, Exception)
            self.assertEqual(r.status, 200)
            self.assertLess(len(r.body.encode()), PAGE_BYTES + 200 * 1024)


if __name__ == "__main__":
    unittest.main()
