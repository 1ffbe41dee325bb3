// "Síťování v číslech": the monitoring table of a territory and a period (GET
// /api/v1/monitoring) — the figures, a column per ORP of a region (per region of the
// country), the monthly trend as a chart with its table, and the CSV for Excel.
import { useState } from "preact/hooks";
import { get, queryString } from "../api";
import { currentLang, formatDate, formatNumber, t } from "../i18n";
import { navigate, useLocation } from "../router";
import { useApp, User } from "../session";
import { allOrps, allRegions, byName, Orp, Region } from "../territory";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { TrendChart } from "../components/TrendChart";
import "../styles/admin.css";
import { XlsxLink } from "../components/XlsxLink";

interface Column {
  code: string;
  level: "orp" | "region" | "country";
  name: string;
  total?: boolean;
}

interface Row {
  key: string;
  cs: string;
  en: string;
  values: number[];
}

interface MonitoringAnswer {
  scope: { from: string; to: string; region?: string; orp?: string };
  meetings: { total: number; with_record: number };
  records: number;
  service_cards: number;
  needs: { total: number };
  steps: { overdue: number; done: number };
  trend: { month: string; meetings: number; needs: number; steps: number }[];
  table: { columns: Column[]; rows: Row[] };
}

interface Scope {
  orp?: string;
  region?: string;
  from?: string;
  to?: string;
}

// The territories the user may choose and the one shown first (the server decides; the
// list only spares a choice it would refuse).
function choices(user: User, orps: Orp[], regions: Region[]) {
  const everywhere = user.role === "admin" || user.role === "methodologist";
  if (everywhere) return { country: true, orps, regions };
  if (user.role === "regional_coordinator")
    return { country: false, orps: orps.filter((o) => user.territories.includes(o.region_code)), regions: regions.filter((r) => user.territories.includes(r.code)) };
  return { country: false, orps: orps.filter((o) => user.territories.includes(o.code)), regions: [] as Region[] };
}

function defaultScope(user: User): Scope {
  if (user.role === "regional_coordinator") return { region: user.territories[0] };
  if (user.role === "networker" || user.role === "viewer") return { orp: user.territories[0] };
  return {};
}

// "2026-03" as "3/2026" (Czech) or "Mar 2026": short enough for the chart's axis.
const monthLabel = (m: string) => {
  const [y, mo] = m.split("-").map(Number);
  if (!y || !mo) return m;
  if (currentLang() === "cs") return `${mo}/${y}`;
  return new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric" }).format(new Date(y, mo - 1, 15));
};

export function Monitoring() {
  const { session } = useApp();
  const loc = useLocation();
  useTitle(t("monitoring.title"));
  const territory = useLoad(() => Promise.all([allOrps(), allRegions()]), []);
  const q = loc.query;
  const named: Scope = { orp: q.get("orp") ?? undefined, region: q.get("region") ?? undefined, from: q.get("from") ?? undefined, to: q.get("to") ?? undefined };
  const scope = session && !named.orp && !named.region && !q.has("country") ? { ...defaultScope(session.user), from: named.from, to: named.to } : named;
  const data = useLoad((signal) => get<MonitoringAnswer>("/api/v1/monitoring", { orp: scope.orp, region: scope.region, from: scope.from, to: scope.to }, signal), [scope.orp, scope.region, scope.from, scope.to]);
  if (!session) return null;
  if (territory.error) return <ErrorNote error={territory.error} />;
  if (!territory.data) return <Loading />;
  const [orps, regions] = territory.data;
  const mine = choices(session.user, [...orps].sort(byName), [...regions].sort(byName));
  const placeName = scope.orp ? t("territory.orpName", { name: orps.find((o) => o.code === scope.orp)?.name ?? scope.orp }) : scope.region ? regions.find((r) => r.code === scope.region)?.name ?? scope.region : t("monitoring.country");
  return (
    <section class="monitoring">
      <h1>
        {t("monitoring.title")}: {placeName}
      </h1>
      <ScopeForm scope={scope} mine={mine} answered={data.data?.scope} />
      {data.error ? <ErrorNote error={data.error} /> : !data.data ? <Loading /> : <Figures m={data.data} scope={scope} />}
    </section>
  );
}

function ScopeForm({ scope, mine, answered }: { scope: Scope; mine: ReturnType<typeof choices>; answered?: { from: string; to: string } }) {
  const current = scope.orp ? "orp:" + scope.orp : scope.region ? "region:" + scope.region : "";
  const [place, setPlace] = useState(current);
  const [from, setFrom] = useState(scope.from ?? "");
  const [to, setTo] = useState(scope.to ?? "");
  const submit = (e: Event) => {
    e.preventDefault();
    const [level, code] = place.split(":");
    navigate("/monitoring" + queryString({ orp: level === "orp" ? code : undefined, region: level === "region" ? code : undefined, country: place === "" ? "1" : undefined, from, to }));
  };
  return (
    <form class="scope-form" onSubmit={submit}>
      <div class="field">
        <label for="mon-place">{t("monitoring.territory")}</label>
        <select id="mon-place" value={place} onChange={(e) => setPlace(e.currentTarget.value)}>
          {mine.country && <option value="">{t("monitoring.country")}</option>}
          {mine.regions.map((r) => (
            <option key={r.code} value={"region:" + r.code}>
              {r.name}
            </option>
          ))}
          {mine.orps.map((o) => (
            <option key={o.code} value={"orp:" + o.code}>
              {t("territory.orpName", { name: o.name })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="mon-from">{t("monitoring.from")}</label>
        <input id="mon-from" type="date" value={from || answered?.from || ""} onInput={(e) => setFrom(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="mon-to">{t("monitoring.to")}</label>
        <input id="mon-to" type="date" value={to || answered?.to || ""} onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <button type="submit">{t("monitoring.show")}</button>
    </form>
  );
}

function Figures({ m, scope }: { m: MonitoringAnswer; scope: Scope }) {
  const lang = currentLang();
  const csv = "/api/v1/monitoring.csv" + queryString({ orp: scope.orp, region: scope.region, from: scope.from, to: scope.to, lang });
  const tiles: [string, number, boolean?][] = [
    [t("monitoring.meetings"), m.meetings.total],
    [t("monitoring.records"), m.records],
    [t("monitoring.cards"), m.service_cards],
    [t("monitoring.needs"), m.needs.total],
    [t("monitoring.stepsDone"), m.steps.done],
    [t("monitoring.overdue"), m.steps.overdue, m.steps.overdue > 0],
  ];
  const months = m.trend.map((x) => x.month);
  return (
    <>
      {(m.scope.from || m.scope.to) && <p class="muted">{t("monitoring.period", { from: m.scope.from ? formatDate(m.scope.from) : "", to: m.scope.to ? formatDate(m.scope.to) : "" })}</p>}
      <ul class="tiles">
        {tiles.map(([label, value, warn]) => (
          <li class="tile" key={label}>
            <span class={"tile-value" + (warn ? " overdue" : "")}>{formatNumber(value)}</span>
            <span class="tile-label">{label}</span>
          </li>
        ))}
      </ul>
      <p>
        <a class="button secondary" href={csv} download={`monitoring-${scope.orp ?? scope.region ?? "cr"}.csv`}>
          {t("monitoring.csv")}
        </a>{" "}
        <XlsxLink path="/api/v1/monitoring.xlsx" filters={["orp", "region", "from", "to"]} extra={{ orp: scope.orp, region: scope.region, from: scope.from, to: scope.to }} />
      </p>
      <h2 id="mon-table">{t("monitoring.table")}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="mon-table">
        <table class="figures">
          <caption class="visually-hidden">{t("monitoring.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("monitoring.indicator")}</th>
              {m.table.columns.map((c) => (
                <th scope="col" key={c.code + (c.total ? "-total" : "")} class={c.total ? "total" : ""}>
                  {c.total ? t("monitoring.total") : c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.table.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{lang === "en" ? r.en : r.cs}</th>
                {r.values.map((v, i) => (
                  <td key={i} class={"num" + (m.table.columns[i]?.total ? " total" : "")}>
                    {formatNumber(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("monitoring.trend")}</h2>
      {months.length === 0 ? (
        <p class="muted">{t("monitoring.noTrend")}</p>
      ) : (
        <TrendChart
          title={t("monitoring.chartLabel", { series: [t("monitoring.series.meetings"), t("monitoring.series.needs"), t("monitoring.series.steps")].join(", ") })}
          months={months}
          monthLabel={monthLabel}
          series={[
            { id: "meetings", label: t("monitoring.series.meetings"), values: m.trend.map((x) => x.meetings) },
            { id: "needs", label: t("monitoring.series.needs"), values: m.trend.map((x) => x.needs) },
            { id: "steps", label: t("monitoring.series.steps"), values: m.trend.map((x) => x.steps) },
          ]}
        />
      )}
    </>
  );
}
