// What the analysis pages share: the tabs between them, the scope (an ORP, a region or
// the country, in the address) limited to what the user may analyse, the travel mode,
// and the server's own labels (tie types, travel modes) and bilingual texts.
import { useEffect, useState } from "preact/hooks";
import { get } from "../../api";
import { currentLang, t } from "../../i18n";
import { navigate, useLocation } from "../../router";
import { useApp, User } from "../../session";
import { allOrps, allRegions, byName, Orp, Region } from "../../territory";
import { useLoad } from "../../hooks";
import "../../styles/analysis.css";

export interface Scope {
  orp: string;
  region: string;
}

export type Bilingual = { cs: string; en: string };
export const pick = (b: Bilingual | undefined | null) => (b ? (currentLang() === "en" ? b.en : b.cs) : "");

const TABS = [
  ["/analysis/coverage", "analysis.tab.coverage"],
  ["/analysis/white-spots", "analysis.tab.whiteSpots"],
  ["/analysis/what-if", "analysis.tab.whatIf"],
  ["/analysis/network", "analysis.tab.network"],
] as const;

export function AnalysisTabs({ path }: { path: string }) {
  const loc = useLocation();
  return (
    <nav class="analysis-tabs" aria-label={t("analysis.tabs")}>
      <ul>
        {TABS.map(([href, key]) => (
          <li key={href}>
            <a href={href + (loc.query.toString() ? "?" + loc.query.toString() : "")} aria-current={path === href ? "page" : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The places a user may analyse: an admin anything, a coordinator the regions, others
// their ORPs. The server checks it again (403 outside).
function allowed(user: User | undefined, orps: Orp[], regions: Region[]) {
  if (!user || user.role === "admin") return { orps, regions, country: !!user };
  if (user.role === "regional_coordinator")
    return { orps: orps.filter((o) => user.territories.includes(o.region_code)), regions: regions.filter((r) => user.territories.includes(r.code)), country: false };
  return { orps: orps.filter((o) => user.territories.includes(o.code)), regions: [], country: false };
}

// The scope in the address (?orp= or ?region=), or the user's first territory.
export function useScope(countryAllowed = true): { scope: Scope; choices: ReturnType<typeof allowed>; set: (s: Scope) => void; ready: boolean } {
  const { session } = useApp();
  const loc = useLocation();
  const places = useLoad(() => Promise.all([allOrps(), allRegions()]), []);
  const q = new URLSearchParams(loc.query);
  const orps = [...(places.data?.[0] ?? [])].sort(byName);
  const regions = [...(places.data?.[1] ?? [])].sort(byName);
  const choices = allowed(session?.user, orps, regions);
  choices.country = choices.country && countryAllowed;
  let scope: Scope = { orp: q.get("orp") ?? "", region: q.get("region") ?? "" };
  if (!scope.orp && !scope.region && !(choices.country && q.has("country"))) {
    if (choices.regions.length && session?.user.role !== "admin") scope = { orp: "", region: choices.regions[0].code };
    else if (choices.orps.length && session?.user.role !== "admin") scope = { orp: choices.orps[0].code, region: "" };
    else if (session?.user.role === "admin") scope = { orp: "5304", region: "" };
  }
  const set = (s: Scope) => {
    const next = new URLSearchParams(loc.query);
    next.delete("orp");
    next.delete("region");
    next.delete("country");
    if (s.orp) next.set("orp", s.orp);
    else if (s.region) next.set("region", s.region);
    else next.set("country", "1");
    navigate(loc.path + "?" + next.toString());
  };
  return { scope, choices, set, ready: !!places.data };
}

export function ScopePicker({ scope, choices, set, orpOnly = false }: { scope: Scope; choices: ReturnType<typeof allowed>; set: (s: Scope) => void; orpOnly?: boolean }) {
  const value = scope.orp ? "orp:" + scope.orp : scope.region ? "region:" + scope.region : "country";
  return (
    <div class="field">
      <label for="a-scope">{t("analysis.scope")}</label>
      <select
        id="a-scope"
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set(v.startsWith("orp:") ? { orp: v.slice(4), region: "" } : v.startsWith("region:") ? { orp: "", region: v.slice(7) } : { orp: "", region: "" });
        }}
      >
        {!orpOnly && choices.country && <option value="country">{t("analysis.country")}</option>}
        {!orpOnly && choices.regions.map((r) => <option key={r.code} value={"region:" + r.code}>{r.name}</option>)}
        {choices.orps.map((o) => (
          <option key={o.code} value={"orp:" + o.code}>
            {t("territory.orpName", { name: o.name })}
          </option>
        ))}
      </select>
    </div>
  );
}

// A query parameter of the address as state (mode, cell, measure …).
export function useParam(name: string, fallback: string): [string, (v: string) => void] {
  const loc = useLocation();
  const value = new URLSearchParams(loc.query).get(name) ?? fallback;
  const set = (v: string) => {
    const next = new URLSearchParams(loc.query);
    next.set(name, v);
    navigate(loc.path + "?" + next.toString(), true);
  };
  return [value, set];
}

export function ModeSwitch({ mode, set, labels }: { mode: string; set: (m: string) => void; labels: ServerLabels | null }) {
  return (
    <fieldset class="mode-switch">
      <legend>{t("analysis.mode")}</legend>
      {["pt", "car"].map((m) => (
        <label key={m}>
          <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => set(m)} />
          {labels?.enums?.travel_modes?.[m] ?? m}
        </label>
      ))}
    </fieldset>
  );
}

export interface ServerLabels {
  enums: Record<string, Record<string, string>>;
  reference: Record<string, Record<string, string>>;
}

let serverLabels: Promise<ServerLabels> | null = null;
let serverLabelsLang = "";

// GET /api/v1/labels in the chosen language (enumerations the app's labels lack).
export function useServerLabels(): ServerLabels | null {
  const [l, setL] = useState<ServerLabels | null>(null);
  useEffect(() => {
    const lang = currentLang();
    if (!serverLabels || serverLabelsLang !== lang) {
      serverLabelsLang = lang;
      serverLabels = get<ServerLabels>("/api/v1/labels", { lang });
      serverLabels.catch(() => (serverLabels = null));
    }
    serverLabels.then(setL, () => setL(null));
  }, []);
  return l;
}

export const percent = (x: number | null | undefined) => (x == null ? "–" : Math.round(x * 100) + " %");
export const scopeQuery = (s: Scope) => ({ orp: s.orp || undefined, region: s.orp ? undefined : s.region || undefined });
