// User administration (admins): the list of users, a new user with a one-time password
// shown once, and (UserEdit) a user's role, territories, sessions, API tokens and
// activity. The server decides who may do this; a refusal is shown as it answers.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, FieldErrors, get } from "../api";
import { t } from "../i18n";
import { label } from "../labels";
import { useApp, User } from "../session";
import { allOrps, allRegions, byName, Orp, Region } from "../territory";
import { errorText, ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import "../styles/admin.css";

// A user as the admin's list shows them.
export interface AdminUser extends User {
  active: boolean;
  email?: string;
}

export const ROLES = ["admin", "methodologist", "regional_coordinator", "networker", "viewer", "actor_editor"];

export function roleLabel(labels: ReturnType<typeof useApp>["labels"], role: string): string {
  return label(labels, "roles", role);
}

// What kind of territory a role names: ORPs, regions, actors or none.
export function territoryKind(role: string): "orp" | "region" | "actor" | null {
  if (role === "networker" || role === "viewer") return "orp";
  if (role === "regional_coordinator") return "region";
  if (role === "actor_editor") return "actor";
  return null;
}

export interface Places {
  orps: Orp[];
  regions: Region[];
}

export function placeName(places: Places, role: string, code: string): string {
  const kind = territoryKind(role);
  if (kind === "orp") return places.orps.find((o) => o.code === code)?.name ?? code;
  if (kind === "region") return places.regions.find((r) => r.code === code)?.name ?? code;
  return code;
}

export function usePlaces() {
  return useLoad(() => Promise.all([allOrps(), allRegions()]).then(([orps, regions]): Places => ({ orps: [...orps].sort(byName), regions: [...regions].sort(byName) })), []);
}

// A field's server error beside it.
export function FieldError({ id, fields, name }: { id: string; fields: FieldErrors; name: string }) {
  return fields[name] ? (
    <p id={id + "-error"} class="error field-error">
      {fields[name]}
    </p>
  ) : null;
}

// The territories of a user: the chosen ones, each removable, and a choice to add one.
export function TerritoryPicker({ role, value, onChange, places, fields, idPrefix }: { role: string; value: string[]; onChange: (v: string[]) => void; places: Places; fields: FieldErrors; idPrefix: string }) {
  const kind = territoryKind(role);
  const [pick, setPick] = useState("");
  const invalid = Object.keys(fields).some((f) => f.startsWith("territories"));
  const errorId = idPrefix + "-territories-error";
  if (!kind) return <p class="muted">{t("users.territoryNone")}</p>;
  const options = kind === "orp" ? places.orps.map((o) => [o.code, o.name]) : kind === "region" ? places.regions.map((r) => [r.code, r.name]) : [];
  const add = () => {
    const code = pick.trim();
    if (code && !value.includes(code)) onChange([...value, code]);
    setPick("");
  };
  return (
    <fieldset class="territories">
      <legend>{t("users.territories")}</legend>
      {value.length > 0 && (
        <ul class="chips">
          {value.map((code) => (
            <li key={code}>
              {placeName(places, role, code)}
              <button type="button" class="link-button" aria-label={t("users.remove", { name: placeName(places, role, code) })} onClick={() => onChange(value.filter((c) => c !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline-field">
        <label for={idPrefix + "-add-territory"}>{kind === "actor" ? t("users.actorId") : t("users.addTerritory")}</label>
        {kind === "actor" ? (
          <input id={idPrefix + "-add-territory"} inputMode="numeric" value={pick} aria-invalid={invalid} aria-describedby={invalid ? errorId : undefined} onInput={(e) => setPick(e.currentTarget.value)} />
        ) : (
          <select id={idPrefix + "-add-territory"} value={pick} aria-invalid={invalid} aria-describedby={invalid ? errorId : undefined} onChange={(e) => setPick(e.currentTarget.value)}>
            <option value="">—</option>
            {options.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        )}
        <button type="button" class="secondary" onClick={add} disabled={!pick.trim()}>
          {t("users.add")}
        </button>
      </div>
      {invalid && (
        <p id={errorId} class="error field-error">
          {Object.entries(fields)
            .filter(([f]) => f.startsWith("territories"))
            .map(([, m]) => m)
            .join("; ")}
        </p>
      )}
    </fieldset>
  );
}

export function Users() {
  const { labels } = useApp();
  useTitle(t("users.title"));
  const [reload, setReload] = useState(0);
  const list = useLoad((signal) => get<{ items: AdminUser[]; total: number }>("/api/v1/users", {}, signal), [reload]);
  const places = usePlaces();
  const [filter, setFilter] = useState("");
  if (list.error) return <Refused error={list.error} />;
  if (!list.data || !places.data) return <Loading />;
  const f = filter.trim().toLowerCase();
  const shown = list.data.items.filter((u) => !f || u.login.includes(f) || u.display_name.toLowerCase().includes(f));
  return (
    <section class="users">
      <h1>{t("users.title")}</h1>
      <p class="muted">{t("users.intro")}</p>
      <NewUser places={places.data} onCreated={() => setReload((n) => n + 1)} />
      <h2 id="users-list">{t("users.list")}</h2>
      <div class="field narrow">
        <label for="users-filter">{t("users.filter")}</label>
        <input id="users-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="users-list">
        <table class="users-table">
          <thead>
            <tr>
              <th scope="col">{t("users.login")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.territories")}</th>
              <th scope="col">{t("users.state")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.id} class={u.active === false ? "inactive" : ""}>
                <th scope="row">
                  <a href={`/admin/users/${u.id}`} aria-label={t("users.edit", { login: u.login })}>
                    {u.login}
                  </a>
                </th>
                <td>{u.display_name}</td>
                <td>{roleLabel(labels, u.role)}</td>
                <td>{u.territories.map((c) => placeName(places.data!, u.role, c)).join(", ")}</td>
                <td>
                  {u.active === false ? t("users.inactive") : t("users.active")}
                  {u.active !== false && u.must_change_password && <span class="muted"> · {t("users.mustChange")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// A refusal of an admin page: the server's 403 in the person's words.
export function Refused({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403)
    return (
      <section>
        <h1>{t("admin.forbidden")}</h1>
        <p class="muted">{errorText(error)}</p>
      </section>
    );
  return <ErrorNote error={error} />;
}

function NewUser({ places, onCreated }: { places: Places; onCreated: () => void }) {
  const { labels } = useApp();
  const [login, setLogin] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("networker");
  const [territories, setTerritories] = useState<string[]>([]);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ login: string; password: string } | null>(null);
  useEffect(() => setTerritories([]), [role]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFields({});
    setError("");
    try {
      const body: Record<string, unknown> = { login, display_name: name, role, territories };
      if (email) body.email = email;
      const r = await api<{ user: AdminUser; one_time_password: string }>("POST", "/api/v1/users", body);
      setCreated({ login: r.user.login, password: r.one_time_password });
      setLogin("");
      setName("");
      setEmail("");
      setTerritories([]);
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const described = (n: string) => (fields[n] ? "new-" + n + "-error" : undefined);
  return (
    <details class="panel" open={!!created || undefined}>
      <summary>{t("users.create")}</summary>
      {created && (
        <div class="notice one-time" role="status">
          <p>{t("users.created", { login: created.login })}</p>
          <p>
            <code class="password">{created.password}</code>
          </p>
          <p class="small">{t("users.oneTimeNote")}</p>
        </div>
      )}
      <form class="stack" onSubmit={submit}>
        <label for="new-login">{t("users.login")}</label>
        <input id="new-login" required autocomplete="off" value={login} aria-invalid={!!fields.login} aria-describedby={described("login")} onInput={(e) => setLogin(e.currentTarget.value)} />
        <FieldError id="new-login" fields={fields} name="login" />
        <label for="new-display_name">{t("users.name")}</label>
        <input id="new-display_name" required value={name} aria-invalid={!!fields.display_name} aria-describedby={described("display_name")} onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError id="new-display_name" fields={fields} name="display_name" />
        <label for="new-email">{t("users.email")}</label>
        <input id="new-email" type="email" value={email} aria-invalid={!!fields.email} aria-describedby={described("email")} onInput={(e) => setEmail(e.currentTarget.value)} />
        <FieldError id="new-email" fields={fields} name="email" />
        <label for="new-role">{t("users.role")}</label>
        <select id="new-role" value={role} aria-invalid={!!fields.role} aria-describedby={described("role")} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(labels, r)}
            </option>
          ))}
        </select>
        <FieldError id="new-role" fields={fields} name="role" />
        <TerritoryPicker role={role} value={territories} onChange={setTerritories} places={places} fields={fields} idPrefix="new" />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("users.createSubmit")}
        </button>
      </form>
    </details>
  );
}

