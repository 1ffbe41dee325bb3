// What if: a hypothetical service placed in a municipality of the ORP (on the map, by
// typing its name or from the ranked candidate seats), and how coverage and
// accessibility would change. Nothing is saved (POST /api/v1/analysis/what-if).
import { useMemo, useState } from "preact/hooks";
import { api, get } from "../../api";
import { formatNumber, t, tDynamic } from "../../i18n";
import { collator } from "../../territory";
import { ids, label } from "../../labels";
import { useApp } from "../../session";
import { useLoad, useTitle } from "../../hooks";
import { ErrorNote, Loading } from "../../components";
import { MunicipalityMap, NO_DATA, PALETTE } from "../../components/MunicipalityMap";
import { MunicipalityChoice, MunicipalityField } from "../../components/MunicipalityField";
import { AnalysisTabs, Bilingual, ModeSwitch, percent, pick, ScopePicker, useParam, useScope, useServerLabels } from "./common";

interface Candidate {
  code: string;
  name: string;
  children_gained: number;
  municipalities_gained: number;
}

interface CellChange {
  cell: string;
  before: { status: string; services: number; share_within_norm: { car: number | null; pt: number | null }; types_missing: string[] };
  after: { status: string; services: number; share_within_norm: { car: number | null; pt: number | null }; types_missing: string[] };
  children_newly_within_norm: number;
}

interface WhatIfAnswer {
  coverage: { code: string; name: string; children_newly_within_norm: number; cells: CellChange[]; white_spots_before: string[]; white_spots_after: string[] }[];
  accessibility: { cell: string; units: { unit: string; municipalities_changed: number; capacity_total_before: number; capacity_total_after: number }[] }[];
  meanings: Record<string, Bilingual>;
  saved: boolean;
}

export function WhatIf() {
  const { labels } = useApp();
  const server = useServerLabels();
  const { scope, choices, set, ready } = useScope(false);
  const [mode, setMode] = useParam("mode", "pt");
  const [type, setType] = useParam("service_type", "ngo_family_centre");
  const [place, setPlace] = useState<MunicipalityChoice | null>(null);
  const [capacity, setCapacity] = useState("");
  const [result, setResult] = useState<WhatIfAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t("analysis.whatIf.title"));
  const orp = scope.orp || choices.orps[0]?.code || "";
  const candidates = useLoad(
    (signal) => (ready && orp ? get<{ items: Candidate[] }>("/api/v1/analysis/candidates", { orp, service_type: type, mode, limit: 5 }, signal) : new Promise<{ items: Candidate[] }>(() => {})),
    [orp, type, mode, ready],
  );
  const types = useMemo(
    () => ids(labels, "service_types").sort((a, b) => collator.compare(label(labels, "service_types", a), label(labels, "service_types", b))),
    [labels],
  );
  const ranks = new Map((candidates.data?.items ?? []).map((c, i) => [c.code, i]));
  const colorOf = useMemo(() => (code: string) => (ranks.has(code) ? PALETTE[4 - Math.min(4, ranks.get(code)!)] : NO_DATA), [candidates.data]);

  const run = async () => {
    if (!place) return;
    setBusy(true);
    setError(null);
    try {
      const add: Record<string, unknown> = { service_type: type, municipality: place.code };
      if (capacity) add.capacity = Number(capacity);
      setResult(await api<WhatIfAnswer>("POST", "/api/v1/analysis/what-if", { add: [add], mode }));
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="analysis">
      <h1>{t("analysis.whatIf.title")}</h1>
      <AnalysisTabs path="/analysis/what-if" />
      <p class="hint">{t("analysis.whatIf.hint")}</p>
      <div class="analysis-controls">
        <ScopePicker scope={{ orp, region: "" }} choices={choices} set={set} orpOnly />
        <ModeSwitch mode={mode} set={setMode} labels={server} />
      </div>
      <div class="whatif-layout">
        <form
          class="whatif-form"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <div class="field">
            <label for="wi-type">{t("catalog.serviceType")}</label>
            <select id="wi-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
              {types.map((id) => (
                <option key={id} value={id}>
                  {label(labels, "service_types", id)}
                </option>
              ))}
            </select>
          </div>
          <MunicipalityField id="wi-place" label={t("analysis.whatIf.place")} value={place} onChange={setPlace} orp={orp} />
          <div class="field">
            <label for="wi-capacity">{t("analysis.whatIf.capacity")}</label>
            <input id="wi-capacity" type="number" min={0} inputMode="decimal" value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />
          </div>
          <button type="submit" disabled={!place || busy}>
            {t("analysis.whatIf.run")}
          </button>
          <h2>{t("analysis.whatIf.candidates")}</h2>
          {candidates.error ? <ErrorNote error={candidates.error} /> : null}
          {candidates.data && candidates.data.items.length === 0 && <p class="muted">{t("analysis.whatIf.noCandidates")}</p>}
          <ol class="candidates">
            {(candidates.data?.items ?? []).map((c) => (
              <li key={c.code}>
                <button type="button" class="secondary" onClick={() => setPlace({ code: c.code, name: c.name, orp_code: orp, orp_name: "" })}>
                  {c.name}
                </button>{" "}
                {t("analysis.whatIf.gain", { children: formatNumber(Math.round(c.children_gained)), municipalities: c.municipalities_gained })}
              </li>
            ))}
          </ol>
        </form>
        <MunicipalityMap
          orp={orp || undefined}
          label={t("analysis.whatIf.mapLabel")}
          colorOf={colorOf}
          legendTitle={t("analysis.whatIf.legend")}
          legend={[
            { swatch: 4, label: t("analysis.whatIf.best") },
            { swatch: 0, label: t("analysis.whatIf.fifth") },
            { swatch: "hypothetical", label: t("analysis.whatIf.hypothetical") },
          ]}
          points={place ? [{ code: place.code, title: t("analysis.whatIf.hypotheticalAt", { name: place.name }), kind: "hypothetical" }] : []}
          selected={place?.code ?? null}
          onPick={(code, name) => setPlace({ code, name, orp_code: orp, orp_name: "" })}
        />
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {busy && <Loading />}
      {result && <WhatIfResult result={result} mode={mode} />}
    </section>
  );
}

function WhatIfResult({ result, mode }: { result: WhatIfAnswer; mode: string }) {
  const m = mode as "pt" | "car";
  return (
    <section class="whatif-result" aria-live="polite">
      <h2>{t("analysis.whatIf.result")}</h2>
      {result.coverage.map((o) => (
        <div key={o.code}>
          <p class="figure">
            {t("analysis.whatIf.newly", { name: o.name, children: (o.children_newly_within_norm > 0 ? "+" : "") + formatNumber(Math.round(o.children_newly_within_norm)) })}
          </p>
          <p>{t("analysis.whatIf.whiteSpots", { before: o.white_spots_before.length, after: o.white_spots_after.length })}</p>
          <table class="changes">
            <caption>{t("analysis.whatIf.cellsCaption", { name: o.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analysis.whatIf.cell")}</th>
                <th scope="col">{t("analysis.whatIf.before")}</th>
                <th scope="col">{t("analysis.whatIf.after")}</th>
                <th scope="col">{t("analysis.whatIf.shareBefore")}</th>
                <th scope="col">{t("analysis.whatIf.shareAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {o.cells.map((c) => (
                <tr key={c.cell}>
                  <th scope="row">{c.cell}</th>
                  <td class={"st-" + c.before.status}>{tDynamic("analysis.status." + c.before.status, c.before.status)}</td>
                  <td class={"st-" + c.after.status}>{tDynamic("analysis.status." + c.after.status, c.after.status)}</td>
                  <td>{percent(c.before.share_within_norm[m])}</td>
                  <td class="share-after">{percent(c.after.share_within_norm[m])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>{t("analysis.whatIf.accessibility")}</h3>
      <ul>
        {result.accessibility.flatMap((a) =>
          a.units.map((u) => (
            <li key={a.cell + u.unit}>
              {t("analysis.whatIf.accessChange", { cell: a.cell, unit: u.unit, count: u.municipalities_changed, before: formatNumber(u.capacity_total_before), after: formatNumber(u.capacity_total_after) })}
            </li>
          )),
        )}
      </ul>
      <p class="muted small">{t("analysis.whatIf.notSaved")}</p>
    </section>
  );
}
