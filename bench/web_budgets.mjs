#!/usr/bin/env node
// The web application's budgets (issue 13), measured once on this machine; results go to
// docs/benchmarks.md. Needs build/prosit and web/dist (make build).
//   node bench/web_budgets.mjs [runs]
// 1. initial JavaScript: the gzip size of every script index.html loads at once;
// 2. first page view on the demo: a fresh browser context (empty cache) opening the catalog
//    until the first results are drawn, and a networker's home until its figures are drawn;
// 3. search: from the last keystroke to the results drawn (the app waits 80 ms for the next key).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { changePassword, launchBrowser, startServer, WEB_DIR } from "../web/tests/harness.mjs";

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (${xs.length} runs)`;

// 1. initial JavaScript
const dist = join(WEB_DIR, "dist");
const index = readFileSync(join(dist, "index.html"), "utf8");
const scripts = [...index.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const s of scripts) {
  const body = readFileSync(join(dist, s));
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
}
console.log(`initial JavaScript: ${scripts.length} file(s), ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip (budget 150 KB gzip)`);

const PASSWORD = "Modry-Konik-2026!";
const server = await startServer([["chrudim", "networker", "--orp", "5304"]]);
await changePassword(server.base, "chrudim", server.passwords.chrudim, PASSWORD);
const browser = await launchBrowser();
try {
  // 2. first page view
  const signIn = [];
  const catalog = [];
  const catalogInPage = [];
  const home = [];
  const homeInPage = [];
  // performance.now() in the page: from the start of its navigation to the moment the test
  // sees the drawn results (an upper bound: it includes the round trip to the test).
  const sinceNavigation = (page) => page.evaluate(() => performance.now());
  for (let i = 0; i < runs; i++) {
    // The baseline: the sign-in page, which asks the server for nothing but who is signed in.
    const ctx0 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const blank = await ctx0.newPage();
    let t0 = performance.now();
    await blank.goto(server.base + "/sign-in");
    await blank.locator("#login").waitFor();
    signIn.push(performance.now() - t0);
    await ctx0.close();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    t0 = performance.now();
    await page.goto(server.base + "/catalog");
    await page.locator(".card-item").first().waitFor();
    catalog.push(performance.now() - t0);
    catalogInPage.push(await sinceNavigation(page));
    await ctx.close();
    // A networker signed in over the API in a new context (its cookie), then the home page
    // from an empty cache.
    const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctx2.request.post(server.base + "/api/v1/session", { data: { login: "chrudim", password: PASSWORD } });
    const fresh = await ctx2.newPage();
    t0 = performance.now();
    await fresh.goto(server.base + "/");
    await fresh.locator(".tile-value").first().waitFor();
    home.push(performance.now() - t0);
    homeInPage.push(await sinceNavigation(fresh));
    await ctx2.close();
  }
  console.log(`first view of the sign-in page (the baseline: the app and one request): ${summary(signIn)}`);
  console.log(`first view of the catalog (public, empty cache): ${summary(catalog)}; in the page ${summary(catalogInPage)} (budget 1000 ms)`);
  console.log(`first view of a networker's home (empty cache): ${summary(home)}; in the page ${summary(homeInPage)} (budget 1000 ms)`);

  // 3. search as you type
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.base + "/catalog");
  await page.locator(".card-item").first().waitFor();
  await page.evaluate(() => {
    // The search field and the results list stay the same elements while the results change.
    const w = window;
    w.__lastInput = 0;
    w.__lastDraw = 0;
    document.getElementById("q").addEventListener("input", () => (w.__lastInput = performance.now()));
    new MutationObserver(() => (w.__lastDraw = performance.now())).observe(document.getElementById("results"), { childList: true, subtree: true, characterData: true });
  });
  const queries = ["skolni psycholog", "krizova pomoc", "rodinna poradna", "doucovani", "pestounska pece", "chrudim", "sanace rodiny"];
  const search = [];
  for (let i = 0; i < runs; i++)
    for (const q of queries) {
      await page.getByLabel("Hledat službu").fill("");
      await page.waitForTimeout(300);
      await page.getByLabel("Hledat službu").pressSequentially(q, { delay: 40 });
      await page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, q);
      await page.waitForTimeout(400); // the results of the last keystroke have been drawn
      const [input, draw] = await page.evaluate(() => [window.__lastInput, window.__lastDraw]);
      if (draw > input) search.push(draw - input);
    }
  console.log(`search results drawn after typing stops: ${summary(search)} (budget 150 ms; includes the 80 ms wait for the next key)`);
} finally {
  await browser.close();
  await server.stop();
}
