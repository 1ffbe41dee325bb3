// Browser tests of the methodologist's editor of the model situations: Debian's chromium
// (playwright-core) against a real `prosit serve` on the demo database. An edit publishes a
// new model version that the public reference list shows; a bad edit gets its error at the
// field and loses nothing; a version published meanwhile is merged; other roles get no editor.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Modry-Konik-2026!";
let suite;

before(async () => {
  suite = await openSuite(
    [
      ["metodik", "methodologist", "--name", "Marie Metodická"],
      ["spravce", "admin", "--name", "Alena Správcová"],
      ["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"],
    ],
    PASSWORD,
  );
});

after(() => suite?.close());

// The situations as the public reference list serves them, by id.
async function publicSituations() {
  const r = await fetch(suite.server.base + "/api/v1/reference/model-situations");
  assert.equal(r.status, 200);
  return Object.fromEntries((await r.json()).map((s) => [s.id, s]));
}

async function currentVersion() {
  return (await (await fetch(suite.server.base + "/api/v1/model/versions")).json()).current;
}

// Publishes a change of one situation through the API in `page`'s session (another person
// working meanwhile); answers the status.
function publishThroughApi(page, id, change, note) {
  return page.evaluate(
    async ([id, change, note]) => {
      const { csrf_token } = await (await fetch("/api/v1/session")).json();
      const model = await (await fetch("/api/v1/model")).json();
      const situations = model.documents.model_situations.map((s) => (s.id === id ? { ...s, ...change } : s));
      const r = await fetch("/api/v1/model/versions", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf_token },
        body: JSON.stringify({ note, based_on: model.number, documents: { model_situations: situations } }),
      });
      return r.status;
    },
    [id, change, note],
  );
}

test("a methodologist edits a situation and the public list shows it", async () => {
  const page = await suite.signedIn("metodik");
  await page.getByRole("link", { name: "Situace", exact: true }).click();
  await page.getByRole("heading", { name: "Modelové situace", level: 1 }).waitFor();
  const rows = await page.locator(".situations-table tbody tr").count();
  assert.equal(rows, 12);
  await page.getByRole("link", { name: "Někdo ubližuje dítěti" }).waitFor();
  await suite.assertAccessible(page, "situations list");
  await suite.shot(page, "model-situations");

  const before = await currentVersion();
  await page.getByRole("link", { name: "Máme dluhy a nezvládáme je" }).click();
  await page.getByRole("heading", { name: "Situace: Máme dluhy a nezvládáme je" }).waitFor();
  await page.getByLabel("Situace česky").fill("Máme dluhy a nevíme si s nimi rady");
  await page.getByLabel("Situace anglicky").fill("We have debts and do not know what to do");
  await page.getByRole("checkbox", { name: "učitelé", exact: true }).check();
  // Social housing, in the closed group of its sector, can help too.
  const helping = page.locator("fieldset#f-service-types");
  await helping.locator("summary", { hasText: "bydlení" }).click();
  await helping.getByRole("checkbox", { name: /Sociální bydlení obce/ }).check();
  await page.getByLabel("Poznámka k nové verzi modelu").fill("Dluhy: srozumitelnější znění, i sociální bydlení");
  await suite.assertAccessible(page, "situation editor");
  await helping.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await suite.shot(page, "model-situations-edit");
  await page.getByRole("button", { name: "Zveřejnit novou verzi modelu" }).click();
  await page.getByText(`Zveřejněno jako verze modelu ${before + 1}.`).waitFor();

  const debts = (await publicSituations()).debts;
  assert.equal(debts.cs, "Máme dluhy a nevíme si s nimi rady");
  assert.equal(debts.en, "We have debts and do not know what to do");
  assert.deepEqual(debts.audience, ["parents", "teachers"]);
  assert.ok(debts.service_types.includes("housing_social"), debts.service_types.join());
  assert.ok(debts.service_types.includes("ss37_debt"), "the types it had are kept");
  assert.deepEqual(debts.responsible_service_types, ["lg_social_worker"]);
  const version = await (await fetch(`${suite.server.base}/api/v1/model/versions/${before + 1}`)).json();
  assert.equal(version.note, "Dluhy: srozumitelnější znění, i sociální bydlení");
  assert.deepEqual(page.errors, []);
});

test("a bad edit gets its error at the field and loses nothing", async () => {
  const page = await suite.signedIn("metodik");
  await page.goto(suite.server.base + "/model/situations/child_abuse");
  await page.getByRole("heading", { name: "Situace: Někdo ubližuje dítěti" }).waitFor();
  const before = await currentVersion();
  // A housing type meets none of the situation's need areas (safety): the server says so.
  const helping = page.locator("fieldset#f-service-types");
  await helping.locator("summary", { hasText: "bydlení" }).click();
  await helping.getByRole("checkbox", { name: /Krizové bydlení/ }).check();
  await page.getByLabel("Situace anglicky").fill("");
  await page.getByLabel("Poznámka k nové verzi modelu").fill("Zkouška chyby");
  await page.getByRole("button", { name: "Zveřejnit novou verzi modelu" }).click();
  const typesError = helping.locator(".field-error");
  await typesError.waitFor();
  // Beside the field in Czech, without the server's path.
  assert.equal(await typesError.innerText(), "'housing_crisis' neodpovídá žádné oblasti potřeb situace; doplňte jeho oblast k oblastem potřeb, nebo ho odeberte");
  assert.equal(await page.locator("#f-en-error").innerText(), "chybí anglické znění situace");
  await page.locator("#error-summary").getByRole("link", { name: "Mohou pomoci" }).waitFor();
  assert.equal(await currentVersion(), before, "nothing was published");
  // Nothing typed is lost: in the page, and after a reload from the draft.
  assert.equal(await page.getByLabel("Poznámka k nové verzi modelu").inputValue(), "Zkouška chyby");
  assert.ok(await helping.getByRole("checkbox", { name: /Krizové bydlení/ }).isChecked());
  await suite.assertAccessible(page, "situation editor with errors");
  await page.evaluate(() => window.scrollTo(0, 0));
  await suite.shot(page, "model-situations-error");
  await page.reload();
  await page.getByText("Obnoveny rozepsané změny z této karty prohlížeče.").waitFor();
  assert.equal(await page.getByLabel("Poznámka k nové verzi modelu").inputValue(), "Zkouška chyby");
  assert.equal(await page.getByLabel("Situace anglicky").inputValue(), "");
  assert.ok(await page.locator("fieldset#f-service-types").getByRole("checkbox", { name: /Krizové bydlení/ }).isChecked());
  // Put right, it publishes.
  await page.locator("fieldset#f-service-types").getByRole("checkbox", { name: /Krizové bydlení/ }).uncheck();
  await page.getByLabel("Situace anglicky").fill("Someone is hurting a child");
  await page.getByLabel("Poznámka k nové verzi modelu").fill("Bez změny obsahu");
  await page.getByRole("button", { name: "Zveřejnit novou verzi modelu" }).click();
  await page.getByText(`Zveřejněno jako verze modelu ${before + 1}.`).waitFor();
  assert.deepEqual(page.errors, []);
});

test("a version published meanwhile is merged and keeps both changes", async () => {
  const page = await suite.signedIn("metodik");
  await page.goto(suite.server.base + "/model/situations/school_refusal");
  await page.getByRole("heading", { name: "Situace: Dítě přestalo chodit do školy" }).waitFor();
  await page.getByLabel("Rada česky").fill("Nejdřív si promluvte s třídním učitelem.");
  await page.getByLabel("Poznámka k nové verzi modelu").fill("Kratší rada");

  // Meanwhile the admin changes the English wording of the same situation.
  const admin = await suite.signedIn("spravce");
  assert.equal(await publishThroughApi(admin, "school_refusal", { en: "My child no longer goes to school" }, "English wording"), 201);
  const meanwhile = await currentVersion();

  await page.getByRole("button", { name: "Zveřejnit novou verzi modelu" }).click();
  const panel = page.getByRole("region", { name: "Mezitím uložil změny někdo jiný" });
  await panel.waitFor();
  assert.match(await panel.innerText(), new RegExp(`novou verzi modelu \\(${meanwhile}\\)`));
  await suite.assertAccessible(page, "situation conflict");
  await page.evaluate(() => window.scrollTo(0, 0));
  await suite.shot(page, "model-situations-conflict");
  // Mine for the advice (changed only here), theirs for the English wording (changed only there).
  assert.ok(await panel.locator('[data-field="advice_cs"] .mine input').isChecked());
  assert.ok(await panel.locator('[data-field="en"] .theirs input').isChecked());
  await panel.getByRole("button", { name: "Uložit sloučenou verzi" }).click();
  await page.getByText(`Zveřejněno jako verze modelu ${meanwhile + 1}.`).waitFor();
  const s = (await publicSituations()).school_refusal;
  assert.equal(s.advice_cs, "Nejdřív si promluvte s třídním učitelem.");
  assert.equal(s.en, "My child no longer goes to school");
  const version = await (await fetch(`${suite.server.base}/api/v1/model/versions/${meanwhile + 1}`)).json();
  assert.equal(version.note, "Kratší rada");
  assert.deepEqual(page.errors, []);
});

test("a networker gets no editor, and the server refuses them anyway", async () => {
  const page = await suite.signedIn("chrudim");
  assert.equal(await page.getByRole("link", { name: "Situace", exact: true }).count(), 0);
  await page.goto(suite.server.base + "/model/situations/debts");
  await page.getByRole("heading", { name: "Situace nemůžete upravovat" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Zveřejnit novou verzi modelu" }).count(), 0);
  await page.goto(suite.server.base + "/model/situations");
  await page.getByRole("heading", { name: "Situace nemůžete upravovat" }).waitFor();
  await suite.assertAccessible(page, "situations refused");
  assert.equal(await publishThroughApi(page, "debts", { cs: "Dluhy" }, "pokus"), 403);
  assert.deepEqual(page.errors, []);
});

test("the editor speaks English when switched", async () => {
  const page = await suite.signedIn("metodik");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.goto(suite.server.base + "/model/situations/domestic_violence");
  await page.getByRole("heading", { name: "Situation: There is violence at home" }).waitFor();
  await page.getByRole("group", { name: "Responsible" }).getByRole("checkbox", { name: /Police of the Czech Republic/ }).waitFor();
  assert.ok(await page.getByRole("group", { name: "Responsible" }).getByRole("checkbox", { name: /Police of the Czech Republic/ }).isChecked());
  await suite.assertAccessible(page, "situation editor in English");
  await suite.shot(page, "model-situations-en");
  assert.deepEqual(page.errors, []);
});

test("the editor works on a phone", async () => {
  const page = await suite.signedIn("metodik", { width: 390, height: 844 });
  await page.goto(suite.server.base + "/model/situations/teacher_concern");
  await page.getByRole("heading", { name: "Situace: Jsem učitel/ka a mám obavy o žáka" }).waitFor();
  const responsible = page.locator("fieldset#f-responsible-service-types");
  assert.ok(await responsible.getByRole("checkbox", { name: /Školní poradenské pracoviště/ }).isChecked());
  assert.ok(await responsible.getByRole("checkbox", { name: /OSPOD – sociálně-právní ochrana dětí/ }).isChecked());
  // Nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await suite.assertAccessible(page, "situation editor on a phone");
  await responsible.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await suite.shot(page, "model-situations-phone");
  assert.deepEqual(page.errors, []);
});
