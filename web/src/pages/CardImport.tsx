// Importing service cards from a spreadsheet: the template to fill in, a file chosen, a
// dry run showing what would be created or changed (or every bad cell: sheet, row,
// column, what was expected), then the import itself — all or nothing, as the server does it.
import { useState } from "preact/hooks";
import { csrfHeaders } from "../api";
import { currentLang, MessageKey, t } from "../i18n";
import { useApp } from "../session";
import { useTitle } from "../hooks";
import "../styles/imports.css";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Row {
  row: number;
  action: "create" | "update" | "unchanged";
  id: number;
  name: string;
}
interface Report {
  dry_run: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rows: Row[];
}
interface BadCell {
  sheet: string;
  row: number;
  column: string;
  header: string;
  expected: string;
}
type Outcome = { kind: "report"; report: Report } | { kind: "cells"; cells: BadCell[] } | { kind: "error"; message: string };

async function send(file: File, dryRun: boolean): Promise<Outcome> {
  const type = file.name.toLowerCase().endsWith(".csv") ? "text/csv" : XLSX;
  const r = await fetch(`/api/v1/service-cards/import?dry_run=${dryRun}&lang=${currentLang()}`, {
    method: "POST",
    headers: { "Content-Type": type, Accept: "application/json", "Accept-Language": currentLang(), ...csrfHeaders() },
    body: file,
    credentials: "same-origin",
  });
  const json = await r.json().catch(() => ({}));
  if (r.ok) return { kind: "report", report: json as Report };
  if (json?.error?.cells) return { kind: "cells", cells: json.error.cells as BadCell[] };
  return { kind: "error", message: json?.error?.message ?? r.statusText };
}

export function CardImport() {
  const { session } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t("imports.title"));
  if (!session) return null;
  const lang = currentLang();
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      setOutcome(await send(file, dryRun));
    } catch (e) {
      setOutcome({ kind: "error", message: String(e) });
    } finally {
      setBusy(false);
    }
  };
  const report = outcome?.kind === "report" ? outcome.report : null;
  return (
    <section class="imports">
      <h1>{t("imports.title")}</h1>
      <p>{t("imports.intro")}</p>
      <p class="imports-templates">
        <a class="button secondary" href={`/api/v1/service-cards/import-template.xlsx?lang=${lang}`} download>
          {t("imports.templateXlsx")}
        </a>
        <a class="button secondary" href={`/api/v1/service-cards/import-template.csv?lang=${lang}`} download>
          {t("imports.templateCsv")}
        </a>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
      >
        <label for="import-file">{t("imports.file")}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <button type="submit" disabled={!file || busy}>
          {t("imports.dryRun")}
        </button>
      </form>
      {outcome?.kind === "error" && <p role="alert" class="error">{outcome.message}</p>}
      {outcome?.kind === "cells" && (
        <div role="alert">
          <h2 id="import-bad">{t("imports.badCells", { count: outcome.cells.length })}</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-bad">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("imports.sheet")}</th>
                  <th scope="col">{t("imports.cell")}</th>
                  <th scope="col">{t("imports.header")}</th>
                  <th scope="col">{t("imports.expected")}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.cells.map((c) => (
                  <tr key={`${c.sheet}!${c.column}${c.row}:${c.expected}`}>
                    <td>{c.sheet}</td>
                    <td>
                      {c.column}
                      {c.row}
                    </td>
                    <td>{c.header}</td>
                    <td>{c.expected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report && (
        <div>
          <h2 id="import-plan">{report.dry_run ? t("imports.plan") : t("imports.done")}</h2>
          <p role="status">{t("imports.counts", { created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-plan">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("imports.row")}</th>
                  <th scope="col">{t("imports.action")}</th>
                  <th scope="col">{t("imports.name")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{t(("imports." + r.action) as MessageKey)}</td>
                    <td>{r.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.dry_run && report.created + report.updated > 0 && (
            <button type="button" disabled={busy} onClick={() => run(false)}>
              {t("imports.import")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
