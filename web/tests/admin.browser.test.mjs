// Browser tests of monitoring, records' history, user administration and personal data:
// Debian's chromium (playwright-core) against a real `prosit serve` on the demo database.
// Every page is checked with axe-core and the main ones are saved to docs/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const NEW_PASSWORD = "Modry-Konik-2026!";
let server, newPage, signIn, assertAccessible, shot, signedIn;

// A signed-in API session of `login` for preparing data: cookie and CSRF token.
async function apiSession(login, password) {
  const r = await fetch(server.base + "/api/v1/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ login, password }) });
  assert.equal(r.status, 200, "sign-in of " + login);
  const { csrf_token } = await r.json();
  const cookie = r.headers.get("set-cookie").split(";")[0];
  return async (method, path, body, headers = {}) => {
    const res = await fetch(server.base + path, {
      method,
      headers: { Cookie: cookie, "X-CSRF-Token": csrf_token, "Content-Type": method === "PATCH" ? "application/merge-patch+json" : "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
}

let suite;
before(async () => {
  suite = await openSuite(
    [
      ["spravce", "admin", "--name", "Alena Správcová"],
      ["kraj", "regional_coordinator", "--region", "CZ053", "--name", "Eva Svobodová"],
      ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
    ],
    NEW_PASSWORD,
    ["spravce", "kraj", "chrudim"],
  );
  ({ server, newPage, signIn, assertAccessible, shot, signedIn } = suite);
});

after(() => suite?.close());


test("an admin creates a user, changes role and territory, deactivates them and their session ends", async () => {
  const admin = await signedIn("spravce");
  await admin.getByRole("link", { name: "Uživatelé" }).click();
  await admin.getByRole("heading", { name: "Uživatelé", level: 1 }).waitFor();
  await admin.getByText("Nový uživatel").click();
  await admin.getByLabel("Přihlašovací jméno").fill("novak");
  await admin.getByLabel("Jméno", { exact: true }).fill("Petr Novák");
  await admin.getByLabel("Funkce").selectOption({ label: "lokální síťař" });
  await admin.getByLabel("Přidat území").selectOption({ label: "Chrudim" });
  await admin.getByRole("button", { name: "Přidat", exact: true }).click();
  await admin.getByRole("button", { name: "Vytvořit uživatele" }).click();
  const password = (await admin.locator(".one-time .password").innerText()).trim();
  assert.ok(password.length >= 12, password);
  await admin.getByRole("link", { name: "Upravit novak" }).waitFor();
  await assertAccessible(admin, "users");
  await admin.evaluate(() => window.scrollTo(0, 0));
  await shot(admin, "users");

  // The new user signs in with the one-time password and chooses their own.
  const user = await newPage();
  await signIn(user, "novak", password);
  await user.getByLabel("Současné (jednorázové) heslo").fill(password);
  await user.getByLabel("Nové heslo", { exact: true }).fill(NEW_PASSWORD);
  await user.getByLabel("Nové heslo znovu").fill(NEW_PASSWORD);
  await user.getByRole("button", { name: "Změnit heslo" }).click();
  await user.getByRole("heading", { name: "Přehled území: ORP Chrudim" }).waitFor();

  // The admin makes them the coordinator of the region.
  await admin.getByRole("link", { name: "Upravit novak" }).click();
  await admin.getByRole("heading", { name: "Upravit novak" }).waitFor();
  await admin.getByLabel("Funkce").selectOption({ label: "krajský koordinátor" });
  await admin.getByLabel("Přidat území").selectOption({ label: "Pardubický kraj" });
  await admin.getByRole("button", { name: "Přidat", exact: true }).click();
  await admin.getByRole("button", { name: "Uložit změny" }).click();
  await admin.getByText("Změny jsou uloženy.").waitFor();
  await admin.getByText("Otevřená přihlášení: 1").waitFor();
  await assertAccessible(admin, "user edit");
  await user.reload();
  await user.getByRole("heading", { name: "Přehled území: Pardubický kraj" }).waitFor();
  assert.match(await user.getByRole("group", { name: "Přihlášený uživatel" }).innerText(), /krajský koordinátor · Pardubický kraj/);

  // A server error is shown beside its field: a coordinator's territory is a region.
  await admin.getByLabel("Funkce").selectOption({ label: "lokální síťař" });
  await admin.getByRole("button", { name: "Uložit změny" }).click();
  await admin.locator("#edit-territories-error, .field-error").first().waitFor();

  // Deactivation, after a confirmation that says what it does.
  await admin.getByRole("button", { name: "Deaktivovat uživatele" }).click();
  await admin.getByText(/Uživatel se už nepřihlásí/).waitFor();
  await assertAccessible(admin, "deactivation confirmation");
  await admin.getByRole("button", { name: "Ano, deaktivovat" }).click();
  await admin.getByText("Uživatel je deaktivován.").waitFor();
  await admin.getByText("Otevřená přihlášení: 0").waitFor();
  const status = await user.evaluate(() => fetch("/api/v1/session").then((r) => r.status));
  assert.equal(status, 401);
  await user.reload();
  await user.getByRole("heading", { name: "Přihlášení" }).waitFor();
  await signIn(user, "novak", NEW_PASSWORD);
  await user.getByText("Přihlašovací jméno nebo heslo nesouhlasí.").waitFor();

  // The account's history names the admin and each field changed.
  await admin.getByRole("link", { name: "Historie změn" }).click();
  await admin.getByRole("heading", { name: "Historie: Petr Novák" }).waitFor();
  const rows = await admin.locator(".history-changes tbody tr").allInnerTexts();
  assert.ok(rows.some((r) => /aktivní\s+ano\s+ne/.test(r)), rows.join(" | "));
  assert.ok(rows.some((r) => /networker\s+regional_coordinator|síťař\s+krajský koordinátor/.test(r)), rows.join(" | "));
  assert.deepEqual(admin.errors, []);
  assert.deepEqual(user.errors, []);
});

test("the history of a record edited twice shows both changes field by field", async () => {
  const api = await apiSession("chrudim", NEW_PASSWORD);
  const list = await api("GET", "/api/v1/actors?orp=5304&limit=1");
  const actor = list.json.items[0];
  const one = await api("GET", `/api/v1/actors/${actor.id}`);
  const first = await api("PATCH", `/api/v1/actors/${actor.id}`, { note: "První poznámka" }, { "If-Match": `"${one.json.version}"` });
  assert.equal(first.status, 200, JSON.stringify(first.json));
  const second = await api("PATCH", `/api/v1/actors/${actor.id}`, { note: "Druhá poznámka", name: actor.name + " (upraveno)" }, { "If-Match": `"${first.json.version}"` });
  assert.equal(second.status, 200, JSON.stringify(second.json));

  const page = await signedIn("chrudim");
  await page.goto(`${server.base}/history/actors/${actor.id}`);
  await page.getByRole("heading", { name: `Historie: ${actor.name} (upraveno)` }).waitFor();
  const entries = page.locator(".history-entry");
  await entries.first().waitFor();
  const newest = await entries.nth(0).innerText();
  const older = await entries.nth(1).innerText();
  assert.match(newest, /změněno · chrudim/);
  assert.match(newest, /První poznámka\s+Druhá poznámka/);
  const name = actor.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  assert.match(newest, new RegExp(`${name}\\s+${name} \\(upraveno\\)`));
  assert.match(older, /změněno · chrudim/);
  assert.match(older, /První poznámka/);
  assert.doesNotMatch(older, /Druhá poznámka/);
  // Field labels come from the server's catalog, not the API's names.
  const fields = await entries.nth(0).locator("tbody th").allInnerTexts();
  assert.ok(!fields.includes("note") && !fields.includes("name"), fields.join(", "));
  await assertAccessible(page, "history");
  await shot(page, "history");
});

test("monitoring of the region: a column per ORP, a chart with its table, the CSV", async () => {
  const page = await signedIn("kraj");
  await page.getByRole("link", { name: "Monitoring" }).click();
  await page.getByRole("heading", { name: "Síťování v číslech: Pardubický kraj" }).waitFor();
  const table = page.locator("table.figures");
  await table.waitFor();
  const columns = await table.locator("thead th").allInnerTexts();
  for (const orp of ["Chrudim", "Hlinsko", "Pardubice", "Svitavy", "Celkem"]) assert.ok(columns.includes(orp), columns.join(", "));
  assert.ok(columns.length >= 17, columns.join(", ")); // indicator, 15 ORPs, total
  const chart = page.getByRole("img", { name: /Graf: setkání, potřeby, kroky s termínem po měsících/ });
  await chart.waitFor();
  await shot(page, "monitoring");
  assert.ok((await page.locator(".trend-svg polyline").count()) === 3);
  await page.getByText("Hodnoty grafu v tabulce").click();
  assert.ok((await page.locator(".trend-table tbody tr").count()) > 0);
  await assertAccessible(page, "monitoring");

  const href = await page.getByRole("link", { name: "Stáhnout CSV (Excel)" }).getAttribute("href");
  assert.match(href, /^\/api\/v1\/monitoring\.csv\?region=CZ053&lang=cs$/);
  const csv = await page.evaluate((h) => fetch(h).then(async (r) => [r.status, r.headers.get("content-type"), await r.text()]), href);
  assert.equal(csv[0], 200);
  assert.match(csv[1], /text\/csv/);
  assert.match(csv[2], /^\uFEFF?oddíl;/);

  // Another territory and period through the form.
  await page.getByLabel("Území", { exact: true }).selectOption({ label: "ORP Chrudim" });
  await page.getByLabel("Od", { exact: true }).fill("2025-01-01");
  await page.getByRole("button", { name: "Zobrazit" }).click();
  await page.getByRole("heading", { name: "Síťování v číslech: ORP Chrudim" }).waitFor();
  assert.match(page.url(), /orp=5304/);
  assert.match(page.url(), /from=2025-01-01/);
  assert.deepEqual(page.errors, []);
});

test("monitoring on a phone screen", async () => {
  const page = await signedIn("kraj", { width: 390, height: 844 });
  await page.goto(server.base + "/monitoring");
  await page.locator("table.figures").waitFor();
  await page.locator(".trend-svg").waitFor();
  await assertAccessible(page, "monitoring on a phone");
  await shot(page, "monitoring-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "no sideways scrolling: " + width);
});

test("a non-admin cannot open the admin pages: the server refuses, the app says so", async () => {
  const page = await signedIn("kraj");
  assert.equal(await page.getByRole("link", { name: "Uživatelé" }).count(), 0);
  await page.goto(server.base + "/admin/users");
  await page.getByRole("heading", { name: "Tuto stránku může otevřít jen správce." }).waitFor();
  await assertAccessible(page, "admin page refused");
  const answers = await page.evaluate(async () => [(await fetch("/api/v1/users")).status, (await fetch("/api/v1/users/1")).status, (await fetch("/api/v1/personal-data?name=x")).status]);
  assert.deepEqual(answers, [403, 403, 403]);
  await page.goto(server.base + "/admin/users/1");
  await page.getByRole("heading", { name: "Tuto stránku může otevřít jen správce." }).waitFor();
  await page.goto(server.base + "/admin/personal-data");
  await page.getByLabel("Jméno a příjmení").fill("Novák");
  await page.getByRole("button", { name: "Vyhledat" }).click();
  await page.getByRole("heading", { name: "Tuto stránku může otevřít jen správce." }).waitFor();
});

test("personal data: the export of a name shows its records, downloads, and is erased after a confirmation", async () => {
  const api = await apiSession("spravce", NEW_PASSWORD);
  // A contact person added to a demo actor (the demo's contacts are mostly offices).
  const person = "Marie Zkušební";
  const listed = await api("GET", "/api/v1/actors?orp=5304&limit=1");
  const actor = (await api("GET", `/api/v1/actors/${listed.json.items[0].id}`)).json;
  const contacts = [...(actor.contacts ?? []), { name: person, phone: "+420 777 111 222", public: false }];
  const patched = await api("PATCH", `/api/v1/actors/${actor.id}`, { contacts }, { "If-Match": `"${actor.version}"` });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  const withContact = patched.json;

  const page = await signedIn("spravce");
  await page.getByRole("link", { name: "Osobní údaje" }).click();
  await page.getByRole("heading", { name: "Osobní údaje kontaktních osob" }).waitFor();
  await page.getByLabel("Jméno a příjmení").fill(person);
  await page.getByRole("button", { name: "Vyhledat" }).click();
  await page.getByRole("heading", { name: /Kontakty v záznamech \(\d+\)/ }).waitFor();
  const records = await page.locator(".export table").first().locator("tbody tr").allInnerTexts();
  assert.ok(records.some((r) => r.includes(withContact.name) && r.includes(person)), records.join(" | "));
  await assertAccessible(page, "personal data");
  await shot(page, "personal-data");

  const href = await page.getByRole("link", { name: "Stáhnout výpis (JSON)" }).getAttribute("href");
  const exported = await page.evaluate((h) => fetch(h).then((r) => r.json()), href);
  assert.ok(exported.contacts.some((c) => c.contact.name === person));

  await page.getByRole("button", { name: "Vymazat tyto údaje…" }).click();
  const question = await page.locator("#erase-question").innerText();
  assert.match(question, /Bude vymazáno: \d+ kontaktů ve \d+ záznamech/);
  await assertAccessible(page, "erasure confirmation");
  await page.getByRole("button", { name: "Ano, nevratně vymazat" }).click();
  await page.getByText(/^Vymazáno: \d+ kontaktů/).waitFor();
  const after = await api("GET", `/api/v1/actors/${withContact.id}`);
  assert.ok(!(after.json.contacts ?? []).some((c) => c.name === person));
  assert.deepEqual(page.errors, []);
});

test("travel times still being computed show as a banner that goes away when done", async () => {
  const page = await newPage();
  let computing = true;
  await page.route("**/api/v1/health", async (route) => {
    const r = await route.fetch();
    const body = await r.json();
    await route.fulfill({ response: r, json: { ...body, travel_times: computing ? "computing" : body.travel_times } });
  });
  await page.goto(server.base + "/catalog");
  const banner = page.getByText("Dojezdové časy se ještě počítají.", { exact: false });
  await banner.waitFor();
  // The page works meanwhile: the banner blocks nothing.
  await page.getByRole("heading", { name: "Katalog služeb" }).waitFor();
  await assertAccessible(page, "progress banner");
  computing = false;
  await banner.waitFor({ state: "detached" });
  // The real server has them ready by now (the demo's travel times take seconds).
  const state = await page.evaluate(() => fetch("/api/v1/health").then((r) => r.json()).then((j) => j.travel_times));
  assert.equal(state, "ready");
});
