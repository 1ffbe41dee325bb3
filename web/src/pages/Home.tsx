// The home page of the user's territory: what exists there, the ORP profile ("Charakteristika
// ORP") and what needs attention: overdue strategy steps, open needs, cards not verified for
// a year and meetings without a record, each a short list linking to the records.
import { get, Query } from "../api";
import { ComponentChildren } from "preact";
import { currentLang, formatDate, formatNumber, t } from "../i18n";
import { label } from "../labels";
import { navigate, useLocation } from "../router";
import { useApp, User } from "../session";
import { allOrps, allRegions, byName, Orp, Region } from "../territory";
import { ErrorNote, Loading } from "../components";
import { Loaded, useLoad, useTitle } from "../hooks";
import type { CardSummary } from "./Catalog";
import { reportLinks } from "./AnalysisTexts";
import "../styles/catalog.css";
import { RegionSummaryLink } from "../components/DocumentLinks";

interface Scope {
  orp?: string;
  region?: string;
}

interface Overdue {
  step: { id: number; title: string; deadline: string; status: string };
  goal: { title: string };
  theme: { title: string; orp_code: string };
}

interface NeedItem {
  id: number;
  statement: string;
  date: string;
  priority: string;
}

interface MeetingItem {
  id: number;
  date: string;
  topic: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

interface Overview {
  actors: number;
  cards: number;
  meetings: number;
  openNeeds: Page<NeedItem>;
  overdue: Page<Overdue>;
  unverified: Page<CardSummary>;
  unrecorded: Page<MeetingItem>;
}

const total = (path: string, q: Query, signal: AbortSignal) => get<{ total: number }>(path, { ...q, limit: 1 }, signal).then((r) => r.total);

// A year before today, the day a card's last verification counts as old from.
function yearAgo(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

// The figures and what needs attention, each list answered by the server's filters.
async function overview(scope: Scope, signal: AbortSignal): Promise<Overview> {
  const q = { orp: scope.orp, region: scope.region };
  const few = { ...q, limit: 5 };
  const [actors, cards, meetings, openNeeds, overdue, unverified, unrecorded] = await Promise.all([
    total("/api/v1/actors", q, signal),
    total("/api/v1/service-cards", q, signal),
    total("/api/v1/meetings", q, signal),
    get<Page<NeedItem>>("/api/v1/needs", { ...few, status: "open" }, signal),
    get<Page<Overdue>>("/api/v1/strategy/overdue", few, signal),
    get<Page<CardSummary>>("/api/v1/service-cards", { ...few, verified_before: yearAgo() }, signal),
    get<Page<MeetingItem>>("/api/v1/meetings", { ...few, has_record: false }, signal),
  ]);
  return { actors, cards, meetings, openNeeds, overdue, unverified, unrecorded };
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
  const profile = useLoad((signal) => (orp ? get<Profile>("/api/v1/orps/" + orp.code, {}, signal) : Promise.resolve(null)), [orp?.code]);
  const value = scope.orp ? "orp:" + scope.orp : scope.region ? "region:" + scope.region : "";
  const pick = (v: string) => {
    const [kind, code] = v.split(":");
    navigate(kind ? `/?${kind}=${code}` : "/");
  };
  const canPick = orps.length + regions.length > 1 || user.role === "admin";
  const where = scope.orp ? "?orp=" + scope.orp : scope.region ? "?region=" + scope.region : "";

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

      {region && (user.role === "regional_coordinator" || user.role === "admin") && <RegionSummaryLink region={region.code} name={region.name} />}
      <h2>{t("home.counts")}</h2>
      {data.error ? (
        <ErrorNote error={data.error} />
      ) : !data.data ? (
        <Loading />
      ) : (
        <ul class="tiles">
          <Tile label={t("home.actors")} value={data.data.actors} href={"/actors" + where} />
          <Tile label={t("home.cards")} value={data.data.cards} href={"/catalog" + where} />
          <Tile label={t("home.meetings")} value={data.data.meetings} />
          <Tile label={t("home.openNeeds")} value={data.data.openNeeds.total} />
          <Tile label={t("home.overdueSteps")} value={data.data.overdue.total} warn={data.data.overdue.total > 0} />
        </ul>
      )}

      <div class="columns">
        <section aria-labelledby="attention">
          <h2 id="attention">{t("home.attention")}</h2>
          {data.data && <Attention data={data.data} where={where} />}
        </section>
        {orp ? (
          <OrpProfile code={orp.code} profile={profile} writes={WRITERS.includes(user.role)} />
        ) : (
          <section aria-labelledby="profile">
            <h2 id="profile">{t("home.profile")}</h2>
            <p class="muted">{t("home.pickOrp")}</p>
          </section>
        )}
      </div>
      {orp && profile.data && <ProfileTexts profile={profile.data} />}
    </section>
  );
}

// One list of what needs attention: its heading with the total, up to five records each
// linking to itself, and what to say when there is none.
function AttentionList<T>({ id, title, page, none, item, more }: { id: string; title: string; page: Page<T>; none: string; item: (x: T) => ComponentChildren; more?: string }) {
  return (
    <section aria-labelledby={id} data-attention={id}>
      <h3 id={id}>
        {title} <span class="muted">({formatNumber(page.total)})</span>
      </h3>
      {page.items.length === 0 ? (
        <p class="muted">{none}</p>
      ) : (
        <ul class="attention-list">
          {page.items.map(item)}
          {page.total > page.items.length && (
            <li class="muted">{more ? <a href={more}>{t("home.more", { count: page.total - page.items.length })}</a> : t("home.more", { count: page.total - page.items.length })}</li>
          )}
        </ul>
      )}
    </section>
  );
}

function Attention({ data, where }: { data: Overview; where: string }) {
  const { labels } = useApp();
  return (
    <>
      <AttentionList<Overdue>
        id="att-overdue"
        title={t("home.overdueList")}
        page={data.overdue}
        none={t("home.noOverdue")}
        more={"/strategy" + where}
        item={(o) => (
          <li key={o.step.id}>
            <a href={`/strategy${where}#step-${o.step.id}`}>{o.step.title}</a>
            <span class="muted">
              {" "}
              · {o.theme.title} · <span class="overdue">{t("home.deadline", { date: formatDate(o.step.deadline) })}</span>
            </span>
          </li>
        )}
      />
      <AttentionList<NeedItem>
        id="att-needs"
        title={t("home.openNeedsList")}
        page={data.openNeeds}
        none={t("home.noOpenNeeds")}
        more={"/needs" + where}
        item={(n) => (
          <li key={n.id}>
            <a href={`/needs${where}#need-${n.id}`}>{n.statement}</a>
            <span class="muted">
              {" "}
              · {formatDate(n.date)} · {label(labels, "need_priorities", n.priority)}
            </span>
          </li>
        )}
      />
      <AttentionList<CardSummary>
        id="att-cards"
        title={t("home.unverifiedList")}
        page={data.unverified}
        none={t("home.noUnverified")}
        item={(c) => (
          <li key={c.id}>
            <a href={`/catalog/${c.id}`}>{c.name}</a>
            <span class="muted">
              {" "}
              · {c.actor_name} · {c.last_verified ? t("catalog.verified", { date: formatDate(c.last_verified) }) : t("home.neverVerified")}
            </span>
          </li>
        )}
      />
      <AttentionList<MeetingItem>
        id="att-meetings"
        title={t("home.unrecordedList")}
        page={data.unrecorded}
        none={t("home.noUnrecorded")}
        item={(m) => (
          <li key={m.id}>
            <a href={`/meetings/${m.id}`}>{m.topic}</a>
            <span class="muted"> · {formatDate(m.date)}</span>
          </li>
        )}
      />
    </>
  );
}

interface Participation {
  since: string | null;
  takes_part: boolean;
  networkers: { name: string; email: string; phone: string }[];
}

interface Profile {
  orp: { code: string; name: string };
  region: { code: string; name: string };
  population: number;
  children: { census_0_14: number; census_population: number; age_0_17: number };
  municipalities: number;
  services_by_sector: { sector: string; actors: number; cards: number }[];
  participation: Participation;
  region_participation: Participation;
  counts: { actors: number; service_cards: number; published_service_cards: number; meetings: number; meeting_records: number; open_needs: number; themes: number; overdue_steps: number };
  texts: { sections: { key: string; heading_cs: string; heading_en: string; text: string }[] };
}

// The seeds' "Charakteristika ORP" (GET /api/v1/orps/{code}).
function OrpProfile({ code, profile, writes }: { code: string; profile: Loaded<Profile | null>; writes: boolean }) {
  const { labels } = useApp();
  const p = profile.data;
  return (
    <section aria-labelledby="profile" class="profile">
      <h2 id="profile">{t("home.profile")}</h2>
      {profile.error ? (
        <ErrorNote error={profile.error} />
      ) : !p ? (
        <Loading />
      ) : (
        <>
          <dl class="facts">
            <dt>{t("home.population")}</dt>
            <dd>{formatNumber(p.population)}</dd>
            <dt>{t("home.children")}</dt>
            <dd>{formatNumber(p.children.age_0_17)}</dd>
            <dt>{t("home.children014")}</dt>
            <dd>{formatNumber(p.children.census_0_14)}</dd>
            <dt>{t("home.municipalities")}</dt>
            <dd>{formatNumber(p.municipalities)}</dd>
            <dt>{t("home.since")}</dt>
            <dd>{p.participation.since ? formatDate(p.participation.since) : t("home.notTakingPart")}</dd>
            <dt>{t("home.networkers")}</dt>
            <dd>
              {p.participation.networkers.length === 0
                ? "—"
                : p.participation.networkers.map((n, i) => (
                    <div key={i}>
                      {n.name}
                      {n.phone && (
                        <>
                          {" · "}
                          <a href={"tel:" + n.phone.replace(/\s/g, "")}>{n.phone}</a>
                        </>
                      )}
                      {n.email && (
                        <>
                          {" · "}
                          <a href={"mailto:" + n.email}>{n.email}</a>
                        </>
                      )}
                    </div>
                  ))}
            </dd>
            <dt>{t("home.meetingRecords")}</dt>
            <dd>{t("home.meetingRecordsValue", { records: formatNumber(p.counts.meeting_records), meetings: formatNumber(p.counts.meetings) })}</dd>
            <dt>{t("home.publishedCards")}</dt>
            <dd>{t("home.publishedCardsValue", { published: formatNumber(p.counts.published_service_cards), cards: formatNumber(p.counts.service_cards) })}</dd>
            <dt>{t("home.themes")}</dt>
            <dd>{formatNumber(p.counts.themes)}</dd>
          </dl>
          <table class="sector-table">
            <caption class="strong">{t("home.bySector")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("home.sector")}</th>
                <th scope="col" class="num">
                  {t("home.actors")}
                </th>
                <th scope="col" class="num">
                  {t("home.cards")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.services_by_sector.map((s) => (
                <tr key={s.sector}>
                  <th scope="row">
                    <a href={`/actors?orp=${code}&sector=${s.sector}`}>{label(labels, "sectors", s.sector)}</a>
                  </th>
                  <td class="num">{formatNumber(s.actors)}</td>
                  <td class="num">{formatNumber(s.cards)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReportLinks code={code} writes={writes} />
        </>
      )}
    </section>
  );
}

// The roles that write an ORP's records (the server decides; this only hides a useless link).
const WRITERS = ["admin", "regional_coordinator", "networker"];

// The ORP analysis document in its three formats (the links named by the format alone, so
// that a link named "Analýza" stays the navigation's one), and for writers its chapter texts.
function ReportLinks({ code, writes }: { code: string; writes: boolean }) {
  return (
    <p class="report-links" data-report-links>
      <span class="strong">{t("home.report")}:</span>{" "}
      {reportLinks(code).map(([format, href], i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={href} download>
            {format}
          </a>
        </span>
      ))}
      {writes && (
        <>
          {" — "}
          <a href={`/orps/${code}/analysis-texts`}>{t("home.reportTexts")}</a>
        </>
      )}
    </p>
  );
}

// The networker's texts of the profile: a list of terms, not headings (the first is named
// like the profile's own heading).
function ProfileTexts({ profile: p }: { profile: Profile }) {
  const written = p.texts.sections.filter((s) => s.text.trim());
  return (
    <section aria-labelledby="profile-texts">
      <h2 id="profile-texts">{t("home.texts")}</h2>
      {written.length === 0 ? (
        <p class="muted">{t("home.noTexts")}</p>
      ) : (
        <dl class="profile-texts">
          {written.map((s) => (
            <div key={s.key}>
              <dt>{currentLang() === "en" ? s.heading_en : s.heading_cs}</dt>
              <dd>{s.text}</dd>
            </div>
          ))}
        </dl>
      )}
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
