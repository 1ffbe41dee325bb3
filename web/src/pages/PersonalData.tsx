// Personal data of a contact person (admins, GDPR): everything prosit holds about them
// (GET /api/v1/personal-data), downloadable, and the erasure (POST
// /api/v1/personal-data/erasure) after a confirmation that says what will go.
import { useState } from "preact/hooks";
import { api, ApiError, FieldErrors, get, queryString } from "../api";
import { currentLang, t, tDynamic } from "../i18n";
import { errorText, Loading } from "../components";
import { useTitle } from "../hooks";
import { FieldError, Refused } from "./Users";
import { recordKindLabels } from "../components/fieldLabels";
import { useLoad } from "../hooks";
import "../styles/admin.css";

interface Person {
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
}

interface Export {
  contacts: { entity: string; id: number; record: string; contact: Person }[];
  history: { seq: number; at: string; author: string; entity: string; id: number; op: string }[];
}

interface Erased {
  erased_contacts: number;
  records: unknown[];
  history_rows: number;
}

// The app's page of a record, where there is one; else its history.
function recordHref(entity: string, id: number): string {
  if (entity === "service_card") return `/catalog/${id}`;
  if (entity === "actor") return `/actors/${id}`;
  return `/history/${entity.replace(/_/g, "-")}s/${id}`;
}

export function PersonalData() {
  useTitle(t("personalData.title"));
  const [person, setPerson] = useState({ name: "", email: "", phone: "" });
  const [asked, setAsked] = useState<typeof person | null>(null);
  const [found, setFound] = useState<Export | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<Erased | null>(null);
  const kinds = useLoad(() => recordKindLabels(currentLang()).catch(() => ({} as Record<string, string>)), []);

  const search = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFields({});
    setError(null);
    setErased(null);
    setConfirming(false);
    try {
      setFound(await get<Export>("/api/v1/personal-data", person));
      setAsked({ ...person });
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setFound(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    if (!asked) return;
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(asked).filter(([, v]) => v));
      setErased(await api<Erased>("POST", "/api/v1/personal-data/erasure", body));
      setConfirming(false);
      setFound(await get<Export>("/api/v1/personal-data", asked));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (error instanceof ApiError && error.status === 403) return <Refused error={error} />;
  const input = (key: keyof typeof person, type = "text") => (
    <>
      <label for={"pd-" + key}>{t(("personalData." + key) as "personalData.name")}</label>
      <input id={"pd-" + key} type={type} value={person[key]} aria-invalid={!!fields[key]} aria-describedby={fields[key] ? `pd-${key}-error` : undefined} onInput={(e) => setPerson({ ...person, [key]: e.currentTarget.value })} />
      <FieldError id={"pd-" + key} fields={fields} name={key} />
    </>
  );
  const records = found ? new Set(found.contacts.map((c) => c.entity + c.id)).size : 0;
  const fmt = new Intl.DateTimeFormat(currentLang() === "cs" ? "cs-CZ" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <section class="personal-data">
      <h1>{t("personalData.title")}</h1>
      <p class="muted">{t("personalData.intro")}</p>
      <form class="stack narrow" onSubmit={search}>
        {input("name")}
        {input("email", "email")}
        {input("phone", "tel")}
        <button type="submit" disabled={busy}>
          {t("personalData.search")}
        </button>
      </form>
      {error && !(error instanceof ApiError && Object.keys(error.fields).length) && (
        <p class="error" role="alert">
          {errorText(error)}
        </p>
      )}
      {erased && (
        <p class="notice" role="status">
          {t("personalData.erased", { contacts: erased.erased_contacts, records: erased.records.length, history: erased.history_rows })}
        </p>
      )}
      {busy && !found && <Loading />}
      {found && asked && (
        <div class="export">
          {found.contacts.length === 0 && found.history.length === 0 ? (
            <p>{t("personalData.nothing")}</p>
          ) : (
            <>
              <p>
                <a class="button secondary" href={"/api/v1/personal-data" + queryString(asked)} download="osobni-udaje.json">
                  {t("personalData.download")}
                </a>
              </p>
              <h2 id="pd-contacts">{t("personalData.contacts", { count: found.contacts.length })}</h2>
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="pd-contacts">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("personalData.record")}</th>
                      <th scope="col">{t("personalData.kind")}</th>
                      <th scope="col">{t("personalData.name")}</th>
                      <th scope="col">{t("personalData.contactRole")}</th>
                      <th scope="col">{t("personalData.phone")}</th>
                      <th scope="col">{t("personalData.email")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.contacts.map((c, i) => (
                      <tr key={i}>
                        <th scope="row">
                          <a href={recordHref(c.entity, c.id)}>{c.record || `#${c.id}`}</a>
                        </th>
                        <td>{kinds.data?.[c.entity] ?? c.entity.replace(/_/g, " ")}</td>
                        <td>{c.contact.name || "—"}</td>
                        <td>{c.contact.role || "—"}</td>
                        <td>{c.contact.phone || "—"}</td>
                        <td>{c.contact.email || "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h2 id="pd-history">{t("personalData.history", { count: found.history.length })}</h2>
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="pd-history">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("personalData.when")}</th>
                      <th scope="col">{t("personalData.author")}</th>
                      <th scope="col">{t("personalData.record")}</th>
                      <th scope="col">{t("personalData.op")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.history.map((h) => (
                      <tr key={h.seq}>
                        <td>{fmt.format(new Date(h.at))}</td>
                        <td>{h.author.replace(/^user:/, "")}</td>
                        <td>
                          <a href={`/history/${h.entity.replace(/_/g, "-")}s/${h.id}`}>
                            {kinds.data?.[h.entity] ?? h.entity.replace(/_/g, " ")} #{h.id}
                          </a>
                        </td>
                        <td>{tDynamic("history.op." + h.op, h.op)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {found.contacts.length > 0 &&
                (confirming ? (
                  <div class="confirm" role="group" aria-labelledby="erase-question">
                    <p id="erase-question" class="strong">
                      {t("personalData.eraseConfirm", { contacts: found.contacts.length, records, history: found.history.length })}
                    </p>
                    <button type="button" class="danger" disabled={busy} onClick={erase}>
                      {t("personalData.eraseYes")}
                    </button>{" "}
                    <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                      {t("users.cancel")}
                    </button>
                  </div>
                ) : (
                  <p>
                    <button type="button" class="secondary" onClick={() => setConfirming(true)}>
                      {t("personalData.erase")}
                    </button>
                  </p>
                ))}
            </>
          )}
        </div>
      )}
    </section>
  );
}
