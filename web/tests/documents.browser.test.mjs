// Browser tests of the documents. The public leaflet of an ORP in the catalog filtered by
// the ORP (no sign-in) and the regional summary on a regional coordinator's home page, each
// link answering a PDF; the ORP analysis's download links on the home page's
// profile (the PDF answers as a PDF), and the editor of the networker's chapter texts — a
// first record created, a second save against it, a reload showing it, and an edit that
// meets another's change. axe-core on each page; a screenshot of the editor.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite, REPO_DIR } from "./harness.mjs";

const PASSWORD = "Modry-Konik-2026!";
const INTRO = "Analýza popisuje síť služeb pro ohrožené děti na Chrudimsku.";
const CONCLUSION = "Síť je hustá ve městě, na venkově chybí terénní služby.";
let server, assertAccessible, signedIn;

let suite;
before(async () => {
  suite = await openSuite([
    ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
    ["kraj", "regional_coordinator", "--region", "CZ053", "--name", "Eva Krajská"],
  ], PASSWORD);
  ({ server, assertAccessible, signedIn } = suite);
});

after(() => suite?.close());

// What fetching `path` from the page (with its session) answers: status, type, first bytes.
const fetchHead = (page, path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    const bytes = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
    return { status: r.status, type: r.headers.get("Content-Type"), head: String.fromCharCode(...bytes) };
  }, path);

test("the home page's profile links the analysis in three formats; the PDF answers as a PDF", async () => {
  const page = await signedIn("chrudim");
  const links = page.locator("[data-report-links]");
  await links.waitFor();
  assert.match(await links.innerText(), /^Analýza sítě: PDF · ODT · DOCX — Upravit texty kapitol$/);
  const hrefs = await links.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["/api/v1/orps/5304/report.pdf", "/api/v1/orps/5304/report.odt", "/api/v1/orps/5304/report.docx", "/orps/5304/analysis-texts"]);
  const pdf = await fetchHead(page, hrefs[0]);
  assert.equal(pdf.status, 200);
  assert.match(pdf.type, /^application\/pdf/);
  assert.equal(pdf.head, "%PDF-");
  await assertAccessible(page, "home with the report links");
  await page.locator("section.profile").screenshot({ path: REPO_DIR + "/docs/screenshots/home-report-links.png" });
  assert.deepEqual(page.errors, []);
});

test("a networker writes the chapter texts, saves twice and finds them after a reload", async () => {
  const page = await signedIn("chrudim");
  await page.getByRole("link", { name: "Upravit texty kapitol" }).click();
  await page.getByRole("heading", { name: "Texty analýzy sítě: ORP Chrudim" }).waitFor();
  // One labelled text per chapter, headed as the document heads them.
  assert.equal(await page.locator("form textarea").count(), 12);
  await page.getByLabel("Úvod", { exact: true }).fill(INTRO);
  await page.getByRole("button", { name: "Uložit texty" }).click();
  await page.getByRole("status").filter({ hasText: "Texty jsou uloženy." }).waitFor();
  // The record now exists: the second save changes it (PUT with its version), not a new one.
  await page.getByLabel("Závěr", { exact: true }).fill(CONCLUSION);
  await page.getByRole("button", { name: "Uložit texty" }).click();
  await page.getByText("verze 2").waitFor();
  const list = await page.evaluate(() => fetch("/api/v1/analysis-texts?orp=5304").then((r) => r.json()));
  assert.equal(list.total, 1);
  assert.equal(list.items[0].introduction, INTRO);
  assert.equal(list.items[0].conclusion, CONCLUSION);

  await page.reload();
  await page.getByRole("heading", { name: "Texty analýzy sítě: ORP Chrudim" }).waitFor();
  assert.equal(await page.getByLabel("Úvod", { exact: true }).inputValue(), INTRO);
  assert.equal(await page.getByLabel("Závěr", { exact: true }).inputValue(), CONCLUSION);
  await assertAccessible(page, "analysis texts");
  await page.screenshot({ path: REPO_DIR + "/docs/screenshots/analysis-texts.png", fullPage: true });
  assert.deepEqual(page.errors, []);
});

test("a save that meets another's change shows both versions and keeps one's own", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/orps/5304/analysis-texts");
  await page.getByLabel("Doporučení", { exact: true }).waitFor();
  await page.getByLabel("Doporučení", { exact: true }).fill("Rozšířit terénní práci.");
  const other = await signedIn("chrudim");
  const changed = await other.evaluate(async () => {
    const s = await fetch("/api/v1/session").then((r) => r.json());
    const list = await fetch("/api/v1/analysis-texts?orp=5304").then((r) => r.json());
    const rec = list.items[0];
    const r = await fetch(`/api/v1/analysis-texts/${rec.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/merge-patch+json", "If-Match": `"${rec.version}"`, "X-CSRF-Token": s.csrf_token },
      body: JSON.stringify({ recommendations: "Posílit dluhové poradenství." }),
    });
    return r.status;
  });
  assert.equal(changed, 200);
  await page.getByRole("button", { name: "Uložit texty" }).click();
  const conflict = page.getByRole("region", { name: "Mezitím uložil změny někdo jiný" });
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Posílit dluhové poradenství\./);
  assert.equal(await page.getByLabel("Doporučení", { exact: true }).inputValue(), "Rozšířit terénní práci.");
  await assertAccessible(page, "analysis texts conflict");
  await conflict.getByRole("button", { name: "Uložit sloučenou verzi" }).click();
  await page.getByRole("status").filter({ hasText: "Texty jsou uloženy." }).waitFor();
  const list = await page.evaluate(() => fetch("/api/v1/analysis-texts?orp=5304").then((r) => r.json()));
  assert.equal(list.items[0].recommendations, "Rozšířit terénní práci.");
  assert.equal(list.items[0].introduction, INTRO);
});

// What the link's URL answers in the page's session: its status and content type.
function fetchIn(page, href) {
  return page.evaluate(async (href) => {
    const r = await fetch(href);
    return { status: r.status, type: r.headers.get("Content-Type") };
  }, href);
}

test("the catalog of an ORP offers its public leaflet without sign-in", async () => {
  const page = await suite.newPage();
  await page.goto(suite.server.base + "/catalog?orp=5304");
  const link = page.getByRole("link", { name: "Leták pro veřejnost – ORP Chrudim (PDF)" });
  await link.waitFor();
  const href = await link.getAttribute("href");
  assert.equal(href, "/api/v1/orps/5304/leaflet.pdf");
  const answer = await fetchIn(page, href);
  assert.equal(answer.status, 200);
  assert.match(answer.type, /^application\/pdf/);
  await suite.assertAccessible(page, "catalog with the leaflet link");
  assert.deepEqual(page.errors, []);
});

test("a regional coordinator's home page offers the regional summary", async () => {
  const page = await suite.signedIn("kraj");
  const link = page.getByRole("link", { name: "Souhrn síťování v kraji – Pardubický kraj (PDF)" });
  await link.waitFor();
  const href = await link.getAttribute("href");
  assert.equal(href, "/api/v1/regions/CZ053/report.pdf");
  const answer = await fetchIn(page, href);
  assert.equal(answer.status, 200);
  assert.match(answer.type, /^application\/pdf/);
  await suite.assertAccessible(page, "home page with the summary link");
  await suite.shot(page, "documents-home-region");
  assert.deepEqual(page.errors, []);
});
