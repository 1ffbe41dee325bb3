// Download links of the documents the server renders: the public leaflet of an ORP
// (GET /api/v1/orps/{code}/leaflet.pdf, no sign-in) and the regional summary
// (GET /api/v1/regions/{code}/report.pdf, for those who read the region's records).
import "../styles/documents.css";
import { t } from "../i18n";

export function LeafletLink({ orp, name }: { orp: string; name: string }) {
  return (
    <a class="document-link" href={`/api/v1/orps/${encodeURIComponent(orp)}/leaflet.pdf`} download={`letak-orp-${orp}.pdf`}>
      {t("documents.leaflet", { name })}
    </a>
  );
}

export function RegionSummaryLink({ region, name }: { region: string; name: string }) {
  return (
    <a class="document-link" href={`/api/v1/regions/${encodeURIComponent(region)}/report.pdf`} download={`souhrn-kraje-${region}.pdf`}>
      {t("documents.regionSummary", { name })}
    </a>
  );
}
