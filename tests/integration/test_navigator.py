"""The situation navigator over real HTTP on the demo network of Pardubický kraj: the API
(situations, the services for a situation where a person lives, "kdo co dělá" of an ORP)
answers with the emergency numbers first where safety is at stake, the responsible actor and
the helping services nearest first, each card exactly as the public catalog gives it; bad
input is a 404 or a 422 that says what is wrong. The pages (/verejne/situace/…) work without
JavaScript: the form finds a municipality typed without diacritics and redirects (303) to
the answer, offers a choice when a name fits several and says so when none; the answer
carries its QR code and prints as a one-page PDF leaflet (pdfinfo)."""

import re
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.parse
import urllib.request

from server import DemoServerTest, strict_json

CHRUDIM, SKUTEC, HERMANUV_MESTEC = "571164", "572241", "571385"


def distance(service):
    """The order the answer promises: coming to you, then by minutes, no place last."""
    if service["comes_to_you"] or service["remote"]:
        return 0
    return service["travel"]["minutes"] if service["travel"] else float("inf")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class NavigatorApi(DemoServerTest):
    def anon(self, path, status=200, headers=None):
        r = self.server.get(path, anonymous=True, headers=headers)
        self.assertEqual(r.status, status, r.body)
        return strict_json(r.body)

    def test_situations_are_listed_for_people_with_the_emergency_numbers(self):
        j = self.anon("/api/v1/situations")
        ids = [s["id"] for s in j["situations"]]
        self.assertEqual(len(ids), 12)
        self.assertIn("child_abuse", ids)
        for s in j["situations"]:
            self.assertTrue(s["cs"] and s["en"] and s["advice_cs"] and s["advice_en"], s["id"])
            self.assertTrue(s["audience"], s["id"])
        numbers = [c["number"] for c in j["emergency_contacts"]]
        for n in ("112", "155", "158", "150", "116 111", "116 000", "116 123"):
            self.assertIn(n, numbers)
        self.assertEqual(self.anon("/api/v1/reference/emergency-contacts")[0]["number"], "112")

    def test_safety_first_puts_the_emergency_numbers_first_and_ospod_responsible(self):
        j = self.anon(f"/api/v1/situations/child_abuse/services?municipality={CHRUDIM}")
        self.assertEqual(j["municipality"]["name"], "Chrudim")
        self.assertEqual(j["emergency"]["emphasis"], "first")
        self.assertEqual(j["emergency"]["contacts"][0]["number"], "112")
        self.assertEqual(j["emergency"]["contacts"][0]["tel"], "tel:112")
        ospod = [s for s in j["responsible"] if s["card"]["service_type"] == "ospod_spod"]
        self.assertTrue(ospod, j["responsible"])
        self.assertTrue(all(s["serves_here"] for s in ospod))
        # Not the OSPOD of another ORP: each one serves ORP Chrudim.
        for s in ospod:
            self.assertIn("5304", s["card"]["territory"]["codes"] + [
                l.get("orp_code", "") for l in s["card"]["locations"]], s["card"]["name"])
        self.assertEqual(j["travel"]["mode"], "car")
        self.assertTrue(j["travel"]["source"])
        teacher = self.anon(f"/api/v1/situations/teacher_concern/services?municipality={SKUTEC}")
        self.assertEqual(teacher["emergency"]["emphasis"], "shown")
        school = self.anon(f"/api/v1/situations/school_refusal/services?municipality={SKUTEC}")
        self.assertEqual(school["emergency"], {"emphasis": "none", "contacts": []})

    def test_services_are_nearest_first_and_exactly_as_the_public_reads_them(self):
        for situation in ("child_abuse", "parents_separating", "debts"):
            for code in (CHRUDIM, SKUTEC, HERMANUV_MESTEC):
                with self.subTest(situation=situation, municipality=code):
                    j = self.anon(f"/api/v1/situations/{situation}/services?municipality={code}")
                    types = set(j["situation"]["service_types"]) | set(
                        j["situation"]["responsible_service_types"])
                    for key in ("responsible", "helping"):
                        minutes = [distance(s) for s in j[key]]
                        self.assertEqual(minutes, sorted(minutes), key)
                    self.assertLessEqual(len(j["helping"]), j["limits"]["helping"])
                    self.assertGreaterEqual(j["helping_total"], len(j["helping"]))
                    self.assertLessEqual(len(j["responsible"]), j["limits"]["responsible"])
                    self.assertGreaterEqual(j["responsible_total"], len(j["responsible"]))
                    for s in j["responsible"] + j["helping"]:
                        card = dict(s["card"])
                        self.assertIn(card["service_type"], types)
                        label = card.pop("service_type_label")
                        self.assertTrue(label["cs"] and label["en"])
                        public = self.anon(f"/api/v1/service-cards/{card['id']}")
                        self.assertEqual(card, public)
                        self.assertTrue(public["published"])
                        if public.get("confidential_address"):
                            self.assertIsNone(s["travel"])

    def test_bad_input_says_what_is_wrong(self):
        r = self.server.get("/api/v1/situations/no_such/services?municipality=571164",
                            anonymous=True)
        self.assertEqual(r.status, 404, r.body)
        for query, message in (("", "is required"),
                               ("?municipality=Chrudim", "6-digit municipality code"),
                               ("?municipality=57116", "6-digit municipality code"),
                               ("?municipality=999999", "unknown municipality code")):
            with self.subTest(query=query):
                j = self.anon(f"/api/v1/situations/debts/services{query}", 422)
                self.assertEqual(j["error"]["code"], "validation_failed")
                self.assertIn(message, j["error"]["fields"]["municipality"])
        cs = self.anon("/api/v1/situations/debts/services?municipality=abc", 422,
                       headers={"Accept-Language": "cs"})
        self.assertIn("šestimístný kód obce", cs["error"]["fields"]["municipality"])
        self.anon("/api/v1/situations/debts/services?municipality=571164&obec=x", 400)
        self.anon("/api/v1/orps/0000/who-does-what", 404)

    def test_who_does_what_names_the_responsible_and_the_helping_per_situation(self):
        j = self.anon("/api/v1/orps/5304/who-does-what")
        self.assertEqual(j["orp"]["name"], "Chrudim")
        self.assertEqual(len(j["situations"]), 12)
        abuse = next(r for r in j["situations"] if r["situation"]["id"] == "child_abuse")

        def cards(role):
            return [c for a in role["actors"] for c in a["cards"]]

        self.assertIn("ospod_spod", [c["service_type"] for c in cards(abuse["responsible"])])
        for row in j["situations"]:
            for c in cards(row["responsible"]):
                self.assertIn(c["service_type"], row["situation"]["responsible_service_types"])
            for c in cards(row["helping"]):
                self.assertIn(c["service_type"], row["situation"]["service_types"])
                self.assertIn("does", c)
            # By actor, at most the limits, the rest counted.
            for role in (row["responsible"], row["helping"]):
                self.assertLessEqual(len(role["actors"]), j["limits"]["actors"])
                self.assertGreaterEqual(role["actors_total"], len(role["actors"]))
                self.assertGreaterEqual(role["cards_total"],
                                        sum(a["cards_total"] for a in role["actors"]))
                for a in role["actors"]:
                    self.assertLessEqual(len(a["cards"]), j["limits"]["cards_per_actor"])
                    self.assertGreaterEqual(a["cards_total"], len(a["cards"]))
                    for c in a["cards"]:
                        self.assertEqual(c["actor"]["name"], a["actor"]["name"])
        # Nothing internal: every card named is one the public may read.
        ids = {c["id"] for row in j["situations"]
               for c in cards(row["responsible"]) + cards(row["helping"])}
        for card_id in list(ids)[:40]:
            self.anon(f"/api/v1/service-cards/{card_id}")


class NavigatorPages(DemoServerTest):
    """The pages, fetched as a browser without JavaScript would: no redirect followed."""

    def fetch(self, path, headers=None):
        opener = urllib.request.build_opener(NoRedirect)
        req = urllib.request.Request(self.server.base + path, headers=headers or {})
        try:
            with opener.open(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def page(self, path, status=200):
        code, headers, body = self.fetch(path)
        self.assertEqual(code, status, path)
        return body.decode("utf-8")

    def test_the_form_redirects_to_the_answer_for_one_municipality(self):
        for typed, code in (("skutec", SKUTEC), ("hermanuv mestec", HERMANUV_MESTEC),
                            ("Chrudim", CHRUDIM), (CHRUDIM, CHRUDIM)):
            with self.subTest(typed=typed):
                status, headers, _ = self.fetch(
                    "/verejne/situace/debts?obec=" + urllib.parse.quote(typed))
                self.assertEqual(status, 303)
                self.assertTrue(headers["Location"].endswith(f"/verejne/situace/debts/{code}"),
                                headers["Location"])
        status, headers, _ = self.fetch("/en/public/situations/debts?obec=skutec")
        self.assertEqual(status, 303)
        self.assertTrue(headers["Location"].endswith(f"/en/public/situations/debts/{SKUTEC}"))

    def test_several_municipalities_are_a_choice_and_none_a_clear_message(self):
        html = self.page("/verejne/situace/debts?obec=hlinsko")
        self.assertIn("Kterou obec „hlinsko“ myslíte?", html)
        self.assertIn('href="/verejne/situace/debts/571393"', html)
        self.assertIn('href="/verejne/situace/debts/569267"', html)
        html = self.page("/verejne/situace/debts?obec=xyzzy")
        self.assertIn("Obec „xyzzy“ jsme nenašli", html)
        self.assertIn('value="xyzzy"', html)  # the form again, with what was typed
        self.page("/verejne/situace/no_such", 404)
        self.page("/verejne/situace/debts/999999", 404)
        self.page("/verejne/orp/0000/kdo-co-dela", 404)

    def test_the_answer_has_emergency_numbers_first_services_and_a_qr_code(self):
        html = self.page(f"/verejne/situace/child_abuse/{SKUTEC}")
        main = html[html.index("<main"):]
        self.assertLess(main.index('class="emergency first"'), main.index("<h1>"))
        self.assertIn('href="tel:112"', main)
        self.assertIn("min autem", main)
        self.assertIn("<svg", main[main.index('class="qr"'):])
        self.assertIn(f'href="/verejne/situace/child_abuse/{SKUTEC}/letak.pdf"', main)
        self.assertIn('hreflang="en"', html)
        school = self.page(f"/verejne/situace/school_refusal/{SKUTEC}")
        self.assertNotIn('class="emergency', school)
        teacher = self.page(f"/verejne/situace/teacher_concern/{SKUTEC}")
        self.assertIn('<details class="emergency shown">', teacher)
        english = self.page(f"/en/public/situations/child_abuse/{SKUTEC}")
        self.assertIn("min by car", english)

    def test_the_leaflet_is_one_page_in_both_languages(self):
        for path in (f"/verejne/situace/child_abuse/{CHRUDIM}/letak.pdf",
                     f"/verejne/situace/losing_housing/{HERMANUV_MESTEC}/letak.pdf",
                     f"/en/public/situations/teacher_concern/{SKUTEC}/leaflet.pdf"):
            with self.subTest(path=path):
                status, headers, pdf = self.fetch(path)
                self.assertEqual(status, 200)
                self.assertEqual(headers["Content-Type"], "application/pdf")
                with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
                    f.write(pdf)
                    f.flush()
                    info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True,
                                          check=True).stdout
                    text = subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"],
                                          capture_output=True, text=True, check=True).stdout
                self.assertEqual(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1), "1")
                if "child_abuse" in path:
                    self.assertIn("112", text)
                    self.assertIn("Kam se obrátit", text)

    def test_who_does_what_has_an_anchor_per_situation(self):
        html = self.page("/verejne/orp/5304/kdo-co-dela")
        situations = self.server.get("/api/v1/situations", anonymous=True).json()["situations"]
        for s in situations:
            self.assertIn(f'id="situace-{s["id"]}"', html)
        self.assertIn("Kdo co dělá v ORP Chrudim", html)
        self.assertIn("Who does what in ORP Chrudim",
                      self.page("/en/public/orp/5304/who-does-what"))


if __name__ == "__main__":
    unittest.main()
