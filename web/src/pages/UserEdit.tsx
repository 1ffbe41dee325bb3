// One user, for an admin: name, e-mail, role and territories (a JSON Merge Patch with
// If-Match), the open sessions and API tokens (ended and revoked at once), deactivation
// after a confirmation, and the account's history.
import { useState } from "preact/hooks";
import { api, ApiError, FieldErrors, get } from "../api";
import { formatDate, t } from "../i18n";
import { useApp } from "../session";
import { errorText, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { AdminUser, FieldError, Places, Refused, ROLES, roleLabel, TerritoryPicker, usePlaces } from "./Users";
import "../styles/admin.css";

interface Token {
  id: number;
  name: string;
  scope: string;
  created: string;
  revoked: string | null;
}

interface UserDetail extends AdminUser {
  open_sessions: number;
  api_tokens: Token[];
}

export function UserEdit({ id }: { id: number }) {
  const [reload, setReload] = useState(0);
  const user = useLoad((signal) => get<UserDetail>(`/api/v1/users/${id}`, {}, signal), [id, reload]);
  const places = usePlaces();
  useTitle(user.data ? t("users.edit", { login: user.data.login }) : t("users.title"));
  if (user.error) return <Refused error={user.error} />;
  if (!user.data || !places.data) return <Loading />;
  return <Editor key={id} user={user.data} places={places.data} refresh={() => setReload((n) => n + 1)} />;
}

function Editor({ user, places, refresh }: { user: UserDetail; places: Places; refresh: () => void }) {
  const { labels } = useApp();
  // What the person typed stays in the form across a conflict and a reload.
  const [name, setName] = useState(user.display_name);
  const [email, setEmail] = useState(user.email ?? "");
  const [role, setRole] = useState(user.role);
  const [territories, setTerritories] = useState(user.territories);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFields({});
    setError("");
    setMessage("");
    try {
      await what();
      setMessage(done);
      setConfirming(false);
      refresh();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(err instanceof ApiError && err.status === 409 ? t("users.conflict") : errorText(err));
      if (err instanceof ApiError && err.status === 409) refresh();
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    if (name !== user.display_name) patch.display_name = name;
    if (email !== (user.email ?? "")) patch.email = email || null;
    if (role !== user.role) patch.role = role;
    if (territories.join(",") !== user.territories.join(",") || role !== user.role) patch.territories = territories;
    run(() => api("PATCH", `/api/v1/users/${user.id}`, patch, undefined, { ifMatch: user.version }), t("users.saved"));
  };
  const setActive = (active: boolean) => run(() => api("PATCH", `/api/v1/users/${user.id}`, { active }, undefined, { ifMatch: user.version }), active ? t("users.reactivated") : t("users.deactivated"));
  const described = (n: string) => (fields[n] ? "edit-" + n + "-error" : undefined);
  const generalError = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  return (
    <section class="users">
      <p>
        <a href="/admin/users">{t("users.back")}</a>
      </p>
      <h1>{t("users.edit", { login: user.login })}</h1>
      <p class="muted">
        {user.active ? t("users.active") : t("users.inactive")}
        {user.must_change_password && user.active && " · " + t("users.mustChange")}
        {" · "}
        <a href={`/history/users/${user.id}`}>{t("history.link")}</a>
      </p>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {generalError}
      <form class="stack narrow" onSubmit={save}>
        <label for="edit-display_name">{t("users.name")}</label>
        <input id="edit-display_name" value={name} aria-invalid={!!fields.display_name} aria-describedby={described("display_name")} onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError id="edit-display_name" fields={fields} name="display_name" />
        <label for="edit-email">{t("users.email")}</label>
        <input id="edit-email" type="email" value={email} aria-invalid={!!fields.email} aria-describedby={described("email")} onInput={(e) => setEmail(e.currentTarget.value)} />
        <FieldError id="edit-email" fields={fields} name="email" />
        <label for="edit-role">{t("users.role")}</label>
        <select
          id="edit-role"
          value={role}
          aria-invalid={!!fields.role}
          aria-describedby={described("role")}
          onChange={(e) => {
            setRole(e.currentTarget.value);
            setTerritories([]);
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(labels, r)}
            </option>
          ))}
        </select>
        <FieldError id="edit-role" fields={fields} name="role" />
        <TerritoryPicker role={role} value={territories} onChange={setTerritories} places={places} fields={fields} idPrefix="edit" />
        <button type="submit" disabled={busy}>
          {t("users.save")}
        </button>
      </form>

      <h2>{t("users.access")}</h2>
      <p>{t("users.sessions", { count: user.open_sessions })}</p>
      <p>
        <button type="button" class="secondary" disabled={busy} onClick={() => run(() => api("DELETE", `/api/v1/users/${user.id}/sessions`), t("users.sessionsEnded"))}>
          {t("users.endSessions")}
        </button>
      </p>
      <h3>{t("users.tokens")}</h3>
      {user.api_tokens.length === 0 ? (
        <p class="muted">{t("users.noTokens")}</p>
      ) : (
        <ul class="plain-list">
          {user.api_tokens.map((tk) => (
            <li key={tk.id}>
              <span class="strong">{tk.name}</span> ({tk.scope}, {formatDate(tk.created)}) – {tk.revoked ? t("users.tokenRevoked", { date: formatDate(tk.revoked) }) : t("users.tokenActive")}
            </li>
          ))}
        </ul>
      )}
      {user.api_tokens.some((tk) => !tk.revoked) && (
        <p>
          <button type="button" class="secondary" disabled={busy} onClick={() => run(() => api("DELETE", `/api/v1/users/${user.id}/api-tokens`), t("users.tokensRevoked"))}>
            {t("users.revokeTokens")}
          </button>
        </p>
      )}
      <h2>{t("users.state")}</h2>
      {fields.active && <FieldError id="edit-active" fields={fields} name="active" />}
      {user.active ? (
        confirming ? (
          <div class="confirm" role="group" aria-labelledby="deactivate-question">
            <p id="deactivate-question">{t("users.deactivateConfirm", { login: user.login })}</p>
            <button type="button" class="danger" disabled={busy} onClick={() => setActive(false)}>
              {t("users.deactivateYes")}
            </button>{" "}
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t("users.cancel")}
            </button>
          </div>
        ) : (
          <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t("users.deactivate")}
          </button>
        )
      ) : (
        <button type="button" class="secondary" disabled={busy} onClick={() => setActive(true)}>
          {t("users.reactivate")}
        </button>
      )}
    </section>
  );
}
