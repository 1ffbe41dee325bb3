"""The reference model in versions over real HTTP (docs/reference-model.md): version 1 is
the shipped data/reference; a methodologist or an admin publishes a new version through
the API, checked whole (one 422 naming every problem, 409 while records use what it
drops); every analysis says which version it used and recomputes with an earlier one on
request; versions survive a restart, reach a second server following the same store, and
a database from before versions gets its model as version 1."""

import copy
import json
import os
import sqlite3
import subprocess
import tempfile
import time
import unittest

from server import BIN, DATA, DemoServerTest, Server, add_token, add_user, run_cli, strict_json

DOCUMENTS = ("need_areas", "support_levels", "sectors", "actor_types", "capacity_units",
             "service_types", "optimal_model", "model_situations", "meeting_categories",
             "network_need_categories", "emergency_contacts")


def shipped():
    out = {}
    for name in DOCUMENTS:
        with open(os.path.join(DATA, "reference", name + ".json"), encoding="utf-8") as f:
            out[name] = json.load(f)
    return out


def bearer(token):
    return {"Authorization": "Bearer " + token}


def with_norm(optimal_model, index, minutes):
    """The optimal model with one cell's travel-time norms set to `minutes`."""
    changed = copy.deepcopy(optimal_model)
    changed["cells"][index]["max_minutes_pt"] = minutes
    changed["cells"][index]["max_minutes_car"] = minutes
    return changed


class ModelVersionsTest(DemoServerTest):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        db = cls.server.database
        add_user(db, "model.methodologist", "methodologist")
        add_user(db, "model.networker", "networker", "--orp", "5304")
        cls.headers = {
            "methodologist": bearer(add_token(db, "model.methodologist", "write")),
            "methodologist_read": bearer(add_token(db, "model.methodologist", "read", "ro")),
            "networker": bearer(add_token(db, "model.networker", "write")),
        }

    def publish(self, body, status=201, headers=None, anonymous=False):
        r = self.server.post("/api/v1/model/versions", body, headers=headers,
                             anonymous=anonymous)
        self.assertEqual(r.status, status, r.body)
        return strict_json(r.body)

    def current(self):
        return self.get("/api/v1/model")

    def test_a_new_database_starts_with_the_shipped_model_as_version_1(self):
        first = self.get("/api/v1/model/versions/1")
        self.assertEqual(first["number"], 1)
        self.assertEqual(first["documents"], shipped())
        self.assertIn("prosit init", first["note"])
        listed = self.get("/api/v1/model/versions")["items"][0]
        self.assertEqual({k: listed[k] for k in ("number", "published_at", "note")},
                         {k: first[k] for k in ("number", "published_at", "note")})
        # Who published is a login: signed-in readers only.
        self.assertIn("published_by", listed)
        public = strict_json(self.server.get("/api/v1/model/versions", anonymous=True).body)
        self.assertNotIn("published_by", public["items"][0])
        self.assertEqual(self.server.get("/api/v1/model/versions/999").status, 404)

    def test_a_norm_change_changes_coverage_and_the_old_version_reproduces_it(self):
        before = self.get("/api/v1/analysis/coverage?orp=5304")
        old = before["method"]["model_version"]
        model = self.current()
        self.assertEqual(model["number"], old)
        access_path = "/api/v1/analysis/accessibility?orp=5304&service_type=edu_b00"
        access_before = self.get(access_path)
        self.assertEqual(access_before["method"]["model_version"], old)

        published = self.publish({
            "note": "the first cell's norm: one minute", "based_on": old,
            "documents": {"optimal_model": with_norm(model["documents"]["optimal_model"], 0, 1)}})
        new = published["number"]
        self.assertEqual(new, old + 1)
        after = self.get("/api/v1/analysis/coverage?orp=5304")
        self.assertEqual(after["method"]["model_version"], new)
        self.assertEqual(after["coverage"]["cells"][0]["norm"]["max_minutes_pt"], 1)
        self.assertNotEqual(after["coverage"]["cells"][0], before["coverage"]["cells"][0])
        # The other documents were carried over unchanged.
        self.assertEqual(self.current()["documents"]["service_types"],
                         model["documents"]["service_types"])

        # The earlier answer, recomputed with the version it used, is the same answer.
        self.assertEqual(self.get(f"/api/v1/analysis/coverage?orp=5304&model_version={old}"),
                         before)
        self.assertEqual(self.get(f"{access_path}&model_version={old}"), access_before)
        self.assertEqual(self.get(access_path)["method"]["model_version"], new)
        candidates = "/api/v1/analysis/candidates?orp=5304&service_type=ss65"
        self.assertEqual(self.get(candidates)["method"]["model_version"], new)
        self.assertEqual(
            self.get(f"{candidates}&model_version={old}")["method"]["model_version"], old)
        what_if = {"add": [{"service_type": "ss65", "municipality": "571164", "capacity": 10}]}
        r = self.server.post(f"/api/v1/analysis/what-if?model_version={old}", what_if)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["method"]["model_version"], old)
        r = self.server.get("/api/v1/analysis/coverage?orp=5304&model_version=999")
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("model_version", r.json()["error"]["fields"])
        # The version is the model as it was published, and the audit trail says who.
        self.assertEqual(self.get(f"/api/v1/model/versions/{old}")["documents"],
                         model["documents"])
        trail = self.get(f"/api/v1/audit?entity=reference&id={new}")["items"]
        self.assertTrue(trail)
        self.assertTrue(all(e["author"] == "user:it-admin" for e in trail), trail)

    def test_a_bad_model_gets_one_422_naming_every_problem(self):
        model = self.current()
        docs = copy.deepcopy(model["documents"])
        docs["optimal_model"]["cells"][0]["service_types"].append("no_such_type")
        docs["optimal_model"]["cells"][1]["max_minutes_pt"] = 0
        docs["optimal_model"]["cells"][2]["need_area"] = "wellbeing"
        docs["service_types"][0]["sector"] = "no_such_sector"
        docs["model_situations"][0]["levels"].append(7)
        docs["need_areas"].append(copy.deepcopy(docs["need_areas"][0]))
        docs["support_levels"][0]["max_minutes_pts"] = 20  # misspelt
        error = self.publish({"note": "broken", "documents": docs}, 422)["error"]
        fields = error["fields"]
        n = len(docs["need_areas"]) - 1
        for field in ("optimal_model[0].service_types", "optimal_model[1].max_minutes_pt",
                      "optimal_model[2].need_area", "service_types[0].sector",
                      "model_situations[0].levels", f"need_areas[{n}].id",
                      "support_levels[0].max_minutes_pts"):
            self.assertIn("documents." + field, fields, fields)
        self.assertIn("no_such_type", fields["documents.optimal_model[0].service_types"])
        # The shape of the body, all at once too.
        fields = self.publish({"documents": {"optimal_models": {}}, "extra": 1}, 422)[
            "error"]["fields"]
        self.assertEqual(set(fields), {"note", "documents.optimal_models", "extra"})
        self.assertEqual(self.current()["number"], model["number"])

    def test_situations_name_their_service_types_and_a_bad_one_is_refused_at_its_field(self):
        model = self.current()
        situations = copy.deepcopy(model["documents"]["model_situations"])
        served = self.get("/api/v1/reference/model-situations")
        self.assertEqual(served, situations)
        by_id = {s["id"]: s for s in served}
        self.assertEqual(by_id["child_abuse"]["responsible_service_types"][0], "ospod_spod")
        self.assertIn("edu_spp", by_id["school_refusal"]["responsible_service_types"])
        self.assertEqual(by_id["teacher_concern"]["audience"], ["teachers"])
        i = next(n for n, s in enumerate(situations) if s["id"] == "debts")
        j = next(n for n, s in enumerate(situations) if s["id"] == "self_harm")
        situations[i]["service_types"].append("ss37_dept")  # misspelt
        situations[i]["audience"].append("grandparents")
        situations[j]["service_types"].append("housing_crisis")  # meets none of its areas
        situations[j]["cs"] = ""
        fields = self.publish({"note": "bad situations",
                               "documents": {"model_situations": situations}},
                              422)["error"]["fields"]
        at = f"documents.model_situations[{i}]."
        self.assertEqual(fields[at + "service_types"], "debts: unknown service type 'ss37_dept'")
        self.assertIn("debts: unknown audience 'grandparents'", fields[at + "audience"])
        # The id errors come first: with them fixed, the rules of a new version speak.
        situations[i]["service_types"].pop()
        situations[i]["audience"].pop()
        fields = self.publish({"note": "bad situations",
                               "documents": {"model_situations": situations}},
                              422)["error"]["fields"]
        at = f"documents.model_situations[{j}]."
        self.assertEqual(set(fields), {at + "service_types", at + "cs"}, fields)
        self.assertIn("self_harm: 'housing_crisis' meets none of the situation's need areas",
                      fields[at + "service_types"])
        self.assertEqual(self.current()["number"], model["number"])
        # Put right, a situation's new service types are served at once.
        situations[j]["service_types"].pop()
        situations[j]["cs"] = model["documents"]["model_situations"][j]["cs"]
        situations[i]["service_types"].append("housing_social")
        number = self.publish({"note": "debts: social housing can help",
                               "based_on": model["number"],
                               "documents": {"model_situations": situations}})["number"]
        self.assertEqual(number, model["number"] + 1)
        served = {s["id"]: s for s in self.get("/api/v1/reference/model-situations")}
        self.assertIn("housing_social", served["debts"]["service_types"])

    def test_a_stale_edit_is_refused(self):
        model = self.current()
        if model["number"] == 1:
            self.publish({"note": "a second version", "based_on": 1})
        r = self.server.post("/api/v1/model/versions", {"note": "stale", "based_on": 1})
        self.assertEqual(r.status, 409, r.body)

    def test_a_model_that_drops_an_id_records_use_is_refused_naming_them(self):
        model = self.current()
        card = self.get("/api/v1/service-cards?orp=5304&limit=1")["items"][0]
        dropped = card["service_type"]
        docs = copy.deepcopy(model["documents"])
        docs["service_types"] = [t for t in docs["service_types"] if t["id"] != dropped]
        for cell in docs["optimal_model"]["cells"]:
            cell["service_types"] = [t for t in cell["service_types"] if t != dropped] or \
                [docs["service_types"][0]["id"]]
        for situation in docs["model_situations"]:
            for key in ("service_types", "responsible_service_types"):
                situation[key] = [t for t in situation[key] if t != dropped]
        error = self.publish({"note": f"without {dropped}", "documents": docs}, 409)["error"]
        field = f"service_card {card['id']}: service_type"
        self.assertIn(field, error["fields"], error)
        self.assertTrue(all(f.startswith("service_card ") for f in error["fields"]), error)
        self.assertEqual(self.current()["number"], model["number"])

    def test_who_may_publish(self):
        body = lambda: {"note": "permissions", "based_on": self.current()["number"]}
        count = len(self.get("/api/v1/model/versions")["items"])
        self.publish(body(), 403, headers=self.headers["networker"])
        self.publish(body(), 403, headers=self.headers["methodologist_read"])
        self.publish(body(), 401, anonymous=True)
        self.assertEqual(len(self.get("/api/v1/model/versions")["items"]), count)
        published = self.publish(body(), 201, headers=self.headers["methodologist"])
        self.assertEqual(published["published_by"], "user:model.methodologist")
        self.assertEqual(self.get("/api/v1/model/versions")["current"], published["number"])

    def test_a_methodologist_reads_the_whole_country_and_writes_only_the_model(self):
        h = self.headers["methodologist"]
        for path in ("/api/v1/analysis/coverage", "/api/v1/meetings?orp=5304",
                     "/api/v1/monitoring?region=CZ053"):
            r = self.server.get(path, headers=h)
            self.assertEqual(r.status, 200, (path, r.body))
        actor = self.get("/api/v1/actors?orp=5304&limit=1")["items"][0]
        for method, path, body in (
                ("POST", "/api/v1/meetings", {"orp_code": "5304"}),
                ("POST", "/api/v1/actors", {"name": "x"}),
                ("DELETE", f"/api/v1/actors/{actor['id']}", None),
                ("POST", "/api/v1/users", {"login": "someone", "display_name": "x",
                                           "role": "viewer", "territories": ["5304"]})):
            r = self.server.request(method, path, body, headers=h)
            self.assertEqual(r.status, 403, (method, path, r.body))
        for path in ("/api/v1/audit", "/api/v1/personal-data?name=Jana"):
            self.assertEqual(self.server.get(path, headers=h).status, 403, path)


class ModelVersionsStoredTest(unittest.TestCase):
    """Versions in the database: a restart, a second server, `prosit init`, a migration."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="prosit-model-")
        self.database = os.path.join(self.tmp.name, "prosit.db")
        run_cli("init", "--database", self.database)

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_restart_keeps_the_versions_and_a_follower_picks_a_new_one_up(self):
        with Server(database=self.database) as a, Server(database=self.database) as b:
            model = a.get("/api/v1/model").json()
            changed = with_norm(model["documents"]["optimal_model"], 3, 5)
            r = a.post("/api/v1/model/versions",
                       {"note": "norm of the fourth cell", "documents": {"optimal_model": changed}})
            self.assertEqual(r.status, 201, r.body)
            deadline = time.time() + 30  # b follows the change log once a second

            def b_judges_by():
                return b.get("/api/v1/analysis/coverage?orp=5304").json()["method"][
                    "model_version"]
            while b_judges_by() != 2 and time.time() < deadline:
                time.sleep(0.2)
            self.assertEqual(b_judges_by(), 2)
            listed = a.get("/api/v1/model/versions").json()
        with Server(database=self.database) as again:
            self.assertEqual(again.get("/api/v1/model/versions").json(), listed)
            current = again.get("/api/v1/model").json()
            self.assertEqual(current["number"], 2)
            self.assertEqual(current["documents"]["optimal_model"], changed)
            r = again.get("/api/v1/analysis/coverage?orp=5304&model_version=1")
            self.assertEqual(r.json()["method"]["model_version"], 1)

    def test_init_with_a_changed_folder_publishes_a_version_once(self):
        data = os.path.join(self.tmp.name, "data")
        os.makedirs(os.path.join(data, "reference"))
        os.symlink(os.path.abspath(os.path.join(DATA, "territory")), os.path.join(data, "territory"))
        docs = shipped()
        docs["optimal_model"] = with_norm(docs["optimal_model"], 0, 7)
        for name, doc in docs.items():
            with open(os.path.join(data, "reference", name + ".json"), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=2)
        for _ in range(2):
            subprocess.run([BIN, "init", "--database", self.database, "--data", data],
                           check=True, capture_output=True)
        with Server(database=self.database) as s:
            versions = s.get("/api/v1/model/versions").json()["items"]
            self.assertEqual([v["number"] for v in versions], [1, 2])
            self.assertEqual(s.get("/api/v1/model").json()["documents"]["optimal_model"],
                             docs["optimal_model"])

    def test_a_database_from_before_versions_gets_its_model_as_version_1(self):
        db = sqlite3.connect(self.database)
        with db:
            for trigger in ("model_versions_immutable", "model_versions_kept",
                            "model_version_documents_immutable", "model_version_documents_kept"):
                db.execute(f"DROP TRIGGER {trigger}")
            db.execute("DROP TABLE model_version_documents")
            db.execute("DROP TABLE model_versions")
            db.execute("DELETE FROM schema_migrations WHERE version = 7")
        db.close()
        with Server(database=self.database) as s:
            versions = s.get("/api/v1/model/versions").json()["items"]
            self.assertEqual([(v["number"], v["published_by"]) for v in versions],
                             [(1, "migration")])
            self.assertEqual(s.get("/api/v1/model").json()["documents"], shipped())
        db = sqlite3.connect(self.database)
        try:  # published versions never change
            with self.assertRaises(sqlite3.DatabaseError):
                with db:
                    db.execute("UPDATE model_version_documents SET json = '[]'")
        finally:
            db.close()


if __name__ == "__main__":
    unittest.main()
