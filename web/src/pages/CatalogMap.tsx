// The catalog's map and municipality filter: the places of the services on the page of
// results (as the API gives them: a confidential address never reaches those who may
// not see it), drawn on the municipalities' boundaries, and a filter by municipality
// picked by typing its name.
import { useMemo, useState } from "preact/hooks";
import { t } from "../i18n";
import { MunicipalityMap, MapPoint, NO_DATA, PALETTE } from "../components/MunicipalityMap";
import { MunicipalityChoice, MunicipalityField } from "../components/MunicipalityField";
import type { CardSummary } from "./Catalog";
import "../styles/catalog-map.css";

export function CatalogMap({ cards, region, orp }: { cards: CardSummary[]; region?: string; orp?: string }) {
  const { counts, points } = useMemo(() => {
    const counts = new Map<string, number>();
    const names = new Map<string, string[]>();
    for (const c of cards)
      for (const m of c.municipalities) {
        if (!m.code || !m.name) continue; // a card serving a whole ORP names no place
        counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
        names.set(m.code, [...(names.get(m.code) ?? []), c.name]);
      }
    const points: MapPoint[] = [...names.entries()].map(([code, list]) => ({ code, title: list.slice(0, 5).join("\n") + (list.length > 5 ? "\n…" : ""), kind: "service" }));
    return { counts, points };
  }, [cards]);
  const colorOf = useMemo(
    () => (code: string) => {
      const n = counts.get(code) ?? 0;
      return n === 0 ? NO_DATA : n === 1 ? PALETTE[2] : n < 5 ? PALETTE[3] : PALETTE[4];
    },
    [counts],
  );
  return (
    <section class="catalog-map" aria-labelledby="catalog-map-title">
      <h2 id="catalog-map-title">{t("catalog.map")}</h2>
      <MunicipalityMap
        region={orp ? undefined : region || undefined}
        orp={orp || undefined}
        label={t("catalog.map")}
        colorOf={colorOf}
        legendTitle={t("catalog.mapLegend")}
        legend={[
          { swatch: 2, label: t("catalog.mapOne") },
          { swatch: 3, label: t("catalog.mapFew") },
          { swatch: 4, label: t("catalog.mapMany") },
          { swatch: "none", label: t("catalog.mapNone") },
        ]}
        points={points}
      >
        <p class="muted small">{t("catalog.mapPage")}</p>
      </MunicipalityMap>
    </section>
  );
}

// The municipality filter: the address keeps the code, the field shows the name picked.
export function MunicipalityFilter({ code, region, orp, set }: { code: string; region?: string; orp?: string; set: (code: string) => void }) {
  const [chosen, setChosen] = useState<MunicipalityChoice | null>(null);
  const value = code ? (chosen?.code === code ? chosen : { code, name: code, orp_code: "", orp_name: "" }) : null;
  return (
    <MunicipalityField
      id="f-municipality"
      label={t("catalog.municipality")}
      value={value}
      region={region}
      orp={orp}
      onChange={(m) => {
        setChosen(m);
        set(m?.code ?? "");
      }}
    />
  );
}
