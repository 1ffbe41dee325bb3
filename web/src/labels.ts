// Labels of the API's enumerated values (need areas, levels, sectors, service types, forms,
// accesses, roles, …) in the chosen language: group -> id -> label.
//
// They come from the server's one message catalog, GET /api/v1/labels?lang= (docs/labels.md),
// whose `enums` (values the code defines) and `reference` (values the reference data
// defines) are merged here into one map of groups under the server's own group names;
// `fields` (the field names of each record kind) is kept apart in `fieldLabel`.
import { Lang } from "./i18n";
import { labelCatalog } from "./labelCatalog";

export type Labels = Record<string, Record<string, string>>;

let fields: Labels = {};

export async function loadLabels(lang: Lang): Promise<Labels> {
  // One fetch per language serves this map and the pages that read the catalog itself.
  const body = await labelCatalog(lang);
  fields = body.fields ?? {};
  return { ...(body.enums ?? {}), ...(body.reference ?? {}) };
}

// The label of `id` in `group`, or the id itself when none is known.
export function label(labels: Labels | null, group: string, id: string | number): string {
  return labels?.[group]?.[String(id)] ?? String(id);
}

// The ids of a group in the order the server gave them (for filter lists).
export function ids(labels: Labels | null, group: string): string[] {
  return Object.keys(labels?.[group] ?? {});
}

// The server's name of a field of a record kind (`service_card`, `actor`, …), or of a field
// every kind shares; the field itself when unknown.
export function fieldLabel(kind: string, field: string): string {
  return fields[kind]?.[field] ?? fields._?.[field] ?? field;
}
