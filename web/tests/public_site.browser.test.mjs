// Browser tests of the public pages (/verejne/): a parent searches the services of their
// municipality, typed without diacritics, and opens a card — with JavaScript on and off,
// at a phone's width and a desktop's — and a municipality's web site embeds the widget
// from another origin. Every page is checked with axe-core; screenshots go to
// docs/screenshots/public-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, REPO_DIR, browserKit, launchBrowser, startServer } from "./harness.mjs";

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let server, browser, kit;

// A whole page, scrolled, for the screenshots of long pages.
const fullShot = (page, name) =>
  page.screenshot({ path: join(REPO_DIR, "docs", "screenshots", name + ".png"), fullPage: true });

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  kit = browserKit(server, browser);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport, javaScriptEnabled) {
  const context = await browser.newContext({ viewport, locale: "cs-CZ", javaScriptEnabled });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  return page;
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "JavaScript on" : "JavaScript off";
  test(`search by a municipality typed without diacritics, then a card (${mode}, phone)`, { timeout: 180000 }, async () => {
    const page = await newPage(PHONE, javaScriptEnabled);
    await page.goto(server.base + "/verejne/");
    await page.getByRole("heading", { level: 1, name: "Najděte pomoc ve svém okolí" }).waitFor();
    // axe runs in the page, so only where scripts run; the JS-off pass sees the same pages.
    if (javaScriptEnabled) await kit.assertAccessible(page, "home");
    if (!javaScriptEnabled) await kit.shot(page, "public-home");
    await page.getByLabel("Obec, kde bydlíte").fill("hermanuv mestec");
    await page.getByRole("button", { name: "Hledat" }).click();
    await page.getByRole("heading", { level: 1, name: "Služby pro obec Heřmanův Městec" }).waitFor();
    const count = await page.locator("#results-heading").innerText();
    assert.match(count, /^Nalezen[aoy] \d+ služ(ba|by|eb)$/);
    if (javaScriptEnabled) await kit.assertAccessible(page, "search results");
    if (!javaScriptEnabled) await kit.shot(page, "public-search");
    const first = page.locator(".results li h3 a").first();
    const name = await first.innerText();
    await first.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("heading", { name: "Kontakt" }).waitFor();
    await page.getByRole("heading", { name: "Sdílet" }).waitFor();
    assert.ok(await page.locator(".qr svg").isVisible(), "the QR code shows");
    // A phone shows the page without scrolling sideways.
    if (javaScriptEnabled) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the card page is ${overflow}px wider than the phone`);
    }
    if (javaScriptEnabled) await kit.assertAccessible(page, "card page");
    if (!javaScriptEnabled) await fullShot(page, "public-card");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("a name of several municipalities offers them to choose, in English too (desktop)", { timeout: 180000 }, async () => {
  const page = await newPage(DESKTOP, true);
  await page.goto(server.base + "/en/public/");
  await page.getByLabel("Municipality where you live").fill("Hlinsko");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByText("Several municipalities match. Choose yours:").waitFor();
  const choices = page.locator(".choices li a");
  assert.ok((await choices.count()) >= 2);
  await choices.first().click();
  await page.getByRole("heading", { level: 1, name: /^Services for Hlinsko$/ }).waitFor();
  await kit.assertAccessible(page, "English search");
  await page.getByRole("link", { name: "Česky" }).click();
  await page.getByRole("heading", { level: 1, name: "Služby pro obec Hlinsko" }).waitFor();
  await page.context().close();
});

test("a card page at a desktop's width, with its map", { timeout: 180000 }, async () => {
  const page = await newPage(DESKTOP, true);
  await page.goto(server.base + "/verejne/hledat?obec=571164");
  await page.locator(".results li h3 a").first().waitFor();
  // The first card with a map: a place that is not confidential.
  const links = await page.locator(".results li h3 a").evaluateAll((as) => as.map((a) => a.href));
  let shown = false;
  for (const href of links) {
    await page.goto(href);
    if (await page.locator(".map svg").count()) {
      shown = true;
      break;
    }
  }
  assert.ok(shown, "no card of Chrudim has a map");
  await kit.assertAccessible(page, "card page with a map");
  await fullShot(page, "public-card-desktop");
  await page.context().close();
});

test("a municipality's web site embeds the widget from another origin", { timeout: 180000 }, async () => {
  // Chromium lets a page load from a loopback address only when it is loopback too and
  // the user allowed it; a real municipality's site and prosit are both public. This
  // browser skips that check, which the test's loopback server would otherwise trip.
  const open = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights"],
  });
  const page = await (await open.newContext({ viewport: DESKTOP, locale: "cs-CZ" })).newPage();
  // The embedding page lives on another origin, the municipality's own site: "localhost"
  // is not prosit's "127.0.0.1" to the browser (and is loopback too, which a browser
  // requires before a page may load from a loopback address).
  const html =
    `<!doctype html><html lang="cs"><head><title>Obec Chrudim</title></head><body>` +
    `<h1>Obec Chrudim</h1><p>Pomoc pro rodiny:</p>` +
    `<script src="${server.base}/verejne/widget.js" data-obec="571164"></script></body></html>`;
  const site = server.base.replace("127.0.0.1", "localhost") + "/obec-chrudim.html";
  await page.route(site, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(site);
  const frame = page.frameLocator("iframe");
  await frame.getByRole("heading", { level: 1, name: /Chrudim$/ }).waitFor();
  await frame.getByLabel("Jakou službu hledáte?").waitFor();
  await kit.shot(page, "public-widget");
  const guide = await newPage(DESKTOP, true);
  await guide.goto(server.base + "/verejne/vlozit?obec=chrudim");
  await guide.getByRole("heading", { name: "Kód pro obec Chrudim" }).waitFor();
  await kit.assertAccessible(guide, "embedding guide");
  await kit.shot(guide, "public-embed-guide");
  await open.close();
  await guide.context().close();
});
