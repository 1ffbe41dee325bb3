// The message catalogs: Czech and English name the same keys, no text is empty, and the
// placeholders of each message agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";

const load = (lang) => JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), "utf8"));
const cs = load("cs");
const en = load("en");

test("both catalogs have the same keys", () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(cs).sort());
});

test("no message is empty", () => {
  for (const [lang, catalog] of Object.entries({ cs, en }))
    for (const [key, text] of Object.entries(catalog)) assert.ok(typeof text === "string" && text.trim(), `${lang}: ${key}`);
});

test("placeholders agree between the languages", () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(cs)) assert.deepEqual(names(en[key] ?? ""), names(cs[key]), key);
});

test("every key the app uses is in the catalogs", () => {
  const used = new Set();
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = new URL(f, dir);
      if (statSync(p).isDirectory()) walk(new URL(f + "/", dir));
      else if (/\.tsx?$/.test(f)) {
        // t("key") and the navigation's { key: "key" }
        for (const m of readFileSync(p, "utf8").matchAll(/\b(?:t\(|key: )"([\w.]+)"/g)) used.add(m[1]);
      }
    }
  };
  walk(new URL("../src/", import.meta.url));
  assert.ok(used.size > 50);
  for (const key of used) assert.ok(key in cs, key);
});
