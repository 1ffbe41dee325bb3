// The service-card editor, in the sections of the card template (karta služby): what the
// service is, for whom, what it does and does not do, how to get in, where and for which
// territory, contacts, and its registry records. A draft (internal card) may lack what the
// template asks; publishing needs it, and the server says what is missing beside each field.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t, tDynamic } from "../i18n";
import { fieldLabel, ids, label } from "../labels";
import { navigate } from "../router";
import { useApp } from "../session";
import { allOrps, allRegions, byName, collator } from "../territory";
import { Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { cap, CheckField, ChecksField, Choice, ErrorSummary, FieldError, fieldId, ListField, NumberField, Picker, SelectField, TextField } from "../components/forms";
import { ConflictPanel, SaveError, showValue, useRecordEditor, DraftNotice } from "../components/recordEditor";
import type { Card, Contact } from "./CardView";
import "../styles/catalog.css";

type Registry = { registry: string; id: string };
type Location = { municipality_code: string; street: string };

export type CardValue = Omit<Card, "registry_ids" | "locations" | "level" | "waiting_days"> & {
  level: number;
  waiting_days: number | null;
  registry_ids: Registry[];
  locations: Location[];
  actor?: { id: number; name: string | null };
};

// The members the editor sends, in the template's order (also the rows of a conflict).
const FIELDS = [
  "name", "actor_id", "service_type", "need_areas", "level",
  "target_group", "age_min", "age_max",
  "does", "does_not", "description",
  "access", "access_note", "free_of_charge", "cost_note", "hours", "waiting_days",
  "forms", "locations", "territory", "confidential_address", "capacity",
  "contacts",
  "registry_ids", "last_verified", "published",
] as const;

const blankCard = (actorId = 0): CardValue =>
  ({
    id: 0, version: 0, actor_id: actorId, name: "", service_type: "", need_areas: [], level: 0, forms: [],
    age_min: 0, age_max: 18, target_group: "", does: "", does_not: "", description: "",
    access: "direct", access_note: "", free_of_charge: true, cost_note: "", hours: "", waiting_days: null,
    capacity: { amount: null, unit: "" }, locations: [], territory: { kind: "orp", codes: [] }, contacts: [],
    registry_ids: [], published: false, confidential_address: false, last_verified: "",
  }) as CardValue;

function cardBody(v: CardValue): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of FIELDS) body[f] = (v as Record<string, unknown>)[f];
  body.locations = v.locations.map((l) => ({ municipality_code: l.municipality_code, street: l.street }));
  if (!v.capacity || (v.capacity.amount === null && !v.capacity.unit)) body.capacity = null;
  return body;
}

const municipalities = (text: string, signal: AbortSignal): Promise<Choice[]> =>
  get<{ items: { code: string; name: string; orp_name: string }[] }>("/api/v1/municipalities", { q: text, limit: 8 }, signal).then((r) =>
    r.items.map((m) => ({ value: m.code, label: t("cardEdit.municipalityChoice", { name: m.name, orp: m.orp_name }) })),
  );

const actors = (text: string, signal: AbortSignal): Promise<Choice[]> =>
  get<{ items: { id: number; name: string }[] }>("/api/v1/actors", { q: text, limit: 8 }, signal).then((r) => r.items.map((a) => ({ value: String(a.id), label: a.name })));

export function CardEdit({ id }: { id: number | null }) {
  const { labels, session } = useApp();
  const actorParam = Number(new URLSearchParams(window.location.search).get("actor_id") ?? 0);
  const ed = useRecordEditor<CardValue>({ kind: "service_card", collection: "/api/v1/service-cards", id, blank: () => blankCard(actorParam), body: cardBody });
  const places = useLoad(() => Promise.all([allOrps(), allRegions()]), []);
  // Names of the municipalities of the delivery locations (the card names them by code).
  const [placeNames, setPlaceNames] = useState<Record<string, string>>({});
  const codes = ed.value.locations.map((l) => l.municipality_code).filter((c) => c && !(c in placeNames));
  useEffect(() => {
    if (!codes.length) return;
    // The municipality search takes a code too.
    Promise.all(codes.map((c) => municipalities(c, new AbortController().signal))).then(
      (found) => setPlaceNames((n) => ({ ...n, ...Object.fromEntries(found.flat().map((c) => [c.value, c.label])) })),
      () => {},
    );
  }, [codes.join(",")]);
  useTitle(id === null ? t("cardEdit.newTitle") : t("cardEdit.title", { name: ed.value.name }));
  const v = ed.value;
  const e = ed.errors;
  const f = (name: string) => fieldLabelOf(name);
  const fieldLabelOf = (path: string) => {
    const top = path.replace(/[.[].*$/, "");
    return tDynamic("cardEdit.field." + top, cap(fieldLabel("service_card", top))) + (path !== top ? " (" + path.slice(top.length).replace(/^\./, "") + ")" : "");
  };

  if (!session) return <p>{t("cardEdit.signIn")}</p>;
  if (ed.phase === "loading") return <Loading />;
  if (ed.phase === "missing")
    return (
      <section>
        <h1>{t("card.notFound")}</h1>
        <p>
          <a href="/catalog">← {t("card.back")}</a>
        </p>
      </section>
    );
  if (ed.phase === "forbidden")
    return (
      <section>
        <h1>{t("cardEdit.forbiddenTitle")}</h1>
        <p>{t("cardEdit.forbidden")}</p>
        <p>
          <a href={"/catalog/" + id}>← {t("cardEdit.backToCard")}</a>
        </p>
      </section>
    );
  if (ed.phase === "failed") return <SaveError error={ed.error} />;

  const orpName = new Map((places.data?.[0] ?? []).map((o) => [o.code, o.name]));
  const regionName = new Map((places.data?.[1] ?? []).map((r) => [r.code, r.name]));
  const show = (field: string, value: unknown): string => {
    switch (field) {
      case "service_type":
        return label(labels, "service_types", value as string);
      case "need_areas":
        return (value as string[]).map((a) => label(labels, "need_areas", a)).join(", ") || "—";
      case "forms":
        return (value as string[]).map((a) => label(labels, "forms", a)).join(", ") || "—";
      case "access":
        return label(labels, "accesses", value as string);
      case "level":
        return value ? value + " – " + label(labels, "support_levels", value as number) : t("cardEdit.byType");
      case "actor_id":
        return v.actor?.name && v.actor_id === value ? v.actor.name : "#" + value;
      default:
        return showValue(value);
    }
  };
  const save = async (published: boolean) => {
    const stored = await ed.save({ published });
    if (stored && id === null) navigate(`/catalog/${stored.id}/edit`, true);
  };
  const typeOptions: [string, string][] = ids(labels, "service_types")
    .map((s) => [s, label(labels, "service_types", s)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
  const territoryChoices = (text: string): Promise<Choice[]> => {
    const needle = text.toLocaleLowerCase("cs");
    if (v.territory.kind === "municipalities") return municipalities(text, new AbortController().signal);
    const list = v.territory.kind === "region" ? places.data?.[1] ?? [] : places.data?.[0] ?? [];
    return Promise.resolve(
      [...list]
        .sort(byName)
        .filter((p) => p.name.toLocaleLowerCase("cs").includes(needle))
        .slice(0, 8)
        .map((p) => ({ value: p.code, label: p.name })),
    );
  };
  const codeName = (c: string) => (v.territory.kind === "orp" ? orpName.get(c) : v.territory.kind === "region" ? regionName.get(c) : undefined) ?? c;

  return (
    <section class="editor">
      <p>
        <a href={id === null ? "/catalog" : "/catalog/" + id}>← {id === null ? t("card.back") : t("cardEdit.backToCard")}</a>
      </p>
      <h1>{id === null ? t("cardEdit.newTitle") : t("cardEdit.title", { name: ed.base?.name ?? "" })}</h1>
      <p class="muted">
        {v.published ? t("card.published") : t("cardEdit.draftStatus")}
        {ed.base && id !== null && " · " + t("card.version", { version: (ed.base as CardValue).version })}
      </p>
      <DraftNotice editor={ed} />
      {ed.saved && (
        <p class="notice saved" role="status">
          {v.published ? t("cardEdit.savedPublished") : t("cardEdit.savedDraft")} <a href={"/catalog/" + v.id}>{t("cardEdit.viewCard")}</a>
        </p>
      )}
      {ed.conflict && (
        <ConflictPanel
          key={(ed.conflict as CardValue).version}
          mine={v}
          theirs={ed.conflict}
          base={ed.base}
          fields={[...FIELDS]}
          labelOf={f}
          show={show}
          onMerge={ed.resolve}
          onKeepTheirs={ed.keepTheirs}
        />
      )}
      <ErrorSummary errors={e} labelOf={f} />
      <SaveError error={ed.error} />

      <form
        class="record-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void save(v.published);
        }}
      >
        <fieldset class="section">
          <legend>{t("cardEdit.section.basics")}</legend>
          <TextField path="name" label={f("name")} value={v.name} set={(name) => ed.set({ name })} errors={e} />
          <div class="field">
            <Picker
              id={fieldId("actor_id")}
              label={f("actor_id")}
              shown={v.actor?.id === v.actor_id ? v.actor?.name ?? "" : v.actor_id ? "#" + v.actor_id : ""}
              search={actors}
              pick={(c) => ed.set({ actor_id: Number(c.value), actor: { id: Number(c.value), name: c.label } })}
              invalid={!!e.actor_id}
              describedBy={e.actor_id ? fieldId("actor_id") + "-error" : undefined}
              placeholder={t("cardEdit.actorSearch")}
            />
            <FieldError errors={e} path="actor_id" />
          </div>
          <SelectField path="service_type" label={f("service_type")} value={v.service_type} set={(service_type) => ed.set({ service_type })} errors={e} options={typeOptions} empty={t("cardEdit.choose")} />
          <ChecksField
            path="need_areas"
            label={f("need_areas")}
            hint={t("cardEdit.byTypeHint")}
            value={v.need_areas}
            set={(need_areas) => ed.set({ need_areas })}
            errors={e}
            options={ids(labels, "need_areas").map((a) => [a, label(labels, "need_areas", a)])}
          />
          <SelectField
            path="level"
            label={f("level")}
            value={String(v.level ?? 0)}
            set={(l) => ed.set({ level: Number(l) })}
            errors={e}
            options={[["0", t("cardEdit.byType")], ...ids(labels, "support_levels").map((l) => [l, l + " – " + label(labels, "support_levels", l)] as [string, string])]}
          />
        </fieldset>

        <fieldset class="section">
          <legend>{t("cardEdit.section.forWhom")}</legend>
          <TextField path="target_group" label={f("target_group")} value={v.target_group} set={(target_group) => ed.set({ target_group })} errors={e} required multiline />
          <div class="pair">
            <NumberField path="age_min" label={f("age_min")} value={v.age_min} set={(n) => ed.set({ age_min: n ?? 0 })} errors={e} min={0} max={26} />
            <NumberField path="age_max" label={f("age_max")} value={v.age_max} set={(n) => ed.set({ age_max: n ?? 26 })} errors={e} min={0} max={26} />
          </div>
        </fieldset>

        <fieldset class="section">
          <legend>{t("cardEdit.section.competences")}</legend>
          <TextField path="does" label={f("does")} hint={t("cardEdit.doesHint")} value={v.does} set={(does) => ed.set({ does })} errors={e} required multiline />
          <TextField path="does_not" label={f("does_not")} hint={t("cardEdit.doesNotHint")} value={v.does_not ?? ""} set={(does_not) => ed.set({ does_not })} errors={e} multiline />
          <TextField path="description" label={f("description")} value={v.description} set={(description) => ed.set({ description })} errors={e} multiline />
        </fieldset>

        <fieldset class="section">
          <legend>{t("cardEdit.section.access")}</legend>
          <SelectField path="access" label={f("access")} value={v.access} set={(access) => ed.set({ access })} errors={e} options={ids(labels, "accesses").map((a) => [a, label(labels, "accesses", a)])} />
          <TextField path="access_note" label={f("access_note")} value={v.access_note} set={(access_note) => ed.set({ access_note })} errors={e} required multiline />
          <CheckField path="free_of_charge" label={f("free_of_charge")} value={v.free_of_charge} set={(free_of_charge) => ed.set({ free_of_charge })} errors={e} />
          <TextField path="cost_note" label={f("cost_note")} value={v.cost_note} set={(cost_note) => ed.set({ cost_note })} errors={e} />
          <TextField path="hours" label={f("hours")} value={v.hours} set={(hours) => ed.set({ hours })} errors={e} />
          <NumberField path="waiting_days" label={f("waiting_days")} value={v.waiting_days} set={(waiting_days) => ed.set({ waiting_days })} errors={e} min={0} max={3650} />
        </fieldset>

        <fieldset class="section">
          <legend>{t("cardEdit.section.where")}</legend>
          <ChecksField
            path="forms"
            label={f("forms")}
            hint={t("cardEdit.byTypeHint")}
            value={v.forms}
            set={(forms) => ed.set({ forms })}
            errors={e}
            options={ids(labels, "forms").map((a) => [a, label(labels, "forms", a)])}
          />
          <ListField<Location>
            path="locations"
            label={f("locations")}
            value={v.locations}
            set={(locations) => ed.set({ locations })}
            errors={e}
            blank={() => ({ municipality_code: "", street: "" })}
            addLabel={t("cardEdit.addLocation")}
            itemLabel={(i) => t("cardEdit.location", { n: i + 1 })}
            item={(l, set, path) => (
              <>
                <Picker
                  id={fieldId(path + ".municipality_code")}
                  label={cap(fieldLabel("service_card", "municipality_code"))}
                  shown={placeNames[l.municipality_code] ?? l.municipality_code}
                  search={municipalities}
                  pick={(c) => {
                    setPlaceNames({ ...placeNames, [c.value]: c.label });
                    set({ ...l, municipality_code: c.value });
                  }}
                  invalid={!!e[path + ".municipality_code"]}
                />
                <FieldError errors={e} path={path + ".municipality_code"} />
                <TextField path={path + ".street"} label={cap(fieldLabel("service_card", "street"))} value={l.street} set={(street) => set({ ...l, street })} errors={e} />
              </>
            )}
          />
          <SelectField
            path="territory.kind"
            label={t("cardEdit.territoryKind")}
            value={v.territory.kind}
            set={(kind) => ed.set({ territory: { kind, codes: [] } })}
            errors={e}
            options={ids(labels, "territory_kinds").map((k) => [k, label(labels, "territory_kinds", k)])}
          />
          {v.territory.kind !== "country" && (
            <div class="field">
              <Picker
                id={fieldId("territory.codes")}
                label={t("cardEdit.territoryAdd")}
                shown=""
                search={(text) => territoryChoices(text)}
                pick={(c) => !v.territory.codes.includes(c.value) && ed.set({ territory: { ...v.territory, codes: [...v.territory.codes, c.value] } })}
                invalid={!!e["territory.codes"]}
              />
              <ul class="chips" aria-label={t("cardEdit.territoryChosen")}>
                {v.territory.codes.map((c) => (
                  <li key={c}>
                    {codeName(c)}{" "}
                    <button type="button" class="link-button" aria-label={t("cardEdit.removeCode", { name: codeName(c) })} onClick={() => ed.set({ territory: { ...v.territory, codes: v.territory.codes.filter((x) => x !== c) } })}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <FieldError errors={e} path="territory" nested />
            </div>
          )}
          <CheckField path="confidential_address" label={f("confidential_address")} value={v.confidential_address} set={(confidential_address) => ed.set({ confidential_address })} errors={e} />
          <div class="pair">
            <NumberField
              path="capacity.amount"
              label={f("capacity")}
              value={v.capacity?.amount ?? null}
              set={(amount) => ed.set({ capacity: { ...(v.capacity ?? { unit: "" }), amount } })}
              errors={e}
              min={0}
            />
            <SelectField
              path="capacity.unit"
              label={cap(fieldLabel("service_card", "unit"))}
              value={v.capacity?.unit ?? ""}
              set={(unit) => ed.set({ capacity: { ...(v.capacity ?? { amount: null }), unit } })}
              errors={e}
              empty={t("cardEdit.byType")}
              options={ids(labels, "capacity_units").map((u) => [u, label(labels, "capacity_units", u)])}
            />
          </div>
        </fieldset>

        <fieldset class="section">
          <legend>
            {t("cardEdit.section.contacts")} <span class="required">({t("form.requiredToPublish")})</span>
          </legend>
          <ContactsField value={v.contacts} set={(contacts) => ed.set({ contacts })} errors={e} kind="service_card" />
        </fieldset>

        <fieldset class="section">
          <legend>{t("cardEdit.section.records")}</legend>
          <ListField<Registry>
            path="registry_ids"
            label={f("registry_ids")}
            value={v.registry_ids}
            set={(registry_ids) => ed.set({ registry_ids })}
            errors={e}
            blank={() => ({ registry: "", id: "" })}
            addLabel={t("cardEdit.addRegistry")}
            itemLabel={(i) => t("cardEdit.registry", { n: i + 1 })}
            item={(r, set, path) => (
              <div class="pair">
                <TextField path={path + ".registry"} label={cap(fieldLabel("service_card", "registry"))} value={r.registry} set={(registry) => set({ ...r, registry })} errors={e} />
                <TextField path={path + ".id"} label={t("cardEdit.registryId")} value={r.id} set={(rid) => set({ ...r, id: rid })} errors={e} />
              </div>
            )}
          />
          <TextField path="last_verified" label={f("last_verified")} type="date" value={v.last_verified ?? ""} set={(last_verified) => ed.set({ last_verified })} errors={e} />
        </fieldset>

        <div class="actions sticky-actions">
          <button type="button" class="secondary" disabled={ed.saving} onClick={() => void save(false)}>
            {t("cardEdit.saveDraft")}
          </button>
          <button type="button" disabled={ed.saving} onClick={() => void save(true)}>
            {t("cardEdit.publish")}
          </button>
          {ed.saving && (
            <span role="status" class="muted">
              {t("form.saving")}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}


export function ContactsField({ value, set, errors, kind }: { value: Contact[]; set: (c: Contact[]) => void; errors: Record<string, string>; kind: string }) {
  return (
    <ListField<Contact>
      path="contacts"
      label={cap(fieldLabel(kind, "contacts"))}
      value={value}
      set={set}
      errors={errors}
      blank={() => ({ name: "", role: "", phone: "", email: "", web: "", public: true })}
      addLabel={t("form.addContact")}
      itemLabel={(i) => t("form.contact", { n: i + 1 })}
      item={(c, setC, path) => (
        <div class="contact-grid">
          <TextField path={path + ".name"} label={cap(fieldLabel(kind, "name"))} value={c.name ?? ""} set={(name) => setC({ ...c, name })} errors={errors} />
          <TextField path={path + ".role"} label={cap(fieldLabel(kind, "role"))} value={c.role ?? ""} set={(role) => setC({ ...c, role })} errors={errors} />
          <TextField path={path + ".phone"} label={cap(fieldLabel(kind, "phone"))} type="tel" value={c.phone ?? ""} set={(phone) => setC({ ...c, phone })} errors={errors} />
          <TextField path={path + ".email"} label={cap(fieldLabel(kind, "email"))} type="email" value={c.email ?? ""} set={(email) => setC({ ...c, email })} errors={errors} />
          <TextField path={path + ".web"} label={cap(fieldLabel(kind, "web"))} value={c.web ?? ""} set={(web) => setC({ ...c, web })} errors={errors} />
          <CheckField path={path + ".public"} label={t("form.contactPublic")} value={!!c.public} set={(pub) => setC({ ...c, public: pub })} errors={errors} />
        </div>
      )}
    />
  );
}
