// A municipality picked by typing its name (GET /api/v1/municipalities?q=, diacritics
// ignored): a combobox with a listbox of matches, each named with its ORP since names
// repeat. Arrow keys move, Enter picks, Escape closes.
import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import "../styles/map.css";

export interface MunicipalityChoice {
  code: string;
  name: string;
  orp_code: string;
  orp_name: string;
  location?: { lat: number; lon: number };
}

interface Props {
  id: string;
  label: string;
  value: MunicipalityChoice | null;
  onChange: (m: MunicipalityChoice | null) => void;
  orp?: string; // only this ORP's municipalities
  region?: string;
}

export function MunicipalityField({ id, label, value, onChange, orp, region }: Props) {
  const [text, setText] = useState(value?.name ?? "");
  const [items, setItems] = useState<MunicipalityChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) setText(value?.name ?? "");
  }, [value?.code]);

  useEffect(() => {
    if (!typed.current || text.trim().length < 2) {
      setItems([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      get<{ items: MunicipalityChoice[] }>("/api/v1/municipalities", { q: text, orp, region: orp ? undefined : region, limit: 8 }, ctl.signal).then(
        (r) => {
          setItems(r.items);
          setActive(0);
          setOpen(true);
        },
        () => {},
      );
    }, 80);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, orp, region]);

  const choose = (m: MunicipalityChoice) => {
    typed.current = false;
    setText(m.name);
    setOpen(false);
    onChange(m);
  };
  const listId = id + "-list";
  return (
    <div class="field muni-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && items[active] ? id + "-o" + active : undefined}
        value={text}
        onInput={(e) => {
          typed.current = true;
          setText(e.currentTarget.value);
          if (!e.currentTarget.value) onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && items[active]) {
            e.preventDefault();
            choose(items[active]);
          } else if (e.key === "Escape") setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" class="muni-options" hidden={!open || items.length === 0} aria-label={label}>
        {items.map((m, i) => (
          <li
            key={m.code}
            id={id + "-o" + i}
            role="option"
            aria-selected={i === active}
            class={i === active ? "active" : ""}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(m);
            }}
          >
            {m.name} <span class="muted">({t("territory.orpName", { name: m.orp_name })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
