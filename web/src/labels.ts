// Labels of the API's enumerated values (need areas, levels, sectors, service types, forms,
// roles, …) in the chosen language: group -> id -> label.
//
// The server's one message catalog, GET /api/v1/labels?lang=, is fetched by fetchLabels.
// Until a server provides it (USE_LABELS_ENDPOINT), the labels come from the reference
// documents, which carry Czech and English names, and from the app's own catalogs for the
// few values no reference document lists (forms, access, roles).
import { get } from "./api";
import { Lang, tDynamic } from "./i18n";

export type Labels = Record<string, Record<string, string>>;

export const USE_LABELS_ENDPOINT = false;

// GET /api/v1/labels?lang=: accepts {labels: {group: {id: label}}} or the groups at the
// top level; a group may also be a list of {id, label}.
export async function fetchLabels(lang: Lang): Promise<Labels> {
  const body = await get<any>("/api/v1/labels", { lang });
  const groups = body && typeof body.labels === "object" ? body.labels : body;
  const out: Labels = {};
  for (const [group, value] of Object.entries(groups ?? {})) {
    if (Array.isArray(value)) out[group] = Object.fromEntries(value.map((v: any) => [String(v.id), String(v.label ?? v[lang] ?? v.id)]));
    else if (value && typeof value === "object") out[group] = value as Record<string, string>;
  }
  return out;
}

interface ReferenceEntry {
  id: string;
  level?: number;
  cs: string;
  en: string;
}

const REFERENCE_GROUPS = ["need-areas", "support-levels", "sectors", "service-types", "actor-types", "capacity-units"];

let referenceCache: Promise<Record<string, ReferenceEntry[]>> | null = null;

function referenceDocuments(): Promise<Record<string, ReferenceEntry[]>> {
  referenceCache ??= Promise.all(REFERENCE_GROUPS.map((g) => get<ReferenceEntry[]>("/api/v1/reference/" + g))).then((docs) =>
    Object.fromEntries(REFERENCE_GROUPS.map((g, i) => [g.replace(/-/g, "_"), docs[i]])),
  );
  referenceCache.catch(() => (referenceCache = null));
  return referenceCache;
}

async function labelsFromReference(lang: Lang): Promise<Labels> {
  const docs = await referenceDocuments();
  const out: Labels = {};
  for (const [group, entries] of Object.entries(docs)) {
    // Cards name a support level by its number, not its id.
    out[group] = Object.fromEntries(entries.map((e) => [group === "support_levels" ? String(e.level) : e.id, e[lang] ?? e.cs]));
  }
  const local = (prefix: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, tDynamic(prefix + "." + id, id)]));
  out.forms = local("form", ["ambulatory", "outreach", "residential", "remote"]);
  out.access = local("access", ["direct", "referral", "both"]);
  out.roles = local("role", ["admin", "regional_coordinator", "networker", "viewer", "actor_editor"]);
  return out;
}

export function loadLabels(lang: Lang): Promise<Labels> {
  return USE_LABELS_ENDPOINT ? fetchLabels(lang) : labelsFromReference(lang);
}

// The label of `id` in `group`, or the id itself when none is known.
export function label(labels: Labels | null, group: string, id: string | number): string {
  return labels?.[group]?.[String(id)] ?? String(id);
}

// The ids of a group in the order the server gave them (for filter lists).
export function ids(labels: Labels | null, group: string): string[] {
  return Object.keys(labels?.[group] ?? {});
}
