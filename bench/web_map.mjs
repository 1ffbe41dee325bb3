#!/usr/bin/env node
// The national map's budget (issue 13): 6,258 municipalities coloured by an analysis draw
// in ≤ 1 s and pan smoothly. Measured once on this machine in Debian's chromium; results
// go to docs/benchmarks.md. Needs build/prosit and web/dist (make build).
//   node bench/web_map.mjs [runs]
// Per run, a fresh browser context (empty cache) opens the white-spots map of the whole
// country as an admin:
// - shapes + draw: from the map component's start to the first frame with every polygon
//   drawn (the boundaries' fetch, the lazy Leaflet chunk, TopoJSON to GeoJSON, drawing);
// - draw: Leaflet building and painting the 6,258 polygons alone;
// - colour: colouring every municipality again when the analysis arrives (to the next frame);
// - pan: 60 mouse-drag steps across the map, the frame intervals while panning.
// And the lazy chunks' sizes beside the initial JavaScript.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { changePassword, launchBrowser, startServer, WEB_DIR } from "../web/tests/harness.mjs";

const runs = Number(process.argv[2] ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const summary = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (${xs.length} runs)`;

const assets = join(WEB_DIR, "dist", "assets");
for (const f of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
  const body = readFileSync(join(assets, f));
  console.log(`chunk ${f}: ${(body.length / 1024).toFixed(1)} KB, ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}

const PASSWORD = "Modry-Konik-2026!";
const server = await startServer([["bench.admin", "admin"]]);
await changePassword(server.base, "bench.admin", server.passwords["bench.admin"], PASSWORD);
const browser = await launchBrowser();
try {
  const total = [];
  const draw = [];
  const colour = [];
  const frames = [];
  const parts = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.base + "/sign-in");
    await page.locator("#login").fill("bench.admin");
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.locator("main h1").waitFor();
    await page.evaluate(() => {
      window.__drawn = new Promise((ok) => document.addEventListener("prosit:map-drawn", (e) => ok(e.detail), { once: true }));
      window.__restyled = [];
      document.addEventListener("prosit:map-restyled", (e) => window.__restyled.push(e.detail.ms));
    });
    // Client-side navigation, so the listeners above stay.
    await page.evaluate(() => {
      history.pushState(null, "", "/analysis/white-spots?country=1");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    const drawn = await page.evaluate(() => window.__drawn);
    if (drawn.count !== 6258) throw new Error("drew " + drawn.count + " municipalities");
    total.push(drawn.ms);
    parts.push(drawn);
    draw.push(drawn.drawMs);
    // The country's coverage takes the server a while: wait for the colours.
    await page.locator("table.lowest tbody tr").first().waitFor({ timeout: 60000 });
    // When the figures came before the shapes, the map was drawn in its colours at once and
    // nothing was coloured again: switch to car travel, so the new figures colour it again.
    if (!(await page.evaluate(() => window.__restyled.length))) await page.getByLabel("autem").check();
    await page.waitForFunction(() => window.__restyled.length > 0, null, { timeout: 60000 });
    colour.push(Math.max(...(await page.evaluate(() => window.__restyled))));
    // Pan: drag the map while the page records the interval between frames.
    const box = await page.locator(".muni-map-canvas").boundingBox();
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__panning) requestAnimationFrame(tick);
      };
      window.__panning = true;
      requestAnimationFrame(tick);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 60; s++) await page.mouse.move(cx - 4 * s, cy - 2 * s);
    await page.mouse.up();
    await page.evaluate(() => (window.__panning = false));
    frames.push(...(await page.evaluate(() => window.__frames.slice(1))));
    await ctx.close();
  }
  console.log(`national map, shapes + draw (6,258 municipalities): ${summary(total)} (budget 1000 ms)`);
  console.log(`national map, draw alone: ${summary(draw)}`);
  for (const k of ["topojsonMs", "layersMs", "addMs"]) console.log(`  of which ${k}: median ${median(parts.map((p) => p[k])).toFixed(0)} ms`);
  console.log(`national map, colouring by an analysis: ${summary(colour)}`);
  console.log(
    `panning: ${frames.length} frames, interval median ${median(frames).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, ` +
      `${frames.filter((f) => f > 50).length} longer than 50 ms`,
  );
} finally {
  await browser.close();
  await server.stop();
}
