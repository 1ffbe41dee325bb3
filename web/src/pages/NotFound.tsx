import { t } from "../i18n";
import { useTitle } from "../hooks";

export function NotFound() {
  useTitle(t("notFound.title"));
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <a href="/catalog">{t("nav.catalog")}</a>
      </p>
    </section>
  );
}
