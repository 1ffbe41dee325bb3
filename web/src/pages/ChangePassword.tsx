// The password change: forced after a one-time password, or chosen by the user.
import { useState } from "preact/hooks";
import { api, ApiError } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { fetchSession, useApp } from "../session";
import { errorText } from "../components";
import { useTitle } from "../hooks";

export function ChangePassword({ forced }: { forced: boolean }) {
  const { session, setSession } = useApp();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  useTitle(t("password.title"));
  if (!session) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError("");
    setFields({});
    if (next !== confirm) {
      setFields({ confirm: t("password.mismatch") });
      return;
    }
    setBusy(true);
    try {
      await api("PUT", `/api/v1/users/${session.user.id}/password`, { current_password: current, new_password: next });
      setSession(await fetchSession());
      navigate("/");
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setFields(err.fields);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) =>
    fields[name] && (
      <p id={name + "-error"} class="error field-error">
        {fields[name]}
      </p>
    );
  return (
    <section class="narrow">
      <h1>{t("password.title")}</h1>
      {forced && <p class="notice">{t("password.forced")}</p>}
      <form onSubmit={submit} class="stack">
        <label for="current_password">{t("password.current")}</label>
        <input
          id="current_password"
          type="password"
          autocomplete="current-password"
          required
          value={current}
          aria-invalid={!!fields.current_password}
          aria-describedby={fields.current_password ? "current_password-error" : undefined}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        {fieldError("current_password")}
        <label for="new_password">{t("password.new")}</label>
        <input
          id="new_password"
          type="password"
          autocomplete="new-password"
          required
          value={next}
          aria-invalid={!!fields.new_password}
          aria-describedby={"password-rules" + (fields.new_password ? " new_password-error" : "")}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
        <p id="password-rules" class="hint">
          {t("password.rules")}
        </p>
        {fieldError("new_password")}
        <label for="confirm">{t("password.confirm")}</label>
        <input
          id="confirm"
          type="password"
          autocomplete="new-password"
          required
          value={confirm}
          aria-invalid={!!fields.confirm}
          aria-describedby={fields.confirm ? "confirm-error" : undefined}
          onInput={(e) => setConfirm(e.currentTarget.value)}
        />
        {fieldError("confirm")}
        {error && !Object.keys(fields).length && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("password.submit")}
        </button>
      </form>
    </section>
  );
}
