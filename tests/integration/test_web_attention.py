"""What the web application's home page and editors ask the server, over real HTTP on the
demo network: the cards not verified since a date (`verified_before`), the methods a caller
may use on an actor or a card (the `Allow` header of its GET, so that an editor is offered
only to those the server lets write), and a municipality found by its code."""

import unittest

from server import Server, add_token, add_user

ORP = "5304"  # Chrudim
OTHER_ORP = "5309"  # Pardubice


class WebAttentionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        db = server.database
        add_user(db, "w.networker", "networker", "--orp", ORP)
        add_user(db, "w.outsider", "networker", "--orp", OTHER_ORP)
        add_user(db, "w.viewer", "viewer", "--orp", ORP)
        server.__enter__()
        # The demo's card 1 is the OSPOD of Chrudim, of actor 1 seated there.
        card = server.get("/api/v1/service-cards/1").json()
        cls.card_id, cls.actor_id = card["id"], card["actor_id"]
        assert server.get(f"/api/v1/actors/{cls.actor_id}").json()["seat"]["municipality_code"] == "571164"
        add_user(db, "w.editor", "actor_editor", "--actor", str(cls.actor_id))
        cls.auth = {who: {"Authorization": "Bearer " + add_token(db, "w." + who)}
                    for who in ("networker", "outsider", "viewer", "editor")}

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, path, who=None, status=200, anonymous=False):
        r = self.server.get(path, headers=self.auth.get(who), anonymous=anonymous)
        self.assertEqual(r.status, status, (path, r.body))
        return r

    def cards(self, query):
        items, offset = [], 0
        while True:
            page = self.get(f"/api/v1/service-cards?{query}&limit=200&offset={offset}").json()
            items += page["items"]
            offset += 200
            if offset >= page["total"]:
                return items, page["total"]

    def test_verified_before_lists_cards_never_or_earlier_verified(self):
        every, _ = self.cards(f"orp={ORP}")
        cut = "2026-01-01"
        stale, total = self.cards(f"orp={ORP}&verified_before={cut}")
        expected = sorted(c["id"] for c in every if (c.get("last_verified") or "") < cut)
        self.assertEqual(sorted(c["id"] for c in stale), expected)
        self.assertEqual(total, len(expected))
        self.assertTrue(0 < total < len(every), "the demo has both old and recent verifications")

    def test_verified_before_follows_an_edit(self):
        card = self.get(f"/api/v1/service-cards/{self.card_id}").json()
        r = self.server.put(f"/api/v1/service-cards/{self.card_id}",
                            {**{k: v for k, v in card.items() if k != "actor"}, "last_verified": "2012-05-01"},
                            headers={"If-Match": f'"{card["version"]}"'})
        self.assertEqual(r.status, 200, r.body)
        ids = [c["id"] for c in self.cards(f"orp={ORP}&verified_before=2012-06-01")[0]]
        self.assertIn(self.card_id, ids)
        self.assertNotIn(self.card_id, [c["id"] for c in self.cards(f"orp={ORP}&verified_before=2012-05-01")[0]])

    def test_verified_before_must_be_a_date(self):
        r = self.server.get("/api/v1/service-cards?verified_before=last-year")
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("verified_before", r.json()["error"]["fields"])

    def allow(self, path, who=None, anonymous=False):
        return self.get(path, who, anonymous=anonymous).headers.get("Allow")

    def test_allow_names_what_the_caller_may_do_with_a_card(self):
        path = f"/api/v1/service-cards/{self.card_id}"
        self.assertEqual(self.allow(path), "GET, PUT, PATCH, DELETE")  # admin
        self.assertEqual(self.allow(path, "networker"), "GET, PUT, PATCH, DELETE")
        self.assertEqual(self.allow(path, "editor"), "GET, PUT, PATCH, DELETE")
        self.assertEqual(self.allow(path, "outsider"), "GET")
        self.assertEqual(self.allow(path, "viewer"), "GET")
        self.assertEqual(self.allow(path, anonymous=True), "GET")

    def test_allow_names_what_the_caller_may_do_with_an_actor(self):
        path = f"/api/v1/actors/{self.actor_id}"
        self.assertEqual(self.allow(path), "GET, PUT, PATCH, DELETE")
        self.assertEqual(self.allow(path, "networker"), "GET, PUT, PATCH, DELETE")
        self.assertEqual(self.allow(path, "editor"), "GET, PUT, PATCH")  # edits, never deletes
        self.assertEqual(self.allow(path, "outsider"), "GET")
        self.assertEqual(self.allow(path, anonymous=True), "GET")

    def test_what_allow_offers_the_server_accepts(self):
        # The outsider is offered no PUT, and a PUT is indeed refused; the networker's passes.
        path = f"/api/v1/actors/{self.actor_id}"
        actor = self.get(path).json()
        for who, status in (("outsider", 403), ("networker", 200)):
            current = self.get(path).json()
            r = self.server.put(path, {**actor, "version": current["version"], "note": "checked by " + who},
                                headers=self.auth[who])
            self.assertEqual(r.status, status, (who, r.body))

    def test_a_municipality_is_found_by_its_code(self):
        page = self.get("/api/v1/municipalities?q=571164").json()
        self.assertEqual([m["code"] for m in page["items"]], ["571164"])
        self.assertEqual(page["items"][0]["name"], "Chrudim")


if __name__ == "__main__":
    unittest.main()
