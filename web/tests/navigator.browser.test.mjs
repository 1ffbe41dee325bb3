// Browser tests of the situation navigator (the public pages /verejne/situace/…, served by
// the server, no sign-in): three situations from three municipalities typed without
// diacritics, with JavaScript on and off — the situation chosen from "Co se děje?", the
// municipality typed into "Kde bydlíte?", the answer with the emergency numbers first where
// safety is at stake and the services nearest first; a name that fits several offers a
// choice, one that fits none says so; the answer prints on one page and links its one-page
// leaflet; "kdo co dělá" of the ORP. axe-core on every page; screenshots of each kind.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { browserKit, launchBrowser, REPO_DIR, startServer } from "./harness.mjs";

// The situations' wording is reference data a methodologist edits: read, not copied.
const MODEL = JSON.parse(readFileSync(join(REPO_DIR, "data/reference/model_situations.json"), "utf8"));
const situation = (id) => {
  const s = MODEL.find((m) => m.id === id);
  return { id, label: s.cs, en: s.en, safety: s.safety_first === "yes" };
};
const SITUATIONS = ["child_abuse", "school_refusal", "debts"].map(situation);
const PLACES = [
  { typed: "Chrudim", code: "571164", name: "Chrudim" },
  { typed: "skutec", code: "572241", name: "Skuteč" },
  { typed: "hermanuv mestec", code: "571385", name: "Heřmanův Městec" },
];

let server, browser, kit;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  kit = browserKit(server, browser);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(javaScriptEnabled, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "cs-CZ", javaScriptEnabled });
  const page = await context.newPage();
  page.jsOn = javaScriptEnabled;
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  return page;
}

// The drive to each service as the page says it, in order: "asi 12 min autem" → 12,
// "přijedou za vámi" → 0, no public address → Infinity.
async function distances(page, section) {
  const texts = await page.locator(`section[aria-labelledby="${section}-heading"] .distance`).allInnerTexts();
  return texts.map((t) => {
    if (t.startsWith("přijedou za vámi") || t.startsWith("po telefonu nebo online")) return 0;
    const m = /asi (\d+) min autem/.exec(t);
    return m ? Number(m[1]) : Infinity;
  });
}

// axe-core runs in the page: a page without JavaScript is checked as the same URL loaded
// with it (the markup is the server's either way).
let checker;
async function assertAccessible(page, what) {
  if (page.jsOn) return kit.assertAccessible(page, what);
  checker ??= await newPage(true);
  await checker.goto(page.url());
  await kit.assertAccessible(checker, what);
}

function pdfPages(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test(`three situations from three municipalities typed without diacritics, ${mode}`, async () => {
    const page = await newPage(javaScriptEnabled);
    for (const s of SITUATIONS) {
      for (const place of PLACES) {
        await page.goto(server.base + "/verejne/situace/");
        await page.getByRole("link", { name: s.label, exact: true }).click();
        await page.waitForURL(`**/verejne/situace/${s.id}`);
        assert.equal(await page.locator("h1").innerText(), s.label);
        await page.getByLabel("Kde bydlíte?").fill(place.typed);
        await page.getByRole("button", { name: "Najít pomoc" }).click();
        // One municipality fits: the form's GET redirects (303) to the answer's own URL.
        await page.waitForURL(`**/verejne/situace/${s.id}/${place.code}`);
        const h1 = await page.locator("h1").innerText();
        assert.equal(h1, `${s.label} – ${place.name}`);
        const firstBlock = page.locator("main > *").first();
        if (s.safety) {
          // Safety first: the emergency numbers before anything else, 112 first.
          assert.equal(await firstBlock.getAttribute("class"), "emergency first");
          assert.equal(await firstBlock.locator("a.number").first().innerText(), "112");
          assert.equal(await firstBlock.locator("a.number").first().getAttribute("href"), "tel:112");
        } else {
          assert.equal(await page.locator(".emergency").count(), 0);
        }
        const responsible = await distances(page, "responsible");
        const helping = await distances(page, "helping");
        assert.ok(responsible.length + helping.length > 0, `${s.id} in ${place.name}: no service`);
        for (const list of [responsible, helping])
          assert.deepEqual(list, [...list].sort((a, b) => a - b), `${s.id} in ${place.name}: not nearest first`);
        assert.equal(await page.locator(".qr svg").count(), 1);
        await assertAccessible(page, `${s.id} in ${place.name} ${mode}`);
        if (javaScriptEnabled && place.code === "572241") await kit.shot(page, `navigator-answer-${s.id}`);
      }
    }
    assert.deepEqual(page.errors, []);
  });

  test(`an ambiguous name offers a choice and an unknown one says so, ${mode}`, async () => {
    const page = await newPage(javaScriptEnabled);
    await page.goto(server.base + "/verejne/situace/debts");
    await page.getByLabel("Kde bydlíte?").fill("hlinsko");
    await page.getByRole("button", { name: "Najít pomoc" }).click();
    await page.getByRole("heading", { name: "Kterou obec „hlinsko“ myslíte?" }).waitFor();
    const choices = page.locator(".choices a");
    assert.equal(await choices.count(), 2);
    assert.equal(await page.locator(".choices li").first().innerText(), "Hlinsko (ORP Hlinsko, Pardubický kraj)");
    await assertAccessible(page, `choice ${mode}`);
    if (javaScriptEnabled) await kit.shot(page, "navigator-choose");
    await choices.first().click();
    await page.waitForURL("**/verejne/situace/debts/571393");
    await page.goto(server.base + "/verejne/situace/debts");
    await page.getByLabel("Kde bydlíte?").fill("xyzzy");
    await page.getByRole("button", { name: "Najít pomoc" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.getByRole("alert").innerText(), /Obec „xyzzy“ jsme nenašli/);
    assert.equal(await page.getByLabel("Kde bydlíte?").inputValue(), "xyzzy");  // nothing typed is lost
    await assertAccessible(page, `not found ${mode}`);
    assert.deepEqual(page.errors, []);
  });
}

test("the situations, the answer on a phone, its print and leaflet, and who does what", async () => {
  const page = await newPage(true);
  await page.goto(server.base + "/verejne/situace/");
  assert.equal(await page.locator("h1").innerText(), "Co se u vás děje?");
  assert.equal(await page.locator("ul.situations > li").count(), MODEL.length);
  await kit.assertAccessible(page, "situations");
  await kit.shot(page, "navigator-situations");
  await page.goto(server.base + "/verejne/situace/child_abuse");
  await kit.shot(page, "navigator-situation");

  // The answer prints on one A4 page.
  await page.goto(server.base + "/verejne/situace/child_abuse/572241");
  await page.emulateMedia({ media: "print" });
  const printed = await page.pdf({ format: "A4", printBackground: true });
  assert.equal(pdfPages(printed), 1, "the answer prints on one page");
  await page.emulateMedia({ media: "screen" });
  const leaflet = await page.evaluate(async (href) => {
    const r = await fetch(href);
    return { status: r.status, type: r.headers.get("Content-Type"), bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
  }, await page.getByRole("link", { name: /Leták k vytištění/ }).getAttribute("href"));
  assert.equal(leaflet.status, 200);
  assert.equal(leaflet.type, "application/pdf");
  assert.equal(pdfPages(leaflet.bytes), 1, "the leaflet is one page");

  // English twin.
  await page.goto(server.base + "/en/public/situations/child_abuse/572241");
  assert.equal(await page.locator("h1").innerText(), `${situation("child_abuse").en} – Skuteč`);
  await kit.assertAccessible(page, "answer in English");

  // On a phone.
  const phone = await newPage(true, { width: 360, height: 740 });
  await phone.goto(server.base + "/verejne/situace/child_abuse/571385");
  await kit.assertAccessible(phone, "answer on a phone");
  await kit.shot(phone, "navigator-phone");
  const scroll = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 360, `the page is wider than the phone: ${scroll}`);

  // For professionals: who does what, with an anchor per situation.
  await page.goto(server.base + "/verejne/orp/5304/kdo-co-dela#situace-child_abuse");
  assert.equal(await page.locator("h1").innerText(), "Kdo co dělá v ORP Chrudim");
  assert.equal(await page.locator("section[id^=situace-]").count(), MODEL.length);
  const abuse = page.locator("#situace-child_abuse");
  assert.match(await abuse.innerText(), /OSPOD/);
  await kit.assertAccessible(page, "who does what");
  await kit.shot(page, "navigator-who-does-what");
  assert.deepEqual(page.errors, []);
});
