// The networking strategy of an ORP: themes → goals → steps on a timeline by deadline,
// overdue steps highlighted, step status changed in one click (PATCH), a step added with its
// responsible actors picked by typing, the strategy on a chosen date (?at=) and the changes
// between two dates; a theme, and a goal under a theme, added by small inline forms so a
// strategy can be started from the page.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, FieldErrors, get } from "../api";
import { formatDate, t } from "../i18n";
import { navigate, useLocation } from "../router";
import { useApp } from "../session";
import { ErrorNote, errorText, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { enumLabel, LabelCatalog, useLabelCatalog } from "../labelCatalog";
import { ActorPicker, ActorRef } from "../components/ActorPicker";
import { chosenOrp, OrpSelect, useMyOrps } from "../components/OrpChooser";
import "../styles/networking.css";
import { XlsxLink } from "../components/XlsxLink";

interface Step {
  id: number;
  version: number;
  goal_id: number;
  title: string;
  deadline: string;
  status: string;
  outcome: string;
  overdue?: boolean;
  completed_on: string;
  responsible_actors?: ActorRef[];
}

interface Goal {
  id: number;
  title: string;
  description: string;
  since: string;
  status: string;
  steps: Step[];
}

interface Theme {
  id: number;
  title: string;
  why: string;
  since: string;
  status: string;
  goals: Goal[];
}

interface StrategyDoc {
  orp: string;
  at: string;
  overdue: number;
  themes: Theme[];
}

interface Change {
  kind: string;
  id: number;
  change: string;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
}

interface OverdueItem {
  step: Step;
  goal: { title: string };
  theme: { id: number; title: string };
}

const STEP_STATUSES = ["planned", "in_progress", "done", "cancelled"];
const today = () => new Date().toLocaleDateString("sv-SE");
const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toLocaleDateString("sv-SE");

export function Strategy() {
  const { session } = useApp();
  const loc = useLocation();
  const catalog = useLabelCatalog();
  const mine = useMyOrps(session?.user);
  useTitle(t("strategy.title"));
  const orp = mine ? chosenOrp(loc.query, mine) : "";
  const at = loc.query.get("at") ?? "";
  const [reload, setReload] = useState(0);
  const strategy = useLoad((signal) => (orp ? get<StrategyDoc>("/api/v1/strategy", { orp, at }, signal) : Promise.resolve(null)), [orp, at, reload]);
  const overdue = useLoad(
    (signal) => (orp ? get<{ items: OverdueItem[]; total: number }>("/api/v1/strategy/overdue", { orp, limit: 50 }, signal) : Promise.resolve(null)),
    [orp, reload],
  );
  // #theme-N (from the needs board) scrolls to that theme once drawn.
  useEffect(() => {
    if (strategy.data && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [strategy.data]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search); // not a stale render's
    if (value) next.set(name, value);
    else next.delete(name);
    navigate("/strategy?" + next.toString(), true);
  };
  if (!session) return null;
  if (!mine) return <Loading />;
  const past = at !== "" && at < today();
  const changed = () => setReload((n) => n + 1);
  return (
    <section class="networking strategy">
      <div class="page-head">
        <h1>{t("strategy.title")}</h1>
        <XlsxLink path="/api/v1/strategy.xlsx" filters={["orp", "at"]} extra={{ orp }} />
      </div>
      <form class="filter-bar" aria-label={t("strategy.view")} onSubmit={(e) => e.preventDefault()}>
        <OrpSelect id="s-orp" orps={mine} value={orp} onChange={(v) => setParam("orp", v)} />
        <div class="field">
          <label for="s-at">{t("strategy.at")}</label>
          <input id="s-at" type="date" max={today()} value={at} onChange={(e) => setParam("at", e.currentTarget.value)} aria-describedby="s-at-hint" />
          <p id="s-at-hint" class="hint">
            {t("strategy.atHint")}
          </p>
        </div>
        {at && (
          <button type="button" class="secondary" onClick={() => setParam("at", "")}>
            {t("strategy.today")}
          </button>
        )}
      </form>
      {past && (
        <p class="notice" role="status">
          {t("strategy.pastNote", { date: formatDate(at) })}
        </p>
      )}
      {!past && overdue.data && overdue.data.total > 0 && (
        <section class="overdue-box" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t("strategy.overdueTitle", { count: overdue.data.total })}</h2>
          <ul class="plain-list">
            {overdue.data.items.map((o) => (
              <li key={o.step.id}>
                <a href={`#step-${o.step.id}`}>{o.step.title}</a> <span class="overdue">{t("strategy.deadline", { date: formatDate(o.step.deadline) })}</span>{" "}
                <span class="muted small">· {o.theme.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {strategy.error ? (
        <ErrorNote error={strategy.error} />
      ) : !strategy.data ? (
        <Loading />
      ) : strategy.data.themes.length === 0 ? (
        <p>{t("strategy.empty")}</p>
      ) : (
        strategy.data.themes.map((th) => <ThemeView key={th.id} theme={th} catalog={catalog} readOnly={past} orp={orp} onChanged={changed} />)
      )}
      {!past && orp && strategy.data && <AddThemeToggle orp={orp} onChanged={changed} />}
      <Changes orp={orp} catalog={catalog} reload={reload} />
    </section>
  );
}

interface ThemeProps {
  theme: Theme;
  catalog: LabelCatalog | undefined;
  readOnly: boolean;
  orp: string;
  onChanged: () => void;
}

function ThemeView({ theme, catalog, readOnly, orp, onChanged }: ThemeProps) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="theme" id={`theme-${theme.id}`} aria-labelledby={`theme-${theme.id}-title`}>
      <h2 id={`theme-${theme.id}-title`}>
        {theme.title} <span class="pill">{enumLabel(catalog, "theme_statuses", theme.status)}</span>
      </h2>
      {theme.why && <p class="muted">{theme.why}</p>}
      {theme.goals.map((g) => (
        <GoalView key={g.id} goal={g} catalog={catalog} readOnly={readOnly} orp={orp} onChanged={onChanged} />
      ))}
      {!readOnly &&
        (adding ? (
          <AddGoal theme={theme} onDone={(saved) => (setAdding(false), saved && onChanged())} />
        ) : (
          <button type="button" class="secondary small-button add-goal-button" onClick={() => setAdding(true)} aria-label={t("strategy.addGoalTo", { theme: theme.title })}>
            {t("strategy.addGoal")}
          </button>
        ))}
    </section>
  );
}

function GoalView({ goal, catalog, readOnly, orp, onChanged }: { goal: Goal; catalog: LabelCatalog | undefined; readOnly: boolean; orp: string; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  return (
    <div class="goal">
      <h3>
        {goal.title} <span class="pill">{enumLabel(catalog, "goal_statuses", goal.status)}</span>
      </h3>
      <p class="small muted">
        {t("strategy.since", { date: formatDate(goal.since) })}
        {goal.description && " · " + goal.description}
      </p>
      {goal.steps.length > 0 ? (
        <ol class="timeline" aria-label={t("strategy.steps", { goal: goal.title })}>
          {goal.steps.map((s) => (
            <StepView key={s.id} step={s} catalog={catalog} readOnly={readOnly} onChanged={onChanged} />
          ))}
        </ol>
      ) : (
        <p class="small muted">{t("strategy.noSteps")}</p>
      )}
      {!readOnly &&
        (adding ? (
          <AddStep goal={goal} orp={orp} onDone={(saved) => (setAdding(false), saved && onChanged())} />
        ) : (
          <button type="button" class="secondary small-button" onClick={() => setAdding(true)} aria-label={t("strategy.addStepTo", { goal: goal.title })}>
            {t("strategy.addStep")}
          </button>
        ))}
    </div>
  );
}

function StepView({ step, catalog, readOnly, onChanged }: { step: Step; catalog: LabelCatalog | undefined; readOnly: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const setStatus = async (status: string) => {
    setBusy(true);
    setError("");
    try {
      await api("PATCH", `/api/v1/steps/${step.id}`, { status }, undefined, { ifMatch: step.version });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t("strategy.conflict") : errorText(e));
      if (e instanceof ApiError && e.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };
  const titleId = `step-${step.id}-title`;
  return (
    <li id={`step-${step.id}`} class={"step status-" + step.status + (step.overdue ? " is-overdue" : "")} aria-labelledby={titleId}>
      <span class="deadline">
        <time dateTime={step.deadline}>{formatDate(step.deadline)}</time>
        {step.overdue && <span class="overdue-flag">{t("strategy.overdue")}</span>}
      </span>
      <div class="step-body">
        <p id={titleId} class="step-title">
          {step.title}
        </p>
        <p class="small">
          <span class={"pill status-" + step.status}>{enumLabel(catalog, "step_statuses", step.status)}</span>
          {step.completed_on && " · " + t("strategy.completed", { date: formatDate(step.completed_on) })}
          {step.responsible_actors && step.responsible_actors.length > 0 && (
            <span class="muted"> · {step.responsible_actors.map((a) => a.name).join(", ")}</span>
          )}
        </p>
        {step.outcome && <p class="small muted">{step.outcome}</p>}
        {!readOnly && (
          <div class="status-buttons" role="group" aria-label={t("strategy.setStatus", { step: step.title.slice(0, 60) })}>
            {STEP_STATUSES.filter((s) => s !== step.status).map((s) => (
              <button key={s} type="button" class="secondary small-button" disabled={busy} onClick={() => setStatus(s)}>
                {enumLabel(catalog, "step_statuses", s)}
              </button>
            ))}
          </div>
        )}
        {error && (
          <p class="error small" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

function AddStep({ goal, orp, onDone }: { goal: Goal; orp: string; onDone: (saved: boolean) => void }) {
  const [title, setTitle] = useState("");
  const [deadline, setDeadline] = useState("");
  const [actors, setActors] = useState<ActorRef[]>([]);
  const base = `step-new-${goal.id}`;
  const f = useAddForm(base);
  const submit = (e: Event) =>
    f.run(e, () => api("POST", "/api/v1/steps", { goal_id: goal.id, title, deadline, actor_ids: actors.map((a) => a.id) }), () => onDone(true));
  const actorError = Object.entries(f.fields)
    .filter(([k]) => k.startsWith("actor_ids"))
    .map(([, v]) => v)
    .join(" ");
  return (
    <form id={base} class="add-step" onSubmit={submit} noValidate aria-label={t("strategy.addStepTo", { goal: goal.title })}>
      <div class="form-grid">
        <div class="field wide">
          <label for={base + "-title"}>{t("strategy.stepTitle")}</label>
          <input id={base + "-title"} type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...f.inv("title")} />
          {f.err("title")}
        </div>
        <div class="field">
          <label for={base + "-deadline"}>{t("strategy.stepDeadline")}</label>
          <input id={base + "-deadline"} type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} {...f.inv("deadline")} />
          {f.err("deadline")}
        </div>
      </div>
      <ActorPicker id={base + "-actors"} label={t("strategy.responsible")} value={actors} onChange={setActors} orp={orp} error={actorError || undefined} />
      {f.rest(["title", "deadline"], "actor_ids")}
      <div class="actions">
        <button type="submit" disabled={f.busy}>
          {t("strategy.saveStep")}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t("strategy.cancel")}
        </button>
      </div>
    </form>
  );
}

// The field errors of a small add form: the server's 422 beside each field, focus on the first.
function useAddForm(base: string) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById(base + "-title")?.focus(), []);
  const run = async (e: Event, send: () => Promise<unknown>, onSaved: () => void) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      await send();
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setFields(err.fields);
        setTimeout(() => document.querySelector<HTMLElement>(`#${base} [aria-invalid='true']`)?.focus());
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const inv = (k: string) => ({ "aria-invalid": !!fields[k], "aria-describedby": fields[k] ? `${base}-${k}-err` : undefined });
  const err = (k: string) =>
    fields[k] && (
      <p id={`${base}-${k}-err`} class="error field-error">
        {fields[k]}
      </p>
    );
  // Errors of fields the form does not show (nor those under `shownPrefix`, shown elsewhere),
  // and any other failure.
  const rest = (shown: string[], shownPrefix?: string) => (
    <>
      {Object.entries(fields)
        .filter(([k]) => !shown.includes(k) && !(shownPrefix && k.startsWith(shownPrefix)))
        .map(([k, v]) => (
          <p key={k} class="error field-error">
            {v}
          </p>
        ))}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
  return { fields, busy, run, inv, err, rest };
}

function AddThemeToggle({ orp, onChanged }: { orp: string; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  return adding ? (
    <AddTheme orp={orp} onDone={(saved) => (setAdding(false), saved && onChanged())} />
  ) : (
    <p>
      <button type="button" class="secondary" onClick={() => setAdding(true)}>
        {t("strategy.addTheme")}
      </button>
    </p>
  );
}

function AddTheme({ orp, onDone }: { orp: string; onDone: (saved: boolean) => void }) {
  return (
    <AddTitled
      base="theme-new"
      kind="theme"
      label={t("strategy.addTheme")}
      texts={{ title: t("strategy.themeTitle"), since: t("strategy.themeSince"), text: t("strategy.themeWhy"), save: t("strategy.saveTheme") }}
      textField="why"
      save={(title, since, why) => api("POST", "/api/v1/themes", { orp_code: orp, title, why, since })}
      onDone={onDone}
    />
  );
}

function AddGoal({ theme, onDone }: { theme: Theme; onDone: (saved: boolean) => void }) {
  return (
    <AddTitled
      base={`goal-new-${theme.id}`}
      kind="goal"
      label={t("strategy.addGoalTo", { theme: theme.title })}
      texts={{ title: t("strategy.goalTitle"), since: t("strategy.goalSince"), text: t("strategy.goalDescription"), save: t("strategy.saveGoal") }}
      textField="description"
      save={(title, since, description) => api("POST", "/api/v1/goals", { theme_id: theme.id, title, description, since })}
      onDone={onDone}
    />
  );
}

interface AddTitledProps {
  base: string; // id prefix of the form and its fields
  kind: "theme" | "goal";
  label: string;
  texts: { title: string; since: string; text: string; save: string };
  textField: string; // the record's member the free text goes to (its errors are shown there)
  save: (title: string, since: string, text: string) => Promise<unknown>;
  onDone: (saved: boolean) => void;
}

// A theme or a goal is a title, the day it holds from and a free text: one inline form serves both.
function AddTitled({ base, kind, label, texts, textField, save, onDone }: AddTitledProps) {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [since, setSince] = useState(today());
  const f = useAddForm(base);
  const submit = (e: Event) => f.run(e, () => save(title, since, text), () => onDone(true));
  return (
    <form id={base} class={`add-step add-${kind}`} onSubmit={submit} noValidate aria-label={label}>
      <div class="form-grid">
        <div class="field wide">
          <label for={base + "-title"}>{texts.title}</label>
          <input id={base + "-title"} type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...f.inv("title")} />
          {f.err("title")}
        </div>
        <div class="field">
          <label for={base + "-since"}>{texts.since}</label>
          <input id={base + "-since"} type="date" max={today()} value={since} onInput={(e) => setSince(e.currentTarget.value)} {...f.inv("since")} />
          {f.err("since")}
        </div>
        <div class="field wide">
          <label for={base + "-" + textField}>{texts.text}</label>
          <textarea id={base + "-" + textField} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} {...f.inv(textField)} />
          {f.err(textField)}
        </div>
      </div>
      {f.rest(["title", "since", textField])}
      <div class="actions">
        <button type="submit" disabled={f.busy}>
          {texts.save}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t("strategy.cancel")}
        </button>
      </div>
    </form>
  );
}

function Changes({ orp, catalog, reload }: { orp: string; catalog: LabelCatalog | undefined; reload: number }) {
  const [from, setFrom] = useState(daysAgo(30));
  const [to, setTo] = useState(today());
  const changes = useLoad(
    (signal) => (orp && from ? get<{ changes: Change[] }>("/api/v1/strategy/changes", { orp, from, to }, signal) : Promise.resolve({ changes: [] })),
    [orp, from, to, reload],
  );
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{t("strategy.changesTitle")}</h2>
      <div class="filter-bar">
        <div class="field">
          <label for="c-from">{t("strategy.changesFrom")}</label>
          <input id="c-from" type="date" max={today()} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="c-to">{t("strategy.changesTo")}</label>
          <input id="c-to" type="date" max={today()} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
      </div>
      {changes.error ? (
        <ErrorNote error={changes.error} />
      ) : changes.loading && !changes.data ? (
        <Loading />
      ) : (
        <>
          <p role="status" class="muted">
            {t("strategy.changesCount", { count: changes.data?.changes.length ?? 0 })}
          </p>
          <ul class="change-list">
            {(changes.data?.changes ?? []).map((c) => {
              const rec = c.after ?? c.before ?? {};
              return (
                <li key={c.kind + c.id} class={"change-" + c.change}>
                  <span class="pill">{t(("strategy.change." + c.change) as "strategy.change.added")}</span>{" "}
                  <span class="muted">{enumLabel(catalog, "record_kinds", c.kind)}:</span> {rec.title}
                  {c.change === "changed" && c.before && c.after && <ChangedFields before={c.before} after={c.after} catalog={catalog} kind={c.kind} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

const SHOWN_FIELDS = ["title", "status", "deadline", "completed_on", "outcome", "description", "why"];

function ChangedFields({ before, after, catalog, kind }: { before: Record<string, any>; after: Record<string, any>; catalog: LabelCatalog | undefined; kind: string }) {
  const diffs = SHOWN_FIELDS.filter((f) => f in after && JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (!diffs.length) return null;
  const value = (f: string, v: any) => (f === "status" ? enumLabel(catalog, kind + "_statuses", String(v)) : String(v ?? ""));
  return (
    <ul class="small">
      {diffs.map((f) => (
        <li key={f}>
          {catalog?.fields[kind]?.[f] ?? catalog?.fields._?.[f] ?? f}: {value(f, before[f]) || "—"} → {value(f, after[f]) || "—"}
        </li>
      ))}
    </ul>
  );
}
