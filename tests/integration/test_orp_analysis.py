"""The ORP analysis "Analýza místní sítě služeb a návrh její optimální podoby" over real
HTTP on the demo network: for every demo ORP the PDF holds every chapter heading with its
Czech diacritics, a sane number of pages and the same figures as the API; the networker's
chapter texts (a versioned record kind, written with If-Match) appear in their ORP's
document and in no other; who may not read the ORP's internal records cannot download it;
?lang=en gives English headings; ODT and DOCX are valid packages with the same text."""

import io
import json
import os
import re
import subprocess
import tempfile
import unittest
import zipfile

from server import DATA, Server, add_token, add_user

OWN_ORP, OTHER_ORP = "5304", "5302"


def demo_orps():
    with open(os.path.join(DATA, "demo", "seed-facts.json"), encoding="utf-8") as f:
        return [o["orp_code"] for o in json.load(f)["orps"]]


def pdf_text_and_pages(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "a.pdf")
        with open(path, "wb") as f:
            f.write(data)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        info = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    return text, int(re.search(r"Pages:\s+(\d+)", info).group(1))


def squeeze(text):
    """pdftotext's text with every run of white space (line breaks, hyphenation at line
    ends, layout gaps) made one space."""
    text = text.replace("\u00ad", "").replace("-\n", "")
    return re.sub(r"\s+", " ", text)


class OrpAnalysisTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        db = server.database
        for login, args in [("a.networker", ("--orp", OWN_ORP)), ("a.outsider", ("--orp", "2101"))]:
            add_user(db, login, "networker", *args)
        cls.auth = {who: {"Authorization": "Bearer " + add_token(db, "a." + who)}
                    for who in ("networker", "outsider")}
        server.__enter__()
        labels = server.get("/api/v1/labels?lang=cs").json()["fields"]["analysis_text"]
        cls.headings_cs = labels
        cls.headings_en = server.get("/api/v1/labels?lang=en").json()["fields"]["analysis_text"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def download(self, code, fmt="pdf", who=None, lang=None, status=200):
        path = f"/api/v1/orps/{code}/report.{fmt}" + (f"?lang={lang}" if lang else "")
        r = self.raw_get(path, who)
        self.assertEqual(r[0], status, (path, r[2][:300]))
        return r

    def raw_get(self, path, who=None):
        import urllib.error
        import urllib.request
        headers = dict(self.auth[who] if who else self.server.admin_headers)
        req = urllib.request.Request(self.server.base + path, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def pdf_of(self, code, **kw):
        status, headers, body = self.download(code, **kw)
        self.assertEqual(headers["Content-Type"], "application/pdf")
        return pdf_text_and_pages(body)

    def test_every_demo_orp_has_every_chapter_and_the_apis_figures(self):
        for code in demo_orps():
            with self.subTest(orp=code):
                text, pages = self.pdf_of(code)
                flat = squeeze(text)
                self.assertIn("Analýza místní sítě služeb a návrh její optimální podoby", flat)
                for key, heading in self.headings_cs.items():
                    self.assertIn(heading, flat, key)
                self.assertTrue(6 <= pages <= 60, pages)
                profile = self.server.get(f"/api/v1/orps/{code}").json()
                counts = profile["counts"]
                self.assertRegex(flat, rf"Aktéři sítě {counts['actors']}\b")
                self.assertRegex(flat, rf"Setkání {counts['meetings']}\b")
                self.assertRegex(flat, rf"Karty služeb {counts['service_cards']}\b")
                self.assertIn(profile["orp"]["name"], flat)

    def test_the_texts_of_an_orp_are_listed_newest_first_within_the_callers_scope(self):
        ids = []
        for text in ("Starší úvod.", "Novější úvod."):
            r = self.server.post("/api/v1/analysis-texts", {"orp_code": OWN_ORP, "introduction": text},
                                 headers=self.auth["networker"])
            self.assertEqual(r.status, 201, r.body)
            ids.append(r.json()["id"])
        listed = self.server.get(f"/api/v1/analysis-texts?orp={OWN_ORP}&limit=1", headers=self.auth["networker"])
        self.assertEqual(listed.status, 200, listed.body)
        page = listed.json()
        self.assertGreaterEqual(page["total"], 2)
        self.assertEqual(page["items"][0]["id"], max(ids))
        self.assertEqual(page["items"][0]["introduction"], "Novější úvod.")
        # Another ORP's networker neither reads this ORP's list nor sees its texts in its own.
        self.assertEqual(self.server.get(f"/api/v1/analysis-texts?orp={OWN_ORP}",
                                         headers=self.auth["outsider"]).status, 403)
        theirs = self.server.get("/api/v1/analysis-texts", headers=self.auth["outsider"]).json()
        self.assertNotIn(max(ids), [t["id"] for t in theirs["items"]])
        self.assertEqual(self.server.get("/api/v1/analysis-texts?orp=0000").status, 422)

    def test_the_networkers_texts_appear_in_their_orps_document_only(self):
        own = self.server.post("/api/v1/analysis-texts", {
            "orp_code": OWN_ORP, "introduction": "Původní úvod."},
            headers=self.auth["networker"])
        self.assertEqual(own.status, 201, own.body)
        body = own.json()
        body.update({"introduction": "Úvod síťařky: žluťoučký kůň úpěl ďábelské ódy.",
                     "cooperation": "Spolupráce se daří hlavně se školami."})
        stale = self.server.put(f"/api/v1/analysis-texts/{body['id']}", body,
                                headers={**self.auth["networker"], "If-Match": '"99"'})
        self.assertEqual(stale.status, 409, stale.body)
        put = self.server.put(f"/api/v1/analysis-texts/{body['id']}", body,
                              headers={**self.auth["networker"], "If-Match": own.headers["ETag"]})
        self.assertEqual(put.status, 200, put.body)
        self.assertEqual(put.json()["version"], 2)
        rec = self.server.post("/api/v1/recommendations", {
            "orp_code": OTHER_ORP, "scope": "specific", "text": "Doporučení jen pro Hlinsko."})
        self.assertEqual(rec.status, 201, rec.body)
        mine = self.server.post("/api/v1/recommendations", {
            "orp_code": OWN_ORP, "scope": "specific", "text": "Doporučení jen pro Chrudim."})
        self.assertEqual(mine.status, 201, mine.body)

        flat = squeeze(self.pdf_of(OWN_ORP, who="networker")[0])
        self.assertIn("Úvod síťařky: žluťoučký kůň úpěl ďábelské ódy.", flat)
        self.assertNotIn("Původní úvod.", flat)
        self.assertIn("Spolupráce se daří hlavně se školami.", flat)
        self.assertIn("Doporučení jen pro Chrudim.", flat)
        self.assertNotIn("Doporučení jen pro Hlinsko.", flat)
        other = squeeze(self.pdf_of(OTHER_ORP)[0])
        self.assertNotIn("žluťoučký kůň", other)
        self.assertIn("Doporučení jen pro Hlinsko.", other)
        history = self.server.get(f"/api/v1/audit?entity=analysis_text&id={body['id']}").json()
        self.assertEqual(history["total"], 2)

    def test_only_who_reads_the_orps_records_may_download_it(self):
        profile = self.server.get(f"/api/v1/orps/{OWN_ORP}", headers=self.auth["outsider"])
        self.assertIn(profile.status, (403, 404))
        for fmt in ("pdf", "odt", "docx"):
            self.download(OWN_ORP, fmt, who="outsider", status=profile.status)
        anonymous = self.server.get(f"/api/v1/orps/{OWN_ORP}", anonymous=True).status
        r = self.server.get(f"/api/v1/orps/{OWN_ORP}/report.pdf", anonymous=True)
        self.assertEqual(r.status, anonymous)
        self.download("9999", status=404)
        self.download(OWN_ORP, lang="de", status=422)
        status, headers, _ = self.download(OWN_ORP, who="networker")
        self.assertEqual(headers["Content-Disposition"],
                         'attachment; filename="analyza-site-5304-chrudim.pdf"')

    def test_english_on_request(self):
        flat = squeeze(self.pdf_of(OWN_ORP, lang="en")[0])
        for key, heading in self.headings_en.items():
            self.assertIn(heading, flat, key)
        self.assertNotIn(self.headings_cs["about_project"], flat)

    def test_odt_and_docx_are_packages_with_the_same_text(self):
        for fmt, member, mimetype in [
                ("odt", "content.xml", "application/vnd.oasis.opendocument.text"),
                ("docx", "word/document.xml", None)]:
            with self.subTest(fmt=fmt):
                status, headers, body = self.download(OWN_ORP, fmt)
                self.assertIn(f'analyza-site-5304-chrudim.{fmt}"', headers["Content-Disposition"])
                z = zipfile.ZipFile(io.BytesIO(body))
                self.assertIsNone(z.testzip())
                if mimetype:
                    self.assertEqual(z.read("mimetype").decode(), mimetype)
                xml = z.read(member).decode("utf-8")
                self.assertIn("Analýza reálné sítě a návrh její optimální podoby", xml)
                self.assertIn("Příloha: role aktérů", xml)


if __name__ == "__main__":
    unittest.main()
