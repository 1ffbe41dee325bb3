// The white-spots map: municipalities coloured by the share of the model's cells (or one
// cell) they reach within the norm, or by E2SFCA accessibility of one cell, by public
// transport or car. In an ORP each municipality has its own figure; in a region or the
// country each ORP's figure colours its municipalities. A table lists the lowest places,
// the same figures for those who do not use the map.
import { useMemo } from "preact/hooks";
import { get } from "../../api";
import { formatNumber, t } from "../../i18n";
import { useLoad, useTitle } from "../../hooks";
import { ErrorNote, Loading } from "../../components";
import { LegendItem, MunicipalityMap, NO_DATA, PALETTE } from "../../components/MunicipalityMap";
import { AnalysisTabs, Bilingual, ModeSwitch, pick, ScopePicker, scopeQuery, useParam, useScope, useServerLabels } from "./common";
import { DownloadLink, fileQuery } from "../../components/OpenFormats";

interface Coverage {
  coverage?: { cells: { cell: string; label: Bilingual }[]; municipalities: { code: string; name: string; cells_out_of_reach: string[] }[] };
  summary?: { cells: { cell: string; label: Bilingual }[]; orps: { code: string; name: string; cells_by_status: Record<string, number> }[] };
}

interface Accessibility {
  units: {
    unit: string;
    label: Bilingual;
    municipalities?: { code: string; name?: string; access_per_1000_children: number | null }[];
    orps?: { code: string; name?: string; access_per_1000_children: number | null }[];
  }[];
}

// One figure per place (municipality or ORP code), and which the map colours by.
interface Figures {
  byOrp: boolean;
  values: Map<string, number | null>;
  names: Map<string, string>;
}

const SHARE_LEGEND = ["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"];

export function WhiteSpots() {
  const server = useServerLabels();
  const { scope, choices, set, ready } = useScope();
  const [mode, setMode] = useParam("mode", "pt");
  const [measure, setMeasure] = useParam("measure", "share");
  const [cell, setCell] = useParam("cell", "");
  useTitle(t("analysis.whiteSpots.title"));
  const q = scopeQuery(scope);
  const coverage = useLoad(
    (signal) => (ready ? get<Coverage>("/api/v1/analysis/coverage", { ...q, mode }, signal) : new Promise<Coverage>(() => {})),
    [scope.orp, scope.region, mode, ready],
  );
  const cells = coverage.data?.coverage?.cells ?? coverage.data?.summary?.cells ?? [];
  const accCell = cell || "relationships:3";
  const access = useLoad(
    (signal) =>
      ready && measure === "e2sfca" ? get<Accessibility>("/api/v1/analysis/accessibility", { ...q, mode, cell: accCell }, signal) : Promise.resolve(null),
    [scope.orp, scope.region, mode, measure, accCell, ready],
  );

  const figures = useMemo((): Figures | null => {
    const c = coverage.data;
    if (!c) return null;
    if (measure === "e2sfca") {
      const unit = access.data?.units?.[0];
      if (!unit) return null;
      const rows = scope.orp ? unit.municipalities ?? [] : unit.orps ?? [];
      return { byOrp: !scope.orp, values: new Map(rows.map((r) => [r.code, r.access_per_1000_children])), names: new Map(rows.map((r) => [r.code, r.name ?? r.code])) };
    }
    if (c.coverage) {
      // Municipalities not listed reach every cell.
      const all = c.coverage.cells.length;
      const values = new Map<string, number | null>();
      const names = new Map<string, string>();
      for (const m of c.coverage.municipalities) {
        names.set(m.code, m.name);
        values.set(m.code, cell ? (m.cells_out_of_reach.includes(cell) ? 0 : 1) : 1 - m.cells_out_of_reach.length / all);
      }
      return { byOrp: false, values, names };
    }
    const orps = c.summary?.orps ?? [];
    const share = (s: Record<string, number>) => {
      const total = Object.values(s).reduce((a, b) => a + b, 0);
      return total ? (s.covered ?? 0) / total : null;
    };
    return { byOrp: true, values: new Map(orps.map((o) => [o.code, share(o.cells_by_status)])), names: new Map(orps.map((o) => [o.code, o.name])) };
  }, [coverage.data, access.data, measure, cell, scope.orp]);

  // Accessibility has no fixed scale: five classes by quantiles of the figures.
  const breaks = useMemo(() => {
    if (!figures || measure !== "e2sfca") return [0.2, 0.4, 0.6, 0.8];
    const v = [...figures.values.values()].filter((x): x is number => x != null).sort((a, b) => a - b);
    if (!v.length) return [0, 0, 0, 0];
    return [0.2, 0.4, 0.6, 0.8].map((p) => v[Math.min(v.length - 1, Math.floor(p * v.length))]);
  }, [figures, measure]);
  const classOf = (x: number | null | undefined) => (x == null ? -1 : breaks.filter((b) => x >= b).length);

  const colorOf = useMemo(() => {
    const f = figures;
    return (code: string, orp?: string) => {
      if (!f) return NO_DATA;
      const key = f.byOrp ? orp ?? "" : code;
      if (!f.values.has(key)) return f.byOrp || measure === "e2sfca" ? NO_DATA : PALETTE[4];
      const k = classOf(f.values.get(key));
      return k < 0 ? NO_DATA : PALETTE[k];
    };
  }, [figures, breaks]);

  const fmt = (x: number | null | undefined) => (x == null ? t("analysis.whiteSpots.noSupply") : measure === "e2sfca" ? formatNumber(Math.round(x * 10) / 10) : Math.round(x * 100) + " %");
  const legend: LegendItem[] =
    measure === "e2sfca"
      ? [
          ...[0, 1, 2, 3, 4].map((k) => ({ swatch: k, label: k === 0 ? "< " + fmt(breaks[0]) : k === 4 ? "≥ " + fmt(breaks[3]) : fmt(breaks[k - 1]) + " – " + fmt(breaks[k]) })),
          { swatch: "none" as const, label: t("analysis.whiteSpots.noSupply") },
        ]
      : [...SHARE_LEGEND.map((l, k) => ({ swatch: k, label: l })), { swatch: "none" as const, label: t("analysis.whiteSpots.noData") }];
  const lowest = figures ? [...figures.values.entries()].sort((a, b) => (a[1] ?? -1) - (b[1] ?? -1)).slice(0, 10) : [];
  const error = coverage.error ?? access.error;

  return (
    <section class="analysis">
      <h1>{t("analysis.whiteSpots.title")}</h1>
      <AnalysisTabs path="/analysis/white-spots" />
      <div class="analysis-controls">
        <ScopePicker scope={scope} choices={choices} set={set} />
        <ModeSwitch mode={mode} set={setMode} labels={server} />
        <div class="field">
          <label for="ws-measure">{t("analysis.whiteSpots.measure")}</label>
          <select id="ws-measure" value={measure} onChange={(e) => setMeasure(e.currentTarget.value)}>
            <option value="share">{t("analysis.whiteSpots.share")}</option>
            <option value="e2sfca">{t("analysis.whiteSpots.e2sfca")}</option>
          </select>
        </div>
        <div class="field">
          <label for="ws-cell">{t("analysis.whiteSpots.cell")}</label>
          <select id="ws-cell" value={measure === "e2sfca" ? accCell : cell} onChange={(e) => setCell(e.currentTarget.value)}>
            {measure !== "e2sfca" && <option value="">{t("analysis.whiteSpots.allCells")}</option>}
            {cells.map((c) => (
              <option key={c.cell} value={c.cell}>
                {pick(c.label)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="hint">{figures?.byOrp ? t("analysis.whiteSpots.hintOrps") : t("analysis.whiteSpots.hintMunicipalities")}</p>
      {error ? <ErrorNote error={error} /> : null}
      {(coverage.loading || access.loading) && <Loading />}
      <div class="map-and-table">
        <MunicipalityMap
          region={scope.orp ? undefined : scope.region || undefined}
          orp={scope.orp || undefined}
          label={t("analysis.whiteSpots.mapLabel")}
          colorOf={colorOf}
          titleOf={(code, name) => {
            const key = figures?.byOrp ? "" : code;
            return key && figures?.values.has(key) ? name + ": " + fmt(figures.values.get(key)) : name;
          }}
          legendTitle={measure === "e2sfca" ? t("analysis.whiteSpots.legendE2sfca", { unit: pick(access.data?.units?.[0]?.label) }) : t("analysis.whiteSpots.legendShare")}
          legend={legend}
        />
        {figures && (
          <table class="lowest">
            <caption>{figures.byOrp ? t("analysis.whiteSpots.lowestOrps") : t("analysis.whiteSpots.lowestMunicipalities")}</caption>
            <thead>
              <tr>
                <th scope="col">{figures.byOrp ? t("catalog.orp") : t("analysis.municipality")}</th>
                <th scope="col">{t("analysis.whiteSpots.figure")}</th>
              </tr>
            </thead>
            <tbody>
              {lowest.map(([code, v]) => (
                <tr key={code}>
                  <td>{figures.names.get(code) ?? code}</td>
                  <td>{fmt(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p>
        <DownloadLink
          id="municipalities-geojson"
          href={"/api/v1/analysis/municipalities.geojson" + fileQuery(scope.orp ? { orp: scope.orp, mode } : scope.region ? { region: scope.region, mode } : { mode })}
          label={t("openFormats.municipalitiesGeojson")}
        />
      </p>
    </section>
  );
}
