// A small line chart of monthly counts drawn as SVG (no library: a few lines of
// geometry cost less than any download), with the same numbers as a table for those who
// do not see the chart. Series are told apart by colour and by dash pattern.
import { formatNumber, t } from "../i18n";

export interface Series {
  id: string;
  label: string;
  values: number[];
}

const W = 720;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };
const STYLES = [
  { cls: "s0", dash: "" },
  { cls: "s1", dash: "6 4" },
  { cls: "s2", dash: "2 3" },
];

// A round step for the y axis (1, 2, 5 × 10^n) giving about four lines.
function niceStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export function TrendChart({ title, months, series, monthLabel }: { title: string; months: string[]; series: Series[]; monthLabel: (m: string) => string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (months.length <= 1 ? innerW / 2 : (i * innerW) / (months.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  // At most about eight month labels, so that they do not overlap.
  const every = Math.max(1, Math.ceil(months.length / 8));
  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} class="trend-svg" preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % every === 0 ? (
            <text key={m} x={x(i)} y={H - PAD.bottom + 18} text-anchor="middle" class="axis">
              {monthLabel(m)}
            </text>
          ) : null,
        )}
        {series.map((s, k) => (
          <g key={s.id} class={"series " + STYLES[k % STYLES.length].cls}>
            <polyline points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} fill="none" stroke-width="2.5" stroke-dasharray={STYLES[k % STYLES.length].dash || undefined} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r="3" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((s, k) => (
            <li key={s.id} class={"series " + STYLES[k % STYLES.length].cls}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke-width="2.5" stroke-dasharray={STYLES[k % STYLES.length].dash || undefined} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details class="trend-table">
        <summary>{t("monitoring.trendTable")}</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t("monitoring.trendTable")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("monitoring.month")}</th>
                {series.map((s) => (
                  <th scope="col" key={s.id}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{monthLabel(m)}</th>
                  {series.map((s) => (
                    <td key={s.id} class="num">
                      {formatNumber(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
