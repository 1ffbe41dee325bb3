// What the record editors (service cards, actors) share: loading the record with what the
// server lets the caller do with it (the Allow header), a draft kept in sessionStorage so
// that nothing typed is lost, saving with If-Match, the server's field errors, and the two
// 409 answers: `conflict` (someone saved meanwhile: both versions field by field, the
// person picks) and `duplicate` (the record exists: a link, and "this is a different one").
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, FieldErrors } from "../api";
import { t } from "../i18n";
import { errorText } from "../components";

export interface StoredRecord {
  id: number;
  version: number;
}

export interface EditorConfig<T> {
  kind: string; // the record kind ("service_card", "actor"): names its draft
  collection: string; // "/api/v1/service-cards"
  id: number | string | null; // null: a new record
  blank: () => T;
  // The body to send: the members the person edits (read-only ones left out).
  body: (v: T) => Record<string, unknown>;
  // For a value that is not a record of its own (a model situation lives in a version of
  // the model): `load` reads the stored value instead of GET collection/id, `write` stores
  // `v` over `against` instead of PUT with If-Match and answers the stored value. A 409 of
  // `write` is a conflict: `load` then gives the value stored meanwhile.
  load?: (signal?: AbortSignal) => Promise<T>;
  write?: (v: T, against: T | null) => Promise<T>;
  // Whether the kind's GET names the caller's methods in Allow (actors, cards); without it
  // the editor opens and a refused write shows as the save's error.
  allowHeader?: boolean;
}

export type Phase = "loading" | "ready" | "forbidden" | "missing" | "failed";

export interface Existing {
  kind: string;
  id: number;
  name: string;
}

export interface Editor<T> {
  phase: Phase;
  value: T;
  base: T | null; // the stored version the edit starts from
  errors: FieldErrors;
  error: unknown;
  conflict: T | null; // the version stored meanwhile
  duplicate: Existing | null;
  saving: boolean;
  saved: boolean;
  restored: boolean; // the value came from a draft of this browser tab
  set: (patch: Partial<T>) => void;
  save: (patch?: Partial<T>) => Promise<T | null>;
  resolve: (merged: T) => void; // save `merged` against the version stored meanwhile
  keepTheirs: () => void;
  discardDraft: () => void;
}

const draftKey = (kind: string, id: number | string | null) => `prosit.draft.${kind}.${id ?? "new"}`;

interface Draft<T> {
  base: T | null;
  value: T;
}

function readDraft<T>(key: string): Draft<T> | null {
  try {
    const s = sessionStorage.getItem(key);
    return s ? (JSON.parse(s) as Draft<T>) : null;
  } catch {
    return null;
  }
}

function writeDraft<T>(key: string, d: Draft<T> | null): void {
  try {
    if (d) sessionStorage.setItem(key, JSON.stringify(d));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage may be off or full: the value still lives in the page.
  }
}

export function useRecordEditor<T extends object>(cfg: EditorConfig<T>, deps: unknown[] = []): Editor<T> {
  const key = draftKey(cfg.kind, cfg.id);
  const [phase, setPhase] = useState<Phase>("loading");
  const [value, setValue] = useState<T>(cfg.blank);
  const [base, setBase] = useState<T | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<T | null>(null);
  const [duplicate, setDuplicate] = useState<Existing | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    setPhase("loading");
    const draft = readDraft<T>(key);
    if (cfg.id === null) {
      setBase(null);
      setValue(draft ? draft.value : cfg.blank());
      setRestored(!!draft);
      setPhase("ready");
      return;
    }
    let allow = "";
    const loaded = cfg.load ? cfg.load(ctl.signal) : api<T>("GET", `${cfg.collection}/${cfg.id}`, undefined, ctl.signal, { onResponse: (r) => (allow = r.headers.get("Allow") ?? "") });
    loaded.then(
      (stored) => {
        if (ctl.signal.aborted) return;
        // The server says whether this caller may change the record; the editor asks, not guesses.
        if (cfg.allowHeader !== false && !allow.split(/,\s*/).includes("PUT")) {
          setPhase("forbidden");
          return;
        }
        // A draft keeps the version it was begun on: saving it against a newer one is a conflict.
        setBase(draft?.base ?? stored);
        setValue(draft ? draft.value : stored);
        setRestored(!!draft);
        setPhase("ready");
      },
      (e) => {
        if (ctl.signal.aborted) return;
        setError(e);
        setPhase(e instanceof ApiError && e.status === 404 ? "missing" : e instanceof ApiError && e.status === 403 ? "forbidden" : "failed");
      },
    );
    return () => ctl.abort();
  }, [cfg.id, ...deps]);

  const remember = (v: T, b: T | null) => writeDraft(key, { base: b, value: v });

  const set = (patch: Partial<T>) => {
    setSaved(false);
    setValue((v) => {
      const next = { ...v, ...patch };
      remember(next, base);
      return next;
    });
  };

  const put = async (v: T, against: T | null): Promise<T | null> => {
    setSaving(true);
    setError(null);
    setDuplicate(null);
    try {
      const version = (against as unknown as StoredRecord | null)?.version;
      const stored = cfg.write
        ? await cfg.write(v, against)
        : cfg.id === null
          ? await api<T>("POST", cfg.collection, cfg.body(v))
          : await api<T>("PUT", `${cfg.collection}/${cfg.id}`, cfg.body(v), undefined, { ifMatch: version });
      writeDraft(key, null);
      setErrors({});
      setConflict(null);
      setBase(stored);
      setValue(stored);
      setRestored(false);
      setSaved(true);
      return stored;
    } catch (e) {
      if (e instanceof ApiError && e.code === "duplicate" && e.existing) {
        setDuplicate(e.existing);
        setErrors(e.fields);
      } else if (e instanceof ApiError && e.status === 409 && cfg.id !== null) {
        // Someone saved meanwhile: fetch their version and let the person merge.
        try {
          setConflict(await (cfg.load ? cfg.load() : api<T>("GET", `${cfg.collection}/${cfg.id}`)));
          setErrors({});
        } catch (again) {
          setError(again);
        }
      } else if (e instanceof ApiError && e.status === 422) {
        setErrors(e.fields);
        setTimeout(() => document.getElementById("error-summary")?.focus(), 0);
      } else {
        setError(e);
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  const save = (patch: Partial<T> = {}) => {
    const v = { ...value, ...patch };
    setValue(v);
    remember(v, base);
    return put(v, base);
  };

  const resolve = (merged: T) => {
    const theirs = conflict;
    setBase(theirs);
    setValue(merged);
    remember(merged, theirs);
    setConflict(null);
    void put(merged, theirs);
  };

  const keepTheirs = () => {
    if (!conflict) return;
    writeDraft(key, null);
    setBase(conflict);
    setValue(conflict);
    setConflict(null);
    setRestored(false);
  };

  const discardDraft = () => {
    writeDraft(key, null);
    setRestored(false);
    if (base) setValue(base);
    else setValue(cfg.blank());
  };

  return { phase, value, base, errors, error, conflict, duplicate, saving, saved, restored, set, save, resolve, keepTheirs, discardDraft };
}

// A value as a person reads it in the comparison of two versions.
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? t("form.yes") : t("form.no");
  if (Array.isArray(v)) return v.length ? v.map(showValue).join("; ") : "—";
  if (typeof v === "object")
    return (
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== null && x !== "" && !(Array.isArray(x) && !x.length) && typeof x !== "object")
        .map(([, x]) => showValue(x))
        .join(", ") || "—"
    );
  return String(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface ConflictProps<T> {
  mine: T;
  theirs: T;
  base: T | null;
  fields: string[]; // the members the editor shows, in its order
  labelOf: (field: string) => string;
  show?: (field: string, v: unknown) => string;
  onMerge: (merged: T) => void;
  onKeepTheirs: () => void;
  explain?: string; // what happened, when not a record saved meanwhile
}

// Both versions side by side, one row per field that differs; for each the person keeps
// theirs or the stored one. A field only they changed starts on theirs, one only the other
// person changed on the stored one.
export function ConflictPanel<T extends object>({ mine, theirs, base, fields, labelOf, show = (_f, v) => showValue(v), onMerge, onKeepTheirs, explain }: ConflictProps<T>) {
  const m = mine as Record<string, unknown>;
  const th = theirs as Record<string, unknown>;
  const b = (base ?? {}) as Record<string, unknown>;
  const differing = fields.filter((f) => !same(m[f], th[f]));
  const [pick, setPick] = useState<Record<string, "mine" | "theirs">>(() =>
    Object.fromEntries(differing.map((f) => [f, base && same(m[f], b[f]) ? "theirs" : "mine"])),
  );
  const merge = () => {
    const merged = { ...th } as Record<string, unknown>;
    for (const f of differing) if (pick[f] === "mine") merged[f] = m[f];
    onMerge(merged as T);
  };
  return (
    <section class="conflict" aria-labelledby="conflict-title" role="region">
      <h2 id="conflict-title" tabIndex={-1}>
        {t("conflict.title")}
      </h2>
      <p>{explain ?? t("conflict.explain", { version: String((theirs as unknown as StoredRecord).version) })}</p>
      {differing.length === 0 ? (
        <p>{t("conflict.noDifference")}</p>
      ) : (
        <div class="conflict-rows">
          <div class="conflict-head" aria-hidden="true">
            <span>{t("conflict.field")}</span>
            <span>{t("conflict.mine")}</span>
            <span>{t("conflict.theirs")}</span>
          </div>
          {differing.map((f) => (
            <fieldset class="conflict-row" key={f} data-field={f}>
              <legend>{labelOf(f)}</legend>
              <label class="conflict-choice mine">
                <input type="radio" name={"pick-" + f} checked={pick[f] === "mine"} onChange={() => setPick({ ...pick, [f]: "mine" })} />
                <span class="visually-hidden">{t("conflict.mine")}: </span>
                <span class="conflict-value">{show(f, m[f])}</span>
              </label>
              <label class="conflict-choice theirs">
                <input type="radio" name={"pick-" + f} checked={pick[f] === "theirs"} onChange={() => setPick({ ...pick, [f]: "theirs" })} />
                <span class="visually-hidden">{t("conflict.theirs")}: </span>
                <span class="conflict-value">{show(f, th[f])}</span>
              </label>
            </fieldset>
          ))}
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={merge}>
          {t("conflict.saveMerged")}
        </button>
        <button type="button" class="secondary" onClick={onKeepTheirs}>
          {t("conflict.keepTheirs")}
        </button>
      </div>
    </section>
  );
}

// The record the write would repeat, with a way to say it is a different one.
// The note that a draft kept from before was restored, with the way to drop it.
export function DraftNotice<T>({ editor }: { editor: Editor<T> }) {
  if (!editor.restored) return null;
  return (
    <div class="notice" role="status">
      {t("form.restored")}{" "}
      <button type="button" class="link-button" onClick={editor.discardDraft}>
        {t("form.discardDraft")}
      </button>
    </div>
  );
}

export function DuplicateNote({ existing, href, onDistinct }: { existing: Existing; href: string; onDistinct?: () => void }) {
  return (
    <div class="notice duplicate" role="alert">
      <p>
        {t("duplicate.explain")} <a href={href}>{existing.name}</a>
      </p>
      {onDistinct && (
        <button type="button" class="secondary" onClick={onDistinct}>
          {t("duplicate.different")}
        </button>
      )}
    </div>
  );
}

// A general error of a save (not about a field), in the person's language.
export function SaveError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {t("app.error", { message: errorText(error) })}
    </p>
  );
}
