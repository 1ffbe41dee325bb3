// The audit trail of one record, field by field: who changed what and when, each change
// as the field's label, the value before and the value after. Reads GET /api/v1/audit
// (the server decides which versions the person may see; hidden entries say only that
// a change happened).
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { currentLang, formatNumber, t, tDynamic } from "../i18n";
import { ErrorNote, Loading } from "../components";
import { FieldLabels, fieldLabel, fieldLabels } from "./fieldLabels";

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  author: string;
  entity: string;
  id: number;
  op: string;
  hidden: boolean;
  changes: AuditChange[];
}

interface AuditPage {
  items: AuditEntry[];
  total: number;
  next_offset: number | null;
}

const dateTime = () => new Intl.DateTimeFormat(currentLang() === "cs" ? "cs-CZ" : "en-GB", { dateStyle: "medium", timeStyle: "short" });

// A value of a field as a person reads it.
export function shownValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (v === true) return t("history.yes");
  if (v === false) return t("history.no");
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

// "user:jana" → "jana"; "cli:demo" stays as it is.
const authorName = (a: string) => (a.startsWith("user:") ? a.slice(5) : a);

export function RecordHistory({ entity, id }: { entity: string; id: number }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<number | null>(0);
  const [labels, setLabels] = useState<FieldLabels>({});
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = async (offset: number, replace: boolean) => {
    setLoading(true);
    try {
      const page = await get<AuditPage>("/api/v1/audit", { entity, id, offset, limit: 50 });
      setEntries((old) => (replace ? page.items : [...old, ...page.items]));
      setTotal(page.total);
      setNext(page.next_offset);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load(0, true);
    fieldLabels(currentLang()).then(setLabels, () => setLabels({}));
  }, [entity, id]);

  if (error) return <ErrorNote error={error} />;
  if (loading && !entries.length) return <Loading />;
  if (!entries.length) return <p class="muted">{t("history.empty")}</p>;
  const fmt = dateTime();
  return (
    <div class="history">
      <p class="muted">{t("history.count", { count: total })}</p>
      <ol class="history-list">
        {entries.map((e) => (
          <li key={e.seq} class="history-entry">
            <h3 class="history-head">
              <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
              {" · "}
              {tDynamic("history.op." + e.op, e.op)}
              {!e.hidden && e.author && (
                <>
                  {" · "}
                  <span class="history-author">{authorName(e.author)}</span>
                </>
              )}
            </h3>
            {e.hidden ? (
              <p class="muted">{t("history.hidden")}</p>
            ) : e.changes.every((c) => c.field === "version") ? (
              <p class="muted">{t("history.noChanges")}</p>
            ) : (
              <div class="table-scroll" tabIndex={0} role="region" aria-label={t("history.title") + " " + fmt.format(new Date(e.at))}>
                <table class="history-changes">
                  <thead>
                    <tr>
                      <th scope="col">{t("history.field")}</th>
                      <th scope="col">{t("history.before")}</th>
                      <th scope="col">{t("history.after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {/* The version rises with every change: no news. */}
                    {e.changes.filter((c) => c.field !== "version").map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{fieldLabel(labels, e.entity, c.field)}</th>
                        <td class="before">{shownValue(c.before)}</td>
                        <td class="after">{shownValue(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ol>
      {next !== null && (
        <button type="button" class="secondary" disabled={loading} onClick={() => load(next, false)}>
          {t("history.more")}
        </button>
      )}
    </div>
  );
}
