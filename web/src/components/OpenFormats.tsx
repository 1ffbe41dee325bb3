// Links to the open formats partners read (GeoJSON, GraphML) and the "Kalendář" panel,
// where a user creates a calendar feed of an ORP, copies its URL and revokes it.
import { useState } from "preact/hooks";
import { api, get } from "../api";
import { formatDate, t } from "../i18n";
import { useLoad } from "../hooks";
import { ErrorNote } from "../components";
import "../styles/open-formats.css";

// A file the server makes, downloaded as it is.
export function DownloadLink({ href, label, id }: { href: string; label: string; id?: string }) {
  return (
    <a class="download-link" id={id} href={href} download>
      {label}
    </a>
  );
}

// The query of an address without the page: a file holds every hit.
export function fileQuery(params: Record<string, string>): string {
  const q = new URLSearchParams(params);
  q.delete("offset");
  q.delete("limit");
  const s = q.toString();
  return s ? "?" + s : "";
}

interface Feed {
  id: number;
  orp: string;
  name: string;
  created: string;
  last_used: string | null;
  revoked: string | null;
}

interface Created {
  id: number;
  path: string;
}

// The user's feeds of one ORP: create one (its URL shows once, to copy), revoke one.
export function CalendarPanel({ orp }: { orp: string }) {
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const feeds = useLoad(() => get<{ items: Feed[] }>("/api/v1/calendar-feeds"), [version]);
  const live = (feeds.data?.items ?? []).filter((f) => f.orp === orp && !f.revoked);

  const create = async () => {
    try {
      const f = await api<Created>("POST", "/api/v1/calendar-feeds", { orp });
      setCreated(window.location.origin + f.path);
      setError(null);
      setVersion(version + 1);
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async (id: number) => {
    try {
      await api("DELETE", "/api/v1/calendar-feeds/" + id);
      setCreated(null);
      setVersion(version + 1);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="calendar-panel" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("calendar.title")}</h2>
      <p>{t("calendar.intro")}</p>
      <p>
        <DownloadLink id="calendar-download" href={`/api/v1/orps/${orp}/calendar.ics`} label={t("calendar.download")} />
      </p>
      {error ? <ErrorNote error={error} /> : null}
      {created && (
        <div class="calendar-url">
          <label for="calendar-url">{t("calendar.url")}</label>
          <input id="calendar-url" readOnly value={created} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="secondary" onClick={() => navigator.clipboard?.writeText(created)}>
            {t("calendar.copy")}
          </button>
          <p class="hint">{t("calendar.once")}</p>
        </div>
      )}
      {live.length > 0 && (
        <ul class="calendar-feeds">
          {live.map((f) => (
            <li key={f.id}>
              {f.name} · {t("calendar.created", { date: formatDate(f.created.slice(0, 10)) })}
              {f.last_used ? " · " + t("calendar.lastUsed", { date: formatDate(f.last_used.slice(0, 10)) }) : ""}{" "}
              <button type="button" class="secondary" onClick={() => revoke(f.id)}>
                {t("calendar.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" id="calendar-create" onClick={create}>
        {t("calendar.create")}
      </button>
    </section>
  );
}
