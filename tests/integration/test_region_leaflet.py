"""The regional summary ("Síťování služeb pro děti a jejich rodiny v Pardubickém kraji") and
the public leaflet of an ORP, as PDFs served over real HTTP on the demo network: read back
with Debian's poppler-utils (pdfinfo, pdftotext), the summary has every section, every ORP
of the region and the figures the API answers; every demo ORP's leaflet fits two pages,
names every model situation with its Czech diacritics, and shows nothing internal — no
unpublished card, non-public contact or confidential address that the admin can read."""

import os
import re
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

from server import Server, add_token, add_user, strict_json
from test_needs import need as need_body
from test_orp_profile import seed_orps

REGION = "CZ053"
HEADINGS = ["ORP kraje vedle sebe", "Bílá místa v kraji", "Společné potřeby a témata",
            "Síťování na úrovni kraje", "Doporučení", "Zdroje a metoda"]
NBSP = "\u00a0"
SHY = "\u00ad"


def pdf_text(pdf, layout=False):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [f.name, "-"]
        return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_pages(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, check=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def readings(text):
    """The text as one line (words wrapped across lines joined by a space) and with the
    hyphens of broken words removed: a string present in the document is in one of them."""
    text = re.sub(SHY + r"\s*", "", text)  # a soft hyphen where Pango broke a word
    spaced = re.sub(r"\s+", " ", text.replace(NBSP, " "))
    unhyphenated = re.sub(r"\s+", " ", re.sub(r"-\n", "", text).replace(NBSP, " "))
    return spaced, unhyphenated


def occurs(needle, text):
    needle = re.sub(r"\s+", " ", needle.replace(NBSP, " ")).strip()
    return any(needle in r for r in readings(text))


def czech_count(n):
    """A count as the documents group it, matched as pdftotext gives it back (the
    non-breaking space of the grouping may come out as a plain one)."""
    return re.escape(f"{int(n):,}").replace(",", f"[ {NBSP}]")


class RegionLeafletTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        db = server.database
        for login, role, args in [("r.coordinator", "regional_coordinator", ("--region", REGION)),
                                  ("r.outsider", "networker", ("--orp", "2101"))]:
            add_user(db, login, role, *args)
        cls.auth = {who: {"Authorization": "Bearer " + add_token(db, "r." + who)}
                    for who in ("coordinator", "outsider")}
        server.__enter__()
        cls.demo_orps = sorted(seed_orps())

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def fetch(self, path, headers=None, anonymous=False):
        """(status, headers, bytes) of a GET; as the admin unless told otherwise."""
        h = dict(headers or {})
        if not anonymous and "Authorization" not in h:
            h.update(self.server.admin_headers)
        req = urllib.request.Request(self.server.base + path, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def get_json(self, path):
        r = self.server.get(path)
        self.assertEqual(r.status, 200, (path, r.body))
        return strict_json(r.body)

    def all_items(self, path):
        items, offset = [], 0
        sep = "&" if "?" in path else "?"
        while True:
            page = self.get_json(f"{path}{sep}limit=200&offset={offset}")
            items += page["items"]
            offset += 200
            if offset >= page["total"]:
                return items

    # The regional summary.

    def summary(self):
        if not hasattr(type(self), "_summary"):
            status, headers, body = self.fetch(f"/api/v1/regions/{REGION}/report.pdf",
                                               self.auth["coordinator"])
            self.assertEqual(status, 200, body[:300])
            self.assertTrue(headers["Content-Type"].startswith("application/pdf"))
            self.assertEqual(body[:5], b"%PDF-")
            type(self)._summary = body
        return type(self)._summary

    def test_summary_has_its_title_every_section_and_every_orp(self):
        text = pdf_text(self.summary())
        self.assertTrue(occurs("Síťování služeb pro děti a jejich rodiny v Pardubickém kraji", text))
        for heading in HEADINGS:
            self.assertTrue(occurs(heading, text), heading)
        orps = self.get_json(f"/api/v1/orps?region={REGION}")["items"]
        self.assertTrue(set(self.demo_orps) <= {o["code"] for o in orps})
        for orp in orps:
            self.assertTrue(occurs(orp["name"], text), orp["name"])

    def test_summary_figures_are_the_apis(self):
        text = pdf_text(self.summary(), layout=True)
        coverage = self.get_json(f"/api/v1/analysis/coverage?region={REGION}")["summary"]["orps"]
        white = {o["code"]: len(o["white_spots"]) for o in coverage}
        for code in self.demo_orps:
            p = self.get_json(f"/api/v1/orps/{code}")
            c = p["counts"]
            row = [p["population"], p["children"]["age_0_17"], c["actors"], c["service_cards"],
                   c["meetings"], c["meeting_records"], c["open_needs"], c["themes"]]
            pattern = r"\s+".join(czech_count(v) for v in row)
            self.assertRegex(text, pattern, (code, row))
            cells = self.get_json(f"/api/v1/analysis/coverage?orp={code}")["coverage"]["cells"]
            shares = [x["share_within_norm"]["pt"] for x in cells
                      if x["share_within_norm"]["pt"] is not None]
            percent = f"{round(100 * sum(shares) / len(shares))}[ {NBSP}]%"
            self.assertRegex(text, percent + r"\s+" + str(white[code]) + r"\b",
                             (code, percent, white[code]))

    def test_summary_is_for_those_who_read_the_regions_records(self):
        status, _, _ = self.fetch(f"/api/v1/regions/{REGION}/report.pdf", self.auth["outsider"])
        self.assertEqual(status, 403)
        status, _, _ = self.fetch(f"/api/v1/regions/{REGION}/report.pdf", anonymous=True)
        self.assertEqual(status, 401)
        status, _, _ = self.fetch("/api/v1/regions/CZ999/report.pdf")
        self.assertEqual(status, 404)

    # The public leaflet.

    def internal_strings(self):
        """Every internal card's name, non-public contact and confidential street of the
        demo as the admin reads them, less those a published record shows too."""
        cards = [self.get_json(f"/api/v1/service-cards/{c['id']}")
                 for c in self.all_items("/api/v1/service-cards?region=" + REGION)]
        actors = self.all_items("/api/v1/actors?region=" + REGION)
        public, internal = set(), set()
        for card in cards:
            (public if card["published"] else internal).add(card["name"])
            for k in card["contacts"]:
                for field in ("phone", "email"):
                    if k.get(field):
                        (public if card["published"] and k["public"] else internal).add(k[field])
            if card["confidential_address"]:
                internal.update(l["street"] for l in card["locations"] if l.get("street"))
        for actor in actors:
            for k in actor.get("contacts", []):
                for field in ("phone", "email"):
                    if k.get(field):
                        (public if k["public"] else internal).add(k[field])
        return internal - public

    def test_every_demo_orps_leaflet_fits_two_pages_and_shows_nothing_internal(self):
        situations = self.get_json("/api/v1/reference/model_situations")
        secrets = self.internal_strings()
        self.assertTrue(secrets)  # the demo has internal cards and contacts to hide
        for code in self.demo_orps:
            status, headers, pdf = self.fetch(f"/api/v1/orps/{code}/leaflet.pdf", anonymous=True)
            self.assertEqual(status, 200, (code, pdf[:300]))
            self.assertTrue(headers["Content-Type"].startswith("application/pdf"))
            self.assertIn(pdf_pages(pdf), (1, 2), code)
            text = pdf_text(pdf)
            self.assertTrue(occurs("Kam se obrátit", text), code)
            for s in situations:
                self.assertTrue(occurs(s["cs"], text), (code, s["cs"]))
            leaked = [s for s in secrets if occurs(s, text)]
            self.assertEqual(leaked, [], code)
            self.assertNotIn("\ufffd", text)

    def test_leaflet_is_public_and_cached_by_the_snapshots_revision(self):
        status, headers, _ = self.fetch("/api/v1/orps/5304/leaflet.pdf", anonymous=True)
        self.assertEqual(status, 200)
        etag = headers["ETag"]
        self.assertTrue(etag)
        self.assertIn("public", headers["Cache-Control"])
        status, _, body = self.fetch("/api/v1/orps/5304/leaflet.pdf", {"If-None-Match": etag},
                                     anonymous=True)
        self.assertEqual((status, body), (304, b""))
        # A write makes a new revision, and a new ETag.
        r = self.server.post("/api/v1/needs", need_body(statement="Chybí leták"))
        self.assertEqual(r.status, 201, r.body)
        _, headers, _ = self.fetch("/api/v1/orps/5304/leaflet.pdf", anonymous=True)
        self.assertNotEqual(headers["ETag"], etag)
        status, _, _ = self.fetch("/api/v1/orps/0000/leaflet.pdf", anonymous=True)
        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
