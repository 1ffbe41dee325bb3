"""The public pages (/verejne/, /en/public/) over real HTTP on the demo network: the
pages and their status codes, HEAD, ETag and 304, 405 for other methods, the security
headers (framing only for the widget), the search of a municipality typed without
diacritics, and a confidential card whose address shows nowhere on its page."""

import http.client
import json
import re
import unittest
import urllib.parse
import urllib.request

from server import Server, query

CHRUDIM = "571164"


class PublicSiteTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server(demo=True)
        cls.server.__enter__()
        cards = [json.loads(doc) for (doc,) in query(
            cls.server.database, "SELECT doc FROM service_cards ORDER BY id")]
        cls.published = [c for c in cards if c["published"] and not c["confidential_address"]]
        cls.unpublished = [c for c in cards if not c["published"]]
        cls.confidential = [c for c in cards if c["published"] and c["confidential_address"]]
        cls.name_of = dict(query(cls.server.database, "SELECT code, name FROM municipalities"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, path, **kw):
        return self.server.request("GET", path, anonymous=True, **kw)

    # --- pages and status codes --------------------------------------------------------
    def test_home_in_both_languages_with_canonical_and_alternates(self):
        for path, lang in (("/verejne/", "cs"), ("/en/public/", "en")):
            r = self.get(path)
            self.assertEqual(r.status, 200, path)
            self.assertEqual(r.headers["Content-Type"], "text/html; charset=utf-8")
            self.assertIn(f'<html lang="{lang}">', r.body)
            self.assertIn(f'<link rel="canonical" href="{self.server.base}{path}">', r.body)
            self.assertIn('hreflang="cs"', r.body)
            self.assertIn('hreflang="en"', r.body)
            self.assertIn('action="' + ("/verejne/hledat" if lang == "cs" else "/en/public/search"),
                          r.body)
            self.assertNotIn("<script", r.body.replace('<script type="application/ld+json">', ""))
        # One slash away: a redirect, not a second page (http.client does not follow it).
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request("GET", "/verejne?x=1")
        r = conn.getresponse()
        self.assertEqual(r.status, 301)
        self.assertEqual(r.getheader("Location"), "/verejne/?x=1")
        conn.close()

    def test_stylesheet_is_hashed_and_immutable(self):
        home = self.get("/verejne/").body
        css = re.search(r'<link rel="stylesheet" href="(/verejne/styl\.[0-9a-f]{16}\.css)">', home)
        self.assertIsNotNone(css, home[:500])
        r = self.get(css.group(1))
        self.assertEqual(r.status, 200)
        self.assertIn("immutable", r.headers["Cache-Control"])
        self.assertTrue(r.headers["Content-Type"].startswith("text/css"))

    def test_card_page_shows_what_the_service_does_and_how_to_get_in(self):
        card = self.published[0]
        cs, en = f"/verejne/sluzba/{card['id']}", f"/en/public/service/{card['id']}"
        for path in (cs, en):
            r = self.get(path)
            self.assertEqual(r.status, 200, path)
            page = r.body
            self.assertIn(html_escape(card["name"]), page)
            if card["does"]:
                self.assertIn(html_escape(card["does"]), page)
            if card["does_not"]:
                self.assertIn(html_escape(card["does_not"]), page)
            self.assertIn(f'<link rel="canonical" href="{self.server.base}{path}">', page)
            self.assertIn(f'hreflang="cs" href="{self.server.base}{cs}"', page)
            self.assertIn(f'hreflang="en" href="{self.server.base}{en}"', page)
            ld = json.loads(re.search(
                r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
            self.assertEqual(ld["@type"], "Service")
            self.assertEqual(ld["name"], card["name"])
            self.assertEqual(ld["url"], self.server.base + cs)
            self.assertIn("<svg", page)  # the QR code
            for contact in card["contacts"]:
                for field in ("phone", "email"):
                    if contact.get(field) and not contact["public"]:
                        self.assertNotIn(html_escape(contact[field]), page)

    def test_unpublished_and_unknown_cards_are_the_same_404(self):
        self.assertTrue(self.unpublished, "the demo has no unpublished card")
        hidden = self.get(f"/verejne/sluzba/{self.unpublished[0]['id']}")
        unknown = self.get("/verejne/sluzba/987654321")
        self.assertEqual(hidden.status, 404)
        self.assertEqual(unknown.status, 404)
        self.assertEqual(hidden.body, unknown.body)
        self.assertNotIn(html_escape(self.unpublished[0]["name"]), hidden.body)
        self.assertEqual(self.get("/verejne/nic").body, unknown.body)

    def test_confidential_card_shows_no_address(self):
        self.assertTrue(self.confidential, "the demo has no confidential card")
        for card in self.confidential:
            for path in (f"/verejne/sluzba/{card['id']}", f"/en/public/service/{card['id']}"):
                r = self.get(path)
                self.assertEqual(r.status, 200, path)
                for l in card["locations"]:
                    if l["street"]:
                        self.assertNotIn(html_escape(l["street"]), r.body, path)
                    if l["location"]:
                        for v in (l["location"]["lat"], l["location"]["lon"]):
                            self.assertNotIn(str(v), r.body, path)
                    # The ORP is named instead; the municipality itself is not, unless it
                    # is also the name of the ORP or of what the card serves.
                self.assertIn("ORP", r.body)
                ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', r.body, re.S)
                self.assertNotIn("address", ld.group(1))
                self.assertNotIn("geo", json.loads(ld.group(1)).get("availableChannel", {}))

    # --- search ------------------------------------------------------------------------
    def test_search_by_a_name_typed_without_diacritics(self):
        r = self.get("/verejne/hledat?obec=hermanuv+mestec")
        self.assertEqual(r.status, 200)
        self.assertIn("Heřmanův Městec", r.body)
        self.assertRegex(r.body, r"Nalezen[aoy] \d+ služ")
        links = re.findall(r'href="/verejne/sluzba/(\d+)"', r.body)
        self.assertTrue(links)
        published_ids = {str(c["id"]) for c in self.published + self.confidential}
        self.assertTrue(set(links) <= published_ids)
        first = self.get(f"/verejne/sluzba/{links[0]}")
        self.assertEqual(first.status, 200)

    def test_search_by_code_and_text_and_in_english(self):
        r = self.get(f"/en/public/search?obec={CHRUDIM}&q=poradna")
        self.assertEqual(r.status, 200)
        self.assertIn("Chrudim", r.body)
        self.assertRegex(r.body, r"\d+ services? found")

    def test_ambiguous_and_unknown_names(self):
        r = self.get("/verejne/hledat?obec=hlinsko")
        self.assertEqual(r.status, 200)
        choices = re.findall(r'<li><a href="(/verejne/hledat\?obec=\d{6})">Hlinsko</a>', r.body)
        self.assertGreaterEqual(len(choices), 2, r.body)
        r = self.get("/verejne/hledat?obec=zzzzqqq")
        self.assertEqual(r.status, 200)
        self.assertIn("Takovou obec jsme nenašli", r.body)

    # --- HTTP semantics ----------------------------------------------------------------
    def test_head_etag_304_and_405(self):
        r = self.get("/verejne/")
        etag = r.headers["ETag"]
        self.assertTrue(etag.startswith('"'))
        again = self.get("/verejne/", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, "")
        head = self.server.request("HEAD", "/verejne/", anonymous=True)
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, "")
        self.assertEqual(int(head.headers["Content-Length"]), len(r.body.encode()))
        self.assertEqual(head.headers["ETag"], etag)
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            bad = self.server.request(method, "/verejne/", body={}, anonymous=True)
            self.assertEqual(bad.status, 405, method)
            self.assertEqual(bad.headers["Allow"], "GET, HEAD")

    def test_security_headers_and_framing_only_for_the_widget(self):
        page = self.get("/verejne/")
        self.assertIn("frame-ancestors 'none'", page.headers["Content-Security-Policy"])
        self.assertEqual(page.headers["X-Frame-Options"], "DENY")
        self.assertEqual(page.headers["X-Content-Type-Options"], "nosniff")
        widget = self.get(f"/verejne/vlozit/{CHRUDIM}")
        self.assertEqual(widget.status, 200)
        self.assertIn("frame-ancestors *", widget.headers["Content-Security-Policy"])
        self.assertIsNone(widget.headers["X-Frame-Options"])
        self.assertNotIn("unsafe-inline", widget.headers["Content-Security-Policy"])
        script = self.get("/verejne/widget.js")
        self.assertEqual(script.status, 200)
        self.assertTrue(script.headers["Content-Type"].startswith("text/javascript"))
        self.assertEqual(script.headers["Cross-Origin-Resource-Policy"], "cross-origin")
        self.assertIn("/verejne/vlozit/", script.body)
        self.assertEqual(self.get("/verejne/vlozit/999999").status, 404)

    def test_sitemap_and_robots(self):
        robots = self.get("/robots.txt")
        self.assertEqual(robots.status, 200)
        self.assertIn("Sitemap: " + self.server.base + "/sitemap.xml", robots.body)
        sitemap = self.get("/sitemap.xml")
        self.assertEqual(sitemap.status, 200)
        self.assertTrue(sitemap.headers["Content-Type"].startswith("application/xml"))
        locs = re.findall(r"<loc>([^<]+)</loc>", sitemap.body)
        self.assertIn(self.server.base + "/verejne/", locs)
        self.assertIn(self.server.base + "/en/public/", locs)
        self.assertIn(self.server.base + "/verejne/situace/", locs)
        self.assertIn(f"{self.server.base}/verejne/sluzba/{self.published[0]['id']}", locs)
        for c in self.unpublished:
            self.assertNotIn(f"{self.server.base}/verejne/sluzba/{c['id']}", locs)

    def test_embed_guide_gives_the_code_for_a_municipality(self):
        r = self.get("/verejne/vlozit?obec=chrudim")
        self.assertEqual(r.status, 200)
        self.assertIn(html_escape(f'data-obec="{CHRUDIM}"'), r.body)
        self.assertIn(html_escape(f"{self.server.base}/verejne/vlozit/{CHRUDIM}"), r.body)
        self.assertEqual(self.get("/en/public/embed").status, 200)

    def test_the_api_and_the_web_app_keep_their_paths(self):
        self.assertEqual(self.get("/api/v1/health").status, 200)
        self.assertTrue(self.get("/api/v1/health").headers["Content-Type"].startswith(
            "application/json"))


def html_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


if __name__ == "__main__":
    unittest.main()
