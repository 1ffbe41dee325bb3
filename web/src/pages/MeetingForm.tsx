// The meeting form: record a meeting (or edit one) as fast as the seeds' pace asks — date,
// ORP, category, format, participants picked by typing, the record, the needs found (created
// with the meeting and linked to it) and the follow-ups. Keyboard only works (Ctrl+Enter
// saves). What is typed stays in sessionStorage until the server has it; the server's 422
// field errors show beside their fields; a 409 shows the other version and keeps this one.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, FieldErrors, get } from "../api";
import { formatDate, t } from "../i18n";
import { useApp } from "../session";
import { ErrorNote, errorText, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { enumLabel, LabelCatalog, refLabel, referenceOrder, useLabelCatalog } from "../labelCatalog";
import { ActorPicker, ActorRef } from "../components/ActorPicker";
import { OrpSelect, useMyOrps } from "../components/OrpChooser";
import { useLocation } from "../router";
import { Orp } from "../territory";
import "../styles/networking.css";

interface FollowUp {
  task: string;
  owner: string;
  due: string;
  done: boolean;
}

interface NeedDraft {
  key: number;
  statement: string;
  need_area: string;
  network_need: string;
  priority: string;
  savedId?: number;
}

interface Draft {
  meetingId?: number; // set once the server has the meeting
  version?: number;
  date: string;
  orp_code: string;
  category: string;
  format: string;
  participants: ActorRef[];
  people: string;
  networkers: string;
  topic: string;
  notes: string;
  outputs: string;
  follow_ups: FollowUp[];
  needs: NeedDraft[];
}

interface Meeting {
  id: number;
  version: number;
  date: string;
  orp_code: string;
  category: string;
  format: string;
  actor_ids: number[];
  participants?: ActorRef[];
  people: number;
  networkers: string[];
  topic: string;
  notes: string;
  outputs: string;
  follow_ups: FollowUp[];
}

interface LinkedNeed {
  id: number;
  statement: string;
  status: string;
}

const MEETING_FORMATS = ["individual", "joint", "platform", "working_group"];
const PRIORITIES = ["medium", "high", "low"];

const today = () => new Date().toLocaleDateString("sv-SE"); // YYYY-MM-DD, local day
const storageKey = (id: number | undefined) => "prosit.meeting-draft." + (id ?? "new");

function emptyDraft(orp: string, networker: string, keep?: Partial<Draft>): Draft {
  return {
    date: keep?.date ?? today(),
    orp_code: keep?.orp_code ?? orp,
    category: keep?.category ?? "",
    format: keep?.format ?? "individual",
    participants: [],
    people: "",
    networkers: networker,
    topic: "",
    notes: "",
    outputs: "",
    follow_ups: [],
    needs: [],
  };
}

function draftOf(m: Meeting): Draft {
  return {
    meetingId: m.id,
    version: m.version,
    date: m.date,
    orp_code: m.orp_code,
    category: m.category,
    format: m.format,
    participants: m.participants ?? m.actor_ids.map((id) => ({ id, name: "#" + id })),
    people: String(m.people),
    networkers: m.networkers.join(", "),
    topic: m.topic,
    notes: m.notes,
    outputs: m.outputs,
    follow_ups: m.follow_ups.map((f) => ({ task: f.task, owner: f.owner ?? "", due: f.due ?? "", done: !!f.done })),
    needs: [],
  };
}

function loadDraft(id: number | undefined): Draft | null {
  try {
    const s = sessionStorage.getItem(storageKey(id));
    return s ? (JSON.parse(s) as Draft) : null;
  } catch {
    return null;
  }
}

function saveDraft(id: number | undefined, d: Draft | null): void {
  try {
    if (d) sessionStorage.setItem(storageKey(id), JSON.stringify(d));
    else sessionStorage.removeItem(storageKey(id));
  } catch {
    // Storage full or off: the form still works, only a reload would lose it.
  }
}

function meetingBody(d: Draft) {
  const people = d.people.trim() === "" ? Math.max(1, d.participants.length) : Number(d.people);
  return {
    date: d.date,
    orp_code: d.orp_code,
    category: d.category,
    format: d.format,
    actor_ids: d.participants.map((a) => a.id),
    people: Number.isFinite(people) ? people : 0,
    networkers: d.networkers
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    topic: d.topic,
    notes: d.notes,
    outputs: d.outputs,
    // Rows left wholly empty are not tasks.
    follow_ups: d.follow_ups.filter((f) => f.task.trim() || f.owner.trim() || f.due).map((f) => ({ task: f.task, owner: f.owner, due: f.due, done: f.done })),
  };
}

// New meeting (id undefined) or an existing one.
export function MeetingForm({ id }: { id?: number }) {
  const { session } = useApp();
  const loc = useLocation();
  const mine = useMyOrps(session?.user);
  useTitle(id ? t("meetingForm.editTitle") : t("meetingForm.title"));
  const existing = useLoad(
    (signal) =>
      id
        ? Promise.all([
            get<Meeting>(`/api/v1/meetings/${id}`, {}, signal),
            get<{ items: LinkedNeed[] }>("/api/v1/needs", { meeting_id: id, limit: 200 }, signal).then((r) => r.items),
          ])
        : Promise.resolve(null),
    [id],
  );
  if (!session || !mine) return <Loading />;
  if (existing.error) {
    if (existing.error instanceof ApiError && (existing.error.status === 404 || existing.error.status === 403))
      return (
        <section>
          <h1>{t("meetingForm.notFound")}</h1>
          <p>
            <a href="/meetings">{t("meetingForm.toList")}</a>
          </p>
        </section>
      );
    return <ErrorNote error={existing.error} />;
  }
  if (id && !existing.data) return <Loading />;
  const orp = loc.query.get("orp") || mine[0]?.code || "";
  return (
    <MeetingEditor
      key={id ?? "new"}
      id={id}
      stored={existing.data?.[0] ?? undefined}
      linked={existing.data?.[1] ?? []}
      orps={mine}
      defaultOrp={orp}
      networker={session.user.display_name || session.user.login}
    />
  );
}

interface EditorProps {
  id?: number;
  stored?: Meeting;
  linked: LinkedNeed[];
  orps: Orp[];
  defaultOrp: string;
  networker: string;
}

function MeetingEditor({ id, stored, linked, orps, defaultOrp, networker }: EditorProps) {
  const catalog = useLabelCatalog();
  const categories = useLoad(() => referenceOrder("meeting-categories"), []).data ?? [];
  const needAreas = useLoad(() => referenceOrder("need-areas"), []).data ?? [];
  const networkNeeds = useLoad(() => referenceOrder("network-need-categories"), []).data ?? [];
  const restored = useRef(loadDraft(id));
  // A kept draft of an edit counts only while it was made on the version stored now.
  const usable = restored.current && (!stored || restored.current.version === stored.version) ? restored.current : null;
  const [draft, setDraft] = useState<Draft>(usable ?? (stored ? draftOf(stored) : emptyDraft(defaultOrp, networker)));
  const [wasRestored, setWasRestored] = useState(!!usable);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ id: number; topic: string; needs: number } | null>(null);
  const [conflict, setConflict] = useState<Meeting | null>(null);
  const [links, setLinks] = useState<LinkedNeed[]>(linked);
  const nextKey = useRef(Date.now());
  const form = useRef<HTMLFormElement>(null);
  // What the form held when it opened (or was last saved): only a draft that differs is kept.
  const baseline = useRef(JSON.stringify(stored ? draftOf(stored) : emptyDraft(defaultOrp, networker)));

  useEffect(() => {
    const now = JSON.stringify(draft);
    saveDraft(id, now === baseline.current ? null : draft);
  }, [draft]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setFollowUp = (i: number, patch: Partial<FollowUp>) => set("follow_ups", draft.follow_ups.map((f, j) => (i === j ? { ...f, ...patch } : f)));
  const setNeed = (i: number, patch: Partial<NeedDraft>) => set("needs", draft.needs.map((n, j) => (i === j ? { ...n, ...patch } : n)));
  const addFollowUp = () => {
    set("follow_ups", [...draft.follow_ups, { task: "", owner: "", due: "", done: false }]);
    setTimeout(() => document.getElementById(`fu-${draft.follow_ups.length}-task`)?.focus());
  };
  const addNeed = () => {
    set("needs", [...draft.needs, { key: nextKey.current++, statement: "", need_area: "", network_need: "", priority: "medium" }]);
    setTimeout(() => document.getElementById(`need-${draft.needs.length}-statement`)?.focus());
  };

  // Shows the server's field errors and moves the focus to the first field named.
  const showFields = (f: FieldErrors) => {
    setFields(f);
    setTimeout(() => {
      const first = form.current?.querySelector<HTMLElement>("[aria-invalid='true']");
      first?.focus();
    });
  };

  const saveNeeds = async (meetingId: number, d: Draft): Promise<{ needs: NeedDraft[]; errors: FieldErrors; created: LinkedNeed[] }> => {
    const errors: FieldErrors = {};
    const needs = [...d.needs];
    const created: LinkedNeed[] = [];
    for (let i = 0; i < needs.length; i++) {
      const n = needs[i];
      if (n.savedId) continue;
      try {
        const body = {
          statement: n.statement,
          need_area: n.need_area,
          network_need: n.network_need,
          priority: n.priority,
          orp_code: d.orp_code,
          date: d.date,
          meeting_ids: [meetingId],
          voiced_by: d.participants.map((a) => a.id),
        };
        const made = await api<LinkedNeed>("POST", "/api/v1/needs", body);
        needs[i] = { ...n, savedId: made.id };
        created.push(made);
      } catch (e) {
        if (!(e instanceof ApiError) || !Object.keys(e.fields).length) throw e;
        for (const [k, v] of Object.entries(e.fields)) errors[`needs[${i}].${k}`] = v;
      }
    }
    return { needs, errors, created };
  };

  const submit = async (e?: Event, overVersion?: number) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError("");
    setSaved(null);
    try {
      let d = draft;
      const body = meetingBody(d);
      const version = overVersion ?? d.version;
      const m = d.meetingId
        ? await api<Meeting>("PUT", `/api/v1/meetings/${d.meetingId}`, body, undefined, { ifMatch: version })
        : await api<Meeting>("POST", "/api/v1/meetings", body);
      d = { ...d, meetingId: m.id, version: m.version };
      setConflict(null);
      const r = await saveNeeds(m.id, d);
      d = { ...d, needs: r.needs };
      setLinks((l) => [...l, ...r.created]);
      if (Object.keys(r.errors).length) {
        // The meeting is stored; the needs the server refused wait here to be fixed.
        setDraft(d);
        showFields(r.errors);
        setError(t("meetingForm.needsFailed"));
        return;
      }
      setFields({});
      setSaved({ id: m.id, topic: m.topic, needs: r.needs.length });
      setWasRestored(false);
      if (id) {
        const next = { ...d, needs: [] };
        baseline.current = JSON.stringify(next);
        setDraft(next);
      } else {
        // Ready for the next meeting: the same day, ORP, category and format.
        const next = emptyDraft(d.orp_code, d.networkers, d);
        baseline.current = JSON.stringify(next);
        setDraft(next);
        setLinks([]);
        setTimeout(() => document.getElementById("mf-date")?.focus());
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && draft.meetingId) {
        // Someone else saved first: show theirs beside ours; nothing of ours is dropped.
        try {
          setConflict(await get<Meeting>(`/api/v1/meetings/${draft.meetingId}`));
        } catch (again) {
          setError(errorText(again));
        }
      } else if (err instanceof ApiError && Object.keys(err.fields).length) {
        showFields(err.fields);
        setError(t("meetingForm.invalid"));
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  const err = (name: string) =>
    fields[name] ? (
      <p id={"err-" + name} class="error field-error">
        {fields[name]}
      </p>
    ) : null;
  const invalid = (name: string) => ({ "aria-invalid": !!fields[name], "aria-describedby": fields[name] ? "err-" + name : undefined });
  const fieldsOf = (prefix: string) => Object.entries(fields).filter(([k]) => k.startsWith(prefix));
  const actorError = fieldsOf("actor_ids").map(([, v]) => v).join(" ");

  return (
    <section class="networking meeting-form">
      <div class="page-head">
        <h1>{id ? t("meetingForm.editTitle") : t("meetingForm.title")}</h1>
        <a href="/meetings">{t("meetingForm.toList")}</a>
      </div>
      {wasRestored && (
        <p class="notice">
          {t("meetingForm.restored")}{" "}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setDraft(stored ? draftOf(stored) : emptyDraft(defaultOrp, networker));
              setWasRestored(false);
              setFields({});
            }}
          >
            {t("meetingForm.discard")}
          </button>
        </p>
      )}
      {saved && (
        <p class="notice saved" role="status">
          {t("meetingForm.saved", { topic: saved.topic })} <a href={`/meetings/${saved.id}`}>{t("meetingForm.open")}</a> ·{" "}
          <a href="/meetings">{t("meetingForm.toList")}</a>
        </p>
      )}
      {conflict && <ConflictPanel theirs={conflict} catalog={catalog} onKeepMine={() => submit(undefined, conflict.version)} onTakeTheirs={() => {
        setDraft({ ...draftOf(conflict), needs: draft.needs });
        setConflict(null);
      }} />}
      <form ref={form} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-describedby="mf-keys">
        <p id="mf-keys" class="hint">
          {t("meetingForm.keys")}
        </p>
        <div class="form-grid">
          <div class="field">
            <label for="mf-date">{t("meetingForm.date")}</label>
            <input id="mf-date" type="date" required value={draft.date} onInput={(e) => set("date", e.currentTarget.value)} {...invalid("date")} />
            {err("date")}
          </div>
          {orps.length > 1 ? (
            <div class="field">
              <OrpSelect id="mf-orp" orps={orps} value={draft.orp_code} onChange={(v) => set("orp_code", v)} />
              {err("orp_code")}
            </div>
          ) : (
            <div class="field">
              <span class="label">{t("net.orp")}</span>
              <p class="static-value">{orps[0]?.name ?? draft.orp_code}</p>
            </div>
          )}
          <div class="field">
            <label for="mf-category">{t("meetingForm.category")}</label>
            <select id="mf-category" required value={draft.category} onChange={(e) => set("category", e.currentTarget.value)} {...invalid("category")}>
              <option value="">{t("meetingForm.choose")}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {refLabel(catalog, "meeting_categories", c)}
                </option>
              ))}
            </select>
            {err("category")}
          </div>
          <div class="field">
            <label for="mf-format">{t("meetingForm.format")}</label>
            <select id="mf-format" value={draft.format} onChange={(e) => set("format", e.currentTarget.value)} {...invalid("format")}>
              {MEETING_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {enumLabel(catalog, "meeting_formats", f)}
                </option>
              ))}
            </select>
            {err("format")}
          </div>
        </div>
        <ActorPicker
          id="mf-participants"
          label={t("meetingForm.participants")}
          value={draft.participants}
          onChange={(v) => set("participants", v)}
          orp={draft.orp_code}
          error={actorError || undefined}
        />
        <div class="form-grid">
          <div class="field">
            <label for="mf-people">{t("meetingForm.people")}</label>
            <input
              id="mf-people"
              type="number"
              inputMode="numeric"
              min={1}
              value={draft.people}
              placeholder={String(Math.max(1, draft.participants.length))}
              onInput={(e) => set("people", e.currentTarget.value)}
              {...invalid("people")}
              aria-describedby={"mf-people-hint" + (fields.people ? " err-people" : "")}
            />
            <p id="mf-people-hint" class="hint">
              {t("meetingForm.peopleHint")}
            </p>
            {err("people")}
          </div>
          <div class="field wide">
            <label for="mf-networkers">{t("meetingForm.networkers")}</label>
            <input id="mf-networkers" type="text" value={draft.networkers} onInput={(e) => set("networkers", e.currentTarget.value)} {...invalid("networkers")} />
            {fieldsOf("networkers").map(([k, v]) => (
              <p key={k} class="error field-error">
                {v}
              </p>
            ))}
          </div>
        </div>
        <div class="field">
          <label for="mf-topic">{t("meetingForm.topic")}</label>
          <input id="mf-topic" type="text" required value={draft.topic} onInput={(e) => set("topic", e.currentTarget.value)} {...invalid("topic")} />
          {err("topic")}
        </div>
        <div class="field">
          <label for="mf-notes">{t("meetingForm.notes")}</label>
          <textarea id="mf-notes" rows={5} value={draft.notes} onInput={(e) => set("notes", e.currentTarget.value)} {...invalid("notes")} />
          {err("notes")}
        </div>
        <div class="field">
          <label for="mf-outputs">{t("meetingForm.outputs")}</label>
          <textarea id="mf-outputs" rows={2} value={draft.outputs} onInput={(e) => set("outputs", e.currentTarget.value)} {...invalid("outputs")} />
          {err("outputs")}
        </div>

        <fieldset class="group">
          <legend>{t("meetingForm.needs")}</legend>
          {links.length > 0 && (
            <ul class="plain-list">
              {links.map((n) => (
                <li key={n.id}>
                  <a href={`/needs#need-${n.id}`}>{n.statement}</a> <span class="muted small">({enumLabel(catalog, "need_statuses", n.status)})</span>
                </li>
              ))}
            </ul>
          )}
          {draft.needs.map((n, i) =>
            n.savedId ? null : (
              <div key={n.key} class="row-block" role="group" aria-label={t("meetingForm.needN", { n: i + 1 })}>
                <div class="field">
                  <label for={`need-${i}-statement`}>{t("meetingForm.needStatement")}</label>
                  <input id={`need-${i}-statement`} type="text" value={n.statement} onInput={(e) => setNeed(i, { statement: e.currentTarget.value })} {...invalid(`needs[${i}].statement`)} />
                  {err(`needs[${i}].statement`)}
                </div>
                <div class="form-grid">
                  <div class="field">
                    <label for={`need-${i}-area`}>{t("meetingForm.needArea")}</label>
                    <select id={`need-${i}-area`} value={n.need_area} onChange={(e) => setNeed(i, { need_area: e.currentTarget.value })} {...invalid(`needs[${i}].need_area`)}>
                      <option value="">{t("meetingForm.none")}</option>
                      {needAreas.map((a) => (
                        <option key={a} value={a}>
                          {refLabel(catalog, "need_areas", a)}
                        </option>
                      ))}
                    </select>
                    {err(`needs[${i}].need_area`)}
                  </div>
                  <div class="field">
                    <label for={`need-${i}-network`}>{t("meetingForm.networkNeed")}</label>
                    <select id={`need-${i}-network`} value={n.network_need} onChange={(e) => setNeed(i, { network_need: e.currentTarget.value })} {...invalid(`needs[${i}].network_need`)}>
                      <option value="">{t("meetingForm.none")}</option>
                      {networkNeeds.map((a) => (
                        <option key={a} value={a}>
                          {refLabel(catalog, "network_need_categories", a)}
                        </option>
                      ))}
                    </select>
                    {err(`needs[${i}].network_need`)}
                  </div>
                  <div class="field">
                    <label for={`need-${i}-priority`}>{t("meetingForm.priority")}</label>
                    <select id={`need-${i}-priority`} value={n.priority} onChange={(e) => setNeed(i, { priority: e.currentTarget.value })}>
                      {PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {enumLabel(catalog, "need_priorities", p)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {fieldsOf(`needs[${i}].`)
                  .filter(([k]) => !/\.(statement|need_area|network_need)$/.test(k))
                  .map(([k, v]) => (
                    <p key={k} class="error field-error">
                      {v}
                    </p>
                  ))}
                <button type="button" class="link-button" onClick={() => set("needs", draft.needs.filter((_, j) => j !== i))}>
                  {t("meetingForm.removeNeed", { n: i + 1 })}
                </button>
              </div>
            ),
          )}
          <button type="button" class="secondary" onClick={addNeed}>
            {t("meetingForm.addNeed")}
          </button>
        </fieldset>

        <fieldset class="group">
          <legend>{t("meetingForm.followUps")}</legend>
          {draft.follow_ups.map((f, i) => (
            <div key={i} class="row-block form-grid" role="group" aria-label={t("meetingForm.followUpN", { n: i + 1 })}>
              <div class="field wide">
                <label for={`fu-${i}-task`}>{t("meetingForm.task")}</label>
                <input id={`fu-${i}-task`} type="text" value={f.task} onInput={(e) => setFollowUp(i, { task: e.currentTarget.value })} {...invalid(`follow_ups[${i}].task`)} />
                {err(`follow_ups[${i}].task`)}
              </div>
              <div class="field">
                <label for={`fu-${i}-owner`}>{t("meetingForm.owner")}</label>
                <input id={`fu-${i}-owner`} type="text" value={f.owner} onInput={(e) => setFollowUp(i, { owner: e.currentTarget.value })} {...invalid(`follow_ups[${i}].owner`)} />
                {err(`follow_ups[${i}].owner`)}
              </div>
              <div class="field">
                <label for={`fu-${i}-due`}>{t("meetingForm.due")}</label>
                <input id={`fu-${i}-due`} type="date" value={f.due} onInput={(e) => setFollowUp(i, { due: e.currentTarget.value })} {...invalid(`follow_ups[${i}].due`)} />
                {err(`follow_ups[${i}].due`)}
              </div>
              <div class="field check">
                <input id={`fu-${i}-done`} type="checkbox" checked={f.done} onChange={(e) => setFollowUp(i, { done: e.currentTarget.checked })} />
                <label for={`fu-${i}-done`}>{t("meetingForm.done")}</label>
              </div>
              <button type="button" class="link-button" onClick={() => set("follow_ups", draft.follow_ups.filter((_, j) => j !== i))}>
                {t("meetingForm.removeFollowUp", { n: i + 1 })}
              </button>
            </div>
          ))}
          <button id="add-follow-up" type="button" class="secondary" onClick={addFollowUp}>
            {t("meetingForm.addFollowUp")}
          </button>
        </fieldset>

        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("meetingForm.saving") : t("meetingForm.save")}
          </button>
        </div>
      </form>
    </section>
  );
}

interface ConflictProps {
  theirs: Meeting;
  catalog: LabelCatalog | undefined;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

// The version someone else saved meanwhile; the person's own stays in the form below.
function ConflictPanel({ theirs, catalog, onKeepMine, onTakeTheirs }: ConflictProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [theirs.version]);
  return (
    <div class="conflict" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("meetingForm.conflict")}</h2>
      <p>{t("meetingForm.conflictText", { version: theirs.version })}</p>
      <dl class="facts">
        <dt>{t("meetingForm.date")}</dt>
        <dd>{formatDate(theirs.date)}</dd>
        <dt>{t("meetingForm.category")}</dt>
        <dd>{refLabel(catalog, "meeting_categories", theirs.category)}</dd>
        <dt>{t("meetingForm.topic")}</dt>
        <dd>{theirs.topic}</dd>
        <dt>{t("meetingForm.participants")}</dt>
        <dd>{(theirs.participants ?? []).map((p) => p.name).join(", ")}</dd>
        <dt>{t("meetingForm.notes")}</dt>
        <dd class="pre">{theirs.notes}</dd>
        <dt>{t("meetingForm.outputs")}</dt>
        <dd class="pre">{theirs.outputs}</dd>
      </dl>
      <div class="actions">
        <button type="button" onClick={onKeepMine}>
          {t("meetingForm.keepMine")}
        </button>
        <button type="button" class="secondary" onClick={onTakeTheirs}>
          {t("meetingForm.takeTheirs")}
        </button>
      </div>
    </div>
  );
}
