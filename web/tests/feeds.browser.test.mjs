// Browser tests of the open formats: the download links (GeoJSON on the catalog and the
// white-spots page, GraphML on the network page) answer files of their media types, and
// the "Kalendář" panel on the meetings page creates a feed whose URL works without
// sign-in, lists it, and revokes it (the URL then answers 404). axe-core; screenshots.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Modry-Konik-2026!";
let suite;
before(async () => {
  suite = await openSuite([["feeds", "networker", "--orp", "5304", "--name", "Jana Nováková"]], PASSWORD);
});
after(() => suite?.close());

// Fetches a link's address with the page's session: its status and media type.
const fetchLink = (page, selector) =>
  page.evaluate(async (s) => {
    const r = await fetch(document.querySelector(s).getAttribute("href"));
    const body = await r.text();
    return { status: r.status, type: r.headers.get("Content-Type"), body };
  }, selector);

test("the catalog, white-spots and network pages link their files", async () => {
  const page = await suite.signedIn("feeds");
  await page.goto(suite.server.base + "/catalog?orp=5304");
  const cards = page.locator("#cards-geojson");
  await cards.waitFor();
  assert.match(await cards.getAttribute("href"), /^\/api\/v1\/service-cards\.geojson\?orp=5304$/);
  let r = await fetchLink(page, "#cards-geojson");
  assert.equal(r.status, 200);
  assert.match(r.type, /^application\/geo\+json/);
  assert.equal(JSON.parse(r.body).type, "FeatureCollection");

  await page.goto(suite.server.base + "/analysis/white-spots?orp=5304");
  await page.locator("#municipalities-geojson").waitFor();
  r = await fetchLink(page, "#municipalities-geojson");
  assert.equal(r.status, 200);
  assert.ok(JSON.parse(r.body).features.length > 0);

  await page.goto(suite.server.base + "/analysis/network?orp=5304");
  await page.locator("#network-graphml").waitFor();
  r = await fetchLink(page, "#network-graphml");
  assert.equal(r.status, 200);
  assert.match(r.body, /<graphml/);
  assert.deepEqual(page.errors, []);
});

test("the Kalendář panel creates a feed that works without sign-in, and revokes it", async () => {
  const page = await suite.signedIn("feeds");
  await page.goto(suite.server.base + "/meetings");
  const panel = page.getByRole("region", { name: "Kalendář" });
  await panel.waitFor();
  await suite.assertAccessible(page, "meetings with the calendar panel");
  await panel.getByRole("button", { name: "Vytvořit adresu pro odběr" }).click();
  const input = panel.getByLabel("Adresa pro odběr kalendáře");
  await input.waitFor();
  const url = await input.inputValue();
  assert.match(url, /\/api\/v1\/calendar\/[0-9a-f]{64}\.ics$/);
  await panel.getByRole("button", { name: "Zrušit odběr" }).waitFor();
  await suite.shot(page, "feeds-calendar-panel");

  // A calendar client: no cookie.
  let r = await fetch(url);
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^text\/calendar/);
  assert.match(await r.text(), /^BEGIN:VCALENDAR\r\n/);

  await panel.getByRole("button", { name: "Zrušit odběr" }).click();
  await panel.getByRole("button", { name: "Zrušit odběr" }).waitFor({ state: "detached" });
  r = await fetch(url);
  assert.equal(r.status, 404);
  assert.deepEqual(page.errors, []);
});
