// The cooperation network of an ORP or a region: a graph coloured by sector and sized
// by a chosen centrality, the metrics table with the API's plain-language meanings, the
// cross-border ties, and a before/after comparison between two dates.
// GET /api/v1/analysis/network and /analysis/network/changes.
import { useMemo } from "preact/hooks";
import { get } from "../../api";
import { currentLang, t } from "../../i18n";
import { label } from "../../labels";
import { useApp } from "../../session";
import { useLoad, useTitle } from "../../hooks";
import { ErrorNote, Loading } from "../../components";
import { GraphEdge, GraphNode, NetworkGraph, SECTOR_COLORS } from "../../components/NetworkGraph";
import { AnalysisTabs, Bilingual, pick, ScopePicker, scopeQuery, useParam, useScope, useServerLabels } from "./common";
import { DownloadLink, fileQuery } from "../../components/OpenFormats";

interface ActorFigures {
  id: number;
  name: string;
  sector: string;
  degree: number;
  degree_centrality: number;
  betweenness: number;
  closeness: number;
  harmonic_closeness: number;
  coreness: number;
  ei: number | null;
}

interface NetworkAnswer {
  actors: number;
  ties: number;
  density: number | null;
  isolates: number;
  items: ActorFigures[];
  total: number;
  meanings: Record<string, Bilingual>;
  notes: string[];
  border_ties: { actor: number; name: string; other_actor: number; other_name: string; other_orp: string; types: string[] }[];
  communities: { count: number; modularity: number | null };
  components: { count: number };
  centralization: Record<string, number | null>;
}

interface Side {
  actors: number;
  ties: number;
  density: number | null;
  cross_sector_ties: number;
  ei: number | null;
}

interface ChangesAnswer {
  before: Side;
  after: Side;
  added: { actor_a: number; actor_b: number; cross_sector: boolean }[];
  new_ties: number;
  ended_ties: number;
  new_cross_sector_ties: number;
  ended_cross_sector_ties: number;
}

const CENTRALITIES = ["degree_centrality", "betweenness", "closeness", "harmonic_closeness", "coreness"] as const;
// The API sorts by these names; coreness has none (the page sorts its table itself).
const SORT_OF: Record<string, string> = { degree_centrality: "degree", betweenness: "betweenness", closeness: "closeness", harmonic_closeness: "harmonic" };
const today = () => new Date().toISOString().slice(0, 10);
const decimals = new Map<string, Intl.NumberFormat>();
// A figure with up to `digits` decimals, as the person's language writes it.
const round = (x: number | null | undefined, digits = 3) => {
  if (x == null) return "–";
  const key = currentLang() + digits;
  if (!decimals.has(key)) decimals.set(key, new Intl.NumberFormat(currentLang(), { maximumFractionDigits: digits }));
  return decimals.get(key)!.format(x);
};

export function Network() {
  const { labels } = useApp();
  const server = useServerLabels();
  const { scope, choices, set, ready } = useScope(false);
  const [by, setBy] = useParam("size", "betweenness");
  const [ties, setTies] = useParam("ties", "both");
  const [from, setFrom] = useParam("from", "2016-01-01");
  const [to, setTo] = useParam("to", today());
  useTitle(t("analysis.network.title"));
  const q = scopeQuery(scope);
  const network = useLoad(
    (signal) => (ready ? get<NetworkAnswer>("/api/v1/analysis/network", { ...q, ties, limit: 2000, sort: SORT_OF[by] ?? "degree" }, signal) : new Promise<NetworkAnswer>(() => {})),
    [scope.orp, scope.region, ties, by, ready],
  );
  // Every tie in force today: the changes from before any record to today.
  const edges = useLoad(
    (signal) => (ready ? get<ChangesAnswer>("/api/v1/analysis/network/changes", { ...q, ties, from: "1990-01-01", to: today() }, signal) : new Promise<ChangesAnswer>(() => {})),
    [scope.orp, scope.region, ties, ready],
  );
  const changes = useLoad(
    (signal) => (ready && from && to ? get<ChangesAnswer>("/api/v1/analysis/network/changes", { ...q, ties, from, to }, signal) : new Promise<ChangesAnswer>(() => {})),
    [scope.orp, scope.region, ties, from, to, ready],
  );

  const sectors = useMemo(() => [...new Set((network.data?.items ?? []).map((a) => a.sector))].sort(), [network.data]);
  const graph = useMemo(() => {
    const n = network.data;
    const e = edges.data;
    if (!n || !e) return null;
    const max = Math.max(1e-9, ...n.items.map((a) => Number(a[by as keyof ActorFigures] ?? 0)));
    const nodes: GraphNode[] = n.items.map((a) => ({
      id: String(a.id),
      label: a.name,
      color: SECTOR_COLORS[sectors.indexOf(a.sector) % SECTOR_COLORS.length],
      size: Number(a[by as keyof ActorFigures] ?? 0) / max,
    }));
    const inside = new Set(nodes.map((x) => x.id));
    const list: GraphEdge[] = e.added.filter((x) => inside.has(String(x.actor_a)) && inside.has(String(x.actor_b))).map((x) => ({ source: String(x.actor_a), target: String(x.actor_b) }));
    for (const b of n.border_ties) {
      const a = String(b.actor);
      const o = String(b.other_actor);
      const [mine, other, otherName] = inside.has(a) ? [a, o, b.other_name] : [o, a, b.name];
      if (!inside.has(mine)) continue;
      if (!nodes.some((x) => x.id === other)) nodes.push({ id: other, label: otherName, color: "#ffffff", size: 0.2, outside: true });
      list.push({ source: mine, target: other, border: true });
    }
    return { nodes, edges: list };
  }, [network.data, edges.data, by, sectors]);

  const n = network.data;
  const top = n ? [...n.items].sort((a, b) => Number(b[by as keyof ActorFigures] ?? 0) - Number(a[by as keyof ActorFigures] ?? 0)).slice(0, 15) : [];
  const meaning = (k: string) => pick(n?.meanings?.[k]);
  return (
    <section class="analysis">
      <h1>{t("analysis.network.title")}</h1>
      <AnalysisTabs path="/analysis/network" />
      <div class="analysis-controls">
        <ScopePicker scope={scope} choices={choices} set={set} />
        <div class="field">
          <label for="nw-ties">{t("analysis.network.ties")}</label>
          <select id="nw-ties" value={ties} onChange={(e) => setTies(e.currentTarget.value)}>
            {["both", "declared", "derived"].map((x) => (
              <option key={x} value={x}>
                {t(("analysis.network.ties." + x) as any)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="nw-size">{t("analysis.network.sizeBy")}</label>
          <select id="nw-size" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
            {CENTRALITIES.map((c) => (
              <option key={c} value={c}>
                {t(("analysis.network.m." + c) as any)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {network.error ? <ErrorNote error={network.error} /> : null}
      {edges.error && !network.error ? <ErrorNote error={edges.error} /> : null}
      {network.loading && <Loading />}
      {n && (
        <>
          <p class="summary">
            {t("analysis.network.summary", { actors: n.actors, ties: n.ties, density: round(n.density), isolates: n.isolates, communities: n.communities.count })}
          </p>
          <div class="network-layout">
            <div>
              {graph && <NetworkGraph nodes={graph.nodes} edges={graph.edges} label={t("analysis.network.graphLabel", { actors: n.actors, ties: n.ties })} />}
              <ul class="sector-legend" aria-label={t("analysis.network.legend")}>
                {sectors.map((s, i) => (
                  <li key={s}>
                    <span class={"swatch sector-" + (i % SECTOR_COLORS.length)} aria-hidden="true" />
                    {label(labels, "sectors", s)}
                  </li>
                ))}
                <li>
                  <span class="swatch swatch-outside" aria-hidden="true" />
                  {t("analysis.network.outside")}
                </li>
              </ul>
              <p class="muted small">{t("analysis.network.sizeNote", { measure: t(("analysis.network.m." + by) as any) })}</p>
            </div>
            <div class="network-tables" tabIndex={0} role="region" aria-label={t("analysis.network.metrics")}>
              <table class="metrics">
                <caption>{t("analysis.network.metrics")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analysis.network.actor")}</th>
                    <th scope="col">{t("catalog.sector")}</th>
                    {CENTRALITIES.map((c) => (
                      <th key={c} scope="col" aria-sort={c === by ? "descending" : undefined}>
                        {t(("analysis.network.m." + c) as any)}
                      </th>
                    ))}
                    <th scope="col">{t("analysis.network.m.ei")}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.name}</th>
                      <td>{label(labels, "sectors", a.sector)}</td>
                      <td>{round(a.degree_centrality)}</td>
                      <td>{round(a.betweenness)}</td>
                      <td>{round(a.closeness)}</td>
                      <td>{round(a.harmonic_closeness)}</td>
                      <td>{a.coreness}</td>
                      <td>{round(a.ei, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <h2>{t("analysis.network.meanings")}</h2>
          <dl class="meanings">
            {["degree", "betweenness", "closeness", "harmonic_closeness", "coreness", "ei", "density", "communities", "crosses_border"].map((k) =>
              meaning(k) ? (
                <div key={k}>
                  <dt>{t(("analysis.network.m." + (k === "degree" ? "degree_centrality" : k)) as any)}</dt>
                  <dd>{meaning(k)}</dd>
                </div>
              ) : null,
            )}
          </dl>
          <h2>{t("analysis.network.border")}</h2>
          {n.border_ties.length === 0 ? (
            <p class="muted">{t("analysis.network.noBorder")}</p>
          ) : (
            <table class="border-ties">
              <caption>{t("analysis.network.borderCaption", { count: n.border_ties.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analysis.network.actor")}</th>
                  <th scope="col">{t("analysis.network.partner")}</th>
                  <th scope="col">{t("catalog.orp")}</th>
                  <th scope="col">{t("analysis.network.tieTypes")}</th>
                </tr>
              </thead>
              <tbody>
                {n.border_ties.map((b, i) => (
                  <tr key={i}>
                    <td>{b.name}</td>
                    <td>{b.other_name}</td>
                    <td>{b.other_orp}</td>
                    <td>{b.types.map((x) => server?.enums?.tie_types?.[x] ?? x).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>{t("analysis.network.compare")}</h2>
      <div class="analysis-controls">
        <div class="field">
          <label for="nw-from">{t("analysis.network.from")}</label>
          <input id="nw-from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="nw-to">{t("analysis.network.to")}</label>
          <input id="nw-to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
      </div>
      {changes.error ? <ErrorNote error={changes.error} /> : null}
      {changes.data && (
        <table class="compare">
          <caption>{t("analysis.network.compareCaption", { from, to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analysis.network.figure")}</th>
              <th scope="col">{from}</th>
              <th scope="col">{to}</th>
            </tr>
          </thead>
          <tbody>
            {(["actors", "ties", "density", "cross_sector_ties", "ei"] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{t(("analysis.network.c." + k) as any)}</th>
                <td>{round(changes.data!.before[k])}</td>
                <td>{round(changes.data!.after[k])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("analysis.network.c.newEnded")}</th>
              <td colSpan={2}>{t("analysis.network.newEnded", { added: changes.data.new_ties, ended: changes.data.ended_ties, cross: changes.data.new_cross_sector_ties })}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p>
        <DownloadLink id="network-graphml" href={"/api/v1/analysis/cooperation.graphml" + fileQuery(scope.orp ? { orp: scope.orp, ties } : { region: scope.region, ties })} label={t("openFormats.graphml")} />
      </p>
    </section>
  );
}
