// /history/{kind}/{id}: the audit trail of one record; {kind} is the API's route segment
// of the record kind (actors, service-cards, meetings, …, users).
import { get } from "../api";
import { t } from "../i18n";
import { useLoad, useTitle } from "../hooks";
import { RecordHistory } from "../components/RecordHistory";
import "../styles/admin.css";

// The change log's entity of a route segment: "service-cards" → "service_card".
export function entityOf(kind: string): string {
  return kind.replace(/s$/, "").replace(/-/g, "_");
}

// Where the app shows the record itself, when it does.
function recordPage(kind: string, id: number): string | null {
  if (kind === "service-cards") return `/catalog/${id}`;
  if (kind === "actors") return `/actors/${id}`;
  if (kind === "users") return `/admin/users/${id}`;
  return null;
}

function nameOf(doc: any): string {
  return doc?.name || doc?.title || doc?.display_name || doc?.login || "";
}

export function History({ kind, id }: { kind: string; id: number }) {
  // The record's name for the heading; a deleted or unreadable record keeps its number.
  const record = useLoad((signal) => get<any>(`/api/v1/${kind}/${id}`, {}, signal).catch(() => null), [kind, id]);
  const name = nameOf(record.data) || `#${id}`;
  useTitle(t("history.of", { name }));
  const back = recordPage(kind, id);
  return (
    <section>
      <h1>{t("history.of", { name })}</h1>
      {back && (
        <p>
          <a href={back}>{t("history.back")}</a>
        </p>
      )}
      <RecordHistory entity={entityOf(kind)} id={id} />
    </section>
  );
}
