// Small pieces every page uses: loading and error notes.
import { ApiError } from "./api";
import { t, tDynamic } from "./i18n";

export function Loading() {
  return (
    <p class="muted" role="status">
      {t("app.loading")}
    </p>
  );
}

// The server's error in the person's language where the catalog knows its code.
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return tDynamic("error." + error.code, error.message);
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {t("app.error", { message: errorText(error) })}
    </p>
  );
}
