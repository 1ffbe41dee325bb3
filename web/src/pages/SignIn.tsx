// Sign in with login and password; a one-time password leads on to the password change.
import { useState } from "preact/hooks";
import { api, ApiError, setCsrfToken } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { SessionInfo, useApp } from "../session";
import { errorText } from "../components";
import { useTitle } from "../hooks";

export function SignIn() {
  const { setSession } = useApp();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  useTitle(t("signIn.title"));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const s = await api<SessionInfo>("POST", "/api/v1/session", { login, password });
      setCsrfToken(s.csrf_token ?? "");
      setSession(s);
      navigate("/");
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 422)) setError(t("signIn.failed"));
      else if (err instanceof ApiError && err.status === 429) setError(t("signIn.throttled", { seconds: err.retryAfterSeconds || 30 }));
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <form onSubmit={submit} class="stack" aria-describedby={error ? "sign-in-error" : undefined}>
        <label for="login">{t("signIn.login")}</label>
        <input id="login" name="login" autocomplete="username" required value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        <label for="password">{t("signIn.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t("signIn.working") : t("signIn.submit")}
        </button>
      </form>
      <p>
        <a href="/catalog">{t("signIn.toCatalog")}</a>
      </p>
    </section>
  );
}
