// Browser tests of the spreadsheets: the "Export XLSX" link of the catalog, actors,
// meetings, needs, strategy and monitoring pages downloads a workbook of the page's list,
// and the import page of service cards checks a file (every bad cell listed, nothing
// written), shows what a good one would create and imports it. axe-core on the import
// page; screenshots to docs/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openSuite } from "./harness.mjs";

const PASSWORD = "Bily-Konik-2026!";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ACTOR = "Sociálně aktivizační služba pro rodiny s dětmi – Chrudimsko";
const NAME = "Podpora rodin v Hrochově Týnci";
let server, assertAccessible, shot, signedIn;

let suite;
before(async () => {
  suite = await openSuite([["chrudim", "networker", "--orp", "5304", "--name", "Jana Nováková"]], PASSWORD);
  ({ server, assertAccessible, shot, signedIn } = suite);
});

after(() => suite?.close());

// What the link's address answers in the page's session: status and type.
const download = (page, href) =>
  page.evaluate(async (h) => {
    const r = await fetch(h);
    return { status: r.status, type: r.headers.get("Content-Type"), size: (await r.arrayBuffer()).byteLength };
  }, href);

test("every list page has an Export XLSX link that downloads its list as a workbook", async () => {
  const page = await signedIn("chrudim");
  for (const [path, route] of [
    ["/catalog?orp=5304", "/api/v1/service-cards.xlsx"],
    ["/actors?orp=5304", "/api/v1/actors.xlsx"],
    ["/meetings", "/api/v1/meetings.xlsx"],
    ["/needs", "/api/v1/needs.xlsx"],
    ["/strategy", "/api/v1/strategy.xlsx"],
    ["/monitoring?orp=5304", "/api/v1/monitoring.xlsx"],
  ]) {
    await page.goto(server.base + path);
    const link = page.getByRole("link", { name: "Export XLSX" });
    await link.waitFor();
    const href = await link.getAttribute("href"); // the page's filters, its ORP, the language
    assert.ok(href.startsWith(route + "?"), `${path}: ${href}`);
    assert.match(href, /lang=cs/);
    if (route !== "/api/v1/actors.xlsx" && route !== "/api/v1/service-cards.xlsx") assert.match(href, /orp=5304/);
    const got = await download(page, href);
    assert.equal(got.status, 200, `${path}: ${href}`);
    assert.equal(got.type, XLSX);
    assert.ok(got.size > 1000);
  }
  assert.deepEqual(page.errors, []);
});

function csv(header, rows) {
  const cell = (v) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return "\ufeff" + [header, ...rows.map((r) => header.map((h) => r[h] ?? ""))].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}

test("the import page lists every bad cell, then checks and imports a good file", async () => {
  const page = await signedIn("chrudim");
  const template = await (await fetch(server.base + "/api/v1/service-cards/import-template.csv")).text();
  const header = template.replace("\ufeff", "").trim().split(";");
  const good = {
    "název aktéra": ACTOR,
    "název služby": NAME,
    "typ služby": "Sociálně aktivizační služby pro rodiny s dětmi",
    formy: "terénní",
    "obsluhované území – druh území": "ORP",
    "obsluhované území – kódy území": "5304",
    "cílová skupina": "Rodiny s dětmi",
    "co služba dělá": "Doprovází rodiny v obtížné situaci.",
    "jak se dostat ke službě": "Zavolejte nebo napište.",
    kontakty: "Koordinátorka |  | +420 469 000 111 |  |  | ano",
    "zveřejněná": "ano",
  };

  await page.getByRole("link", { name: "Import karet" }).click();
  await page.getByRole("heading", { name: "Import karet služeb" }).waitFor();
  await page.getByLabel("Soubor (XLSX nebo CSV)").setInputFiles({
    name: "karty.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv(header, [good, { ...good, "název služby": "Druhá", "věk od": "dvanáct" }, { ...good, "název služby": "Třetí", "zveřejněná": "možná" }])),
  });
  await page.getByRole("button", { name: "Zkontrolovat" }).click();
  await page.getByRole("heading", { name: /Chybné buňky: 2/ }).waitFor();
  const cells = page.getByRole("region", { name: /Chybné buňky/ });
  await cells.getByRole("cell", { name: "věk od" }).waitFor();
  await cells.getByRole("cell", { name: "zveřejněná" }).waitFor();
  assert.ok(await cells.getByRole("cell", { name: /celé číslo/ }).isVisible());
  await assertAccessible(page, "import: bad cells");
  await shot(page, "import-bad-cells");

  await page.getByLabel("Soubor (XLSX nebo CSV)").setInputFiles({ name: "karty.csv", mimeType: "text/csv", buffer: Buffer.from(csv(header, [good])) });
  await page.getByRole("button", { name: "Zkontrolovat" }).click();
  await page.getByRole("heading", { name: "Co by se stalo" }).waitFor();
  await page.getByRole("cell", { name: "nová karta" }).waitFor();
  await assertAccessible(page, "import: dry run");
  await shot(page, "import-dry-run");
  const before = await page.evaluate(async (q) => (await (await fetch("/api/v1/service-cards?q=" + encodeURIComponent(q))).json()).total, NAME);
  assert.equal(before, 0, "a dry run writes nothing");
  await page.getByRole("button", { name: "Importovat" }).click();
  await page.getByRole("heading", { name: "Importováno" }).waitFor();
  await page.getByRole("status").getByText("nové: 1, změněné: 0, beze změny: 0").waitFor();
  const after_ = await page.evaluate(async (q) => (await (await fetch("/api/v1/service-cards?q=" + encodeURIComponent(q))).json()).total, NAME);
  assert.equal(after_, 1);
  assert.deepEqual(page.errors, []);
});
