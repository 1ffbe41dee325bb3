// The application: the session, the labels of the chosen language, the shell (header,
// navigation, who is signed in) and the page the address names.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, setCsrfToken } from "./api";
import { currentLang, Lang, setLang, t, tDynamic } from "./i18n";
import { Labels, label, loadLabels } from "./labels";
import { navigate, useLocation } from "./router";
import { AppContext, fetchSession, SessionInfo } from "./session";
import { allOrps, allRegions } from "./territory";
import { ErrorNote, Loading } from "./components";
import { SignIn } from "./pages/SignIn";
import { ChangePassword } from "./pages/ChangePassword";
import { NotFound } from "./pages/NotFound";
import { nav, routes } from "./routes";
import { ProgressBanner } from "./components/ProgressBanner";

export function App() {
  const [lang, setLangState] = useState<Lang>(currentLang());
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [sessionError, setSessionError] = useState<unknown>(null);
  const [labels, setLabels] = useState<Labels | null>(null);
  const loc = useLocation();

  useEffect(() => {
    fetchSession().then(setSession, setSessionError);
    const ended = () => {
      setCsrfToken("");
      setSession(null);
      navigate("/sign-in");
    };
    document.addEventListener("prosit:session-ended", ended);
    return () => document.removeEventListener("prosit:session-ended", ended);
  }, []);
  // After a move to another page, keyboard and screen-reader users start at its content.
  const firstPath = useRef(loc.path);
  useEffect(() => {
    if (loc.path !== firstPath.current) document.getElementById("main")?.focus();
    firstPath.current = "";
  }, [loc.path]);
  useEffect(() => {
    document.documentElement.lang = lang;
    loadLabels(lang).then(setLabels, () => setLabels({}));
    // Again after a forced password change: until then the server answers nothing else.
  }, [lang, session?.user.must_change_password]);

  const switchLang = () => {
    const next: Lang = lang === "cs" ? "en" : "cs";
    setLang(next);
    setLangState(next);
  };

  if (sessionError) return <ErrorNote error={sessionError} />;
  if (session === undefined) return <Loading />;
  return (
    <AppContext.Provider value={{ session, labels, setSession }}>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <Header lang={lang} onSwitchLang={switchLang} path={loc.path} session={session} labels={labels} setSession={setSession} />
      <ProgressBanner />
      <main id="main" tabIndex={-1}>
        <Page path={loc.path} session={session} />
      </main>
    </AppContext.Provider>
  );
}

interface HeaderProps {
  lang: Lang;
  onSwitchLang: () => void;
  path: string;
  session: SessionInfo | null;
  labels: Labels | null;
  setSession: (s: SessionInfo | null) => void;
}

function Header({ lang, onSwitchLang, path, session, labels, setSession }: HeaderProps) {
    const signOut = async () => {
      try {
        await api("DELETE", "/api/v1/session");
      } finally {
        setCsrfToken("");
        setSession(null);
        navigate("/sign-in");
      }
    };
    const current = (href: string) => (path === href || (href !== "/" && path.startsWith(href + "/")) ? "page" : undefined);
    return (
      <header class="top">
        <div class="brand">
          <a href="/" class="brand-name">
            {t("app.name")}
          </a>
          <span class="tagline">{t("app.tagline")}</span>
        </div>
        <nav aria-label={t("nav.label")}>
          <ul>
            {nav
              .filter((item) => (session || !item.signedIn) && (!item.roles || (session && item.roles.includes(session.user.role))))
              .map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={current(item.href)}>
                    {tDynamic(item.key, item.key)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div class="account">
          {session && <UserBadge session={session} labels={labels} />}
          <button type="button" class="link-button" lang={lang === "cs" ? "en" : "cs"} aria-label={t("lang.switchLabel")} onClick={onSwitchLang}>
            {t("lang.switch")}
          </button>
          {session ? (
            <button type="button" class="secondary" onClick={signOut}>
              {t("nav.signOut")}
            </button>
          ) : (
            path !== "/sign-in" && path !== "/" && (
              <a class="button secondary" href="/sign-in">
                {t("nav.signIn")}
              </a>
            )
          )}
        </div>
      </header>
    );
}

// Name, role and territory of the signed-in user.
function UserBadge({ session, labels }: { session: SessionInfo; labels: Labels | null }) {
  const u = session.user;
  const [territory, setTerritory] = useState("");
  useEffect(() => {
    if (u.role === "admin" || u.territories.length === 0) {
      setTerritory(u.role === "admin" ? t("user.everywhere") : "");
      return;
    }
    const names = u.role === "regional_coordinator" ? allRegions() : u.role === "actor_editor" ? Promise.resolve([]) : allOrps();
    names.then((list) => {
      const byCode = new Map(list.map((x) => [x.code, x.name]));
      setTerritory(u.territories.map((c) => byCode.get(c) ?? c).join(", "));
    }, () => setTerritory(u.territories.join(", ")));
  }, [u.id, u.role, u.territories.join(","), u.must_change_password, labels]);
  return (
    <div class="user" aria-label={t("user.label")} role="group">
      <span class="user-name">{u.display_name || u.login}</span>
      <span class="user-meta">
        {label(labels, "roles", u.role)}
        {territory && !u.must_change_password && " · " + territory}
      </span>
    </div>
  );
}

function Page({ path, session }: { path: string; session: SessionInfo | null }) {
  if (session?.user.must_change_password) return <ChangePassword forced />;
  if (path === "/sign-in") return <SignIn />;
  if (path === "/" && !session) return <SignIn />;
  if (path === "/password" && session) return <ChangePassword forced={false} />;
  for (const route of routes) {
    const page = route.match(path, session);
    if (page) return <>{page}</>;
  }
  return <NotFound />;
}
