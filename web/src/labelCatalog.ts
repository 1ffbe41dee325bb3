// The server's message catalog, GET /api/v1/labels?lang=: the labels of the code's
// enumerations (`enums`: meeting formats, need and step statuses, …), of the reference data
// (`reference`: meeting categories, need areas, network-need categories, …) and the field
// names (`fields`), fetched once per language.
import { get } from "./api";
import { currentLang, Lang } from "./i18n";
import { useLoad } from "./hooks";

type Group = Record<string, string>;

export interface LabelCatalog {
  lang: Lang;
  enums: Record<string, Group>;
  fields: Record<string, Group>;
  reference: Record<string, Group>;
}

const cache = new Map<Lang, Promise<LabelCatalog>>();

export function labelCatalog(lang: Lang = currentLang()): Promise<LabelCatalog> {
  let p = cache.get(lang);
  if (!p) {
    p = get<LabelCatalog>("/api/v1/labels", { lang });
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

// The catalog of the current language (undefined while it loads).
export function useLabelCatalog(): LabelCatalog | undefined {
  const lang = currentLang();
  return useLoad(() => labelCatalog(lang), [lang]).data;
}

export const enumLabel = (c: LabelCatalog | undefined, group: string, id: string) => c?.enums[group]?.[id] ?? id;
export const refLabel = (c: LabelCatalog | undefined, group: string, id: string) => c?.reference[group]?.[id] ?? id;

// The ids of a group in the order the reference document lists them (the seeds' order),
// e.g. GET /api/v1/reference/meeting-categories.
const orders = new Map<string, Promise<string[]>>();
export function referenceOrder(doc: string): Promise<string[]> {
  let p = orders.get(doc);
  if (!p) {
    p = get<{ id: string }[]>("/api/v1/reference/" + doc).then((list) => list.map((e) => e.id));
    p.catch(() => orders.delete(doc));
    orders.set(doc, p);
  }
  return p;
}
