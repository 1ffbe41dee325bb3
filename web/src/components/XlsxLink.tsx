// "Export XLSX": downloads the page's list as a workbook — the list's export route with
// the filters the page's address holds (those the export takes), `extra` ones the page
// knows otherwise (its ORP), and the person's language. Read at the click, as the pages
// keep their filters in the address.
import { currentLang, t } from "../i18n";

export function XlsxLink({ path, filters, extra = {} }: { path: string; filters: string[]; extra?: Record<string, string | undefined> }) {
  const href = () => {
    const from = new URLSearchParams(window.location.search);
    const q = new URLSearchParams();
    for (const f of filters) {
      const v = from.get(f) || extra[f];
      if (v) q.set(f, v);
    }
    q.set("lang", currentLang());
    return path + "?" + q.toString();
  };
  return (
    <a class="button secondary xlsx-link" href={href()} download onClick={(e) => (e.currentTarget.href = href())}>
      {t("exports.xlsx")}
    </a>
  );
}
