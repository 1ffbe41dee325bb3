#!/usr/bin/env node
// The meeting form's pace (issue 13: 3,678 records in eight months), measured in Debian's
// chromium against a real server on the demo database; results go to docs/benchmarks.md.
// Needs build/prosit and web/dist (make build).
//   node bench/web_meeting_form.mjs [runs]
// 1. open: from the navigation to /meetings/new until the form can be typed in (categories
//    listed, the participant box there), beside the meeting list opened the same way;
// 2. record by keyboard: from that navigation to the server's "saved" answer, with the
//    category chosen by typing, two participants picked by typing + Enter, topic and record
//    typed, one need added, saved with Ctrl+Enter (keys sent without delay: the app's time,
//    not a person's); beside it the same meeting and need POSTed by fetch from the page.
import { changePassword, launchBrowser, startServer } from "../web/tests/harness.mjs";

const runs = Number(process.argv[2] ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (${xs.length} runs)`;

const PASSWORD = "Modry-Konik-2026!";
const server = await startServer([["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"]]);
await changePassword(server.base, "chrudim", server.passwords.chrudim, PASSWORD);
const browser = await launchBrowser();

async function pick(page, text, name) {
  await page.keyboard.type(text);
  const option = page.locator("#mf-participants-list [role=option]", { hasText: name });
  await option.first().waitFor();
  while ((await option.first().getAttribute("aria-selected")) !== "true") await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "cs-CZ" });
  await context.request.post(server.base + "/api/v1/session", { data: { login: "chrudim", password: PASSWORD } });
  const page = await context.newPage();
  await page.goto(server.base + "/");
  await page.getByRole("button", { name: "Odhlásit se" }).waitFor();

  const list = [];
  const open = [];
  const record = [];
  const save = [];
  const direct = [];
  for (let i = 0; i < runs; i++) {
    // The meeting list, opened within the app (as from the navigation).
    let t0 = performance.now();
    await page.evaluate(() => window.history.pushState(null, "", "/meetings") || window.dispatchEvent(new PopStateEvent("popstate")));
    await page.locator(".meeting-item").first().waitFor();
    list.push(performance.now() - t0);
    await page.evaluate(() => window.history.pushState(null, "", "/") || window.dispatchEvent(new PopStateEvent("popstate")));
    await page.locator(".meeting-item").first().waitFor({ state: "detached" });

    t0 = performance.now();
    await page.evaluate(() => window.history.pushState(null, "", "/meetings/new") || window.dispatchEvent(new PopStateEvent("popstate")));
    await page.locator("#mf-category option[value=service_providers]").waitFor({ state: "attached" });
    await page.locator("#mf-participants").waitFor();
    open.push(performance.now() - t0);

    await page.locator("#mf-category").focus();
    await page.keyboard.type("Posk"); // the select's type-ahead: Poskytovatelé služeb
    await page.keyboard.press("Tab"); // format
    await page.keyboard.press("Tab"); // participants
    await pick(page, "manzelska poradna", "Rodinná a manželská poradna – Chrudim");
    await pick(page, "knihovna skut", "Městská knihovna Skuteč");
    await page.keyboard.press("Tab"); // people
    await page.keyboard.press("Tab"); // networkers
    await page.keyboard.press("Tab"); // topic
    await page.keyboard.type(`Setkání s poskytovateli ${i + 1}`);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Probrali jsme nabídku služeb pro rodiny a domluvili další setkání.");
    await page.keyboard.press("Tab"); // outputs
    await page.keyboard.press("Tab"); // Add a need
    await page.keyboard.press("Enter");
    await page.keyboard.type("Společná nabídka pro rodiny v menších obcích");
    await page.keyboard.press("Tab"); // need area
    await page.keyboard.press("Tab"); // network need
    await page.keyboard.type("Spol");
    const t1 = performance.now();
    await page.keyboard.press("Control+Enter");
    await page.getByRole("status").filter({ hasText: "je uloženo" }).waitFor();
    const t2 = performance.now();
    record.push(t2 - t0);
    save.push(t2 - t1);
    if (i === 0) {
      const href = await page.getByRole("status").filter({ hasText: "je uloženo" }).getByRole("link").first().getAttribute("href");
      const m = await page.evaluate((p) => fetch(p).then((r) => r.json()), "/api/v1" + href);
      const needs = await page.evaluate((id) => fetch(`/api/v1/needs?meeting_id=${id}`).then((r) => r.json()), m.id);
      if (m.category !== "service_providers" || m.actor_ids.length !== 2 || needs.total !== 1 || needs.items[0].network_need !== "cooperation")
        throw new Error("the keyboard did not record what it should: " + JSON.stringify({ m, needs }));
    }
    // The same two writes without the form: fetch from the page.
    direct.push(
      await page.evaluate(async (n) => {
        const s = await fetch("/api/v1/session").then((r) => r.json());
        const h = { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token };
        const t = performance.now();
        const m = await fetch("/api/v1/meetings", {
          method: "POST",
          headers: h,
          body: JSON.stringify({ date: "2026-11-30", orp_code: "5304", category: "service_providers", format: "individual", actor_ids: [18, 192], people: 2, topic: "Přímý zápis " + n, notes: "Probrali jsme nabídku." }),
        }).then((r) => r.json());
        await fetch("/api/v1/needs", {
          method: "POST",
          headers: h,
          body: JSON.stringify({ statement: "Společná nabídka", network_need: "cooperation", orp_code: "5304", date: "2026-11-30", meeting_ids: [m.id], voiced_by: [18, 192] }),
        });
        return performance.now() - t;
      }, i),
    );
  }
  // What the keystrokes alone cost through the driver: the same number of keys typed into a
  // bare textarea.
  const keys = "Posk".length + 2 + "manzelska poradna".length + 1 + "knihovna skut".length + 1 + 3 + "Setkání s poskytovateli 1".length + 1 +
    "Probrali jsme nabídku služeb pro rodiny a domluvili další setkání.".length + 3 + "Společná nabídka pro rodiny v menších obcích".length + 2 + "Spol".length + 1;
  const bare = await context.newPage();
  await bare.setContent("<textarea aria-label=x></textarea>");
  await bare.locator("textarea").focus();
  const typing = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await bare.keyboard.type("x".repeat(keys));
    typing.push(performance.now() - t);
  }
  console.log(`the same ${keys} keys typed into a bare textarea (the driver's own cost): ${summary(typing)}`);
  console.log(`meeting list opened within the app (baseline): ${summary(list)}`);
  console.log(`meeting form opened within the app, ready to type: ${summary(open)}; ratio to the list ${(median(open) / median(list)).toFixed(2)}`);
  console.log(`a meeting recorded by keyboard (open → saved answer, keys without delay): ${summary(record)}`);
  console.log(`of which saving (Ctrl+Enter → saved, meeting + need): ${summary(save)}; the same two POSTs by fetch: ${summary(direct)}; ratio ${(median(save) / median(direct)).toFixed(2)}`);
} finally {
  await browser.close();
  await server.stop();
}
