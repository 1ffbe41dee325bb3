// The ORPs a signed-in user works in (a networker's own, a coordinator's region's, every
// one for an admin), the one a page starts with, and a select to switch between them.
import { t } from "../i18n";
import { useLoad } from "../hooks";
import { User } from "../session";
import { allOrps, byName, Orp } from "../territory";

export function myOrps(user: User, orps: Orp[]): Orp[] {
  const sorted = [...orps].sort(byName);
  if (user.role === "admin") return sorted;
  if (user.role === "regional_coordinator") return sorted.filter((o) => user.territories.includes(o.region_code));
  return sorted.filter((o) => user.territories.includes(o.code));
}

// The user's ORPs (undefined while loading).
export function useMyOrps(user: User | undefined): Orp[] | undefined {
  const all = useLoad(() => allOrps(), []);
  return user && all.data ? myOrps(user, all.data) : undefined;
}

// The ORP the address names, else the user's first one.
export function chosenOrp(query: URLSearchParams, mine: Orp[]): string {
  return query.get("orp") || mine[0]?.code || "";
}

interface Props {
  id: string;
  orps: Orp[];
  value: string;
  onChange: (code: string) => void;
}

// Nothing when there is only one ORP to choose.
export function OrpSelect({ id, orps, value, onChange }: Props) {
  if (orps.length < 2) return null;
  return (
    <div class="inline-field">
      <label for={id}>{t("net.orp")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {orps.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
