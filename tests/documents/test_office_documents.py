#!/usr/bin/python3
"""The ODT and DOCX writers as an editor sees them: office_probe writes the renderers'
sample document in both formats; odfpy and python-docx open them (the headings with their
levels, the table's cells, the Czech text exactly), and LibreOffice headless converts both
to PDF, whose text (pdftotext) holds every heading and the Czech sentence.

    OFFICE_PROBE=build/tests/office_probe /usr/bin/python3 tests/documents/test_office_documents.py -v

Set OFFICE_SCREENSHOTS=DIR to keep the converted first pages as PNG (pdftoppm -r 60).
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import docx
from odf import dc, opendocument, table, teletype, text

PROBE = os.environ.get("OFFICE_PROBE", "build/tests/office_probe")


def setUpModule():
    global WORK, EXPECTED
    WORK = tempfile.mkdtemp(prefix="prosit-office-")
    subprocess.run([PROBE, WORK], check=True, timeout=120)
    with open(os.path.join(WORK, "expected.json"), encoding="utf-8") as f:
        EXPECTED = json.load(f)


def tearDownModule():
    shutil.rmtree(WORK, ignore_errors=True)


def path(name):
    return os.path.join(WORK, name)


class OdtWithOdfpy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = opendocument.load(path("sample.odt"))

    def test_headings_keep_their_text_and_outline_level(self):
        headings = [(int(h.getAttribute("outlinelevel")), teletype.extractText(h))
                    for h in self.doc.text.getElementsByType(text.H)]
        self.assertEqual(headings, [(h["level"], h["text"]) for h in EXPECTED["headings"]])

    def test_czech_sentence_is_one_paragraph_exactly(self):
        paragraphs = [teletype.extractText(p) for p in self.doc.text.getElementsByType(text.P)]
        self.assertIn(EXPECTED["czech_sentence"], paragraphs)

    def test_table_has_its_header_and_every_row(self):
        tables = self.doc.text.getElementsByType(table.Table)
        self.assertEqual(len(tables), 1)
        header_rows = tables[0].getElementsByType(table.TableHeaderRows)
        self.assertEqual(len(header_rows), 1)
        header = [teletype.extractText(c) for c in header_rows[0].getElementsByType(table.TableCell)]
        self.assertEqual(header, EXPECTED["table_header"])
        rows = tables[0].getElementsByType(table.TableRow)
        self.assertEqual(len(rows), EXPECTED["table_rows"] + 1)  # header row included
        first = [teletype.extractText(c) for c in rows[1].getElementsByType(table.TableCell)]
        self.assertEqual(first[0], EXPECTED["first_cell"])

    def test_metadata_and_language(self):
        self.assertEqual(teletype.extractText(self.doc.meta.getElementsByType(dc.Title)[0]),
                         EXPECTED["title"])
        self.assertEqual(teletype.extractText(self.doc.meta.getElementsByType(dc.Language)[0]),
                         "cs-CZ")
        self.assertEqual(self.doc.mimetype, "application/vnd.oasis.opendocument.text")


class DocxWithPythonDocx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = docx.Document(path("sample.docx"))

    def test_headings_use_the_built_in_heading_styles(self):
        headings = [(int(p.style.name.split()[-1]), p.text) for p in self.doc.paragraphs
                    if p.style.name.startswith("Heading")]
        self.assertEqual(headings, [(h["level"], h["text"]) for h in EXPECTED["headings"]])

    def test_czech_sentence_is_one_paragraph_exactly(self):
        self.assertIn(EXPECTED["czech_sentence"], [p.text for p in self.doc.paragraphs])

    def test_table_has_its_header_and_every_row(self):
        self.assertEqual(len(self.doc.tables), 1)
        rows = self.doc.tables[0].rows
        self.assertEqual([c.text for c in rows[0].cells], EXPECTED["table_header"])
        self.assertEqual(len(rows), EXPECTED["table_rows"] + 1)
        self.assertEqual(rows[1].cells[0].text, EXPECTED["first_cell"])

    def test_metadata_and_language(self):
        self.assertEqual(self.doc.core_properties.title, EXPECTED["title"])
        self.assertEqual(self.doc.core_properties.language, "cs-CZ")
        self.assertEqual(len(self.doc.inline_shapes), 2)  # the figure and the QR code


@unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"),
                     "LibreOffice or poppler-utils missing")
class ConvertedByLibreOffice(unittest.TestCase):
    """Both files as LibreOffice lays them out: every heading and the Czech text in the PDF."""

    @classmethod
    def setUpClass(cls):
        profile = tempfile.mkdtemp(prefix="prosit-lo-")
        cls.pdfs = {}
        try:
            for kind in ("odt", "docx"):
                out = path(kind)
                os.makedirs(out)
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                                "--convert-to", "pdf", "--outdir", out, path("sample." + kind)],
                               check=True, timeout=300, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                cls.pdfs[kind] = os.path.join(out, "sample.pdf")
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        shots = os.environ.get("OFFICE_SCREENSHOTS")
        if shots:
            for kind, pdf in cls.pdfs.items():
                subprocess.run(["pdftoppm", "-r", "60", "-png", pdf,
                                os.path.join(shots, f"document-sample-{kind}")], check=True)

    def pdf_text(self, kind):
        self.assertTrue(os.path.exists(self.pdfs[kind]), f"LibreOffice did not convert the {kind}")
        result = subprocess.run(["pdftotext", "-layout", self.pdfs[kind], "-"], check=True,
                                capture_output=True, text=True)
        return " ".join(result.stdout.split())

    def pages(self, kind):
        info = subprocess.run(["pdfinfo", self.pdfs[kind]], check=True, capture_output=True,
                              text=True).stdout
        return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))

    def check(self, kind):
        content = self.pdf_text(kind)
        for heading in EXPECTED["headings"]:
            self.assertIn(heading["text"], content)
        self.assertIn(EXPECTED["czech_sentence"], content)
        self.assertIn("Tabulka 1: Obce ORP", content)
        self.assertIn(EXPECTED["first_cell"], content)
        self.assertIn(EXPECTED["footer"] + " 2", content)  # the footer and its page number
        # The title page, the contents and the 70-row table run over more than three pages.
        self.assertGreater(self.pages(kind), 3)

    def test_odt(self):
        self.check("odt")

    def test_docx(self):
        self.check("docx")


if __name__ == "__main__":
    unittest.main()
