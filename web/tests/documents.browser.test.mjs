// Browser tests of the documents' download links: the public leaflet of an ORP in the
// catalog filtered by the ORP (no sign-in), and the regional summary on the home page of a
// regional coordinator. Each link answers a PDF.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Zeleny-Konik-2026!";
let suite;
before(async () => {
  suite = await openSuite([["kraj", "regional_coordinator", "--region", "CZ053", "--name", "Eva Krajská"]], PASSWORD);
});

after(() => suite?.close());

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
