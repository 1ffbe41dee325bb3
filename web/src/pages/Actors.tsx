// The actors of the network (aktéři sítě): a list to search and filter by ORP, sector and
// type; an actor's page with its service cards, cooperation ties and meetings; and the
// actor editor, which shares its fields, errors and conflict handling with the card editor.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, get } from "../api";
import { formatDate, t } from "../i18n";
import { fieldLabel, ids, label } from "../labels";
import { navigate } from "../router";
import { useApp } from "../session";
import { allOrps, byName, collator } from "../territory";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { cap, Choice, ErrorSummary, FieldError, fieldId, Picker, SelectField, TextField } from "../components/forms";
import { ConflictPanel, DuplicateNote, SaveError, showValue, useRecordEditor, DraftNotice } from "../components/recordEditor";
import { ContactsField } from "./CardEdit";
import type { Contact } from "./CardView";
import type { CardSummary } from "./Catalog";
import "../styles/catalog.css";
import { XlsxLink } from "../components/XlsxLink";

export interface Actor {
  id: number;
  version: number;
  ico: string;
  name: string;
  sector: string;
  actor_type: string;
  seat: { municipality_code: string; street: string; postcode: string };
  web: string;
  contacts: Contact[];
  note: string;
  distinct_from: number[];
}

interface Page<T> {
  items: T[];
  total: number;
}

const PAGE = 50;
const FILTERS = ["q", "orp", "sector", "actor_type", "offset"];

export function Actors() {
  const { labels, session } = useApp();
  const [params, setParams] = useState<Record<string, string>>(() => {
    const q = new URLSearchParams(window.location.search);
    return Object.fromEntries(FILTERS.filter((k) => q.get(k)).map((k) => [k, q.get(k)!]));
  });
  const orps = useLoad(() => allOrps().then((o) => [...o].sort(byName)), []);
  useTitle(t("actors.title"));
  const key = JSON.stringify(params);
  const [page, setPage] = useState<Page<Actor> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const s = new URLSearchParams(params).toString();
    history.replaceState(null, "", "/actors" + (s ? "?" + s : ""));
    const ctl = new AbortController();
    const timer = setTimeout(() => get<Page<Actor>>("/api/v1/actors", { ...params, limit: PAGE }, ctl.signal).then((p) => (setPage(p), setError(null)), (e) => !ctl.signal.aborted && setError(e)), 100);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key]);
  const set = (k: string, v: string) => {
    const next = { ...params, [k]: v };
    if (k !== "offset") delete next.offset;
    if (!v) delete next[k];
    setParams(next);
  };
  const offset = Number(params.offset ?? 0);
  const sort = (list: [string, string][]) => list.sort((a, b) => collator.compare(a[1], b[1]));
  return (
    <section>
      <div class="page-head">
        <h1>{t("actors.title")}</h1>
        <XlsxLink path="/api/v1/actors.xlsx" filters={["q", "orp", "sector", "actor_type"]} />
        {session && ["admin", "networker", "regional_coordinator"].includes(session.user.role) && (
          <a class="button" href="/actors/new">
            {t("actors.new")}
          </a>
        )}
      </div>
      <div class="search">
        <label for="actor-q">{t("actors.search")}</label>
        <input id="actor-q" type="search" value={params.q ?? ""} onInput={(e) => set("q", e.currentTarget.value)} />
      </div>
      <div class="catalog">
        <div class="filters">
          <SelectField path="f-orp" label={t("catalog.orp")} value={params.orp ?? ""} set={(v) => set("orp", v)} errors={{}} empty={t("actors.any")} options={(orps.data ?? []).map((o) => [o.code, o.name])} />
          <SelectField path="f-sector" label={t("catalog.sector")} value={params.sector ?? ""} set={(v) => set("sector", v)} errors={{}} empty={t("actors.any")} options={sort(ids(labels, "sectors").map((s) => [s, label(labels, "sectors", s)]))} />
          <SelectField path="f-type" label={cap(fieldLabel("actor", "actor_type"))} value={params.actor_type ?? ""} set={(v) => set("actor_type", v)} errors={{}} empty={t("actors.any")} options={sort(ids(labels, "actor_types").map((s) => [s, label(labels, "actor_types", s)]))} />
        </div>
        <section aria-labelledby="actors-results">
          <h2 id="actors-results">{t("catalog.results")}</h2>
          <p class="muted" role="status" aria-live="polite">
            {page && (page.total === 0 ? t("actors.none") : t("actors.count", { total: page.total }))}
          </p>
          {error ? <ErrorNote error={error} /> : null}
          <ul class="actor-list">
            {page?.items.map((a) => (
              <li key={a.id} class="card-item">
                <h3>
                  <a href={"/actors/" + a.id}>{a.name}</a>
                </h3>
                <p class="meta">
                  {label(labels, "sectors", a.sector)} · {label(labels, "actor_types", a.actor_type)}
                  {a.ico && " · " + t("actors.ico", { ico: a.ico })}
                </p>
              </li>
            ))}
          </ul>
          {page && page.total > PAGE && (
            <nav class="pager" aria-label={t("catalog.results")}>
              <button type="button" class="secondary" disabled={offset === 0} onClick={() => set("offset", String(Math.max(0, offset - PAGE)))}>
                {t("catalog.prev")}
              </button>
              <span>{t("catalog.showing", { from: offset + 1, to: Math.min(offset + PAGE, page.total), total: page.total })}</span>
              <button type="button" class="secondary" disabled={offset + PAGE >= page.total} onClick={() => set("offset", String(offset + PAGE))}>
                {t("catalog.next")}
              </button>
            </nav>
          )}
        </section>
      </div>
    </section>
  );
}

interface Tie {
  id: number;
  actor_a: number;
  actor_b: number;
  type: string;
  since: string;
  until: string;
  actors?: { id: number; name: string }[];
}

interface Meeting {
  id: number;
  date: string;
  topic: string;
  category: string;
}

interface ActorLoaded {
  actor: Actor;
  editable: boolean;
  cards: CardSummary[];
  ties: Page<Tie> | null; // null: the caller does not read internal records here
  meetings: Page<Meeting> | null;
  seat: string;
}

async function loadActor(id: number, signal: AbortSignal): Promise<ActorLoaded> {
  let allow = "";
  const actor = await api<Actor>("GET", "/api/v1/actors/" + id, undefined, signal, { onResponse: (r) => (allow = r.headers.get("Allow") ?? "") });
  // Ties and meetings are internal: the public and other territories get 401/403, shown as nothing.
  const internal = <T,>(p: Promise<T>) => p.catch((e) => (e instanceof ApiError && (e.status === 401 || e.status === 403) ? null : Promise.reject(e)));
  const [cards, ties, meetings, seat] = await Promise.all([
    get<Page<CardSummary>>("/api/v1/service-cards", { actor_id: id, limit: 200 }, signal).then((r) => r.items),
    internal(get<Page<Tie>>("/api/v1/ties", { actor_id: id, limit: 50 }, signal)),
    internal(get<Page<Meeting>>("/api/v1/meetings", { actor_id: id, limit: 10 }, signal)),
    seatName(actor.seat.municipality_code, signal),
  ]);
  return { actor, editable: allow.split(/,\s*/).includes("PUT"), cards, ties, meetings, seat };
}

// The name of a municipality by its code (the municipality search takes codes too).
async function seatName(code: string, signal: AbortSignal): Promise<string> {
  if (!code) return "";
  const hits = await get<{ items: { code: string; name: string }[] }>("/api/v1/municipalities", { q: code, limit: 1 }, signal).catch(() => ({ items: [] }));
  return hits.items.find((m) => m.code === code)?.name ?? code;
}

export function ActorPage({ id }: { id: number }) {
  const { labels, session } = useApp();
  const loaded = useLoad((signal) => loadActor(id, signal), [id]);
  useTitle(loaded.data?.actor.name ?? t("actors.title"));
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return (
      <section>
        <h1>{t("actors.notFound")}</h1>
        <p>
          <a href="/actors">← {t("actors.back")}</a>
        </p>
      </section>
    );
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const { actor: a, editable, cards, ties, meetings } = loaded.data;
  const other = (tie: Tie) => {
    const otherId = tie.actor_a === a.id ? tie.actor_b : tie.actor_a;
    return { id: otherId, name: tie.actors?.find((x) => x.id === otherId)?.name ?? "#" + otherId };
  };
  return (
    <article class="card-view">
      <p>
        <a href="/actors">← {t("actors.back")}</a>
      </p>
      <div class="page-head">
        <h1>{a.name}</h1>
        <div class="actions">
          {editable && (
            <a class="button" href={`/actors/${a.id}/edit`}>
              {t("actors.edit")}
            </a>
          )}
          {editable && (
            <a class="button secondary" href={`/catalog/new?actor_id=${a.id}`}>
              {t("cardEdit.newTitle")}
            </a>
          )}
          {session && (
            <a class="button secondary" href={`/history/actors/${a.id}`}>
              {t("actors.history")}
            </a>
          )}
        </div>
      </div>
      <dl class="facts">
        <dt>{cap(fieldLabel("actor", "sector"))}</dt>
        <dd>{label(labels, "sectors", a.sector)}</dd>
        <dt>{cap(fieldLabel("actor", "actor_type"))}</dt>
        <dd>{label(labels, "actor_types", a.actor_type)}</dd>
        {a.ico && (
          <>
            <dt>{cap(fieldLabel("actor", "ico"))}</dt>
            <dd>{a.ico}</dd>
          </>
        )}
        <dt>{cap(fieldLabel("actor", "seat"))}</dt>
        <dd>{[a.seat.street, [a.seat.postcode, loaded.data.seat].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</dd>
        {a.web && (
          <>
            <dt>{cap(fieldLabel("actor", "web"))}</dt>
            <dd>
              <a href={a.web} rel="noopener noreferrer">
                {a.web}
              </a>
            </dd>
          </>
        )}
        <dt>{cap(fieldLabel("actor", "contacts"))}</dt>
        <dd>{a.contacts.length ? a.contacts.map((c, i) => <div key={i}>{showValue({ name: c.name, role: c.role, phone: c.phone, email: c.email })}</div>) : "—"}</dd>
        {a.note && (
          <>
            <dt>{cap(fieldLabel("actor", "note"))}</dt>
            <dd>{a.note}</dd>
          </>
        )}
      </dl>
      <div class="columns">
        <section aria-labelledby="actor-cards">
          <h2 id="actor-cards">{t("actors.cards", { count: cards.length })}</h2>
          {cards.length === 0 ? (
            <p class="muted">{t("actors.noCards")}</p>
          ) : (
            <ul class="plain-list">
              {cards.map((c) => (
                <li key={c.id}>
                  <a href={"/catalog/" + c.id}>{c.name}</a>
                  {!c.published && <span class="badge">{t("catalog.internal")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div>
          {ties && (
            <section aria-labelledby="actor-ties">
              <h2 id="actor-ties">{t("actors.ties", { count: ties.total })}</h2>
              {ties.items.length === 0 ? (
                <p class="muted">{t("actors.noTies")}</p>
              ) : (
                <ul class="plain-list">
                  {ties.items.map((tie) => (
                    <li key={tie.id}>
                      <a href={"/actors/" + other(tie).id}>{other(tie).name}</a>
                      <span class="muted">
                        {" "}
                        · {label(labels, "tie_types", tie.type)} · {t("actors.since", { date: formatDate(tie.since) })}
                        {tie.until && " – " + formatDate(tie.until)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {meetings && (
            <section aria-labelledby="actor-meetings">
              <h2 id="actor-meetings">{t("actors.meetings", { count: meetings.total })}</h2>
              {meetings.items.length === 0 ? (
                <p class="muted">{t("actors.noMeetings")}</p>
              ) : (
                <ul class="plain-list">
                  {meetings.items.map((m) => (
                    <li key={m.id}>
                      <a href={"/meetings/" + m.id}>{m.topic}</a>
                      <span class="muted">
                        {" "}
                        · {formatDate(m.date)} · {label(labels, "meeting_categories", m.category)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
      </div>
    </article>
  );
}

const ACTOR_FIELDS = ["name", "ico", "sector", "actor_type", "seat", "web", "contacts", "note", "distinct_from"] as const;

const blankActor = (): Actor => ({ id: 0, version: 0, ico: "", name: "", sector: "", actor_type: "", seat: { municipality_code: "", street: "", postcode: "" }, web: "", contacts: [], note: "", distinct_from: [] });

function actorBody(v: Actor): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of ACTOR_FIELDS) body[f] = (v as unknown as Record<string, unknown>)[f];
  body.seat = { municipality_code: v.seat.municipality_code, street: v.seat.street, postcode: v.seat.postcode };
  return body;
}

interface ActorType {
  id: string;
  cs: string;
  en: string;
  sector: string;
}

const municipalities = (text: string, signal: AbortSignal): Promise<Choice[]> =>
  get<{ items: { code: string; name: string; orp_name: string }[] }>("/api/v1/municipalities", { q: text, limit: 8 }, signal).then((r) =>
    r.items.map((m) => ({ value: m.code, label: t("cardEdit.municipalityChoice", { name: m.name, orp: m.orp_name }) })),
  );

export function ActorEdit({ id }: { id: number | null }) {
  const { labels, session } = useApp();
  const ed = useRecordEditor<Actor>({ kind: "actor", collection: "/api/v1/actors", id, blank: blankActor, body: actorBody });
  const types = useLoad(() => get<ActorType[]>("/api/v1/reference/actor-types"), []);
  const [seatLabel, setSeatLabel] = useState("");
  useTitle(id === null ? t("actors.newTitle") : t("actors.editTitle", { name: ed.base?.name ?? "" }));
  useEffect(() => {
    const code = ed.base?.seat.municipality_code;
    if (code && !seatLabel) void seatName(code, new AbortController().signal).then(setSeatLabel);
  }, [ed.base?.seat.municipality_code]);
  const v = ed.value;
  const e = ed.errors;
  const f = (path: string) => {
    const top = path.replace(/[.[].*$/, "");
    return cap(fieldLabel("actor", top)) + (path !== top ? " (" + fieldLabel("actor", path.replace(/^.*[.\]]/, "")) + ")" : "");
  };
  if (!session) return <p>{t("cardEdit.signIn")}</p>;
  if (ed.phase === "loading") return <Loading />;
  if (ed.phase === "missing") return <h1>{t("actors.notFound")}</h1>;
  if (ed.phase === "forbidden")
    return (
      <section>
        <h1>{t("cardEdit.forbiddenTitle")}</h1>
        <p>{t("actors.forbidden")}</p>
      </section>
    );
  if (ed.phase === "failed") return <SaveError error={ed.error} />;
  const typeOptions = (types.data ?? [])
    .filter((x) => !v.sector || x.sector === v.sector)
    .map((x) => [x.id, label(labels, "actor_types", x.id)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
  const save = async (patch: Partial<Actor> = {}) => {
    const stored = await ed.save(patch);
    if (stored && id === null) navigate(`/actors/${stored.id}/edit`, true);
  };
  const show = (field: string, value: unknown) =>
    field === "sector" ? label(labels, "sectors", value as string) : field === "actor_type" ? label(labels, "actor_types", value as string) : showValue(value);
  return (
    <section class="editor">
      <p>
        <a href={id === null ? "/actors" : "/actors/" + id}>← {id === null ? t("actors.back") : t("actors.backToActor")}</a>
      </p>
      <h1>{id === null ? t("actors.newTitle") : t("actors.editTitle", { name: ed.base?.name ?? "" })}</h1>
      <DraftNotice editor={ed} />
      {ed.saved && (
        <p class="notice saved" role="status">
          {t("actors.saved")} <a href={"/actors/" + v.id}>{t("actors.view")}</a>
        </p>
      )}
      {ed.duplicate && (
        <DuplicateNote
          existing={ed.duplicate}
          href={"/actors/" + ed.duplicate.id}
          onDistinct={() => void save({ distinct_from: [...v.distinct_from.filter((x) => x !== ed.duplicate!.id), ed.duplicate!.id] })}
        />
      )}
      {ed.conflict && (
        <ConflictPanel key={ed.conflict.version} mine={v} theirs={ed.conflict} base={ed.base} fields={[...ACTOR_FIELDS]} labelOf={f} show={show} onMerge={ed.resolve} onKeepTheirs={ed.keepTheirs} />
      )}
      <ErrorSummary errors={e} labelOf={f} />
      <SaveError error={ed.error} />
      <form
        class="record-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void save();
        }}
      >
        <fieldset class="section">
          <legend>{t("actors.section.who")}</legend>
          <TextField path="name" label={f("name")} value={v.name} set={(name) => ed.set({ name })} errors={e} />
          <TextField path="ico" label={f("ico")} hint={t("actors.icoHint")} value={v.ico} set={(ico) => ed.set({ ico })} errors={e} />
          <SelectField
            path="sector"
            label={f("sector")}
            value={v.sector}
            set={(sector) => ed.set({ sector, actor_type: (types.data ?? []).some((x) => x.id === v.actor_type && x.sector === sector) ? v.actor_type : "" })}
            errors={e}
            empty={t("cardEdit.choose")}
            options={ids(labels, "sectors").map((s) => [s, label(labels, "sectors", s)] as [string, string]).sort((a, b) => collator.compare(a[1], b[1]))}
          />
          <SelectField path="actor_type" label={f("actor_type")} value={v.actor_type} set={(actor_type) => ed.set({ actor_type })} errors={e} empty={t("cardEdit.choose")} options={typeOptions} />
        </fieldset>
        <fieldset class="section">
          <legend>{t("actors.section.where")}</legend>
          <div class="field">
            <Picker
              id={fieldId("seat.municipality_code")}
              label={cap(fieldLabel("actor", "municipality_code"))}
              shown={seatLabel || v.seat.municipality_code}
              search={municipalities}
              pick={(c) => {
                setSeatLabel(c.label);
                ed.set({ seat: { ...v.seat, municipality_code: c.value } });
              }}
              invalid={!!e["seat.municipality_code"]}
              describedBy={e["seat.municipality_code"] ? fieldId("seat.municipality_code") + "-error" : undefined}
            />
            <FieldError errors={e} path="seat.municipality_code" />
            <FieldError errors={e} path="seat" />
          </div>
          <div class="pair">
            <TextField path="seat.street" label={cap(fieldLabel("actor", "street"))} value={v.seat.street} set={(street) => ed.set({ seat: { ...v.seat, street } })} errors={e} />
            <TextField path="seat.postcode" label={cap(fieldLabel("actor", "postcode"))} value={v.seat.postcode} set={(postcode) => ed.set({ seat: { ...v.seat, postcode } })} errors={e} />
          </div>
          <TextField path="web" label={f("web")} value={v.web} set={(web) => ed.set({ web })} errors={e} />
        </fieldset>
        <fieldset class="section">
          <legend>{cap(fieldLabel("actor", "contacts"))}</legend>
          <ContactsField value={v.contacts} set={(contacts) => ed.set({ contacts })} errors={e} kind="actor" />
          <TextField path="note" label={f("note")} value={v.note} set={(note) => ed.set({ note })} errors={e} multiline />
        </fieldset>
        <div class="actions sticky-actions">
          <button type="submit" disabled={ed.saving}>
            {t("actors.save")}
          </button>
          {ed.saving && (
            <span role="status" class="muted">
              {t("form.saving")}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
