// The networker's chapter texts of an ORP's analysis ("Analýza místní sítě služeb a návrh
// její optimální podoby"): one text per chapter, the headings from the server's labels. The
// ORP's newest record is edited (GET /api/v1/analysis-texts?orp=), a first one created.
import { get } from "../api";
import { t } from "../i18n";
import { fieldLabel } from "../labels";
import { ErrorNote, Loading } from "../components";
import { useLoad, useTitle } from "../hooks";
import { useState } from "preact/hooks";
import { allOrps } from "../territory";
import { ErrorSummary, TextField } from "../components/forms";
import { ConflictPanel, DraftNotice, SaveError, useRecordEditor } from "../components/recordEditor";
import "../styles/documents.css";

// The chapters in the document's order (src/model/analysis_text.h).
export const CHAPTERS = [
  "introduction",
  "about_project",
  "networking",
  "child_needs",
  "networks",
  "network_analysis",
  "cooperation",
  "needs_found",
  "good_practice",
  "recommendations",
  "conclusion",
  "annex",
] as const;

type Texts = { id?: number; version?: number; orp_code: string } & Record<string, string | number | undefined>;

// The three formats of the analysis document of an ORP.
export function reportLinks(code: string): [string, string][] {
  return (["pdf", "odt", "docx"] as const).map((f) => [f.toUpperCase(), `/api/v1/orps/${code}/report.${f}`]);
}

export function AnalysisTexts({ code }: { code: string }) {
  // The id of the ORP's newest record, once found; a save that creates one sets it.
  const [created, setCreated] = useState<number | null>(null);
  const found = useLoad((signal) => get<{ items: { id: number }[] }>("/api/v1/analysis-texts", { orp: code, limit: 1 }, signal), [code]);
  const orps = useLoad(() => allOrps(), []);
  const name = orps.data?.find((o) => o.code === code)?.name ?? code;
  useTitle(t("analysisTexts.title", { name }));
  if (found.error) return <ErrorNote error={found.error} />;
  if (!found.data) return <Loading />;
  const id = created ?? found.data.items[0]?.id ?? null;
  // The same editor goes on from a created record to editing it (its "saved" note stays).
  return <TextsEditor code={code} name={name} id={id} onCreated={setCreated} />;
}

function TextsEditor({ code, name, id, onCreated }: { code: string; name: string; id: number | null; onCreated: (id: number) => void }) {
  const blank = (): Texts => ({ orp_code: code, ...Object.fromEntries(CHAPTERS.map((c) => [c, ""])) });
  const body = (v: Texts) => ({ orp_code: code, ...Object.fromEntries(CHAPTERS.map((c) => [c, String(v[c] ?? "")])) });
  const ed = useRecordEditor<Texts>({ kind: "analysis_text." + code, collection: "/api/v1/analysis-texts", id, blank, body, allowHeader: false });
  const labelOf = (f: string) => fieldLabel("analysis_text", f);
  const back = (
    <p>
      <a href={"/?orp=" + code}>← {t("analysisTexts.back")}</a>
    </p>
  );
  if (ed.phase === "loading") return <Loading />;
  if (ed.phase === "forbidden" || ed.phase === "missing")
    return (
      <section>
        {back}
        <h1>{t("analysisTexts.forbiddenTitle")}</h1>
        <p>{t("analysisTexts.forbidden")}</p>
      </section>
    );
  if (ed.phase === "failed") return <SaveError error={ed.error} />;
  const v = ed.value;
  const save = async () => {
    const stored = await ed.save();
    if (stored && id === null && stored.id) onCreated(stored.id);
  };
  return (
    <section class="editor analysis-texts">
      {back}
      <h1>{t("analysisTexts.title", { name })}</h1>
      <p class="muted">
        {t("analysisTexts.intro")}
        {ed.base?.version !== undefined && " · " + t("card.version", { version: ed.base.version })}
      </p>
      <p class="report-links">
        {t("home.report")}:{" "}
        {reportLinks(code).map(([f, href], i) => (
          <span key={f}>
            {i > 0 && " · "}
            <a href={href} download>
              {f}
            </a>
          </span>
        ))}
      </p>
      <DraftNotice editor={ed} />
      {ed.saved && (
        <p class="notice saved" role="status">
          {t("analysisTexts.saved")}
        </p>
      )}
      {ed.conflict && (
        <ConflictPanel
          key={ed.conflict.version}
          mine={v}
          theirs={ed.conflict}
          base={ed.base}
          fields={[...CHAPTERS]}
          labelOf={labelOf}
          onMerge={ed.resolve}
          onKeepTheirs={ed.keepTheirs}
        />
      )}
      <ErrorSummary errors={ed.errors} labelOf={labelOf} />
      <SaveError error={ed.error} />
      <form
        class="record-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void save();
        }}
      >
        {CHAPTERS.map((c) => (
          <TextField key={c} path={c} label={labelOf(c)} value={String(v[c] ?? "")} set={(text) => ed.set({ [c]: text } as Partial<Texts>)} errors={ed.errors} multiline />
        ))}
        <div class="actions">
          <button type="submit" disabled={ed.saving}>
            {ed.saving ? t("form.saving") : t("analysisTexts.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
