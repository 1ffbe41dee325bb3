// The labels of records' fields from the server's catalog (GET /api/v1/labels: fields by
// record kind, "_" for those every kind shares), fetched once per language.
import { get } from "../api";
import { Lang } from "../i18n";

export type FieldLabels = Record<string, Record<string, string>>;

interface Catalog {
  fields?: FieldLabels;
  enums?: Record<string, Record<string, string>>;
}

const cache = new Map<Lang, Promise<Catalog>>();

function catalog(lang: Lang): Promise<Catalog> {
  let p = cache.get(lang);
  if (!p) {
    p = get<Catalog>("/api/v1/labels", { lang });
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

export const fieldLabels = (lang: Lang): Promise<FieldLabels> => catalog(lang).then((c) => c.fields ?? {});

// Labels of the kinds of records (actor → aktér), for tables that list several kinds.
export const recordKindLabels = (lang: Lang): Promise<Record<string, string>> => catalog(lang).then((c) => c.enums?.record_kinds ?? {});

// A member of a nested object (a contact's name) is not the record's own (the actor's name):
// the kind's labels apply to the record's members, the shared ones below them.
function one(labels: FieldLabels, entity: string, name: string, nested: boolean): string {
  return (nested ? undefined : labels[entity]?.[name]) ?? labels["_"]?.[name] ?? name.replace(/_/g, " ");
}

// "contacts[0].phone" → "kontakty 1: telefon": each part labelled, list positions from 1.
export function fieldLabel(labels: FieldLabels, entity: string, path: string): string {
  return path
    .split(".")
    .map((part, i) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
      if (!m) return part;
      const positions = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => String(Number(x[1]) + 1));
      return [one(labels, entity, m[1], i > 0), ...positions].join(" ");
    })
    .join(": ");
}
