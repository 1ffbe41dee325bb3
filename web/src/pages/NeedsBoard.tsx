// The needs board: the open needs of an ORP (and those being addressed) in columns by need
// area of the child or by network-need category, each with its status changed in one
// click (PATCH, merge patch, If-Match), and links to the meetings that voiced it and to the
// strategy themes that take it up.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, get } from "../api";
import { formatDate, formatNumber, t } from "../i18n";
import { navigate, useLocation } from "../router";
import { useApp } from "../session";
import { ErrorNote, errorText, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { enumLabel, LabelCatalog, refLabel, referenceOrder, useLabelCatalog } from "../labelCatalog";
import { chosenOrp, OrpSelect, useMyOrps } from "../components/OrpChooser";
import "../styles/networking.css";
import { XlsxLink } from "../components/XlsxLink";

interface Ref {
  id: number;
  name: string;
}

export interface Need {
  id: number;
  version: number;
  statement: string;
  need_area: string;
  network_need: string;
  priority: string;
  status: string;
  date: string;
  voiced_by_actors?: Ref[];
  meetings?: Ref[];
  themes?: Ref[];
}

const STATUSES = ["open", "being_addressed", "met", "dropped"];
const SHOWN: Record<string, string[]> = { active: ["open", "being_addressed"], open: ["open"], all: STATUSES };

// Every need of the ORP with one of `statuses`, page by page.
async function loadNeeds(orp: string, statuses: string[], signal: AbortSignal): Promise<Need[]> {
  const out: Need[] = [];
  for (const status of statuses) {
    for (let offset = 0; ; offset += 200) {
      const page = await get<{ items: Need[]; total: number }>("/api/v1/needs", { orp, status, offset, limit: 200 }, signal);
      out.push(...page.items);
      if (offset + 200 >= page.total) break;
    }
  }
  return out;
}

export function NeedsBoard() {
  const { session } = useApp();
  const loc = useLocation();
  const catalog = useLabelCatalog();
  const mine = useMyOrps(session?.user);
  useTitle(t("needs.title"));
  const by = loc.query.get("by") === "network_need" ? "network_need" : "need_area";
  const show = SHOWN[loc.query.get("show") ?? ""] ? (loc.query.get("show") as string) : "active";
  const orp = mine ? chosenOrp(loc.query, mine) : "";
  const order = useLoad(() => referenceOrder(by === "need_area" ? "need-areas" : "network-need-categories"), [by]);
  const loaded = useLoad((signal) => (orp ? loadNeeds(orp, SHOWN[show], signal) : Promise.resolve([])), [orp, show]);
  const [needs, setNeeds] = useState<Need[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const [note, setNote] = useState<{ id: number; text: string; error: boolean } | null>(null);
  useEffect(() => setNeeds(loaded.data ?? []), [loaded.data]);
  // An address with #need-N scrolls to that need once the board is drawn.
  useEffect(() => {
    if (loaded.data && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded.data]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search); // not a stale render's
    next.set(name, value);
    navigate("/needs?" + next.toString(), true);
  };

  const changeStatus = async (need: Need, status: string) => {
    setBusy(need.id);
    setNote(null);
    try {
      const changed = await api<Need>("PATCH", `/api/v1/needs/${need.id}`, { status }, undefined, { ifMatch: need.version });
      setNeeds((list) => list.map((n) => (n.id === need.id ? { ...n, ...changed } : n)));
      setNote({ id: need.id, text: t("needs.changed", { status: enumLabel(catalog, "need_statuses", status) }), error: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Changed by someone else meanwhile: show what is stored now, let the person decide again.
        const now = await get<Need>(`/api/v1/needs/${need.id}`).catch(() => need);
        setNeeds((list) => list.map((n) => (n.id === need.id ? now : n)));
        setNote({ id: need.id, text: t("needs.conflict", { status: enumLabel(catalog, "need_statuses", now.status) }), error: true });
      } else setNote({ id: need.id, text: errorText(e), error: true });
    } finally {
      setBusy(null);
    }
  };

  if (!session) return null;
  if (!mine) return <Loading />;
  const groups = groupNeeds(needs, by, order.data ?? []);
  return (
    <section class="networking">
      <div class="page-head">
        <h1>{t("needs.title")}</h1>
        <XlsxLink path="/api/v1/needs.xlsx" filters={["orp", "status", "priority", "need_area", "network_need"]} extra={{ orp }} />
      </div>
      <form class="filter-bar" aria-label={t("needs.view")} onSubmit={(e) => e.preventDefault()}>
        <OrpSelect id="n-orp" orps={mine} value={orp} onChange={(v) => setParam("orp", v)} />
        <div class="field">
          <label for="n-by">{t("needs.groupBy")}</label>
          <select id="n-by" value={by} onChange={(e) => setParam("by", e.currentTarget.value)}>
            <option value="need_area">{t("needs.byNeedArea")}</option>
            <option value="network_need">{t("needs.byNetworkNeed")}</option>
          </select>
        </div>
        <div class="field">
          <label for="n-show">{t("needs.show")}</label>
          <select id="n-show" value={show} onChange={(e) => setParam("show", e.currentTarget.value)}>
            <option value="active">{t("needs.showActive")}</option>
            <option value="open">{t("needs.showOpen")}</option>
            <option value="all">{t("needs.showAll")}</option>
          </select>
        </div>
      </form>
      <p role="status" class="muted">
        {loaded.loading ? t("app.loading") : t("needs.count", { total: formatNumber(needs.length) })}
      </p>
      {loaded.error ? (
        <ErrorNote error={loaded.error} />
      ) : (
        <div class="board">
          {groups.map((g) => (
            <section key={g.id} class="board-column" aria-labelledby={"col-" + g.id}>
              <h2 id={"col-" + g.id}>
                {g.id === "" ? t("needs.unsorted") : refLabel(catalog, by === "need_area" ? "need_areas" : "network_need_categories", g.id)}{" "}
                <span class="count">({g.needs.length})</span>
              </h2>
              <ul>
                {g.needs.map((n) => (
                  <NeedCard key={n.id} need={n} catalog={catalog} busy={busy === n.id} note={note?.id === n.id ? note : null} onStatus={(s) => changeStatus(n, s)} />
                ))}
              </ul>
            </section>
          ))}
          {!loaded.loading && groups.length === 0 && <p>{t("needs.none")}</p>}
        </div>
      )}
    </section>
  );
}

function groupNeeds(needs: Need[], by: "need_area" | "network_need", order: string[]) {
  const map = new Map<string, Need[]>();
  for (const n of needs) {
    const k = n[by] ?? "";
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(n);
  }
  const rank = (id: string) => (id === "" ? 1e9 : order.indexOf(id) < 0 ? 1e8 : order.indexOf(id));
  return [...map.entries()].map(([id, list]) => ({ id, needs: list })).sort((a, b) => rank(a.id) - rank(b.id));
}

interface CardProps {
  need: Need;
  catalog: LabelCatalog | undefined;
  busy: boolean;
  note: { text: string; error: boolean } | null;
  onStatus: (status: string) => void;
}

function NeedCard({ need, catalog, busy, note, onStatus }: CardProps) {
  const headId = `need-${need.id}-text`;
  return (
    <li id={`need-${need.id}`} class={"need-card status-" + need.status} aria-labelledby={headId}>
      <p id={headId} class="need-statement">
        {need.statement}
      </p>
      <p class="meta small">
        <span class={"pill status-" + need.status}>{enumLabel(catalog, "need_statuses", need.status)}</span> ·{" "}
        {t("needs.priority", { priority: enumLabel(catalog, "need_priorities", need.priority) })} · {formatDate(need.date)}
      </p>
      {need.voiced_by_actors && need.voiced_by_actors.length > 0 && (
        <p class="small muted">{t("needs.voicedBy", { names: need.voiced_by_actors.map((a) => a.name).join(", ") })}</p>
      )}
      {need.meetings && need.meetings.length > 0 && (
        <p class="small">
          {t("needs.meetings")}{" "}
          {need.meetings.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ", "}
              <a href={`/meetings/${m.id}`}>{m.name}</a>
            </span>
          ))}
        </p>
      )}
      {need.themes && need.themes.length > 0 && (
        <p class="small">
          {t("needs.themes")}{" "}
          {need.themes.map((th, i) => (
            <span key={th.id}>
              {i > 0 && ", "}
              <a href={`/strategy#theme-${th.id}`}>{th.name}</a>
            </span>
          ))}
        </p>
      )}
      <div class="status-buttons" role="group" aria-label={t("needs.setStatus", { statement: need.statement.slice(0, 60) })}>
        {STATUSES.filter((s) => s !== need.status).map((s) => (
          <button key={s} type="button" class="secondary small-button" disabled={busy} onClick={() => onStatus(s)}>
            {enumLabel(catalog, "need_statuses", s)}
          </button>
        ))}
      </div>
      {note && (
        <p class={note.error ? "error small" : "small muted"} role={note.error ? "alert" : "status"}>
          {note.text}
        </p>
      )}
    </li>
  );
}
