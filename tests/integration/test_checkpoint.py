"""The snapshot checkpoint: `serve` writes one beside the database, the next start reads
it and catches up with later writes, and a checkpoint that is truncated, damaged, of
another database or ahead of the change log is never served: the start builds the
snapshot from the database, answers as without a checkpoint, and writes a fresh one."""

import os
import shutil
import tempfile
import time
import unittest

from server import Server, run_cli

# Answers that cover every map of the snapshot and the search index.
PATHS = [
    "/api/v1/health",
    "/api/v1/actors?limit=200",
    "/api/v1/service-cards?limit=200",
    "/api/v1/service-cards?q=poradna&limit=100",
    "/api/v1/meetings?limit=200",
    "/api/v1/needs?limit=200",
    "/api/v1/ties?limit=200",
    "/api/v1/strategy?orp=5304",
]


class CheckpointServer(Server):
    """A server on a given database that remembers the line saying how its snapshot
    started (printed before it is ready)."""

    def __enter__(self):
        super().__enter__()
        self.start_line = self.proc.stdout.readline()
        return self


def wait_for(path, older_than=None, timeout=60):
    """Waits until `path` exists (and, if given, was replaced after `older_than`)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and (older_than is None or os.stat(path).st_mtime_ns != older_than):
            return
        time.sleep(0.05)
    raise AssertionError(f"no checkpoint written at {path}")


class CheckpointTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="prosit-ck-")
        cls.demo_db = os.path.join(cls.tmp.name, "demo.db")
        run_cli("init", "--database", cls.demo_db)
        run_cli("demo", "--database", cls.demo_db)
        Server.admin_token_of(cls.demo_db)
        # What a start without any checkpoint answers.
        with CheckpointServer(cls.demo_db, extra_args=["--checkpoint", "none"]) as s:
            cls.expected = cls.answers(s)
        assert not os.path.exists(cls.demo_db + ".checkpoint")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @staticmethod
    def answers(server):
        out = {}
        for path in PATHS:
            r = server.get(path)
            assert r.status == 200, (path, r.status, r.body)
            out[path] = r.json()
        return out

    def copy_of_demo(self):
        d = tempfile.mkdtemp(prefix="prosit-ck-", dir=self.tmp.name)
        path = os.path.join(d, "prosit.db")
        shutil.copy(self.demo_db, path)
        shutil.copy(self.demo_db + ".it-admin-token", path + ".it-admin-token")
        return path

    def test_serve_writes_a_checkpoint_that_the_next_start_uses(self):
        db = self.copy_of_demo()
        with CheckpointServer(db) as s:
            self.assertIn("no checkpoint at", s.start_line)
            wait_for(db + ".checkpoint")
            self.assertEqual(self.answers(s), self.expected)
            # A write after the checkpoint was taken.
            actor = s.get("/api/v1/actors?limit=1").json()["items"][0]
            path = f"/api/v1/actors/{actor['id']}"
            current = s.get(path)
            renamed = {**current.json(), "name": "Aktér přejmenovaný po checkpointu"}
            r = s.put(path, renamed, headers={"If-Match": current.headers["ETag"]})
            self.assertEqual(r.status, 200, r.body)
            after_write = self.answers(s)
        with CheckpointServer(db) as s:
            self.assertIn("snapshot from checkpoint", s.start_line)
            self.assertNotIn("caught up to change " + str(self.expected["/api/v1/health"]["seq"]),
                             s.start_line)  # the write was applied on top of it
            self.assertEqual(s.get(path).json()["name"], "Aktér přejmenovaný po checkpointu")
            self.assertEqual(self.answers(s), after_write)

    def assert_rejected_and_rebuilt(self, db, checkpoint, why):
        """A start with `checkpoint` does not use it, answers as without one, and writes a
        fresh checkpoint that the next start uses."""
        before = os.stat(checkpoint).st_mtime_ns
        with CheckpointServer(db, extra_args=["--checkpoint", checkpoint]) as s:
            self.assertIn("not used", s.start_line)
            self.assertIn(why, s.start_line)
            self.assertEqual(self.answers(s), self.expected)
            wait_for(checkpoint, older_than=before)
        with CheckpointServer(db, extra_args=["--checkpoint", checkpoint]) as s:
            self.assertIn("snapshot from checkpoint", s.start_line)
            self.assertEqual(self.answers(s), self.expected)

    def written_checkpoint(self, db):
        path = db + ".checkpoint"
        run_cli("checkpoint", "--database", db)
        self.assertTrue(os.path.exists(path))
        return path

    def test_truncated_checkpoint_is_rebuilt(self):
        db = self.copy_of_demo()
        path = self.written_checkpoint(db)
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 2)
        self.assert_rejected_and_rebuilt(db, path, "truncated")

    def test_flipped_byte_is_rebuilt(self):
        db = self.copy_of_demo()
        path = self.written_checkpoint(db)
        with open(path, "r+b") as f:
            f.seek(os.path.getsize(path) // 3)
            b = f.read(1)
            f.seek(-1, os.SEEK_CUR)
            f.write(bytes([b[0] ^ 0x01]))
        self.assert_rejected_and_rebuilt(db, path, "damaged")

    def test_checkpoint_of_another_database_is_rebuilt(self):
        db = self.copy_of_demo()
        other = os.path.join(os.path.dirname(db), "other.db")
        run_cli("init", "--database", other)
        run_cli("demo", "--database", other)  # the same records, another database
        path = self.written_checkpoint(other)
        self.assert_rejected_and_rebuilt(db, path, "another database")

    def test_checkpoint_ahead_of_the_change_log_is_rebuilt(self):
        # The database is restored from a backup older than its checkpoint.
        db = self.copy_of_demo()
        backup = os.path.join(os.path.dirname(db), "backup.db")
        run_cli("backup", "--database", db, backup)
        with CheckpointServer(db, extra_args=["--checkpoint", "none"]) as s:
            actor = s.get("/api/v1/actors?limit=1").json()["items"][0]
            path = f"/api/v1/actors/{actor['id']}"
            current = s.get(path)
            r = s.put(path, {**current.json(), "name": "Po záloze"},
                      headers={"If-Match": current.headers["ETag"]})
            self.assertEqual(r.status, 200, r.body)
        checkpoint = self.written_checkpoint(db)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        os.replace(backup, db)
        self.assert_rejected_and_rebuilt(db, checkpoint, "but the change log ends at")

    def test_meetings_written_after_the_checkpoint_are_served_as_written(self):
        # The meetings stay encoded in the mapped checkpoint at start-up: one changed and
        # one deleted since it was taken must be served as the database has them.
        db = self.copy_of_demo()
        self.written_checkpoint(db)
        with CheckpointServer(db, extra_args=["--checkpoint", "none"]) as s:
            items = s.get("/api/v1/meetings?limit=200").json()["items"]
            self.assertGreater(len(items), 2)
            changed = f"/api/v1/meetings/{items[0]['id']}"
            current = s.get(changed)
            body = {k: v for k, v in current.json().items() if not k.endswith("_names")}
            r = s.put(changed, {**body, "topic": "Změněno po checkpointu"},
                      headers={"If-Match": current.headers["ETag"]})
            self.assertEqual(r.status, 200, r.body)
            deleted = None
            for m in reversed(items):
                path = f"/api/v1/meetings/{m['id']}"
                r = s.delete(path, headers={"If-Match": s.get(path).headers["ETag"]})
                if r.status == 204:
                    deleted = path
                    break
            self.assertIsNotNone(deleted, "no meeting could be deleted")
            expected = self.answers(s)
            each = {f"/api/v1/meetings/{m['id']}": None for m in items}
            for path in each:
                each[path] = (s.get(path).status, s.get(path).body)
        with CheckpointServer(db) as s:
            self.assertIn("snapshot from checkpoint", s.start_line)
            self.assertEqual(s.get(changed).json()["topic"], "Změněno po checkpointu")
            self.assertEqual(s.get(deleted).status, 404)
            for path, (status, body) in each.items():
                r = s.get(path)
                self.assertEqual((r.status, r.body), (status, body), path)
            self.assertEqual(self.answers(s), expected)

    def test_damaged_meeting_bytes_are_rebuilt(self):
        # A byte of a meeting's text, which start-up leaves encoded: the chunk's checksum
        # finds it before anything is served.
        db = self.copy_of_demo()
        path = self.written_checkpoint(db)
        topic = self.expected["/api/v1/meetings?limit=200"]["items"][-1]["topic"].encode()
        with open(path, "r+b") as f:
            data = f.read()
            at = data.find(topic)
            self.assertGreaterEqual(at, 0)
            f.seek(at + len(topic) // 2)
            f.write(bytes([data[at + len(topic) // 2] ^ 0x01]))
        self.assert_rejected_and_rebuilt(db, path, "damaged records")

    def test_damaged_search_index_is_rebuilt(self):
        # The actors' order and the search index are the last chunk before the table of
        # contents (which ends the file with its length, its hash and the magic): a byte
        # of its postings is found by the chunk's checksum, and searches answer as without.
        db = self.copy_of_demo()
        path = self.written_checkpoint(db)
        with open(path, "r+b") as f:
            data = f.read()
            table_length = int.from_bytes(data[-24:-16], "little")
            at = len(data) - 24 - table_length - 3
            f.seek(at)
            f.write(bytes([data[at] ^ 0x01]))
        self.assert_rejected_and_rebuilt(db, path, "damaged records")


if __name__ == "__main__":
    unittest.main()
