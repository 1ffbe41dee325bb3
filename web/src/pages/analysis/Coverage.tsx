// The coverage matrix of the optimal model (need area × support level) as a heat map:
// every cell's status, its share of children within the norm, and on choosing a cell its
// explanation, the missing service types and the municipalities out of reach.
// GET /api/v1/analysis/coverage.
import { useState } from "preact/hooks";
import { get } from "../../api";
import { formatNumber, t, tDynamic } from "../../i18n";
import { label } from "../../labels";
import { useApp } from "../../session";
import { ErrorNote, Loading } from "../../components";
import { useLoad, useTitle } from "../../hooks";
import { AnalysisTabs, Bilingual, ModeSwitch, percent, pick, ScopePicker, scopeQuery, useParam, useScope, useServerLabels } from "./common";

export const STATUSES = ["covered", "capacity_short", "too_far", "partial", "missing"] as const;

interface CellOfOrp {
  cell: string;
  need_area: string;
  level: number;
  label: Bilingual;
  explanation: Bilingual;
  status: string;
  strong?: boolean;
  share_within_norm: { car: number | null; pt: number | null };
  types: { service_type: string; present: boolean }[];
  types_missing: string[];
  services: unknown[];
  municipalities_out_of_reach: { code: string; name: string; children: number }[];
  norm: { max_minutes_car: number; max_minutes_pt: number };
  norm_unmeetable?: { car: boolean; pt: boolean };
}

interface CellOfArea {
  cell: string;
  need_area: string;
  level: number;
  label: Bilingual;
  explanation: Bilingual;
  share_within_norm: number | null;
  orps_by_status: Record<string, number>;
}

interface CoverageAnswer {
  judged_by: string;
  meanings: Record<string, Bilingual>;
  coverage?: { cells: CellOfOrp[]; children: number; name: string; white_spots: string[] };
  summary?: { cells: CellOfArea[]; orps: { code: string; name: string; cells_by_status: Record<string, number> }[] };
}

// The status that most ORPs of an area have in a cell, the worse one on a tie.
function commonest(byStatus: Record<string, number>): string {
  let best = "covered";
  let n = -1;
  for (const s of STATUSES) if ((byStatus[s] ?? 0) >= n) [best, n] = [s, byStatus[s] ?? 0];
  return best;
}

export function Coverage() {
  const { labels } = useApp();
  const server = useServerLabels();
  const { scope, choices, set, ready } = useScope();
  const [mode, setMode] = useParam("mode", "pt");
  const [chosen, setChosen] = useState<string | null>(null);
  useTitle(t("analysis.coverage.title"));
  const answer = useLoad(
    (signal) => (ready ? get<CoverageAnswer>("/api/v1/analysis/coverage", { ...scopeQuery(scope), mode }, signal) : new Promise<CoverageAnswer>(() => {})),
    [scope.orp, scope.region, mode, ready],
  );
  const d = answer.data;
  const cells: (CellOfOrp | CellOfArea)[] = d?.coverage?.cells ?? d?.summary?.cells ?? [];
  const areas = [...new Set(cells.map((c) => c.need_area))];
  const levels = [...new Set(cells.map((c) => c.level))].sort();
  const statusOf = (c: CellOfOrp | CellOfArea) => ("status" in c ? c.status : commonest(c.orps_by_status));
  const shareOf = (c: CellOfOrp | CellOfArea) => ("status" in c ? c.share_within_norm[mode as "pt" | "car"] : c.share_within_norm);
  const selected = cells.find((c) => c.cell === chosen) ?? null;

  return (
    <section class="analysis">
      <h1>{t("analysis.coverage.title")}</h1>
      <AnalysisTabs path="/analysis/coverage" />
      <div class="analysis-controls">
        <ScopePicker scope={scope} choices={choices} set={set} />
        <ModeSwitch mode={mode} set={setMode} labels={server} />
      </div>
      <p class="hint">{scope.orp ? t("analysis.coverage.hintOrp") : t("analysis.coverage.hintArea")}</p>
      {answer.error ? <ErrorNote error={answer.error} /> : null}
      {answer.loading && <Loading />}
      {d && (
        <div class="coverage-layout">
          <table class="heatmap">
            <caption>{t("analysis.coverage.caption", { where: d.coverage?.name ?? t("analysis.coverage.area") })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analysis.needArea")}</th>
                {levels.map((l) => (
                  <th key={l} scope="col">
                    {l}
                    <span class="lvl-name"> – {label(labels, "support_levels", l)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a}>
                  <th scope="row">{label(labels, "need_areas", a)}</th>
                  {levels.map((l) => {
                    const c = cells.find((x) => x.need_area === a && x.level === l);
                    if (!c) return <td key={l} />;
                    const st = statusOf(c);
                    return (
                      <td key={l} class={"st-" + st + (c.cell === chosen ? " chosen" : "")}>
                        <button type="button" aria-pressed={c.cell === chosen} onClick={() => setChosen(c.cell === chosen ? null : c.cell)}>
                          <span class="st-name">{tDynamic("analysis.status." + st, st)}</span>
                          <span class="st-share">{percent(shareOf(c))}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div class="cell-detail" aria-live="polite">
            {selected ? <CellDetail cell={selected} status={statusOf(selected)} share={shareOf(selected)} meanings={d.meanings} mode={mode} /> : <p class="muted">{t("analysis.coverage.choose")}</p>}
            <h2>{t("analysis.coverage.legend")}</h2>
            <dl class="status-legend">
              {STATUSES.map((s) => (
                <div key={s}>
                  <dt>
                    <span class={"st-chip st-" + s} aria-hidden="true" /> {tDynamic("analysis.status." + s, s)}
                  </dt>
                  <dd>{pick(d.meanings[s])}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      )}
    </section>
  );
}

function CellDetail({ cell, status, share, meanings, mode }: { cell: CellOfOrp | CellOfArea; status: string; share: number | null; meanings: Record<string, Bilingual>; mode: string }) {
  const { labels } = useApp();
  return (
    <div class="detail">
      <h2>{pick(cell.label)}</h2>
      <p>
        <strong>{tDynamic("analysis.status." + status, status)}</strong>: {pick(meanings[status])}
      </p>
      <p>{pick(cell.explanation)}</p>
      <p>{t("analysis.coverage.share", { share: percent(share) })}</p>
      {"status" in cell && (
        <>
          {cell.norm_unmeetable?.[mode as "pt" | "car"] && <p class="note">{pick(meanings.norm_unmeetable)}</p>}
          <h3>{t("analysis.coverage.missingTypes")}</h3>
          {cell.types_missing.length ? (
            <ul class="missing-types">
              {cell.types_missing.map((s) => (
                <li key={s}>{label(labels, "service_types", s)}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("analysis.coverage.noneMissing")}</p>
          )}
          <h3>{t("analysis.coverage.outOfReach", { count: cell.municipalities_out_of_reach.length })}</h3>
          {cell.municipalities_out_of_reach.length > 0 && (
            <p class="small">
              {cell.municipalities_out_of_reach
                .slice(0, 12)
                .map((m) => m.name + " (" + formatNumber(Math.round(m.children)) + ")")
                .join(", ") + (cell.municipalities_out_of_reach.length > 12 ? ", …" : "")}
            </p>
          )}
        </>
      )}
      {"orps_by_status" in cell && (
        <ul class="small">
          {STATUSES.filter((s) => cell.orps_by_status[s]).map((s) => (
            <li key={s}>{t("analysis.coverage.orpsIn", { status: tDynamic("analysis.status." + s, s), count: cell.orps_by_status[s] })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
