// The public site's accessibility: axe-core over every public page type (home, search
// results, a card page and a shelter's card page, situations, a situation with its form,
// the navigator's answer, "kdo co dělá" of an ORP, the widget, the embedding guide, the
// 404 page), in Czech and English, at a phone's width (360 px) and a desktop's — no
// violation of any impact, no script error, nothing wider than the screen, the page's
// language declared. The situation's form is also used as people use it: a town typed
// without diacritics. A few pages are saved to docs/screenshots/public-a11y-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { browserKit, launchBrowser, startServer } from "./harness.mjs";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const SITUATION = "school_refusal";
const TOWN = "571164"; // Chrudim
const ORP = "5304";

let server, browser, kit, cards;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  kit = browserKit(server, browser);
  const list = async (query) => (await (await fetch(`${server.base}/api/v1/service-cards?${query}`)).json()).items;
  // The public sees a confidential address as its ORP alone: no municipality code.
  const hidden = (c) => c.municipalities.some((m) => m.code === "");
  const ordinary = (await list(`orp=${ORP}&q=poradna&limit=50`)).find((c) => c.municipalities.length && !hidden(c));
  const shelter = (await list(`region=CZ053&service_type=ss57&limit=50`)).find(hidden);
  assert.ok(ordinary && shelter, "the demo has a card and a shelter's card to show");
  cards = { ordinary: ordinary.id, shelter: shelter.id };
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// [name, Czech path, English path, expected status]
function pageTypes() {
  return [
    ["home", "/verejne/", "/en/public/", 200],
    ["search", "/verejne/hledat?obec=Chrudim&q=poradna", "/en/public/search?obec=Chrudim&q=poradna", 200],
    ["card", `/verejne/sluzba/${cards.ordinary}`, `/en/public/service/${cards.ordinary}`, 200],
    ["card-confidential", `/verejne/sluzba/${cards.shelter}`, `/en/public/service/${cards.shelter}`, 200],
    ["situations", "/verejne/situace/", "/en/public/situations/", 200],
    ["situation", `/verejne/situace/${SITUATION}`, `/en/public/situations/${SITUATION}`, 200],
    ["answer", `/verejne/situace/${SITUATION}/${TOWN}`, `/en/public/situations/${SITUATION}/${TOWN}`, 200],
    ["who-does-what", `/verejne/orp/${ORP}/kdo-co-dela`, `/en/public/orp/${ORP}/who-does-what`, 200],
    ["widget", `/verejne/vlozit/${TOWN}`, `/en/public/embed/${TOWN}`, 200],
    ["embed-guide", "/verejne/vlozit", "/en/public/embed", 200],
    ["not-found", "/verejne/sluzba/987654321", "/en/public/service/987654321", 404],
  ];
}

// Screenshots worth looking at: [page type, language, viewport name].
const SHOTS = new Set(["home cs phone", "card-confidential cs phone", "answer cs desktop", "answer en phone", "who-does-what cs desktop", "search cs desktop", "widget cs phone", "not-found en phone"]);

async function checkPage(name, lang, path, status, viewport, viewportName) {
  const page = await kit.newPage(viewport);
  try {
    const response = await page.goto(server.base + path);
    const what = `${name} (${lang}, ${viewportName}) ${path}`;
    assert.equal(response.status(), status, what);
    assert.equal(await page.getAttribute("html", "lang"), lang, what);
    await kit.assertAccessible(page, what, { every: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what}: ${overflow} px wider than the screen`);
    assert.deepEqual(page.errors, [], what);
    // The shelter's card whole: where it is shows its ORP only.
    const fullPage = name === "card-confidential";
    if (SHOTS.has(`${name} ${lang} ${viewportName}`)) await kit.shot(page, `public-a11y-${name}-${lang}-${viewportName}`, { fullPage });
  } finally {
    await page.context().close();
  }
}

for (const [viewportName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`every public page type is accessible in Czech and English on a ${viewportName}`, async () => {
    for (const [name, cs, en, status] of pageTypes()) {
      await checkPage(name, "cs", cs, status, viewport, viewportName);
      await checkPage(name, "en", en, status, viewport, viewportName);
    }
  });
}

test("the situation's form, a town typed without diacritics, leads to an accessible answer", async () => {
  for (const [lang, path, label] of [
    ["cs", `/verejne/situace/${SITUATION}`, /Kde bydlíte/],
    ["en", `/en/public/situations/${SITUATION}`, /Where do you live/],
  ]) {
    const page = await kit.newPage(PHONE);
    try {
      await page.goto(server.base + path);
      await page.getByLabel(label).fill("hermanuv mestec");
      await page.getByLabel(label).press("Enter");
      await page.waitForURL(/\/\d{6}(\?|$)/);
      assert.match(page.url(), /\/571385$/); // Heřmanův Městec
      await kit.assertAccessible(page, `answer reached by the form (${lang})`, { every: true });
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  }
});
