"""Good practices and recommendations over real HTTP, linked to needs and themes."""

import unittest

from server import ServerTest
from test_needs import need


class PracticeTest(ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.theme = s.post("/api/v1/themes", {"orp_code": "5303", "title": "Propagace sítě",
                                              "since": "2017-10-01"}).json()
        cls.need = s.post("/api/v1/needs", need(orp_code="5303", theme_ids=[cls.theme["id"]])).json()

    def test_good_practice_and_recommendation(self):
        s = self.server
        p = s.post("/api/v1/good-practices", {"orp_code": "5303", "title": "SAS při DD Holice",
                                              "description": "Při dětském domově vznikla nová SAS.",
                                              "need_ids": [self.need["id"]], "theme_ids": [self.theme["id"]]})
        self.assertEqual(p.status, 201, p.body)
        r = s.post("/api/v1/recommendations", {"orp_code": "5303", "scope": "general",
                                               "text": "Zapojit školy do sítě od začátku."})
        self.assertEqual(r.status, 201, r.body)
        s.post("/api/v1/recommendations", {"orp_code": "5311", "text": "Posílit terénní práci."})
        self.assertEqual(s.get("/api/v1/good-practices?orp=5303").json()["total"], 1)
        self.assertEqual(s.get("/api/v1/recommendations?region=CZ053").json()["total"], 2)
        self.assertEqual(s.get("/api/v1/recommendations?region=CZ053&scope=general").json()["total"], 1)
        self.assertEqual(s.get("/api/v1/recommendations?orp=5311").json()["items"][0]["scope"], "specific")
        # the need and theme a practice names are kept
        d = s.delete(f"/api/v1/needs/{self.need['id']}", headers={"If-Match": '"1"'})
        self.assertEqual(d.status, 409)
        self.assertIn("good practice", d.json()["error"]["message"])
        self.assertEqual(self.need["theme_ids"], [self.theme["id"]])

    def test_rules(self):
        s = self.server
        before = s.get("/api/v1/health").json()["seq"]
        for path, body, field in [
            ("good-practices", {"orp_code": "0000", "title": "x", "description": "y"}, "orp_code"),
            ("good-practices", {"orp_code": "5303", "title": "", "description": "y"}, "title"),
            ("good-practices", {"orp_code": "5303", "title": "x", "description": "y", "need_ids": [987654]}, "need_ids[0]"),
            ("recommendations", {"orp_code": "5303", "text": "x", "scope": "cosmic"}, "scope"),
            ("recommendations", {"orp_code": "5303", "text": ""}, "text"),
            ("recommendations", {"orp_code": "5303", "text": "x", "theme_ids": [987654]}, "theme_ids[0]"),
        ]:
            r = s.post(f"/api/v1/{path}", body)
            self.assertEqual(r.status, 422, (path, field, r.body))
            self.assertIn(field, r.json()["error"]["fields"])
        self.assertEqual(s.get("/api/v1/health").json()["seq"], before)
        self.assertEqual(s.get("/api/v1/recommendations?scope=cosmic").status, 422)


if __name__ == "__main__":
    unittest.main()
