// Browser tests of the analysis pages and the catalog's map: the white-spots map (the
// polygons drawn on the served boundaries, a legend), the coverage heat map, a what-if
// that changes a figure, the cooperation network (a canvas drawn, the metrics table),
// the catalog's list beside its map with the municipality filter, a phone screen, and a
// networker of one ORP who sees nothing of another ORP's on these pages.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Modry-Konik-2026!";
let server, newPage, signIn, assertAccessible, shot;

let suite;
before(async () => {
  suite = await openSuite(
    [
      ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
      ["pardubice", "networker", "--orp", "5309", "--name", "Petr Dvořák"],
      ["admin", "admin", "--name", "Správce"],
    ],
    PASSWORD,
    ["chrudim", "pardubice", "admin"],
  );
  ({ server, newPage, signIn, assertAccessible, shot } = suite);
});

after(() => suite?.close());

// A page that also collects what the Content-Security-Policy refused (Leaflet and
// Cytoscape must draw without inline styles or scripts).
async function cspPage(viewport) {
  const page = await newPage(viewport);
  page.csp = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && page.csp.push(m.text()));
  return page;
}

async function signedIn(login, viewport) {
  const page = await cspPage(viewport);
  await signIn(page, login, PASSWORD);
  await page.getByRole("heading", { name: /Přehled území/ }).waitFor();
  return page;
}

// How many pixels of the canvases inside `selector` are painted.
function paintedPixels(page, selector) {
  return page.evaluate((sel) => {
    let n = 0;
    for (const c of document.querySelectorAll(sel + " canvas")) {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    }
    return n;
  }, selector);
}

// The map loads when it comes into view: scrolled to, it draws its municipalities.
async function mapDrawn(page, scope = "main") {
  await page.locator(scope + " .muni-map-canvas").scrollIntoViewIfNeeded();
  const map = page.locator(scope + " .muni-map-canvas[data-drawn]");
  await map.waitFor();
  return Number(await map.getAttribute("data-drawn"));
}

test("the white-spots map draws the ORP's municipalities with a legend, by share or accessibility", async () => {
  const page = await signedIn("chrudim");
  await page.getByRole("link", { name: "Analýza" }).click();
  await page.getByRole("heading", { name: "Pokrytí optimálního modelu" }).waitFor();
  await page.getByRole("link", { name: "Mapa bílých míst" }).click();
  await page.getByRole("heading", { level: 1, name: "Mapa bílých míst" }).waitFor();
  const ours = await page.evaluate(() => fetch("/api/v1/orps/5304/municipalities").then((r) => r.json()));
  assert.equal(await mapDrawn(page), (ours.items ?? ours).length);
  assert.ok((await paintedPixels(page, ".muni-map-canvas")) > 20000, "the polygons are painted");
  const legend = await page.locator(".map-legend").innerText();
  assert.match(legend, /Podíl v dosahu normy[\s\S]*0–20 %[\s\S]*80–100 %/);
  await page.locator(".leaflet-control-scale").waitFor();
  await page.locator("table.lowest tbody tr").first().waitFor();
  await assertAccessible(page, "white-spots map");
  await shot(page, "analysis-white-spots");

  await page.getByLabel("Ukazatel", { exact: true }).selectOption("e2sfca");
  await page.getByLabel("autem").check();
  await page.getByText(/Kapacita na 1 000 dětí/).waitFor();
  assert.match(page.url(), /measure=e2sfca/);
  assert.match(page.url(), /mode=car/);
  await page.locator("table.lowest tbody tr").first().waitFor();
  await assertAccessible(page, "accessibility map");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("the national map colours all 6,258 municipalities", async () => {
  const page = await signedIn("admin");
  await page.goto(server.base + "/analysis/white-spots?country=1");
  assert.equal(await mapDrawn(page), 6258);
  await page.locator("table.lowest tbody tr").first().waitFor();
  assert.match(await page.locator(".hint").first().innerText(), /barvu své ORP/);
  await shot(page, "analysis-national-map");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("the coverage heat map shows every cell's status and, chosen, its missing types", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/analysis/coverage");
  const cells = page.locator("table.heatmap td button");
  await cells.first().waitFor();
  assert.ok((await cells.count()) >= 24);
  const statuses = await page.locator("table.heatmap td").evaluateAll((tds) => tds.map((td) => td.className));
  assert.ok(statuses.some((c) => /st-missing/.test(c)), statuses.join(" "));
  assert.ok(statuses.some((c) => /st-partial/.test(c)), statuses.join(" "));
  await page.locator("table.heatmap td.st-partial button").first().click();
  const detail = page.locator(".cell-detail .detail");
  await detail.getByRole("heading", { name: "Chybějící typy služeb" }).waitFor();
  assert.ok((await detail.locator(".missing-types li").count()) > 0);
  assert.match(await detail.innerText(), /Podíl dětí v dosahu normy: \d+ %/);
  await assertAccessible(page, "coverage heat map");
  await shot(page, "analysis-coverage");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("a what-if places a service at a suggested seat and a figure changes", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/analysis/what-if");
  await page.getByRole("heading", { level: 1, name: "Co kdyby: nová služba" }).waitFor();
  await mapDrawn(page);
  const seat = page.locator(".candidates button").first();
  await seat.waitFor();
  const name = await seat.innerText();
  await seat.click();
  assert.equal(await page.getByRole("combobox", { name: "Obec, kde by služba sídlila" }).inputValue(), name);
  await page.getByRole("button", { name: "Spočítat dopad" }).click();
  const figure = page.locator(".whatif-result .figure").first();
  await figure.waitFor();
  // The children within the norm change: a family centre where none was (a cell counts a
  // child within the norm when every present type is in reach, so a new type may lower it).
  const figureText = await figure.innerText();
  const change = Number((figureText.match(/normy ([-−+]?[\d\s]+)$/) ?? [, "NaN"])[1].replace(/\s/g, "").replace("−", "-"));
  assert.ok(Number.isFinite(change) && change !== 0, figureText);
  const rows = await page.locator("table.changes tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.ok(rows.some((r) => r[3] !== r[4] || r[1] !== r[2]), JSON.stringify(rows));
  await assertAccessible(page, "what-if");
  await shot(page, "analysis-what-if");

  // By typing (diacritics ignored) and the keyboard: another municipality of the ORP.
  await page.getByRole("combobox", { name: "Obec, kde by služba sídlila" }).fill("");
  await page.getByRole("combobox", { name: "Obec, kde by služba sídlila" }).pressSequentially("skutec", { delay: 10 });
  await page.locator("#wi-place-list [role=option]").first().waitFor();
  await page.keyboard.press("Enter");
  assert.equal(await page.getByRole("combobox", { name: "Obec, kde by služba sídlila" }).inputValue(), "Skuteč");
  await page.getByRole("button", { name: "Spočítat dopad" }).click();
  await page.locator(".whatif-result .figure").first().waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("the cooperation network: a graph drawn, the metrics table, meanings, border ties, before and after", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/analysis/network");
  await page.locator(".network-canvas[data-drawn]").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".network-canvas canvas").length > 0);
  await page.waitForTimeout(300); // Cytoscape paints on its next frame
  assert.ok((await paintedPixels(page, ".network-canvas")) > 2000, "the graph is painted");
  assert.ok((await page.locator("table.metrics tbody tr").count()) >= 10);
  assert.match(await page.locator("dl.meanings").innerText(), /mezilehlost/);
  await page.locator("table.border-ties tbody tr").first().waitFor();
  const compare = page.locator("table.compare");
  await compare.waitFor();
  assert.match(await compare.innerText(), /vazby/);
  await page.getByLabel("Velikost uzlu podle").selectOption("coreness");
  assert.match(page.url(), /size=coreness/);
  await page.locator(".network-canvas[data-drawn]").waitFor();
  await assertAccessible(page, "network");
  await shot(page, "analysis-network");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("the catalog shows its list beside a map of the services' places and filters by municipality", async () => {
  const page = await cspPage();
  await page.goto(server.base + "/catalog?orp=5304");
  await page.locator(".card-item").first().waitFor();
  const drawn = await mapDrawn(page, ".catalog-map");
  assert.ok(drawn > 50, "the ORP's municipalities: " + drawn);
  const list = await page.locator("#results").boundingBox();
  const map = await page.locator(".catalog-map").boundingBox();
  assert.ok(map.x > list.x + list.width - 1 && Math.abs(map.y - list.y) < 40, "side by side: " + JSON.stringify([list, map]));
  assert.ok((await paintedPixels(page, ".catalog-map")) > 20000);
  await page.getByRole("combobox", { name: "Obec" }).pressSequentially("Skute", { delay: 10 });
  await page.getByRole("option", { name: /Skuteč/ }).first().click();
  await page.waitForFunction(() => /municipality=\d{6}/.test(location.search));
  await page.locator(".card-item").first().waitFor();
  assert.match(await page.getByRole("status").first().innerText(), /Nalezeno: \d+/);
  await assertAccessible(page, "catalog with map");
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await shot(page, "catalog-map");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});

test("an analysis page on a phone screen (390×844)", async () => {
  const page = await signedIn("chrudim", { width: 390, height: 844 });
  await page.goto(server.base + "/analysis/coverage");
  await page.locator("table.heatmap td button").first().waitFor();
  await assertAccessible(page, "coverage on a phone");
  await shot(page, "analysis-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "no sideways scrolling: " + width);
  await page.goto(server.base + "/analysis/white-spots");
  await mapDrawn(page);
  await assertAccessible(page, "white-spots map on a phone");
});

test("a networker of one ORP sees nothing of another ORP's on the analysis pages", async () => {
  const page = await signedIn("pardubice");
  await page.goto(server.base + "/analysis/coverage");
  await page.locator("table.heatmap td button").first().waitFor();
  const options = await page.getByLabel("Území").locator("option").allInnerTexts();
  assert.deepEqual(options, ["ORP Pardubice"]);
  // Another ORP named in the address: the server refuses, the page shows no figures.
  for (const path of ["/analysis/coverage?orp=5304", "/analysis/white-spots?orp=5304", "/analysis/network?orp=5304", "/analysis/what-if?orp=5304"]) {
    await page.goto(server.base + path);
    await page.locator(".error").first().waitFor();
    assert.equal(await page.locator("table.heatmap, table.metrics, table.lowest, .candidates li").count(), 0, path);
  }
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /Chrudim – |OSPOD Chrudim/);
  // Chrudim's internal card (286, a paediatrician in Ronov nad Doubravou) is not on the
  // catalog's map of the networker of Pardubice.
  await page.goto(server.base + "/catalog?orp=5304&published=false");
  await page.locator("#results [role=status]").waitFor();
  await mapDrawn(page, ".catalog-map");
  assert.equal(await page.locator('.card-item a[href="/catalog/286"]').count(), 0);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.csp, []);
});
