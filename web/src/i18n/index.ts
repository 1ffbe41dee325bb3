// The message catalogs: every text the app shows comes from cs.json or en.json by key.
// Czech is the default; the chosen language is remembered in localStorage.
import cs from "./cs.json";
import en from "./en.json";

export type Lang = "cs" | "en";
export type MessageKey = keyof typeof cs;

const catalogs: Record<Lang, Record<string, string>> = { cs, en };
const STORAGE_KEY = "prosit.lang";

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "cs" || saved === "en") return saved;
  } catch {
    // Storage may be off (private mode): Czech then.
  }
  return "cs";
}

let lang: Lang = initialLang();

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, still switched.
  }
}

// The message `key` with {name} placeholders filled from `vars`.
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogs[lang][key] ?? catalogs.cs[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// A message by a key computed at run time (e.g. "role." + role), or `fallback`.
export function tDynamic(key: string, fallback: string): string {
  return catalogs[lang][key] ?? fallback;
}

// Formatters are built once per language: building one per call costs ~1 ms.
const formatters = {
  cs: {
    date: new Intl.DateTimeFormat("cs-CZ", { day: "numeric", month: "numeric", year: "numeric" }),
    number: new Intl.NumberFormat("cs-CZ", { maximumFractionDigits: 0 }),
  },
  en: {
    date: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }),
    number: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
  },
};

// Dates as a person of the language writes them (3. 12. 2026 / 3 Dec 2026).
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? iso + "T12:00:00" : iso);
  return isNaN(d.getTime()) ? iso : formatters[lang].date.format(d);
}

export function formatNumber(n: number): string {
  return formatters[lang].number.format(n);
}

export { catalogs };
