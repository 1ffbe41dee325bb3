// The home page of the user's territory: the ORP's figures, what exists there today and
// what needs attention (overdue strategy steps).
import { get, Query } from "../api";
import { formatDate, formatNumber, t } from "../i18n";
import { navigate, useLocation } from "../router";
import { useApp, User } from "../session";
import { allOrps, allRegions, byName, Orp, Region } from "../territory";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";

interface Scope {
  orp?: string;
  region?: string;
}

interface Overdue {
  step: { id: number; title: string; deadline: string; status: string };
  goal: { title: string };
  theme: { title: string; orp_code: string };
}

interface Overview {
  actors: number;
  cards: number;
  meetings: number;
  openNeeds: number;
  overdue: { items: Overdue[]; total: number };
}

const total = (path: string, q: Query, signal: AbortSignal) => get<{ total: number }>(path, { ...q, limit: 1 }, signal).then((r) => r.total);

async function overview(scope: Scope, signal: AbortSignal): Promise<Overview> {
  const q = { orp: scope.orp, region: scope.region };
  const [actors, cards, meetings, openNeeds, overdue] = await Promise.all([
    total("/api/v1/actors", q, signal),
    total("/api/v1/service-cards", q, signal),
    total("/api/v1/meetings", q, signal),
    total("/api/v1/needs", { ...q, status: "open" }, signal),
    get<{ items: Overdue[]; total: number }>("/api/v1/strategy/overdue", { ...q, limit: 5 }, signal),
  ]);
  return { actors, cards, meetings, openNeeds, overdue };
}

// The territories a user may pick on the home page, and the one shown first.
function choices(user: User, orps: Orp[], regions: Region[]): { orps: Orp[]; regions: Region[] } {
  if (user.role === "admin") return { orps, regions };
  if (user.role === "regional_coordinator")
    return { orps: orps.filter((o) => user.territories.includes(o.region_code)), regions: regions.filter((r) => user.territories.includes(r.code)) };
  return { orps: orps.filter((o) => user.territories.includes(o.code)), regions: [] };
}

export function Home() {
  const { session } = useApp();
  const loc = useLocation();
  useTitle(t("home.title"));
  const territory = useLoad(() => Promise.all([allOrps(), allRegions()]), []);
  if (!session) return null;
  const user = session.user;
  if (user.role === "actor_editor")
    return (
      <section>
        <h1>{t("home.title")}</h1>
        <p>{t("home.actorEditor")}</p>
        <p>
          <a href="/catalog">{t("nav.catalog")}</a>
        </p>
      </section>
    );
  if (territory.error) return <ErrorNote error={territory.error} />;
  if (!territory.data) return <Loading />;
  const [orps, regions] = territory.data;
  const mine = choices(user, [...orps].sort(byName), [...regions].sort(byName));
  // The first of the user's territories unless the address names another one.
  let scope: Scope = { orp: loc.query.get("orp") ?? undefined, region: loc.query.get("region") ?? undefined };
  if (!scope.orp && !scope.region) {
    if (user.role === "regional_coordinator") scope = { region: user.territories[0] };
    else if (user.role !== "admin") scope = { orp: user.territories[0] };
  }
  return <HomeFor scope={scope} orps={mine.orps} regions={mine.regions} allOrps={orps} allRegions={regions} user={user} />;
}

interface HomeForProps {
  scope: Scope;
  orps: Orp[];
  regions: Region[];
  allOrps: Orp[];
  allRegions: Region[];
  user: User;
}

function HomeFor({ scope, orps, regions, allOrps: every, allRegions: everyRegion, user }: HomeForProps) {
  const orp = every.find((o) => o.code === scope.orp);
  const region = everyRegion.find((r) => r.code === scope.region);
  const name = orp ? t("territory.orpName", { name: orp.name }) : region ? region.name : t("home.wholeCountry");
  const data = useLoad((signal) => overview(scope, signal), [scope.orp, scope.region]);
  const value = scope.orp ? "orp:" + scope.orp : scope.region ? "region:" + scope.region : "";
  const pick = (v: string) => {
    const [kind, code] = v.split(":");
    navigate(kind ? `/?${kind}=${code}` : "/");
  };
  const canPick = orps.length + regions.length > 1 || user.role === "admin";

  return (
    <section>
      <div class="page-head">
        <h1>
          {t("home.title")}: {name}
        </h1>
        {canPick && (
          <div class="inline-field">
            <label for="territory">{t("home.territory")}</label>
            <select id="territory" value={value} onChange={(e) => pick(e.currentTarget.value)}>
              {user.role === "admin" && <option value="">{t("home.wholeCountry")}</option>}
              {regions.map((r) => (
                <option key={r.code} value={"region:" + r.code}>
                  {r.name}
                </option>
              ))}
              {orps.map((o) => (
                <option key={o.code} value={"orp:" + o.code}>
                  {t("territory.orpName", { name: o.name })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <h2>{t("home.counts")}</h2>
      {data.error ? (
        <ErrorNote error={data.error} />
      ) : !data.data ? (
        <Loading />
      ) : (
        <ul class="tiles">
          <Tile label={t("home.actors")} value={data.data.actors} />
          <Tile label={t("home.cards")} value={data.data.cards} href={"/catalog" + (scope.orp ? "?orp=" + scope.orp : scope.region ? "?region=" + scope.region : "")} />
          <Tile label={t("home.meetings")} value={data.data.meetings} />
          <Tile label={t("home.openNeeds")} value={data.data.openNeeds} />
          <Tile label={t("home.overdueSteps")} value={data.data.overdue.total} warn={data.data.overdue.total > 0} />
        </ul>
      )}

      <div class="columns">
        <section aria-labelledby="attention">
          <h2 id="attention">{t("home.attention")}</h2>
          <h3>{t("home.overdueList")}</h3>
          {data.data &&
            (data.data.overdue.items.length === 0 ? (
              <p>{t("home.noOverdue")}</p>
            ) : (
              <ul class="plain-list">
                {data.data.overdue.items.map((o) => (
                  <li key={o.step.id}>
                    <span class="strong">{o.step.title}</span>
                    <span class="muted">
                      {" "}
                      · {o.theme.title} · <span class="overdue">{t("home.deadline", { date: formatDate(o.step.deadline) })}</span>
                    </span>
                  </li>
                ))}
                {data.data.overdue.total > data.data.overdue.items.length && <li class="muted">{t("home.more", { count: data.data.overdue.total - data.data.overdue.items.length })}</li>}
              </ul>
            ))}
        </section>
        {orp && (
          <section aria-labelledby="profile">
            <h2 id="profile">{t("home.profile")}</h2>
            <dl class="facts">
              <dt>{t("home.population")}</dt>
              <dd>{formatNumber(orp.population)}</dd>
              <dt>{t("home.children")}</dt>
              <dd>{formatNumber(orp.children_0_17)}</dd>
              <dt>{t("home.municipalities")}</dt>
              <dd>{formatNumber(orp.municipality_count)}</dd>
            </dl>
            {/* The ORP profile ("Charakteristika ORP", GET /api/v1/orps/{code}, issue 12) belongs here:
                schools, health and social services by sector, networkers, participation. */}
            <p class="muted" data-placeholder="orp-profile">
              {t("home.profilePending")}
            </p>
          </section>
        )}
      </div>
    </section>
  );
}

function Tile({ label, value, href, warn }: { label: string; value: number; href?: string; warn?: boolean }) {
  const body = (
    <>
      <span class={"tile-value" + (warn ? " overdue" : "")}>{formatNumber(value)}</span>
      <span class="tile-label">{label}</span>
    </>
  );
  return <li class="tile">{href ? <a href={href}>{body}</a> : body}</li>;
}
