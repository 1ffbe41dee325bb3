// Browser tests of the networking pages: the meeting form (participants picked by keyboard,
// a need created with the meeting, the server's field errors, the draft kept in
// sessionStorage, an edit conflict), the meeting list, the needs board, the strategy (a step
// added, overdue, marked done; the strategy of an earlier day; the changes between two
// days; a new theme, goal and step) and the territory a networker may not read. axe-core on every page; screenshots.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite, REPO_DIR } from "./harness.mjs";

const PASSWORD = "Modry-Konik-2026!";
const SHOTS = REPO_DIR + "/docs/screenshots";
const TOPIC = "Spolupráce knihoven a rodinné poradny";
const NEED = "Společné setkání knihoven a poraden o nabídce pro rodiny";
const STEP = "Ověřit dostupnost krizové pomoci v Hlinsku a okolí";
let server, assertAccessible, shot, signedIn;
let meetingId;

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
  ({ server, assertAccessible, shot, signedIn } = suite);
});

after(() => suite?.close());


// The API as the page's own session sees it.
const apiGet = (page, path) => page.evaluate((p) => fetch(p, { headers: { Accept: "application/json" } }).then((r) => r.json()), path);

// Presses Tab until the element with `id` has the focus (at most 40 times).
async function tabTo(page, id) {
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached #" + id);
}

// Types `text` into the focused combobox and picks the option named `name` with the keyboard.
async function pickByKeyboard(page, text, name) {
  await page.keyboard.type(text, { delay: 15 });
  const option = page.getByRole("option", { name });
  await option.waitFor();
  while ((await option.getAttribute("aria-selected")) !== "true") await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.getByRole("list", { name: /^Vybraní/ }).getByText(name, { exact: true }).waitFor();
}

test("records a meeting with two participants and a need (participants by keyboard), then finds it in the list", async () => {
  const page = await signedIn("chrudim");
  await page.getByRole("link", { name: "Setkání", exact: true }).click();
  await page.getByRole("heading", { name: "Setkání a zápisy" }).waitFor();
  await page.getByRole("link", { name: "Zapsat setkání" }).click();
  await page.getByRole("heading", { name: "Zapsat setkání" }).waitFor();
  await page.locator("#mf-category option").nth(3).waitFor({ state: "attached" });
  await assertAccessible(page, "meeting form");

  // Participants: keyboard only — Tab there, type, arrows, Enter picks, Backspace removes the last.
  await tabTo(page, "mf-participants");
  await pickByKeyboard(page, "manzelska poradna", "Rodinná a manželská poradna – Chrudim");
  assert.equal(await page.getByRole("combobox", { name: "Zúčastnění aktéři" }).inputValue(), "");
  await pickByKeyboard(page, "knihovna skut", "Městská knihovna Skuteč");
  await pickByKeyboard(page, "knihovna nasav", "Místní knihovna Nasavrky");
  await page.keyboard.press("Backspace"); // the empty box: the last one goes
  const chips = page.getByRole("list", { name: /^Vybraní/ }).getByRole("listitem");
  await page.waitForFunction(() => document.querySelectorAll(".chip").length === 2);
  assert.deepEqual(await chips.allInnerTexts().then((xs) => xs.map((x) => x.replace(/\s*×$/, ""))), ["Rodinná a manželská poradna – Chrudim", "Městská knihovna Skuteč"]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "mf-participants");

  // Saved without a category: the server's rule beside the field, in Czech; nothing lost.
  await page.keyboard.press("Tab"); // people
  await page.keyboard.press("Tab"); // networkers
  await page.keyboard.press("Tab"); // topic
  await page.keyboard.type(TOPIC);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Knihovny nabídnou prostor pro setkávání rodin, poradna přednášky.");
  await page.keyboard.press("Control+Enter");
  const categoryError = page.locator("#err-category");
  await categoryError.waitFor();
  assert.match(await categoryError.innerText(), /kategorie setkání/);
  assert.equal(await page.locator("#mf-category").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "mf-category");
  await assertAccessible(page, "meeting form with errors");
  // A reload keeps what was typed (sessionStorage) until the server has it.
  await page.reload();
  await page.getByText("Obnoven neuložený rozepsaný zápis.").waitFor();
  assert.equal(await page.getByLabel("Téma setkání").inputValue(), TOPIC);
  await page.waitForFunction(() => document.querySelectorAll(".chip").length === 2);

  await page.locator("#mf-category option[value=service_providers]").waitFor({ state: "attached" });
  // The rest by keyboard too: Tab to a field, the selects' type-ahead, Enter on buttons.
  await tabTo(page, "mf-category");
  await page.keyboard.type("Posk"); // Poskytovatelé služeb
  await page.keyboard.press("Tab");
  await page.keyboard.type("spol"); // společné
  await tabTo(page, "mf-outputs");
  await page.keyboard.press("Tab"); // Přidat potřebu
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "need-0-statement");
  await page.keyboard.type(NEED);
  await page.keyboard.press("Tab"); // need area: none
  await page.keyboard.press("Tab");
  await page.keyboard.type("Spol"); // Spolupráce mezi aktéry
  await tabTo(page, "add-follow-up");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "fu-0-task");
  await page.keyboard.type("Domluvit termín prvního setkání");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Jana Nováková");
  assert.equal(await page.getByLabel("Kategorie setkání").inputValue(), "service_providers");
  assert.equal(await page.getByLabel("Forma setkání").inputValue(), "joint");
  assert.equal(await page.getByLabel("Kategorie potřeby sítě").inputValue(), "cooperation");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: SHOTS + "/meeting-form.png", fullPage: true });
  await page.keyboard.press("Control+Enter");
  const saved = page.getByRole("status").filter({ hasText: "je uloženo" });
  await saved.waitFor();
  meetingId = Number((await saved.getByRole("link", { name: "Otevřít" }).getAttribute("href")).split("/").pop());
  // The form is ready for the next meeting, and the draft is gone.
  assert.equal(await page.getByLabel("Téma setkání").inputValue(), "");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("prosit.meeting-draft.new")), null);

  const meeting = await apiGet(page, `/api/v1/meetings/${meetingId}`);
  assert.equal(meeting.topic, TOPIC);
  assert.equal(meeting.category, "service_providers");
  assert.equal(meeting.format, "joint");
  assert.equal(meeting.actor_ids.length, 2);
  assert.equal(meeting.people, 2);
  assert.equal(meeting.follow_ups[0].owner, "Jana Nováková");
  const needs = await apiGet(page, `/api/v1/needs?meeting_id=${meetingId}`);
  assert.equal(needs.total, 1);
  assert.equal(needs.items[0].statement, NEED);
  assert.equal(needs.items[0].network_need, "cooperation");
  assert.deepEqual(needs.items[0].voiced_by, meeting.actor_ids);

  await page.goto(server.base + "/meetings");
  await page.getByRole("link", { name: TOPIC }).waitFor();
  await page.getByLabel("Hledat v tématu a zápisu").fill("knihovny rodin");
  await page.waitForURL(/q=knihovny/);
  await page.getByRole("status").filter({ hasText: "Nalezeno setkání: 1" }).waitFor();
  await page.getByLabel("Zápis", { exact: true }).selectOption("false");
  await page.getByRole("status").filter({ hasText: "Nalezeno setkání: 0" }).waitFor();
  await page.getByLabel("Zápis", { exact: true }).selectOption("true");
  await page.getByRole("link", { name: TOPIC }).waitFor();
  await page.getByLabel("Hledat v tématu a zápisu").fill("");
  await page.getByLabel("Zápis", { exact: true }).selectOption("");
  await page.getByRole("link", { name: TOPIC }).waitFor();
  await assertAccessible(page, "meeting list");
  await shot(page, "meetings");
  assert.deepEqual(page.errors, []);
});

test("an edit that meets another's change shows the other version and keeps one's own", async () => {
  assert.ok(meetingId, "the first test recorded a meeting");
  const page = await signedIn("chrudim");
  await page.goto(`${server.base}/meetings/${meetingId}`);
  await page.getByRole("heading", { name: "Upravit setkání" }).waitFor();
  await page.getByLabel("Výstupy").fill("Knihovna Skuteč nabídla sál na první setkání.");
  // Meanwhile a second session changes the record.
  const other = await signedIn("chrudim");
  const changed = await other.evaluate(async (id) => {
    const s = await fetch("/api/v1/session").then((r) => r.json());
    const r = await fetch(`/api/v1/meetings/${id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/merge-patch+json", "If-Match": '"1"', "X-CSRF-Token": s.csrf_token },
      body: JSON.stringify({ notes: "Zápis doplněný kolegyní." }),
    });
    return r.status;
  }, meetingId);
  assert.equal(changed, 200);
  await page.getByRole("button", { name: "Uložit setkání" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Setkání mezitím uložil někdo jiný" });
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Zápis doplněný kolegyní\./);
  assert.equal(await page.getByLabel("Výstupy").inputValue(), "Knihovna Skuteč nabídla sál na první setkání.");
  await assertAccessible(page, "meeting edit conflict");
  await page.getByRole("button", { name: "Uložit moji verzi" }).click();
  await page.getByRole("status").filter({ hasText: "je uloženo" }).waitFor();
  const m = await apiGet(page, `/api/v1/meetings/${meetingId}`);
  assert.equal(m.version, 3);
  assert.equal(m.outputs, "Knihovna Skuteč nabídla sál na první setkání.");
  assert.deepEqual(page.errors, []);
});

test("the needs board groups the open needs and changes a status in one click", async () => {
  assert.ok(meetingId, "the first test recorded a meeting");
  const page = await signedIn("chrudim");
  await page.getByRole("link", { name: "Potřeby", exact: true }).click();
  await page.getByRole("heading", { name: "Potřeby sítě" }).waitFor();
  await page.getByLabel("Seskupit podle").selectOption("network_need");
  const column = page.getByRole("region", { name: /^Spolupráce mezi aktéry/ });
  const card = column.getByRole("listitem", { name: NEED });
  await card.waitFor();
  await card.getByRole("link", { name: new RegExp(TOPIC) }).waitFor(); // the meeting that voiced it
  assert.ok((await page.locator(".board-column").count()) >= 3);
  assert.ok(await page.locator(".need-card a[href^='/strategy#theme-']").count(), "links to themes");
  await assertAccessible(page, "needs board");
  await shot(page, "needs-board");
  await card.getByRole("button", { name: "řeší se" }).click();
  await card.getByRole("status").filter({ hasText: "Stav změněn na: řeší se" }).waitFor();
  const stored = await apiGet(page, `/api/v1/needs?meeting_id=${meetingId}`);
  assert.equal(stored.items[0].status, "being_addressed");
  assert.equal(stored.items[0].version, 2);
  // One more click, on the new version.
  await card.getByRole("button", { name: "naplněná" }).click();
  await card.getByRole("status").filter({ hasText: "naplněná" }).waitFor();
  assert.equal((await apiGet(page, `/api/v1/needs?meeting_id=${meetingId}`)).items[0].status, "met");
  assert.deepEqual(page.errors, []);
});

test("adds a strategy step with a past deadline, sees it overdue, marks it done; the past and the changes", async () => {
  const page = await signedIn("chrudim");
  await page.getByRole("link", { name: "Strategie", exact: true }).click();
  await page.getByRole("heading", { name: "Strategie síťování" }).waitFor();
  await page.locator(".theme").first().waitFor();
  const goalTitle = await page.locator(".goal h3").first().evaluate((h) => h.firstChild.textContent.trim());
  await page.getByRole("button", { name: `Přidat krok k cíli ${goalTitle}` }).click();
  const form = page.getByRole("form", { name: `Přidat krok k cíli ${goalTitle}` });
  await form.getByLabel("Krok").fill(STEP);
  // Before the goal was set: the server's rule beside the deadline.
  await form.getByLabel("Termín").fill("2012-01-02");
  await form.getByRole("combobox", { name: "Odpovědní aktéři" }).focus();
  await pickByKeyboard(page, "manzelska poradna", "Rodinná a manželská poradna – Chrudim");
  await form.getByRole("button", { name: "Uložit krok" }).click();
  await form.locator(".field-error").first().waitFor();
  assert.equal(await form.getByLabel("Termín").getAttribute("aria-invalid"), "true");
  await form.getByLabel("Termín").fill("2024-01-15");
  await form.getByRole("button", { name: "Uložit krok" }).click();

  const step = page.getByRole("listitem", { name: STEP });
  await step.waitFor();
  assert.match(await step.innerText(), /po termínu/i);
  assert.match(await step.innerText(), /Rodinná a manželská poradna – Chrudim/);
  assert.ok(await step.evaluate((li) => li.classList.contains("is-overdue")));
  await page.getByRole("region", { name: /Kroky po termínu/ }).getByRole("link", { name: STEP }).waitFor();
  await assertAccessible(page, "strategy");
  await step.scrollIntoViewIfNeeded();
  await shot(page, "strategy");
  const overdueBefore = (await apiGet(page, "/api/v1/strategy/overdue?orp=5304")).total;

  await step.getByRole("button", { name: "hotový" }).click();
  await page.waitForFunction((s) => [...document.querySelectorAll(".step")].some((li) => li.textContent.includes(s) && li.classList.contains("status-done")), STEP);
  assert.doesNotMatch(await step.innerText(), /po termínu/i);
  assert.equal((await apiGet(page, "/api/v1/strategy/overdue?orp=5304")).total, overdueBefore - 1);

  // The changes of the last 30 days list the new step.
  const changes = page.getByRole("region", { name: "Změny strategie mezi dvěma dny" });
  await changes.getByText(STEP).waitFor();
  assert.match(await changes.innerText(), /přibylo\s+krok:\s+Ověřit dostupnost/);

  // The strategy of yesterday differs: it had no such step.
  const yesterday = new Date(Date.now() - 86400000).toLocaleDateString("sv-SE");
  await page.getByLabel("Stav ke dni").fill(yesterday);
  await page.waitForURL(/at=/);
  await page.getByText(/jen ke čtení/).waitFor();
  await page.waitForFunction(() => !document.querySelector(".status-buttons"));
  assert.equal(await page.getByRole("listitem", { name: STEP }).count(), 0);
  assert.equal(await page.getByRole("button", { name: /Přidat (krok|cíl|téma)/ }).count(), 0);
  await assertAccessible(page, "strategy of a past day");
  assert.deepEqual(page.errors, []);
});

test("starts a new theme, a goal under it and a step of that goal; an empty title gets the server's message", async () => {
  const THEME = "Dostupnost služeb pro seniory na venkově";
  const GOAL = "Mapa pečovatelských služeb pro obce do 500 obyvatel";
  const STEP3 = "Obeslat starosty malých obcí dotazníkem";
  const page = await signedIn("chrudim");
  await page.goto(`${server.base}/strategy?orp=5304`);
  await page.locator(".theme").first().waitFor();
  await page.getByRole("button", { name: "Přidat téma" }).click();
  const themeForm = page.getByRole("form", { name: "Přidat téma" });
  const themeTitle = themeForm.getByLabel("Téma", { exact: true });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "theme-new-title", "the title has the focus");
  // An empty title: the server's Czech message beside the field.
  await themeForm.getByRole("button", { name: "Uložit téma" }).click();
  const titleError = themeForm.locator("#theme-new-title-err");
  await titleError.waitFor();
  assert.equal(await themeTitle.getAttribute("aria-invalid"), "true");
  assert.equal(await themeTitle.getAttribute("aria-describedby"), "theme-new-title-err");
  assert.match(await titleError.innerText(), /je povinné/); // the server's own Czech text
  await assertAccessible(page, "strategy: the theme form with a field error");
  await themeTitle.fill(THEME);
  await themeForm.getByLabel("Proč toto téma").fill("Senioři v malých obcích nevědí, kdo jim pomůže.");
  await themeForm.getByRole("button", { name: "Uložit téma" }).click();
  const theme = page.getByRole("region", { name: new RegExp(THEME) });
  await theme.waitFor();

  await theme.getByRole("button", { name: `Přidat cíl k tématu ${THEME}` }).click();
  const goalForm = page.getByRole("form", { name: `Přidat cíl k tématu ${THEME}` });
  await goalForm.getByLabel("Cíl", { exact: true }).fill(GOAL);
  await goalForm.getByRole("button", { name: "Uložit cíl" }).click();
  await theme.getByRole("heading", { name: new RegExp(GOAL) }).waitFor();

  await page.getByRole("button", { name: `Přidat krok k cíli ${GOAL}` }).click();
  const stepForm = page.getByRole("form", { name: `Přidat krok k cíli ${GOAL}` });
  await stepForm.getByLabel("Krok").fill(STEP3);
  await stepForm.getByLabel("Termín").fill(new Date(Date.now() + 60 * 86400000).toLocaleDateString("sv-SE"));
  await theme.getByRole("button", { name: `Přidat cíl k tématu ${THEME}` }).click(); // a second form open
  await assertAccessible(page, "strategy: the goal and step forms open");
  await stepForm.getByRole("button", { name: "Uložit krok" }).click();
  await theme.getByRole("listitem", { name: STEP3 }).waitFor();
  const strategy = await apiGet(page, "/api/v1/strategy?orp=5304");
  const stored = strategy.themes.find((t) => t.title === THEME);
  assert.equal(stored.goals[0].title, GOAL);
  assert.equal(stored.goals[0].steps[0].title, STEP3);
  assert.deepEqual(page.errors, []);
});

test("a networker of one ORP does not see another ORP's meetings and needs", async () => {
  assert.ok(meetingId, "the first test recorded a meeting");
  const page = await signedIn("pardubice");
  await page.goto(`${server.base}/meetings/${meetingId}`);
  await page.getByRole("heading", { name: "Toto setkání neexistuje nebo k němu nemáte přístup." }).waitFor();
  await assertAccessible(page, "meeting not found");
  await page.goto(`${server.base}/meetings?orp=5304`);
  await page.getByRole("alert").filter({ hasText: "K této části nemáte přístup." }).first().waitFor();
  assert.equal(await page.getByRole("link", { name: TOPIC }).count(), 0);
  await page.goto(`${server.base}/meetings?q=knihovny+rodin`);
  await page.getByRole("status").filter({ hasText: "Nalezeno setkání: 0" }).waitFor();
  await page.goto(`${server.base}/needs?orp=5304&show=all`);
  await page.getByRole("alert").filter({ hasText: "K této části nemáte přístup." }).first().waitFor();
  await page.goto(`${server.base}/needs?show=all`);
  await page.locator(".need-card").first().waitFor(); // its own ORP's needs are there
  assert.equal(await page.getByText(NEED).count(), 0);
  await page.goto(`${server.base}/strategy?orp=5304`);
  await page.getByRole("alert").filter({ hasText: "K této části nemáte přístup." }).first().waitFor();
  assert.equal(await page.getByText(STEP).count(), 0);
});

test("the meeting form on a phone screen (390×844)", async () => {
  const page = await signedIn("chrudim", { width: 390, height: 844 });
  await page.goto(server.base + "/meetings/new");
  await page.getByRole("heading", { name: "Zapsat setkání" }).waitFor();
  await page.locator("#mf-category option").nth(3).waitFor({ state: "attached" });
  await page.getByRole("combobox", { name: "Zúčastnění aktéři" }).focus();
  await pickByKeyboard(page, "manzelska poradna", "Rodinná a manželská poradna – Chrudim");
  await page.keyboard.type("knihovna");
  await page.locator("#mf-participants-list [role=option]").first().waitFor();
  await assertAccessible(page, "meeting form on a phone");
  await shot(page, "meeting-form-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "no sideways scrolling: " + width);
  for (const path of ["/meetings", "/needs", "/strategy"]) {
    await page.goto(server.base + path);
    await page.locator("h1").waitFor();
    await page.waitForFunction(() => !document.querySelector("main [role=status]")?.textContent?.includes("Načítám"));
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 390, `${path}: no sideways scrolling: ${w}`);
  }
});
