"""The registry of record kinds over real HTTP: every kind has its write routes, PATCH
among them, in the served OpenAPI document; PATCH with a JSON Merge Patch (RFC 7396)
changes only what it names, is refused as a PUT is (415, 428, 409, 412, 422, 404, 403)
and writes nothing when refused; a PUT that leaves out the demo flag keeps it."""


from server import RECORD_KINDS, ServerTest, Server, add_token, add_user, query, strict_json
from test_api import ACTOR, card as card_body
from test_meetings import meeting as meeting_body
from test_needs import need as need_body

MERGE_PATCH = "application/merge-patch+json"
ORP_OUT, MUN_OUT = "2101", "529303"  # Benešov: outside the networker's ORP 5304

KINDS = RECORD_KINDS


class RecordKindsTest(ServerTest):

    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        db = cls.server.database
        add_user(db, "kinds.networker", "networker", "--orp", "5304")
        cls.networker = {"Authorization": "Bearer " + add_token(db, "kinds.networker", "write")}
        cls.reader = {"Authorization": "Bearer " + add_token(db, "kinds.networker", "read")}
        cls.server.__enter__()
        cls.port = cls.server.port
        cls.made = {}
        for kind in KINDS:
            cls.made[kind] = cls.create(kind)

    # --- helpers ---------------------------------------------------------------------------
    @classmethod
    def post(cls, kind, body):
        r = cls.server.post(f"/api/v1/{kind}", body)
        if r.status != 201:
            raise AssertionError(f"POST {kind}: {r.status} {r.body}")
        return r.json()

    @classmethod
    def body(cls, kind, orp="5304", municipality="571164"):
        """A valid new record of `kind` in `orp`, whatever it refers to made first."""
        if kind == "actors":
            return {**ACTOR, "seat": {"municipality_code": municipality}}
        if kind == "service-cards":
            actor = cls.post("actors", cls.body("actors", orp, municipality))
            return card_body(actor["id"], locations=[{"municipality_code": municipality}],
                             territory={"kind": "orp", "codes": [orp]})
        if kind == "meetings":
            return meeting_body(orp_code=orp)
        if kind == "needs":
            return need_body(orp_code=orp)
        if kind == "ties":
            a = cls.post("actors", cls.body("actors", orp, municipality))
            b = cls.post("actors", {**cls.body("actors", orp, municipality), "name": "ZŠ",
                                    "sector": "education", "actor_type": "school"})
            return {"actor_a": a["id"], "actor_b": b["id"], "type": "referral",
                    "since": "2017-09-01", "frequency": "monthly"}
        if kind == "themes":
            return {"orp_code": orp, "title": "Bydlení", "since": "2018-01-10"}
        if kind == "goals":
            theme = cls.post("themes", cls.body("themes", orp))
            return {"theme_id": theme["id"], "title": "Cíl", "since": "2018-02-01"}
        if kind == "steps":
            goal = cls.post("goals", cls.body("goals", orp))
            return {"goal_id": goal["id"], "title": "Krok", "deadline": "2018-03-31"}
        if kind == "good-practices":
            return {"orp_code": orp, "title": "Praxe", "description": "Popis."}
        if kind == "recommendations":
            return {"orp_code": orp, "text": "Doporučení"}
        if kind == "participations":
            return {"orp_code": orp, "since": "2016-08-01", "networkers": [{"name": "Síťař"}]}
        if kind == "orp-texts":
            return {"orp_code": orp, "characteristics": "Největší ORP kraje."}
        if kind == "analysis-texts":
            return {"orp_code": orp, "introduction": "Úvod analýzy místní sítě."}
        raise KeyError(kind)

    @classmethod
    def create(cls, kind, **kw):
        return cls.post(kind, cls.body(kind, **kw))

    def patch(self, kind, rec, patch, version=None, content_type=MERGE_PATCH, headers=None,
              raw=None):
        h = {"Content-Type": content_type, **(headers or {})}
        if version is not False:
            h["If-Match"] = f'"{rec["version"] if version is None else version}"'
        return self.server.request("PATCH", f"/api/v1/{kind}/{rec['id']}", patch, headers=h,
                                   raw=raw)

    def current(self, kind, rec):
        r = self.server.get(f"/api/v1/{kind}/{rec['id']}")
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def seq(self):
        return query(self.server.database, "SELECT COALESCE(MAX(seq), 0) FROM change_log")[0][0]

    def assert_error(self, r, status, code):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(strict_json(r.body)["error"]["code"], code, r.body)

    # --- the routes of every kind ----------------------------------------------------------
    def test_every_kind_has_its_write_routes_in_the_served_openapi(self):
        doc = strict_json(self.server.get("/api/v1/openapi.json", anonymous=True).body)
        patched = {p for p, ops in doc["paths"].items() if "patch" in ops}
        # Users are patched too, but they are accounts, not a kind of the registry.
        self.assertEqual(patched - {"/api/v1/users/{id}"}, {f"/api/v1/{k}/{{id}}" for k in KINDS})
        for kind in KINDS:
            with self.subTest(kind=kind):
                self.assertIn("post", doc["paths"][f"/api/v1/{kind}"])
                item = doc["paths"][f"/api/v1/{kind}/{{id}}"]
                self.assertLessEqual({"get", "put", "patch", "delete"}, set(item))
                self.assertEqual(list(item["patch"]["requestBody"]["content"]), [MERGE_PATCH])
                self.assertIn("415", item["patch"]["responses"])
                self.assertIn("412", item["patch"]["responses"])

    # --- PATCH -------------------------------------------------------------------------------
    def test_a_patch_changes_only_what_it_names_in_every_kind(self):
        for kind, (entity, field) in KINDS.items():
            with self.subTest(kind=kind):
                rec = self.create(kind)
                before = self.current(kind, rec)
                seq = self.seq()
                r = self.patch(kind, rec, {field: f"opraveno {kind}"})
                self.assertEqual(r.status, 200, r.body)
                self.assertEqual(r.headers["ETag"], f'"{rec["version"] + 1}"')
                after = self.current(kind, rec)
                self.assertEqual(after[field], f"opraveno {kind}")
                self.assertEqual(r.json(), after)
                expected = {**before, field: f"opraveno {kind}", "version": rec["version"] + 1}
                self.assertEqual(after, expected)
                rows = query(self.server.database, "SELECT entity, entity_id, op FROM change_log "
                             "WHERE seq > ?", (seq,))
                self.assertEqual(rows, [(entity, rec["id"], "update")])

    def test_changing_a_steps_status_is_one_small_request(self):
        step = self.create("steps")
        self.assertEqual(self.current("steps", step)["status"], "planned")
        r = self.patch("steps", step, {"status": "done"})
        self.assertEqual(r.status, 200, r.body)
        after = self.current("steps", step)
        self.assertEqual(after["status"], "done")
        self.assertEqual(after["title"], "Krok")
        self.assertEqual(after["goal_id"], step["goal_id"])

    def test_null_removes_a_member_objects_merge_and_lists_are_replaced(self):
        actor = self.create("actors")
        r = self.patch("actors", actor, {"note": "Poznámka"})
        self.assertEqual(r.status, 200, r.body)
        actor = r.json()
        r = self.patch("actors", actor, {"note": None, "seat": {"street": "Nová 1"},
                                         "contacts": [{"name": "Recepce", "public": True}]})
        self.assertEqual(r.status, 200, r.body)
        after = r.json()
        self.assertFalse(after.get("note"))
        self.assertEqual(after["seat"]["street"], "Nová 1")
        self.assertEqual(after["seat"]["municipality_code"], "571164")  # merged, not replaced
        self.assertEqual([c["name"] for c in after["contacts"]], ["Recepce"])

    def test_the_patch_cannot_change_the_id_and_its_version_is_ignored(self):
        need = self.create("needs")
        seq = self.seq()
        r = self.patch("needs", need, {"id": need["id"] + 1000, "statement": "Jinak"})
        self.assert_error(r, 422, "validation_failed")
        self.assertIn("id", r.json()["error"]["fields"])
        self.assertEqual(self.seq(), seq)
        r = self.patch("needs", need, {"id": need["id"], "version": 77, "statement": "Jinak"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["id"], need["id"])
        self.assertEqual(r.json()["version"], need["version"] + 1)

    def test_a_patch_that_breaks_rules_is_422_naming_every_bad_field(self):
        bad = {"meetings": {"orp_code": "9999", "date": "not a date"},
               "themes": {"orp_code": "9999", "since": "never"},
               "steps": {"status": "finished", "deadline": "soon"}}
        for kind, (entity, field) in KINDS.items():
            with self.subTest(kind=kind):
                rec = self.made[kind]
                seq = self.seq()
                r = self.patch(kind, rec, bad.get(kind, {field: 12345}))
                self.assert_error(r, 422, "validation_failed")
                fields = r.json()["error"]["fields"]
                for name in bad.get(kind, {field: 0}):
                    self.assertTrue(any(f.startswith(name) for f in fields), (name, fields))
                self.assertEqual(self.seq(), seq)
                self.assertEqual(self.current(kind, rec)["version"], rec["version"])

    def test_a_patch_must_be_a_merge_patch(self):
        rec = self.made["meetings"]
        seq = self.seq()
        for content_type in ("application/json", "text/plain", "application/json-patch+json"):
            with self.subTest(content_type=content_type):
                r = self.patch("meetings", rec, {"notes": "x"}, content_type=content_type)
                self.assert_error(r, 415, "unsupported_media_type")
        r = self.patch("meetings", rec, {"notes": "x"},
                       content_type="application/merge-patch+json; charset=utf-8")
        self.assertEqual(r.status, 200, r.body)
        self.__class__.made["meetings"] = r.json()
        self.assertEqual(self.seq(), seq + 1)
        # malformed JSON and a key twice are 400, as for PUT
        for raw in (b'{"notes": ', b'{"notes": "a", "notes": "b"}'):
            with self.subTest(raw=raw):
                r = self.patch("meetings", self.made["meetings"], None, raw=raw)
                self.assert_error(r, 400, "malformed_request")
        self.assertEqual(self.seq(), seq + 1)

    def test_if_match_is_required_and_must_be_current_and_strong(self):
        rec = self.create("goals")
        seq = self.seq()
        self.assert_error(self.patch("goals", rec, {"title": "x"}, version=False), 428,
                          "precondition_required")
        self.assert_error(self.patch("goals", rec, {"title": "x"}, version=rec["version"] + 1),
                          409, "conflict")
        r = self.server.request("PATCH", f"/api/v1/goals/{rec['id']}", {"title": "x"},
                                headers={"Content-Type": MERGE_PATCH,
                                         "If-Match": f'W/"{rec["version"]}"'})
        self.assert_error(r, 412, "precondition_failed")
        self.assertEqual(self.seq(), seq)
        self.assert_error(self.server.request(
            "PATCH", "/api/v1/goals/987654", {"title": "x"},
            headers={"Content-Type": MERGE_PATCH, "If-Match": '"1"'}), 404, "not_found")

    def test_a_patch_follows_the_permissions_of_a_put(self):
        inside = self.create("meetings")
        outside = self.create("meetings", orp=ORP_OUT, municipality=MUN_OUT)
        actor_outside = self.create("actors", orp=ORP_OUT, municipality=MUN_OUT)
        seq = self.seq()
        # a record the caller may not read is one that does not exist
        r = self.patch("meetings", outside, {"notes": "x"}, headers=self.networker)
        self.assert_error(r, 404, "not_found")
        # one it may read but not write is refused
        r = self.patch("actors", actor_outside, {"note": "x"}, headers=self.networker)
        self.assert_error(r, 403, "forbidden")
        r = self.patch("meetings", inside, {"notes": "x"}, headers=self.reader)
        self.assert_error(r, 403, "forbidden")
        r = self.server.request("PATCH", f"/api/v1/meetings/{inside['id']}", {"notes": "x"},
                                headers={"Content-Type": MERGE_PATCH, "If-Match": '"1"'},
                                anonymous=True)
        self.assert_error(r, 401, "unauthenticated")
        # nor may a patch move a record out of the caller's territory
        r = self.patch("meetings", inside, {"orp_code": ORP_OUT}, headers=self.networker)
        self.assert_error(r, 403, "forbidden")
        self.assertEqual(self.seq(), seq)
        r = self.patch("meetings", inside, {"notes": "uvnitř"}, headers=self.networker)
        self.assertEqual(r.status, 200, r.body)
        author = query(self.server.database, "SELECT author FROM change_log "
                       "ORDER BY seq DESC LIMIT 1")[0][0]
        self.assertEqual(author, "user:kinds.networker")

    # --- provenance kept on PUT --------------------------------------------------------------
    def test_a_put_that_leaves_out_the_demo_flag_keeps_it(self):
        for kind, (entity, field) in KINDS.items():
            with self.subTest(kind=kind):
                rec = self.post(kind, {**self.body(kind), "demo": True})
                self.assertTrue(rec["demo"])
                self.assertEqual(rec["source"], "invented")
                # the whole provenance left out: both kept
                body = {k: v for k, v in rec.items() if k not in ("demo", "source")}
                body[field] = "změněno"
                r = self.server.put(f"/api/v1/{kind}/{rec['id']}", body,
                                    headers={"If-Match": f'"{rec["version"]}"'})
                self.assertEqual(r.status, 200, r.body)
                self.assertTrue(r.json()["demo"], "the PUT made a demo record real")
                self.assertTrue(self.current(kind, rec)["demo"])
                self.assertEqual(self.current(kind, rec)["source"], "invented")
                # saying so explicitly still changes it, and implies the source
                r = self.server.put(f"/api/v1/{kind}/{rec['id']}", {**body, "demo": False},
                                    headers={"If-Match": f'"{rec["version"] + 1}"'})
                self.assertEqual(r.status, 200, r.body)
                self.assertFalse(self.current(kind, rec)["demo"])
                self.assertEqual(self.current(kind, rec)["source"], "entered")

    def test_a_patch_changes_the_demo_flag_only_when_it_names_it(self):
        rec = self.post("themes", {**self.body("themes"), "demo": True})
        r = self.patch("themes", rec, {"title": "Jiné téma"})
        self.assertTrue(r.json()["demo"])
        r = self.patch("themes", r.json(), {"demo": False})
        self.assertEqual(r.status, 200, r.body)
        self.assertFalse(self.current("themes", rec)["demo"])
        self.assertEqual(self.current("themes", rec)["source"], "entered")


if __name__ == "__main__":
    import unittest
    unittest.main()
