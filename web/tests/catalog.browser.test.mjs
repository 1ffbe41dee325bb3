// Browser tests of the catalog's and actors' editors and of the home page: Debian's chromium
// (playwright-core) against a real `prosit serve` on the demo database. Every page is
// checked with axe-core; the editor, a conflict, an actor and the home page are saved to
// docs/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Zeleny-Konik-2026!";
let server, browser, assertAccessible, shot, signedIn;

let suite;
before(async () => {
  suite = await openSuite(
    [
      ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
      ["pardubice", "networker", "--orp", "5309", "--name", "Petr Dvořák"],
    ],
    PASSWORD,
    ["chrudim", "pardubice"],
  );
  ({ server, browser, assertAccessible, shot, signedIn } = suite);
});

after(() => suite?.close());


// A call of the API in the page's session (its cookie and CSRF token), as a second person
// working at the same time would make it.
function apiIn(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const { csrf_token } = await (await fetch("/api/v1/session")).json();
      const r = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf_token, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
}

// A field of a form by the start of its label (a required one adds "povinné ke zveřejnění").
const field = (page, name) => page.locator(".field", { has: page.getByLabel(new RegExp("^" + name)) });

test("the home page of a networker shows the ORP profile and what needs attention", async () => {
  const page = await signedIn("chrudim");
  const today = new Date().toISOString().slice(0, 10);
  const made = await apiIn(page, "POST", "/api/v1/meetings", {
    date: today, orp_code: "5304", category: "other", format: "individual", actor_ids: [1], people: 2, topic: "Schůzka bez zápisu z testu",
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await page.reload();
  await page.getByRole("heading", { name: "Přehled území: ORP Chrudim" }).waitFor();
  const profile = page.locator("section.profile");
  await profile.getByText("Síťování od").waitFor();
  const facts = await profile.innerText();
  assert.match(facts, /Obyvatel\s+83[\s\u00a0]596/);
  assert.match(facts, /Jaroslav Marek/);
  assert.match(facts, /1\. 8\. 2016/);
  assert.match(facts, /školství\s+51\s+57/); // actors and cards of the sector
  assert.match(facts, /Příklady dobré praxe v lokalitě|Charakteristika ORP/);

  const list = (id) => page.locator(`[data-attention="${id}"]`);
  await list("att-meetings").getByRole("link", { name: "Schůzka bez zápisu z testu" }).waitFor();
  assert.equal(await list("att-meetings").getByRole("link").first().getAttribute("href"), `/meetings/${made.body.id}`);
  assert.ok((await list("att-overdue").getByRole("link").count()) > 0);
  assert.ok((await list("att-needs").getByRole("link").count()) > 0);
  const stale = list("att-cards").getByRole("link");
  assert.ok((await stale.count()) > 0);
  assert.match(await stale.first().getAttribute("href"), /^\/catalog\/\d+$/);
  // Each list is the server's answer: meetings with a record are not among them.
  const withRecord = await apiIn(page, "GET", "/api/v1/meetings?orp=5304&has_record=true&limit=1");
  assert.ok(!(await list("att-meetings").innerText()).includes(withRecord.body.items[0].topic));
  await assertAccessible(page, "home page");
  await shot(page, "home");
  assert.deepEqual(page.errors, []);
});

test("edit a card and resolve a conflict with a second session: both versions shown, nothing typed lost", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/catalog/1");
  await page.getByRole("link", { name: "Upravit kartu" }).click();
  await page.getByRole("heading", { name: /Úprava karty: Sociálně-právní ochrana dětí/ }).waitFor();
  await assertAccessible(page, "card editor");
  await page.getByLabel("Provozní doba", { exact: true }).fill("Po a St 8:00–17:00, jinak po dohodě");
  await page.getByLabel("Co služba nedělá", { exact: true }).fill("Neposkytuje terapii ani sociální službu.");
  // A reload keeps what was typed (the draft lives in sessionStorage).
  await page.reload();
  await page.getByText("Obnoveny rozepsané změny").waitFor();
  assert.equal(await page.getByLabel("Provozní doba", { exact: true }).inputValue(), "Po a St 8:00–17:00, jinak po dohodě");
  await shot(page, "card-edit");

  // Meanwhile a second session (another browser context) saves the card.
  const other = await signedIn("chrudim");
  const stored = (await apiIn(other, "GET", "/api/v1/service-cards/1")).body;
  const { actor, ...body } = stored;
  const put = await apiIn(other, "PUT", "/api/v1/service-cards/1", { ...body, hours: "Po–Čt 9:00–15:00", cost_note: "bez poplatků" }, { "If-Match": `"${stored.version}"` });
  assert.equal(put.status, 200, JSON.stringify(put.body));

  await page.getByRole("button", { name: "Uložit a zveřejnit" }).click();
  const conflict = page.getByRole("region", { name: "Mezitím uložil změny někdo jiný" });
  await conflict.waitFor();
  const hours = conflict.locator('[data-field="hours"]');
  assert.match(await hours.innerText(), /Po a St 8:00–17:00, jinak po dohodě[\s\S]*Po–Čt 9:00–15:00/);
  assert.match(await conflict.locator('[data-field="cost_note"]').innerText(), /bez poplatků/);
  assert.ok(await conflict.locator('[data-field="does_not"]').count());
  // What was typed is still in the form, and the field the other person changed starts on theirs.
  assert.equal(await page.getByLabel("Provozní doba", { exact: true }).inputValue(), "Po a St 8:00–17:00, jinak po dohodě");
  assert.ok(await conflict.locator('[data-field="cost_note"] .theirs input').isChecked());
  assert.ok(await hours.locator(".mine input").isChecked());
  await assertAccessible(page, "card conflict");
  await conflict.scrollIntoViewIfNeeded();
  await shot(page, "card-conflict");

  await conflict.getByRole("button", { name: "Uložit sloučenou verzi" }).click();
  await page.getByText("Karta je uložena a zveřejněna.").waitFor();
  const merged = (await apiIn(page, "GET", "/api/v1/service-cards/1")).body;
  assert.equal(merged.version, stored.version + 2);
  assert.equal(merged.hours, "Po a St 8:00–17:00, jinak po dohodě");
  assert.equal(merged.does_not, "Neposkytuje terapii ani sociální službu.");
  assert.equal(merged.cost_note, "bez poplatků");
  // Saved: no draft is left to restore.
  await page.reload();
  await page.getByRole("heading", { name: /Úprava karty/ }).waitFor();
  assert.equal(await page.getByText("Obnoveny rozepsané změny").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("publishing a card without what the template asks shows the server's Czech messages beside the fields; a draft saves", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/catalog/new?actor_id=1");
  await page.getByRole("heading", { name: "Nová karta služby" }).waitFor();
  await page.getByLabel("Název služby", { exact: true }).fill("Poradna pro rodiče v Chrudimi");
  await page.getByLabel("Typ služby", { exact: true }).selectOption("ss37_general");
  await page.getByRole("button", { name: "Přidat místo poskytování" }).click();
  await page.getByLabel("Obec", { exact: true }).fill("Chrudim");
  await page.getByRole("button", { name: "Chrudim (ORP Chrudim)" }).click();
  await page.getByLabel("Přidat obsluhované území").fill("Chrud");
  await page.getByRole("button", { name: "Chrudim", exact: true }).click();
  await page.getByRole("button", { name: "Uložit a zveřejnit" }).click();

  const does = field(page, "Co služba dělá");
  await does.locator(".field-error").waitFor();
  assert.match(await does.locator(".field-error").innerText(), /je povinné pro zveřejnění karty/);
  assert.equal(await page.getByLabel(/^Co služba dělá/).getAttribute("aria-invalid"), "true");
  assert.match(await field(page, "Pro koho je služba \\(cílová skupina\\)").locator(".field-error").innerText(), /je povinné/);
  assert.match(await field(page, "Jak se ke službě dostat").locator(".field-error").innerText(), /je povinné/);
  assert.match(await page.locator('.field-error[data-field="contacts"]').innerText(), /kontakt/i);
  assert.match(await page.locator(".error-summary").innerText(), /Opravte prosím/);
  // Nothing typed is lost on the error.
  assert.equal(await page.getByLabel("Název služby", { exact: true }).inputValue(), "Poradna pro rodiče v Chrudimi");
  await assertAccessible(page, "card editor with errors");

  await page.getByRole("button", { name: "Uložit jako koncept" }).click();
  await page.getByText("Karta je uložena jako koncept (interní).").waitFor();
  await page.waitForURL(/\/catalog\/\d+\/edit$/);
  const id = Number(/\/catalog\/(\d+)\/edit/.exec(page.url())[1]);
  const draft = (await apiIn(page, "GET", `/api/v1/service-cards/${id}`)).body;
  assert.equal(draft.published, false);
  assert.equal(draft.name, "Poradna pro rodiče v Chrudimi");
  assert.deepEqual(draft.territory, { kind: "orp", codes: ["5304"] });
  assert.equal(draft.locations[0].municipality_code, "571164");
  assert.equal(await page.locator(".error-summary").count(), 0);

  // On a phone the editor fits the screen.
  const phone = await signedIn("chrudim", { width: 390, height: 844 });
  await phone.goto(`${server.base}/catalog/${id}/edit`);
  await phone.getByRole("heading", { name: /Úprava karty: Poradna pro rodiče v Chrudimi/ }).waitFor();
  await assertAccessible(phone, "card editor on a phone");
  await shot(phone, "card-edit-phone");
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  assert.deepEqual(page.errors, []);
});

test("actors: list, an actor's page, and a new actor that repeats an IČO (409 duplicate) saved as a different one", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/actors?orp=5304");
  await page.getByRole("heading", { name: "Aktéři sítě" }).waitFor();
  await page.getByLabel("Hledat aktéra podle názvu").fill("socialni veci");
  await page.getByRole("link", { name: "Městský úřad Chrudim – odbor sociálních věcí (OSPOD)" }).waitFor();
  await assertAccessible(page, "actors list");
  await page.getByRole("link", { name: "Městský úřad Chrudim – odbor sociálních věcí (OSPOD)" }).click();
  await page.getByRole("heading", { level: 1, name: "Městský úřad Chrudim – odbor sociálních věcí (OSPOD)" }).waitFor();
  await page.getByRole("heading", { name: /Karty služeb \(\d+\)/ }).waitFor();
  await page.getByRole("heading", { name: /Setkání \(\d+\)/ }).waitFor();
  await page.getByRole("heading", { name: /Vazby spolupráce \(\d+\)/ }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Historie změn" }).getAttribute("href"), "/history/actors/1");
  await page.getByRole("link", { name: "Upravit aktéra" }).waitFor();
  // Enumerated values in the server's words (GET /api/v1/labels): a tie's type, the role.
  assert.match(await page.locator("#actor-ties").locator("..").innerText(), /sdílení informací/);
  assert.match(await page.getByRole("group", { name: "Přihlášený uživatel" }).innerText(), /lokální síťař · Chrudim/);
  await assertAccessible(page, "actor page");
  await shot(page, "actor");

  await page.goto(server.base + "/actors/new");
  await page.getByRole("heading", { name: "Nový aktér" }).waitFor();
  await page.getByLabel("Název aktéra", { exact: true }).fill("Agentura pro sociální začleňování – pobočka Skuteč");
  await page.getByLabel("IČO", { exact: true }).fill("48256871"); // the IČO of actor 4
  await page.getByLabel("Resort", { exact: true }).selectOption("other");
  await page.getByLabel("Typ aktéra", { exact: true }).selectOption("other");
  await page.getByLabel("Obec", { exact: true }).fill("Skuteč");
  await page.getByRole("button", { name: /^Skuteč \(ORP Chrudim\)/ }).click();
  await page.getByRole("button", { name: "Uložit aktéra" }).click();
  const note = page.locator(".duplicate");
  await note.waitFor();
  assert.equal(await note.getByRole("link").getAttribute("href"), "/actors/4");
  assert.match(await note.innerText(), /Agentura pro sociální začleňování – spolupráce s městem Chrudim/);
  await assertAccessible(page, "actor duplicate");
  await note.getByRole("button", { name: /Je to jiný aktér/ }).click();
  await page.getByText("Aktér je uložen.").waitFor();
  await page.waitForURL(/\/actors\/\d+\/edit$/);
  const id = Number(/\/actors\/(\d+)\/edit/.exec(page.url())[1]);
  const actor = (await apiIn(page, "GET", `/api/v1/actors/${id}`)).body;
  assert.deepEqual(actor.distinct_from, [4]);
  assert.equal(actor.ico, "48256871");
  assert.deepEqual(page.errors, []);
});

test("the actor editor shares the conflict handling: a field error beside its field, then a merge", async () => {
  const page = await signedIn("chrudim");
  await page.goto(server.base + "/actors/1/edit");
  await page.getByRole("heading", { name: /Úprava aktéra/ }).waitFor();
  await page.getByLabel("Poznámka", { exact: true }).fill("Kontaktní osoba pro školy: vedoucí odboru.");
  await page.getByLabel("IČO", { exact: true }).fill("1234");
  await page.getByRole("button", { name: "Uložit aktéra" }).click();
  await field(page, "IČO").locator(".field-error").waitFor();
  assert.match(await field(page, "IČO").locator(".field-error").innerText(), /IČO/);
  await page.getByLabel("IČO", { exact: true }).fill("20297441");

  const other = await signedIn("chrudim");
  const stored = (await apiIn(other, "GET", "/api/v1/actors/1")).body;
  const put = await apiIn(other, "PUT", "/api/v1/actors/1", { ...stored, web: "https://www.chrudim.example.cz/ospod" }, { "If-Match": `"${stored.version}"` });
  assert.equal(put.status, 200, JSON.stringify(put.body));

  await page.getByRole("button", { name: "Uložit aktéra" }).click();
  const conflict = page.getByRole("region", { name: "Mezitím uložil změny někdo jiný" });
  await conflict.waitFor();
  assert.match(await conflict.locator('[data-field="note"]').innerText(), /Kontaktní osoba pro školy/);
  assert.match(await conflict.locator('[data-field="web"]').innerText(), /chrudim\.example\.cz\/ospod/);
  await assertAccessible(page, "actor conflict");
  await conflict.getByRole("button", { name: "Uložit sloučenou verzi" }).click();
  await page.getByText("Aktér je uložen.").waitFor();
  const merged = (await apiIn(page, "GET", "/api/v1/actors/1")).body;
  assert.equal(merged.note, "Kontaktní osoba pro školy: vedoucí odboru.");
  assert.equal(merged.web, "https://www.chrudim.example.cz/ospod");
  assert.equal(merged.version, stored.version + 2);
  assert.deepEqual(page.errors, []);
});

test("a networker of one ORP cannot open another ORP's internal card or its editor", async () => {
  const page = await signedIn("pardubice");
  // 286: an internal card of ORP Chrudim; 1: a published one there.
  await page.goto(server.base + "/catalog/286/edit");
  await page.getByRole("heading", { name: "Tato karta služby neexistuje nebo k ní nemáte přístup." }).waitFor();
  await page.goto(server.base + "/catalog/1");
  await page.getByRole("heading", { level: 1, name: /Sociálně-právní ochrana dětí/ }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Upravit kartu" }).count(), 0);
  await page.goto(server.base + "/catalog/1/edit");
  await page.getByRole("heading", { name: "Úpravy nejsou dovoleny" }).waitFor();
  assert.equal(await page.locator("form.record-form").count(), 0);
  await assertAccessible(page, "editor refused");
  await page.goto(server.base + "/actors/1/edit");
  await page.getByRole("heading", { name: "Úpravy nejsou dovoleny" }).waitFor();
  // The networker of Chrudim may: the refusal is about the territory, not the page.
  const chrudim = await signedIn("chrudim");
  await chrudim.goto(server.base + "/catalog/286/edit");
  await chrudim.getByRole("heading", { name: /Úprava karty/ }).waitFor();
  assert.deepEqual(page.errors, []);
});
