// Long work the server does in the background, shown as a banner that does not block the
// page: the travel times computed after start-up (GET /api/v1/health, travel_times). It
// asks again every few seconds while they are being computed and goes away when done.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import "../styles/admin.css";

const POLL_MS = 3000;

export function ProgressBanner() {
  const [state, setState] = useState("ready");
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const ask = async () => {
      let next = "ready";
      try {
        next = (await get<{ travel_times?: string }>("/api/v1/health")).travel_times ?? "ready";
      } catch {
        next = "unknown"; // the server is busy or away: ask again later
      }
      if (stopped) return;
      setState(next);
      if (next === "computing" || next === "not_started" || next === "unknown") timer = setTimeout(ask, POLL_MS);
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  // One live region that stays, so that screen readers hear the banner come and go.
  const busy = state === "computing" || state === "not_started";
  return (
    <div role="status" class="progress-slot">
      {busy && (
        <p class="progress-banner">
          <span class="spinner" aria-hidden="true" />
          {t("progress.travelTimes")}
        </p>
      )}
      {state === "failed" && <p class="progress-banner failed">{t("progress.travelTimesFailed")}</p>}
    </div>
  );
}
