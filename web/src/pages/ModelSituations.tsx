// The methodologist's editor of the model situations (docs/reference-model.md, "Model
// situations"): the list of the current model's situations, and one situation's wording,
// advice, need areas, levels, whether safety comes first, the service types of the
// responsible actor and of those that can help, and for whom it is written. Saving publishes
// a new version of the model (POST /api/v1/model/versions) over the version the edit began
// on; the server checks the whole model and names each problem at its field.
import { api, ApiError, FieldErrors, get } from "../api";
import { currentLang, t, tDynamic } from "../i18n";
import { useApp } from "../session";
import { label } from "../labels";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { ChecksField, ErrorSummary, FieldError, fieldId, SelectField, TextField } from "../components/forms";
import { ConflictPanel, DraftNotice, SaveError, useRecordEditor } from "../components/recordEditor";
import "../styles/catalog.css";
import "../styles/model.css";

// The roles that edit the model (the server's MayEditModel).
export const MODEL_EDITORS = ["methodologist", "admin"];

export const AUDIENCES = ["parents", "children", "teachers"] as const;
const SAFETY = ["yes", "depends", "no"] as const;

// A situation as model_situations.json holds it.
export interface Situation {
  id: string;
  cs: string;
  en: string;
  audience: string[];
  need_areas: string[];
  levels: number[];
  safety_first: string;
  responsible_service_types: string[];
  service_types: string[];
  advice_cs: string;
  advice_en: string;
}

interface Named {
  id: string;
  cs: string;
  en: string;
}

interface ServiceTypeDoc extends Named {
  abbr: string | null;
  sector: string;
  need_areas: string[];
}

// A version of the model as GET /api/v1/model answers it (the documents this page reads).
interface ModelVersion {
  number: number;
  published_at: string;
  documents: {
    model_situations: Situation[];
    service_types: ServiceTypeDoc[];
    sectors: Named[];
    need_areas: Named[];
    support_levels: (Named & { level: number })[];
  };
}

// What the editor edits: the situation, the model version it comes from, and the note the
// publication will carry (kept in the draft with the rest).
type Edited = Situation & { version: number; note: string };

// The members of a situation in the form's order (the conflict panel's rows too).
const FIELDS = ["cs", "en", "audience", "need_areas", "levels", "safety_first", "responsible_service_types", "service_types", "advice_cs", "advice_en"] as const;

const nameOf = (x: Named) => (currentLang() === "cs" ? x.cs : x.en);
const fieldLabel = (f: string) => tDynamic("situations.field." + f, f);

const loadModel = (signal?: AbortSignal) => get<ModelVersion>("/api/v1/model", {}, signal);

function useModel() {
  return useLoad((signal) => loadModel(signal), []);
}

// The page for one who may not edit the model: a plain refusal (the server refuses anyway).
function Refusal() {
  return (
    <section>
      <h1>{t("situations.forbiddenTitle")}</h1>
      <p>{t("situations.forbidden")}</p>
    </section>
  );
}

function useMayEdit(): boolean | null {
  const { session } = useApp();
  if (!session) return null;
  return MODEL_EDITORS.includes(session.user.role);
}

export function ModelSituations() {
  useTitle(t("situations.title"));
  const { labels } = useApp();
  const may = useMayEdit();
  const model = useModel();
  if (may === false) return <Refusal />;
  if (model.error) return <ErrorNote error={model.error} />;
  if (!model.data) return <Loading />;
  const docs = model.data.documents;
  const types = new Map(docs.service_types.map((s) => [s.id, s]));
  const typeNames = (ids: string[]) => ids.map((id) => (types.get(id) ? nameOf(types.get(id)!) : id)).join(", ");
  return (
    <section class="model-situations">
      <h1>{t("situations.title")}</h1>
      <p class="muted">{t("situations.intro", { version: model.data.number })}</p>
      <div class="table-scroll">
        <table class="situations-table">
          <thead>
            <tr>
              <th scope="col">{t("situations.situation")}</th>
              <th scope="col">{fieldLabel("audience")}</th>
              <th scope="col">{fieldLabel("safety_first")}</th>
              <th scope="col">{fieldLabel("responsible_service_types")}</th>
              <th scope="col">{fieldLabel("service_types")}</th>
            </tr>
          </thead>
          <tbody>
            {docs.model_situations.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={"/model/situations/" + s.id}>{currentLang() === "cs" ? s.cs : s.en}</a>
                  <span class="muted situation-id">{s.id}</span>
                </th>
                <td>{(s.audience ?? []).map((a) => label(labels, "situation_audiences", a)).join(", ")}</td>
                <td>{tDynamic("situations.safety." + s.safety_first, s.safety_first)}</td>
                <td>{typeNames(s.responsible_service_types ?? [])}</td>
                <td>{t("situations.typeCount", { count: (s.service_types ?? []).length })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const blankSituation = (id: string): Situation => ({ id, cs: "", en: "", audience: [], need_areas: [], levels: [], safety_first: "no", responsible_service_types: [], service_types: [], advice_cs: "", advice_en: "" });

// The situation `id` of a model version, as the editor edits it.
function editedOf(m: ModelVersion, id: string): Edited {
  const s = m.documents.model_situations.find((x) => x.id === id);
  if (!s) throw new ApiError(404, "not_found", t("situations.missing", { id }));
  // Versions from before a member existed lack it: the editor starts it empty.
  return { ...s, audience: s.audience ?? [], responsible_service_types: s.responsible_service_types ?? [], service_types: s.service_types ?? [], version: m.number, note: "" };
}

// The server names fields by their place in the body ("documents.model_situations[3].cs");
// those of this situation become the form's own paths ("cs"), the rest stay as they are.
// Beside its field a message needs neither the server's path nor the situation's id, which
// begin the message of each rule ("…[3].cs: debts: the Czech wording is empty").
function localFields(fields: FieldErrors, index: number, id: string): FieldErrors {
  const prefix = `documents.model_situations[${index}].`;
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => {
      if (!k.startsWith(prefix)) return [k, v];
      const own = v.indexOf(id + ": ");
      return [k.slice(prefix.length), own < 0 ? v : v.slice(own + id.length + 2)];
    }),
  );
}

// Publishes `v` as a change of the version it was begun on (`against`): that version's
// situations with this one replaced; a newer version meanwhile is the server's 409.
async function publish(v: Edited, against: Edited | null): Promise<Edited> {
  const base = await get<ModelVersion>(`/api/v1/model/versions/${against?.version ?? v.version}`);
  const list = base.documents.model_situations;
  const { version, note, ...situation } = v;
  const index = list.findIndex((s) => s.id === v.id);
  const situations = index < 0 ? [...list, situation] : list.map((s, i) => (i === index ? situation : s));
  let number: number;
  try {
    ({ number } = await api<{ number: number }>("POST", "/api/v1/model/versions", { note, based_on: base.number, documents: { model_situations: situations } }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) throw new ApiError(e.status, e.code, e.message, localFields(e.fields, index < 0 ? list.length : index, v.id));
    throw e;
  }
  return editedOf(await get<ModelVersion>(`/api/v1/model/versions/${number}`), v.id);
}

export function ModelSituationEdit({ id }: { id: string }) {
  const may = useMayEdit();
  const model = useModel();
  if (may === false) return <Refusal />;
  if (model.error) return <ErrorNote error={model.error} />;
  if (!model.data) return <Loading />;
  return <SituationEditor id={id} model={model.data} />;
}

function SituationEditor({ id, model }: { id: string; model: ModelVersion }) {
  const { labels } = useApp();
  const ed = useRecordEditor<Edited>({
    kind: "model_situation",
    collection: "/api/v1/model",
    id,
    // Only until the load answers; a situation the model lacks is the load's 404.
    blank: () => ({ ...blankSituation(id), version: model.number, note: "" }),
    body: () => ({}),
    allowHeader: false,
    load: async (signal) => editedOf(await loadModel(signal), id),
    write: publish,
  });
  const v = ed.value;
  // Named as stored: the heading does not change while the wording is being edited.
  const stored = ed.base ?? v;
  const title = t("situations.editTitle", { name: (currentLang() === "cs" ? stored.cs : stored.en) || stored.id });
  useTitle(title);
  const back = (
    <p>
      <a href="/model/situations">← {t("situations.back")}</a>
    </p>
  );
  if (ed.phase === "loading") return <Loading />;
  if (ed.phase === "missing" || ed.phase === "failed")
    return (
      <section>
        {back}
        <ErrorNote error={ed.error} />
      </section>
    );
  const docs = model.documents;
  const areaOptions: [string, string][] = docs.need_areas.map((a) => [a.id, nameOf(a)]);
  const typeNames = new Map(docs.service_types.map((s) => [s.id, nameOf(s)]));
  const levelOptions: [string, string][] = docs.support_levels.map((l) => [String(l.level), `${l.level} – ${nameOf(l)}`]);
  const labelOf = (path: string) => (path.startsWith("documents.") ? path.slice("documents.".length) : fieldLabel(path));
  const set = (patch: Partial<Edited>) => ed.set(patch);
  const shown = (f: string, x: unknown) => {
    if (f === "audience") return ((x as string[]) ?? []).map((a) => label(labels, "situation_audiences", a)).join(", ") || "—";
    if (f === "safety_first") return tDynamic("situations.safety." + x, String(x));
    if (f === "need_areas") return ((x as string[]) ?? []).map((a) => areaOptions.find(([i]) => i === a)?.[1] ?? a).join(", ") || "—";
    if (f.endsWith("service_types")) return ((x as string[]) ?? []).map((s) => typeNames.get(s) ?? s).join(", ") || "—";
    if (Array.isArray(x)) return x.join(", ") || "—";
    return String(x ?? "") || "—";
  };
  return (
    <section class="editor situation-editor">
      {back}
      <h1>{title}</h1>
      <p class="muted">{t("situations.editIntro", { id: v.id, version: ed.base?.version ?? v.version })}</p>
      <DraftNotice editor={ed} />
      {ed.saved && ed.base && (
        <p class="notice saved" role="status">
          {t("situations.published", { version: ed.base.version })}
        </p>
      )}
      {ed.conflict && (
        <ConflictPanel
          key={ed.conflict.version}
          mine={v}
          theirs={ed.conflict}
          base={ed.base}
          fields={[...FIELDS]}
          labelOf={fieldLabel}
          show={shown}
          explain={t("situations.conflict", { version: ed.conflict.version, based: ed.base?.version ?? v.version })}
          onMerge={(merged) => ed.resolve({ ...merged, note: v.note })}
          onKeepTheirs={ed.keepTheirs}
        />
      )}
      <ErrorSummary errors={ed.errors} labelOf={labelOf} />
      <SaveError error={ed.error} />
      <form
        class="record-form"
        onSubmit={(e) => {
          e.preventDefault();
          void ed.save();
        }}
      >
        <fieldset class="section">
          <legend>{t("situations.wording")}</legend>
          <p class="hint">{t("situations.wordingHint")}</p>
          <TextField path="cs" label={fieldLabel("cs")} value={v.cs} set={(x) => set({ cs: x })} errors={ed.errors} />
          <TextField path="en" label={fieldLabel("en")} value={v.en} set={(x) => set({ en: x })} errors={ed.errors} />
          <ChecksField path="audience" label={fieldLabel("audience")} value={v.audience} set={(x) => set({ audience: x })} errors={ed.errors} options={AUDIENCES.map((a) => [a, label(labels, "situation_audiences", a)])} />
          <TextField path="advice_cs" label={fieldLabel("advice_cs")} value={v.advice_cs} set={(x) => set({ advice_cs: x })} errors={ed.errors} multiline />
          <TextField path="advice_en" label={fieldLabel("advice_en")} value={v.advice_en} set={(x) => set({ advice_en: x })} errors={ed.errors} multiline />
        </fieldset>
        <fieldset class="section">
          <legend>{t("situations.inModel")}</legend>
          <ChecksField path="need_areas" label={fieldLabel("need_areas")} value={v.need_areas} set={(x) => set({ need_areas: x })} errors={ed.errors} options={areaOptions} />
          <ChecksField
            path="levels"
            label={fieldLabel("levels")}
            value={v.levels.map(String)}
            set={(x) => set({ levels: x.map(Number).sort((a, b) => a - b) })}
            errors={ed.errors}
            options={levelOptions}
          />
          <SelectField path="safety_first" label={fieldLabel("safety_first")} value={v.safety_first} set={(x) => set({ safety_first: x })} errors={ed.errors} options={SAFETY.map((s) => [s, t(`situations.safety.${s}`)])} hint={t("situations.safetyHint")} />
        </fieldset>
        <ServiceTypes path="responsible_service_types" hint={t("situations.responsibleHint")} value={v.responsible_service_types} set={(x) => set({ responsible_service_types: x })} errors={ed.errors} docs={docs} />
        <ServiceTypes path="service_types" hint={t("situations.helpingHint")} value={v.service_types} set={(x) => set({ service_types: x })} errors={ed.errors} docs={docs} />
        <fieldset class="section">
          <legend>{t("situations.publication")}</legend>
          <TextField path="note" label={t("situations.note")} hint={t("situations.noteHint")} value={v.note} set={(x) => set({ note: x })} errors={ed.errors} required />
        </fieldset>
        <div class="actions sticky-actions">
          <button type="submit" disabled={ed.saving}>
            {ed.saving ? t("form.saving") : t("situations.publish")}
          </button>
        </div>
      </form>
    </section>
  );
}

// A list of service types, chosen from the model's taxonomy grouped by sector; a sector opens
// when it holds a chosen type. Each type shows the need areas it meets.
function ServiceTypes(p: { path: "responsible_service_types" | "service_types"; hint: string; value: string[]; set: (v: string[]) => void; errors: FieldErrors; docs: ModelVersion["documents"] }) {
  const id = fieldId(p.path);
  const areas = new Map(p.docs.need_areas.map((a) => [a.id, nameOf(a)]));
  const names = new Map(p.docs.service_types.map((s) => [s.id, nameOf(s)]));
  const toggle = (type: string, on: boolean) => p.set(on ? [...p.value.filter((x) => x !== type), type] : p.value.filter((x) => x !== type));
  const bad = Object.keys(p.errors).some((k) => k === p.path);
  return (
    <fieldset class={"section service-types" + (bad ? " has-error" : "")} id={id} aria-describedby={id + "-hint"}>
      <legend>{fieldLabel(p.path)}</legend>
      <p id={id + "-hint"} class="hint">
        {p.hint}
      </p>
      <p class="chosen" aria-live="polite">
        {t("situations.chosen")}: {p.value.map((x) => names.get(x) ?? x).join(", ") || "—"}
      </p>
      <FieldError errors={p.errors} path={p.path} />
      {p.docs.sectors.map((sector) => {
        const types = p.docs.service_types.filter((s) => s.sector === sector.id);
        if (!types.length) return null;
        const chosen = types.filter((s) => p.value.includes(s.id)).length;
        return (
          <details key={sector.id} open={chosen > 0}>
            <summary>
              {nameOf(sector)}
              {chosen > 0 && <span class="muted"> ({t("situations.chosenCount", { count: chosen })})</span>}
            </summary>
            <ul class="type-list">
              {types.map((s) => (
                <li key={s.id}>
                  <input id={id + "-" + s.id} type="checkbox" checked={p.value.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
                  <label for={id + "-" + s.id}>
                    {nameOf(s)}
                    {s.abbr && ` (${s.abbr})`}
                    <span class="type-areas">{s.need_areas.map((a) => areas.get(a) ?? a).join(", ")}</span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
