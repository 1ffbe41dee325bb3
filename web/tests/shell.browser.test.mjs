// Browser tests of the web application: Debian's chromium (playwright-core) against a real
// `prosit serve` on the demo database. Each page built so far is checked with axe-core
// (no serious or critical violation), and the main pages are saved to docs/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const NEW_PASSWORD = "Modry-Konik-2026!"; // must not contain a login
let server, newPage, signIn, assertAccessible, shot;

let suite;
before(async () => {
  suite = await openSuite(
    [
      ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
      ["pardubice", "networker", "--orp", "5309", "--name", "Petr Dvořák"],
      ["kraj", "regional_coordinator", "--region", "CZ053", "--name", "Eva Svobodová"],
    ],
    NEW_PASSWORD,
    ["pardubice", "kraj"],
  );
  ({ server, newPage, signIn, assertAccessible, shot } = suite);
});

after(() => suite?.close());

test("sign in with a one-time password, change it, sign out, sign in again", async () => {
  const page = await newPage();
  await page.goto(server.base + "/");
  await page.getByRole("heading", { name: "Přihlášení" }).waitFor();
  await assertAccessible(page, "sign-in page");
  await shot(page, "sign-in");

  await signIn(page, "chrudim", server.passwords.chrudim);
  await page.getByRole("heading", { name: "Změna hesla" }).waitFor();
  await assertAccessible(page, "password change page");
  // Until the password is changed no other page opens.
  await page.goto(server.base + "/");
  await page.getByRole("heading", { name: "Změna hesla" }).waitFor();
  await page.getByLabel("Současné (jednorázové) heslo").fill(server.passwords.chrudim);
  await page.getByLabel("Nové heslo", { exact: true }).fill("kratke");
  await page.getByLabel("Nové heslo znovu").fill("kratke");
  await page.getByRole("button", { name: "Změnit heslo" }).click();
  await page.locator(".field-error").first().waitFor(); // the server's rule, beside the field
  await shot(page, "password-change");
  await page.getByLabel("Nové heslo", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Nové heslo znovu").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Změnit heslo" }).click();

  await page.getByRole("heading", { name: "Přehled území: ORP Chrudim" }).waitFor();
  const badge = page.getByRole("group", { name: "Přihlášený uživatel" });
  assert.match(await badge.innerText(), /Jana Nováková[\s\S]*síťař · Chrudim/);
  await page.locator(".tile-value").first().waitFor();
  const tiles = await page.locator(".tile").allInnerTexts();
  assert.ok(tiles.some((t) => /^102\s+Aktéři$/.test(t.trim())), tiles.join("|"));
  assert.ok(tiles.some((t) => /Otevřené potřeby/.test(t)));
  assert.ok(tiles.some((t) => /Kroky po termínu/.test(t)));
  await page.getByRole("heading", { name: "Charakteristika ORP" }).waitFor();
  await assertAccessible(page, "home page");
  await shot(page, "home");

  await page.getByRole("button", { name: "Odhlásit se" }).click();
  await page.getByRole("heading", { name: "Přihlášení" }).waitFor();
  const session = await page.evaluate(() => fetch("/api/v1/session").then((r) => r.status));
  assert.equal(session, 401);
  await signIn(page, "chrudim", NEW_PASSWORD);
  await page.getByRole("heading", { name: "Přehled území: ORP Chrudim" }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("finds školní psycholog by typing skolni psycholog, and opens its card", async () => {
  const page = await newPage();
  await page.goto(server.base + "/catalog");
  await page.getByRole("heading", { name: "Katalog služeb" }).waitFor();
  await page.locator(".card-item").first().waitFor();
  await page.getByLabel("Hledat službu").pressSequentially("skolni psycholog", { delay: 20 });
  const hit = page.getByRole("link", { name: "Školní poradenské pracoviště se školním psychologem" });
  await hit.waitFor();
  assert.match(page.url(), /q=skolni\+psycholog/);
  assert.match(await page.getByRole("status").last().innerText(), /Nalezeno: \d+/);
  await assertAccessible(page, "catalog");
  await shot(page, "catalog");

  // A filter narrows the results: level 3 has no school counselling here.
  await page.getByLabel("Úroveň podpory").selectOption("2");
  await hit.waitFor();
  await hit.click();
  await page.getByRole("heading", { level: 1, name: /Školní poradenské pracoviště se školním psychologem/ }).waitFor();
  const text = await page.locator("main").innerText();
  assert.match(text, /Poskytovatel: /);
  assert.match(text, /Typ služby/);
  assert.match(text, /Pardubice/);
  await assertAccessible(page, "card view");
  await shot(page, "card");
  await page.goBack();
  await hit.waitFor();
  assert.deepEqual(page.errors, []);
});

test("a phone screen: the catalog and a card at 390×844", async () => {
  const page = await newPage({ width: 390, height: 844 });
  await page.goto(server.base + "/catalog?q=krizova");
  await page.locator(".card-item").first().waitFor();
  await assertAccessible(page, "catalog on a phone");
  await shot(page, "catalog-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "no sideways scrolling: " + width);
});

test("switches to English and remembers it", async () => {
  const page = await newPage();
  await page.goto(server.base + "/catalog");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Service catalog" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await page.getByLabel("Need area").selectOption({ label: "relationships" });
  await page.reload();
  await page.getByRole("heading", { name: "Service catalog" }).waitFor();
  await page.locator(".card-item").first().waitFor();
  // Enumerated values come labelled in English too.
  assert.match(await page.locator(".card-item .meta").first().innerText(), /universal|early|intensive|specialised|specialized/i);
  await assertAccessible(page, "catalog in English");
  await page.getByRole("button", { name: "Přepnout do češtiny" }).click();
  await page.getByRole("heading", { name: "Katalog služeb" }).waitFor();
});

test("a networker of one ORP does not see another ORP's internal records", async () => {
  // Internal cards of the demo: 559 a kindergarten in Pardubice (ORP 5309), 176 tutoring in
  // Česká Třebová (ORP 5301), 286 a paediatrician in Ronov nad Doubravou (ORP Chrudim).
  const internal = 559;
  const own = 286;
  const chrudim = await newPage();
  await signIn(chrudim, "chrudim", NEW_PASSWORD);
  await chrudim.getByRole("heading", { name: /Přehled území/ }).waitFor();
  await chrudim.goto(server.base + "/catalog?published=false");
  await chrudim.locator(".card-item").first().waitFor();
  const hrefs = [];
  for (;;) {
    hrefs.push(...(await chrudim.locator(".card-item h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))));
    const next = chrudim.getByRole("button", { name: "Další" });
    if (!(await next.count()) || (await next.isDisabled())) break;
    const first = await chrudim.locator(".card-item h3 a").first().innerText();
    await next.click();
    await chrudim.waitForFunction((f) => document.querySelector(".card-item h3 a")?.textContent !== f, first);
  }
  assert.ok(hrefs.includes("/catalog/" + own), hrefs.join(" "));
  assert.ok(!hrefs.includes("/catalog/" + internal), hrefs.join(" "));
  assert.ok(!hrefs.includes("/catalog/176"), hrefs.join(" "));
  await chrudim.locator(".badge").first().waitFor(); // its own internal cards are marked
  await chrudim.goto(server.base + "/catalog/" + internal);
  await chrudim.getByRole("heading", { name: "Tato karta služby neexistuje nebo k ní nemáte přístup." }).waitFor();
  await assertAccessible(chrudim, "card not found");
  await chrudim.goto(server.base + "/catalog/" + own);
  await chrudim.getByRole("heading", { level: 1, name: /Praktická péče o děti a dorost/ }).waitFor();

  // The networker of Pardubice sees it: the card exists and the test is not vacuous.
  const pardubice = await newPage();
  await signIn(pardubice, "pardubice", NEW_PASSWORD);
  await pardubice.getByRole("heading", { name: /Přehled území: ORP Pardubice/ }).waitFor();
  await pardubice.goto(server.base + "/catalog/" + internal);
  await pardubice.getByRole("heading", { level: 1, name: /Předškolní vzdělávání/ }).waitFor();
  await pardubice.goto(server.base + "/catalog/" + own);
  await pardubice.getByRole("heading", { name: "Tato karta služby neexistuje nebo k ní nemáte přístup." }).waitFor();
});

test("a regional coordinator's home covers the region and picks an ORP", async () => {
  const page = await newPage();
  await signIn(page, "kraj", NEW_PASSWORD);
  await page.getByRole("heading", { name: "Přehled území: Pardubický kraj" }).waitFor();
  await page.getByLabel("Území").selectOption({ label: "ORP Hlinsko" });
  await page.getByRole("heading", { name: "Přehled území: ORP Hlinsko" }).waitFor();
  await page.locator(".tile-value").first().waitFor();
  await assertAccessible(page, "home of a coordinator");
  // A session that ends meanwhile (here: the cookie is gone) leads back to sign-in.
  await page.context().clearCookies();
  await page.getByLabel("Území").selectOption({ label: "ORP Chrudim" });
  await page.getByRole("heading", { name: "Přihlášení" }).waitFor();
});

test("an unknown address shows the app's not-found page; the API never does", async () => {
  const page = await newPage();
  await page.goto(server.base + "/no/such/page");
  await page.getByRole("heading", { name: "Stránka nenalezena" }).waitFor();
  await assertAccessible(page, "not found");
  const api = await page.evaluate(() => fetch("/api/v1/no-such-route").then(async (r) => [r.status, r.headers.get("content-type")]));
  assert.equal(api[0], 404);
  assert.match(api[1], /application\/json/);
});
