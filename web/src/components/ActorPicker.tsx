// Actors picked by typing: a combobox (WAI-ARIA 1.2, list autocomplete) over
// GET /api/v1/actors?q=, the chosen ones shown as removable chips. Keyboard: type, arrows
// move in the list, Enter picks, Escape closes, Backspace in the empty box removes the last.
import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";

export interface ActorRef {
  id: number;
  name: string;
}

interface Props {
  id: string;
  label: string;
  value: ActorRef[];
  onChange: (next: ActorRef[]) => void;
  orp?: string; // actors of this ORP first; the whole country when none matches there
  error?: string;
  hint?: string;
}

const DEBOUNCE_MS = 120;
const SHOWN = 8;

async function search(q: string, orp: string | undefined, signal: AbortSignal): Promise<ActorRef[]> {
  const page = (o?: string) => get<{ items: ActorRef[] }>("/api/v1/actors", { q, orp: o, limit: SHOWN }, signal).then((r) => r.items.map((a) => ({ id: a.id, name: a.name })));
  const local = orp ? await page(orp) : [];
  return local.length ? local : page();
}

export function ActorPicker({ id, label, value, onChange, orp, error, hint }: Props) {
  const [text, setText] = useState("");
  const [options, setOptions] = useState<ActorRef[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announce, setAnnounce] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const chosen = new Set(value.map((a) => a.id));

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      search(q, orp, ctl.signal).then(
        (found) => {
          const fresh = found.filter((a) => !chosen.has(a.id));
          setOptions(fresh);
          setActive(0);
          setOpen(true);
          setAnnounce(fresh.length ? t("picker.found", { count: fresh.length }) : t("picker.none"));
        },
        () => undefined, // aborted by newer typing, or the server said no: the list stays
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, orp]);

  const pick = (a: ActorRef) => {
    if (!chosen.has(a.id)) onChange([...value, a]);
    setText("");
    setOptions([]);
    setOpen(false);
    setAnnounce(t("picker.added", { name: a.name }));
    input.current?.focus();
  };
  const remove = (a: ActorRef) => {
    onChange(value.filter((x) => x.id !== a.id));
    setAnnounce(t("picker.removed", { name: a.name }));
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (open ? (i + 1) % options.length : 0));
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      // Enter picks; it never submits the form from here.
      if (open && options[active]) {
        e.preventDefault();
        pick(options[active]);
      } else if (text.trim()) e.preventDefault();
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === "Backspace" && text === "" && value.length) {
      e.preventDefault();
      remove(value[value.length - 1]);
    }
  };

  const listId = id + "-list";
  const hintId = id + "-hint";
  const errorId = id + "-error";
  const expanded = open && options.length > 0;
  return (
    <div class="actor-picker field">
      <label for={id}>{label}</label>
      {value.length > 0 && (
        <ul class="chips" aria-label={t("picker.chosen", { label })}>
          {value.map((a) => (
            <li key={a.id} class="chip">
              <span>{a.name}</span>
              <button type="button" class="chip-remove" aria-label={t("picker.remove", { name: a.name })} onClick={() => remove(a)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="combo">
        <input
          id={id}
          ref={input}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? `${id}-opt-${options[active]?.id}` : undefined}
          aria-describedby={hintId + (error ? " " + errorId : "")}
          aria-invalid={!!error}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={label} class="combo-list" hidden={!expanded}>
          {options.map((a, i) => (
            <li
              key={a.id}
              id={`${id}-opt-${a.id}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? "active" : undefined}
              // mousedown, not click: the input keeps its focus.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(a);
              }}
            >
              {a.name}
            </li>
          ))}
        </ul>
      </div>
      <p id={hintId} class="hint">
        {hint ?? t("picker.hint")}
      </p>
      {error && (
        <p id={errorId} class="error field-error">
          {error}
        </p>
      )}
      <p class="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
