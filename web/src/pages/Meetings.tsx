// The record of meetings of the user's ORP: newest first, filtered by period, category,
// whether a record (zápis) was written, and words of the topic or the record.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { formatDate, formatNumber, t } from "../i18n";
import { navigate, useLocation } from "../router";
import { useApp } from "../session";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { enumLabel, refLabel, referenceOrder, useLabelCatalog } from "../labelCatalog";
import { chosenOrp, OrpSelect, useMyOrps } from "../components/OrpChooser";
import "../styles/networking.css";
import { XlsxLink } from "../components/XlsxLink";
import { CalendarPanel } from "../components/OpenFormats";

export interface MeetingItem {
  id: number;
  version: number;
  date: string;
  orp_code: string;
  category: string;
  format: string;
  topic: string;
  notes: string;
  outputs: string;
  people: number;
  participants?: { id: number; name: string }[];
}

const PAGE = 25;
const FILTERS = ["from", "to", "category", "has_record", "q"] as const;

export function Meetings() {
  const { session } = useApp();
  const loc = useLocation();
  const catalog = useLabelCatalog();
  const mine = useMyOrps(session?.user);
  const categories = useLoad(() => referenceOrder("meeting-categories"), []);
  useTitle(t("meetings.title"));
  const q = loc.query;
  const [text, setText] = useState(q.get("q") ?? "");
  const orp = mine ? chosenOrp(q, mine) : "";
  const offset = Number(q.get("offset") ?? 0) || 0;

  // Changes the address (and so the list): one filter, back to the first page.
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search); // not a stale render's
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== "offset") next.delete("offset");
    navigate("/meetings?" + next.toString(), true);
  };
  // Words are sent when typing stops for a moment.
  useEffect(() => {
    if ((q.get("q") ?? "") === text) return;
    const timer = setTimeout(() => setParam("q", text), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const key = [orp, offset, ...FILTERS.map((f) => q.get(f) ?? "")].join("|");
  const list = useLoad(
    (signal) =>
      orp
        ? get<{ items: MeetingItem[]; total: number }>("/api/v1/meetings", { orp, offset, limit: PAGE, ...Object.fromEntries(FILTERS.map((f) => [f, q.get(f)])) }, signal)
        : Promise.resolve({ items: [], total: 0 }),
    [key],
  );
  if (!session) return null;
  if (!mine) return <Loading />;
  const total = list.data?.total ?? 0;
  return (
    <section class="networking">
      <div class="page-head">
        <h1>{t("meetings.title")}</h1>
        <XlsxLink path="/api/v1/meetings.xlsx" filters={["orp", "category", "format", "from", "to", "actor_id", "has_record", "q"]} extra={{ orp }} />
        <a class="button" href={"/meetings/new" + (orp ? "?orp=" + orp : "")}>
          {t("meetings.new")}
        </a>
      </div>
      <form class="filter-bar" role="search" aria-label={t("meetings.filters")} onSubmit={(e) => e.preventDefault()}>
        <OrpSelect id="m-orp" orps={mine} value={orp} onChange={(v) => setParam("orp", v)} />
        <div class="field">
          <label for="m-q">{t("meetings.search")}</label>
          <input id="m-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="m-from">{t("meetings.from")}</label>
          <input id="m-from" type="date" value={q.get("from") ?? ""} onChange={(e) => setParam("from", e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="m-to">{t("meetings.to")}</label>
          <input id="m-to" type="date" value={q.get("to") ?? ""} onChange={(e) => setParam("to", e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="m-category">{t("meetings.category")}</label>
          <select id="m-category" value={q.get("category") ?? ""} onChange={(e) => setParam("category", e.currentTarget.value)}>
            <option value="">{t("meetings.any")}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c} value={c}>
                {refLabel(catalog, "meeting_categories", c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="m-record">{t("meetings.record")}</label>
          <select id="m-record" value={q.get("has_record") ?? ""} onChange={(e) => setParam("has_record", e.currentTarget.value)}>
            <option value="">{t("meetings.any")}</option>
            <option value="true">{t("meetings.withRecord")}</option>
            <option value="false">{t("meetings.withoutRecord")}</option>
          </select>
        </div>
      </form>
      <p role="status" class="muted">
        {list.loading ? t("app.loading") : t("meetings.count", { total: formatNumber(total) })}
      </p>
      {list.error ? (
        <ErrorNote error={list.error} />
      ) : (
        <ul class="meeting-list">
          {(list.data?.items ?? []).map((m) => (
            <li key={m.id} class="meeting-item">
              <h2>
                <a href={`/meetings/${m.id}`}>{m.topic}</a>
              </h2>
              <p class="meta">
                <span>{formatDate(m.date)}</span> · <span>{refLabel(catalog, "meeting_categories", m.category)}</span> ·{" "}
                <span>{enumLabel(catalog, "meeting_formats", m.format)}</span> · <span>{t("meetings.people", { count: m.people })}</span>
                {!(m.notes.trim() || m.outputs.trim()) && <span class="badge">{t("meetings.noRecord")}</span>}
              </p>
              {m.participants && m.participants.length > 0 && <p class="small muted">{m.participants.map((p) => p.name).join(", ")}</p>}
            </li>
          ))}
        </ul>
      )}
      {total > PAGE && (
        <nav class="pager" aria-label={t("meetings.pages")}>
          <button type="button" class="secondary" disabled={offset === 0} onClick={() => setParam("offset", String(Math.max(0, offset - PAGE)))}>
            {t("catalog.prev")}
          </button>
          <span>{t("catalog.showing", { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
          <button type="button" class="secondary" disabled={offset + PAGE >= total} onClick={() => setParam("offset", String(offset + PAGE))}>
            {t("catalog.next")}
          </button>
        </nav>
      )}
      {orp && <CalendarPanel orp={orp} />}
    </section>
  );
}
