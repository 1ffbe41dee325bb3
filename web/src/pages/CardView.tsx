// One service card as a parent, a teacher or a networker reads it: what it does, for whom,
// how to get in, where, and whom to contact.
import { api, ApiError, get } from "../api";
import { formatDate, t } from "../i18n";
import { label } from "../labels";
import { useApp } from "../session";
import { allOrps, allRegions } from "../territory";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import type { CardSummary } from "./Catalog";

export interface Contact {
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
  web?: string;
  public?: boolean;
}

export interface Card {
  id: number;
  version: number;
  actor_id: number;
  name: string;
  service_type: string;
  need_areas: string[];
  level: number;
  forms: string[];
  age_min: number;
  age_max: number;
  target_group: string;
  does: string;
  does_not?: string;
  description: string;
  access: string;
  access_note: string;
  free_of_charge: boolean;
  cost_note: string;
  hours: string;
  waiting_days: number | null;
  capacity: { amount: number | null; unit: string };
  locations: { municipality_code: string; orp_code?: string; street: string }[];
  territory: { kind: string; codes: string[] };
  contacts: Contact[];
  registry_ids: { registry: string; id: string }[];
  published: boolean;
  confidential_address: boolean;
  last_verified?: string;
}

interface Loaded {
  card: Card;
  editable: boolean; // the server's Allow header names PUT for this caller
  actor: { id: number; name: string } | null;
  siblings: CardSummary[];
  orpNames: Map<string, string>;
  regionNames: Map<string, string>;
}

async function loadCard(id: number, signal: AbortSignal): Promise<Loaded> {
  let allow = "";
  const card = await api<Card>("GET", "/api/v1/service-cards/" + id, undefined, signal, { onResponse: (r) => (allow = r.headers.get("Allow") ?? "") });
  const [actor, siblings, orps, regions] = await Promise.all([
    get<{ id: number; name: string }>("/api/v1/actors/" + card.actor_id, {}, signal).catch(() => null),
    get<{ items: CardSummary[] }>("/api/v1/service-cards", { actor_id: card.actor_id, limit: 200 }, signal).then((r) => r.items),
    allOrps(),
    allRegions(),
  ]);
  return { card, editable: allow.split(/,\s*/).includes("PUT"), actor, siblings, orpNames: new Map(orps.map((o) => [o.code, o.name])), regionNames: new Map(regions.map((r) => [r.code, r.name])) };
}

export function CardView({ id }: { id: number }) {
  const loaded = useLoad((signal) => loadCard(id, signal), [id]);
  useTitle(loaded.data?.card.name ?? t("nav.catalog"));
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return (
      <section>
        <p>
          <a href="/catalog">← {t("card.back")}</a>
        </p>
        <h1>{t("card.notFound")}</h1>
      </section>
    );
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  return <CardPage {...loaded.data} />;
}

function CardPage({ card, editable, actor, siblings, orpNames, regionNames }: Loaded) {
  const { labels } = useApp();
  const summary = siblings.find((s) => s.id === card.id);
  const municipalityName = new Map((summary?.municipalities ?? []).filter((m) => m.code).map((m) => [m.code, m.name]));
  const others = siblings.filter((s) => s.id !== card.id);
  const text = (s: string | undefined) => (s && s.trim() ? s : <span class="muted">{t("card.unknown")}</span>);
  const served = () => {
    const names = (m: Map<string, string>) => card.territory.codes.map((c) => m.get(c) ?? c).join(", ");
    switch (card.territory.kind) {
      case "country":
        return t("territory.country");
      case "region":
        return t("territory.region", { names: names(regionNames) });
      case "orp":
        return t("territory.orp", { names: names(orpNames) });
      default:
        return t("territory.municipalities", { count: card.territory.codes.length });
    }
  };

  return (
    <article class="card-view">
      <p>
        <a href="/catalog">← {t("card.back")}</a>
      </p>
      <h1>
        {card.name}
        {!card.published && <span class="badge">{t("catalog.internal")}</span>}
      </h1>
      <p class="actor">
        {t("card.provider")}: <a href={"/actors/" + card.actor_id}>{actor?.name ?? "#" + card.actor_id}</a>
      </p>
      {editable && (
        <p>
          <a class="button" href={`/catalog/${card.id}/edit`}>
            {t("card.edit")}
          </a>
        </p>
      )}
      <div class="columns">
        <section>
          <h2>{t("card.does")}</h2>
          <p>{text(card.does)}</p>
          {card.does_not && (
            <>
              <h2>{t("card.doesNot")}</h2>
              <p>{card.does_not}</p>
            </>
          )}
          <h2>{t("card.targetGroup")}</h2>
          <p>{text(card.target_group)}</p>
          {card.description && (
            <>
              <h2>{t("card.description")}</h2>
              <p>{card.description}</p>
            </>
          )}
          <h2>{t("card.access")}</h2>
          <p>
            {label(labels, "accesses", card.access)}
            {card.access_note && " – " + card.access_note}
          </p>
          <h2>{t("card.contacts")}</h2>
          {card.contacts.length === 0 ? (
            <p class="muted">{t("card.noContacts")}</p>
          ) : (
            <ul class="plain-list">
              {card.contacts.map((c, i) => (
                <li key={i}>
                  {[c.name, c.role].filter(Boolean).join(", ")}
                  {c.phone && (
                    <>
                      {" · "}
                      <a href={"tel:" + c.phone.replace(/\s/g, "")}>{c.phone}</a>
                    </>
                  )}
                  {c.email && (
                    <>
                      {" · "}
                      <a href={"mailto:" + c.email}>{c.email}</a>
                    </>
                  )}
                  {c.web && (
                    <>
                      {" · "}
                      <a href={c.web} rel="noopener noreferrer">
                        {c.web}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <dl class="facts">
            <dt>{t("card.type")}</dt>
            <dd>{label(labels, "service_types", card.service_type)}</dd>
            <dt>{t("card.level")}</dt>
            <dd>
              {card.level} – {label(labels, "support_levels", card.level)}
            </dd>
            <dt>{t("card.needAreas")}</dt>
            <dd>{card.need_areas.map((a) => label(labels, "need_areas", a)).join(", ")}</dd>
            <dt>{t("card.forms")}</dt>
            <dd>{card.forms.map((f) => label(labels, "forms", f)).join(", ")}</dd>
            <dt>{t("card.age")}</dt>
            <dd>{t("catalog.ages", { min: card.age_min, max: card.age_max })}</dd>
            <dt>{t("card.cost")}</dt>
            <dd>
              {card.free_of_charge ? t("card.free") : t("card.paid")}
              {card.cost_note && " – " + card.cost_note}
            </dd>
            {card.hours && (
              <>
                <dt>{t("card.hours")}</dt>
                <dd>{card.hours}</dd>
              </>
            )}
            {card.waiting_days !== null && (
              <>
                <dt>{t("card.waiting")}</dt>
                <dd>{t("card.waitingDays", { days: card.waiting_days })}</dd>
              </>
            )}
            {card.capacity.amount !== null && (
              <>
                <dt>{t("card.capacity")}</dt>
                <dd>
                  {card.capacity.amount} {label(labels, "capacity_units", card.capacity.unit)}
                </dd>
              </>
            )}
            <dt>{t("card.where")}</dt>
            <dd>
              {card.locations.length === 0
                ? "—"
                : card.locations.map((l, i) => (
                    <div key={i}>
                      {l.municipality_code
                        ? [l.street, municipalityName.get(l.municipality_code) ?? l.municipality_code].filter(Boolean).join(", ")
                        : t("territory.orpName", { name: orpNames.get(l.orp_code ?? "") ?? l.orp_code ?? "" })}
                    </div>
                  ))}
              {card.locations.some((l) => !l.municipality_code) && <div class="muted small">{t("card.confidential")}</div>}
            </dd>
            <dt>{t("card.served")}</dt>
            <dd>{served()}</dd>
            {card.registry_ids.length > 0 && (
              <>
                <dt>{t("card.registry")}</dt>
                <dd>{card.registry_ids.map((r) => [r.registry, r.id].filter(Boolean).join(": ")).join(", ")}</dd>
              </>
            )}
            <dt>{t("card.status")}</dt>
            <dd>
              {card.published ? t("card.published") : t("card.internal")} · {t("card.version", { version: card.version })}
            </dd>
            {card.last_verified && (
              <>
                <dt>{t("card.verified")}</dt>
                <dd>{formatDate(card.last_verified)}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      {others.length > 0 && (
        <section>
          <h2>{t("card.otherCards")}</h2>
          <ul class="plain-list">
            {others.map((o) => (
              <li key={o.id}>
                <a href={"/catalog/" + o.id}>{o.name}</a>
                {!o.published && <span class="badge">{t("catalog.internal")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
