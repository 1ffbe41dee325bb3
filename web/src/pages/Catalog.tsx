// The service catalog: search as you type (the server ignores case and diacritics),
// filters, and a page of results. The search and filters live in the address, so Back
// and a shared link show the same results.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { formatDate, t } from "../i18n";
import { ids, label } from "../labels";
import { useApp } from "../session";
import { allOrps, allRegions, byName, collator, Orp, Region } from "../territory";
import { ErrorNote } from "../components";
import { useTitle } from "../hooks";
import { CatalogMap, MunicipalityFilter } from "./CatalogMap";
import { LeafletLink } from "../components/DocumentLinks";
import { XlsxLink } from "../components/XlsxLink";
import { DownloadLink, fileQuery } from "../components/OpenFormats";

export interface CardSummary {
  id: number;
  actor_id: number;
  actor_name: string;
  name: string;
  service_type: string;
  need_areas: string[];
  level: number;
  forms: string[];
  municipalities: { code: string; name: string; orp_code?: string; orp_name?: string }[];
  age_min: number;
  age_max: number;
  published: boolean;
  last_verified?: string;
}

interface Page {
  items: CardSummary[];
  total: number;
  offset: number;
  limit: number;
}

const FILTERS = ["need_area", "level", "sector", "service_type", "form", "age", "region", "orp", "municipality", "published"] as const;
const PAGE_SIZE = 50;
// Typing waits this long for the next key before it searches (the budget is 150 ms).
const TYPING_PAUSE_MS = 80;

type Params = Record<string, string>;

function paramsFromAddress(): Params {
  const q = new URLSearchParams(window.location.search);
  const p: Params = {};
  for (const k of ["q", "offset", ...FILTERS]) if (q.get(k)) p[k] = q.get(k)!;
  return p;
}

export function Catalog() {
  const { labels, session } = useApp();
  const [params, setParams] = useState<Params>(paramsFromAddress);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [places, setPlaces] = useState<{ orps: Orp[]; regions: Region[] }>({ orps: [], regions: [] });
  const typing = useRef(false);
  // On a phone the filters start folded so that the results come first.
  const [wide] = useState(() => window.matchMedia("(min-width: 50rem)").matches);
  useTitle(t("catalog.title"));

  useEffect(() => {
    Promise.all([allOrps(), allRegions()]).then(([o, r]) => setPlaces({ orps: [...o].sort(byName), regions: [...r].sort(byName) }), setError);
  }, []);

  const key = JSON.stringify(params);
  useEffect(() => {
    const search = new URLSearchParams(params).toString();
    history.replaceState(null, "", "/catalog" + (search ? "?" + search : ""));
    const ctl = new AbortController();
    const timer = setTimeout(
      () => {
        get<Page>("/api/v1/service-cards", { ...params, limit: PAGE_SIZE }, ctl.signal).then(
          (p) => {
            setPage(p);
            setError(null);
            document.dispatchEvent(new CustomEvent("prosit:results"));
          },
          (e) => !ctl.signal.aborted && setError(e),
        );
      },
      typing.current ? TYPING_PAUSE_MS : 0,
    );
    typing.current = false;
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key]);

  const set = (name: string, value: string) => {
    const next = { ...params, [name]: value };
    if (!value) delete next[name];
    if (name !== "offset") delete next.offset;
    setParams(next);
  };
  const orpsShown = params.region ? places.orps.filter((o) => o.region_code === params.region) : places.orps;
  const serviceTypes = useMemo(
    () => ids(labels, "service_types").sort((a, b) => collator.compare(label(labels, "service_types", a), label(labels, "service_types", b))),
    [labels],
  );
  const offset = Number(params.offset ?? 0);

  const select = (name: string, title: string, options: [string, string][]) => (
    <div class="field">
      <label for={"f-" + name}>{title}</label>
      <select id={"f-" + name} value={params[name] ?? ""} onChange={(e) => set(name, e.currentTarget.value)}>
        <option value="">{t("catalog.any")}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section>
      <h1>{t("catalog.title")}</h1>
      <XlsxLink path="/api/v1/service-cards.xlsx" filters={["q", "need_area", "level", "sector", "service_type", "form", "age", "region", "orp", "municipality", "published"]} />
      {session && session.user.role !== "viewer" && session.user.role !== "methodologist" && <p><a class="button secondary" href="/catalog/new">{t("cardEdit.newTitle")}</a></p>}
      <div class="search">
        <label for="q">{t("catalog.search")}</label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          value={params.q ?? ""}
          aria-describedby="q-hint"
          aria-controls="results"
          onInput={(e) => {
            typing.current = true;
            set("q", e.currentTarget.value);
          }}
        />
        <p id="q-hint" class="hint">
          {t("catalog.searchHint")}
        </p>
      </div>
      <div class="catalog">
        <details class="filters" open={wide}>
          <summary>{t("catalog.filters")}</summary>
          {select("need_area", t("catalog.needArea"), ids(labels, "need_areas").map((id) => [id, label(labels, "need_areas", id)]))}
          {select("level", t("catalog.level"), ids(labels, "support_levels").map((id) => [id, id + " – " + label(labels, "support_levels", id)]))}
          {select("sector", t("catalog.sector"), ids(labels, "sectors").map((id) => [id, label(labels, "sectors", id)]))}
          {select("service_type", t("catalog.serviceType"), serviceTypes.map((id) => [id, label(labels, "service_types", id)]))}
          {select("form", t("catalog.form"), ids(labels, "forms").map((id) => [id, label(labels, "forms", id)]))}
          <div class="field">
            <label for="f-age">{t("catalog.age")}</label>
            <input id="f-age" type="number" min={0} max={26} inputMode="numeric" value={params.age ?? ""} onInput={(e) => set("age", e.currentTarget.value)} />
          </div>
          {select("region", t("catalog.region"), places.regions.map((r) => [r.code, r.name]))}
          {select("orp", t("catalog.orp"), orpsShown.map((o) => [o.code, o.name]))}
          <MunicipalityFilter code={params.municipality ?? ""} region={params.region} orp={params.orp} set={(code) => set("municipality", code)} />
          {session &&
            select("published", t("catalog.published"), [
              ["true", t("catalog.publishedOnly")],
              ["false", t("catalog.internalOnly")],
            ])}
          <button type="button" class="secondary" onClick={() => setParams(params.q ? { q: params.q } : {})}>
            {t("catalog.clear")}
          </button>
        </details>
        <div class="results-and-map">
        <section id="results" class="results" aria-labelledby="results-title">
          <h2 id="results-title">{t("catalog.results")}</h2>
          {params.orp && places.orps.some((o) => o.code === params.orp) && (
            <LeafletLink orp={params.orp} name={places.orps.find((o) => o.code === params.orp)!.name} />
          )}
          <p class="muted" role="status" aria-live="polite">
            {page && (page.total === 0 ? t("catalog.none") : t("catalog.count", { total: page.total }))}
          </p>
          {error ? <ErrorNote error={error} /> : null}
          {page && page.items.length > 0 && (
            <ul class="cards">
              {page.items.map((c) => (
                <CardItem key={c.id} card={c} />
              ))}
            </ul>
          )}
          {page && page.total > PAGE_SIZE && (
            <nav class="pager" aria-label={t("catalog.results")}>
              <button type="button" class="secondary" disabled={offset === 0} onClick={() => set("offset", String(Math.max(0, offset - PAGE_SIZE)))}>
                {t("catalog.prev")}
              </button>
              <span>{t("catalog.showing", { from: offset + 1, to: Math.min(offset + PAGE_SIZE, page.total), total: page.total })}</span>
              <button type="button" class="secondary" disabled={offset + PAGE_SIZE >= page.total} onClick={() => set("offset", String(offset + PAGE_SIZE))}>
                {t("catalog.next")}
              </button>
            </nav>
          )}
        </section>
        <CatalogMap cards={page?.items ?? []} region={params.region} orp={params.orp} />
        </div>
      </div>
      <p>
        <DownloadLink id="cards-geojson" href={"/api/v1/service-cards.geojson" + fileQuery(params)} label={t("openFormats.cardsGeojson")} />
      </p>
    </section>
  );
}

function CardItem({ card }: { card: CardSummary }) {
  const { labels } = useApp();
  const places = card.municipalities.map((m) => m.name || (m.orp_name ? t("territory.orpName", { name: m.orp_name }) : "")).filter(Boolean);
  return (
    <li class="card-item">
      <h3>
        <a href={"/catalog/" + card.id}>{card.name}</a>
        {!card.published && <span class="badge">{t("catalog.internal")}</span>}
      </h3>
      <p class="actor">{card.actor_name}</p>
      <p class="meta">
        {label(labels, "service_types", card.service_type)}
        {" · "}
        {label(labels, "support_levels", card.level)}
        {card.forms.length > 0 && " · " + card.forms.map((f) => label(labels, "forms", f)).join(", ")}
        {" · "}
        {t("catalog.ages", { min: card.age_min, max: card.age_max })}
      </p>
      {places.length > 0 && <p class="places">{places.slice(0, 4).join(", ") + (places.length > 4 ? ", …" : "")}</p>}
      {card.last_verified && <p class="muted small">{t("catalog.verified", { date: formatDate(card.last_verified) })}</p>}
    </li>
  );
}
