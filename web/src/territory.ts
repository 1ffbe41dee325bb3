// The ORPs and regions of the country, fetched once: names for codes and choices for filters.
import { get } from "./api";

export interface Orp {
  code: string;
  name: string;
  region_code: string;
  population: number;
  children_0_17: number;
  municipality_count: number;
}

export interface Region {
  code: string;
  name: string;
  orp_count: number;
  population: number;
}

let orps: Promise<Orp[]> | null = null;
let regions: Promise<Region[]> | null = null;

export function allOrps(): Promise<Orp[]> {
  orps ??= get<{ items: Orp[] }>("/api/v1/orps").then((r) => r.items);
  orps.catch(() => (orps = null));
  return orps;
}

export function allRegions(): Promise<Region[]> {
  regions ??= get<{ items: Region[] }>("/api/v1/regions").then((r) => r.items);
  regions.catch(() => (regions = null));
  return regions;
}

// One collator: building one per comparison (localeCompare with a locale) costs ~1 ms.
export const collator = new Intl.Collator("cs");
export const byName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);
