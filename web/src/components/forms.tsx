// The fields of the record editors (service cards, actors): each labelled, with the
// server's message for it beside it (the 422's `fields`, keyed by the field's path in the
// body, e.g. "contacts[0].email"), and small pickers that search the API as one types.
import { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FieldErrors } from "../api";
import { t } from "../i18n";

// A label as a form shows it: the server's field names are in lower case ("název služby").
export const cap = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

// An id for a field's path that HTML accepts: "contacts[0].email" -> "f-contacts-0-email".
export const fieldId = (path: string) => "f-" + path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "");

// The message of `path`, and of the paths under it when `nested` (a list's items).
function messagesOf(errors: FieldErrors, path: string, nested: boolean): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === path || (nested && (k.startsWith(path + ".") || k.startsWith(path + "["))))
    .map(([, v]) => v);
}

export function FieldError({ errors, path, nested = false }: { errors: FieldErrors; path: string; nested?: boolean }) {
  const messages = messagesOf(errors, path, nested);
  if (!messages.length) return null;
  return (
    <p id={fieldId(path) + "-error"} class="error field-error" data-field={path}>
      {messages.join(" ")}
    </p>
  );
}

interface FieldProps {
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
  children: (attrs: Record<string, unknown>) => ComponentChildren;
}

// A label, the control `children` draws with the attributes that tie it to its label,
// hint and error, and the error.
export function Field({ path, label, errors, hint, required, children }: FieldProps) {
  const id = fieldId(path);
  const bad = messagesOf(errors, path, false).length > 0;
  const described = [hint ? id + "-hint" : "", bad ? id + "-error" : ""].filter(Boolean).join(" ");
  return (
    <div class={"field" + (bad ? " has-error" : "")}>
      <label for={id}>
        {label}
        {required && <span class="required"> ({t("form.requiredToPublish")})</span>}
      </label>
      {hint && (
        <p id={id + "-hint"} class="hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": bad ? "true" : undefined, "aria-describedby": described || undefined })}
      <FieldError errors={errors} path={path} />
    </div>
  );
}

type Setter<V> = (v: V) => void;

export function TextField(p: { path: string; label: string; value: string; set: Setter<string>; errors: FieldErrors; hint?: string; required?: boolean; type?: string; multiline?: boolean; autocomplete?: string }) {
  return (
    <Field path={p.path} label={p.label} errors={p.errors} hint={p.hint} required={p.required}>
      {(a) =>
        p.multiline ? (
          <textarea {...a} rows={4} value={p.value} onInput={(e) => p.set(e.currentTarget.value)} />
        ) : (
          <input {...a} type={p.type ?? "text"} autocomplete={p.autocomplete ?? "off"} value={p.value} onInput={(e) => p.set(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}

export function NumberField(p: { path: string; label: string; value: number | null; set: Setter<number | null>; errors: FieldErrors; min?: number; max?: number; hint?: string }) {
  return (
    <Field path={p.path} label={p.label} errors={p.errors} hint={p.hint}>
      {(a) => (
        <input
          {...a}
          type="number"
          inputMode="numeric"
          min={p.min}
          max={p.max}
          value={p.value ?? ""}
          onInput={(e) => {
            const v = e.currentTarget.value;
            p.set(v === "" ? null : Number(v));
          }}
        />
      )}
    </Field>
  );
}

export function SelectField(p: { path: string; label: string; value: string; set: Setter<string>; errors: FieldErrors; options: [string, string][]; empty?: string; hint?: string }) {
  return (
    <Field path={p.path} label={p.label} errors={p.errors} hint={p.hint}>
      {(a) => (
        <select {...a} value={p.value} onChange={(e) => p.set(e.currentTarget.value)}>
          {p.empty !== undefined && <option value="">{p.empty}</option>}
          {p.options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField(p: { path: string; label: string; value: boolean; set: Setter<boolean>; errors: FieldErrors }) {
  const id = fieldId(p.path);
  return (
    <div class="field check">
      <input id={id} type="checkbox" checked={p.value} onChange={(e) => p.set(e.currentTarget.checked)} />
      <label for={id}>{p.label}</label>
      <FieldError errors={p.errors} path={p.path} />
    </div>
  );
}

// Several of a fixed list (need areas, forms), as a group of check boxes.
export function ChecksField(p: { path: string; label: string; value: string[]; set: Setter<string[]>; errors: FieldErrors; options: [string, string][]; hint?: string }) {
  const id = fieldId(p.path);
  const toggle = (v: string, on: boolean) => p.set(on ? [...p.value.filter((x) => x !== v), v] : p.value.filter((x) => x !== v));
  return (
    <fieldset class="field checks" id={id} aria-describedby={p.hint ? id + "-hint" : undefined}>
      <legend>{p.label}</legend>
      {p.hint && (
        <p id={id + "-hint"} class="hint">
          {p.hint}
        </p>
      )}
      {p.options.map(([v, l]) => (
        <span class="check" key={v}>
          <input id={id + "-" + v} type="checkbox" checked={p.value.includes(v)} onChange={(e) => toggle(v, e.currentTarget.checked)} />
          <label for={id + "-" + v}>{l}</label>
        </span>
      ))}
      <FieldError errors={p.errors} path={p.path} nested />
    </fieldset>
  );
}

export interface Choice {
  value: string;
  label: string;
}

// A text box that offers what `search` finds for the typed text; picking one calls `pick`.
// The list is a set of buttons after the box (Tab reaches them; Escape closes it).
export function Picker(p: { id: string; label: string; shown: string; search: (text: string, signal: AbortSignal) => Promise<Choice[]>; pick: (c: Choice) => void; describedBy?: string; invalid?: boolean; placeholder?: string }) {
  const [text, setText] = useState(p.shown);
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Choice[]>([]);
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setText(p.shown);
  }, [p.shown]);
  useEffect(() => {
    if (!typed.current || text.trim().length < 2) {
      setFound([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => p.search(text, ctl.signal).then((c) => !ctl.signal.aborted && (setFound(c), setOpen(true)), () => {}), 120);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);
  return (
    <div class="picker" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="text"
        autocomplete="off"
        value={text}
        placeholder={p.placeholder}
        aria-invalid={p.invalid ? "true" : undefined}
        aria-describedby={p.describedBy}
        onInput={(e) => {
          typed.current = true;
          setText(e.currentTarget.value);
        }}
      />
      {open && found.length > 0 && (
        <ul class="picker-list" aria-label={t("form.suggestions")}>
          {found.map((c) => (
            <li key={c.value}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  typed.current = false;
                  setText(c.label);
                  setOpen(false);
                  p.pick(c);
                  document.getElementById(p.id)?.focus();
                }}
              >
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A list of records inside a record (contacts, locations): each item drawn by `item`, a
// button that removes it and one that adds a new one.
export function ListField<V>(p: { path: string; label: string; value: V[]; set: Setter<V[]>; errors: FieldErrors; blank: () => V; addLabel: string; itemLabel: (i: number) => string; item: (v: V, set: Setter<V>, path: string) => ComponentChildren }) {
  const setAt = (i: number) => (v: V) => p.set(p.value.map((x, j) => (j === i ? v : x)));
  return (
    <fieldset class="field list-field" id={fieldId(p.path)}>
      <legend>{p.label}</legend>
      {messagesOf(p.errors, p.path, false).length > 0 && <FieldError errors={p.errors} path={p.path} />}
      {p.value.map((v, i) => (
        <div class="list-item" key={i} role="group" aria-label={p.itemLabel(i)}>
          {p.item(v, setAt(i), `${p.path}[${i}]`)}
          <button type="button" class="secondary small-button" onClick={() => p.set(p.value.filter((_, j) => j !== i))}>
            {t("form.remove")}
            <span class="visually-hidden"> {p.itemLabel(i)}</span>
          </button>
        </div>
      ))}
      <button type="button" class="secondary small-button" onClick={() => p.set([...p.value, p.blank()])}>
        {p.addLabel}
      </button>
    </fieldset>
  );
}

// Every message of the 422 in one list at the top, each a link to its field.
export function ErrorSummary({ errors, labelOf }: { errors: FieldErrors; labelOf: (path: string) => string }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <p class="strong">{t("form.fix")}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={"#" + fieldId(path)} onClick={(e) => focusField(e, path)}>
              {labelOf(path)}
            </a>
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

// The control of a path, or of the nearest enclosing list when the item has no control.
function focusField(e: Event, path: string) {
  e.preventDefault();
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      (el.matches("input,select,textarea") ? el : (el.querySelector("input,select,textarea") as HTMLElement | null) ?? el).focus();
      return;
    }
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
}
