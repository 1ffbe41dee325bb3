// A map of municipalities drawn on the boundaries the server ships
// (GET /api/v1/territory/municipalities.topo.json), so it works offline: each
// municipality coloured by `colorOf`, optional points (services), a legend and a scale
// bar. Leaflet is loaded with import() when the first map is shown. Clicking a
// municipality calls `onPick`; for the keyboard, pages offer the same choice in a field.
import { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import { ErrorNote } from "../components";
import type { MapHandle, MapPoint } from "./leafletMap";
import "../styles/map.css";

export type { MapPoint };

// The map's colour classes, lightest (worst) to darkest (best); the legend's swatches
// use the same colours by class (.swatch-0 …) in styles/map.css.
export const PALETTE = ["#d7301f", "#fc8d59", "#fdcc8a", "#a6d96a", "#1a9641"];
export const NO_DATA = "#d0d4d9";

export interface LegendItem {
  swatch: number | "none" | "point" | "hypothetical";
  label: string;
}

export interface MunicipalityMapProps {
  region?: string;
  orp?: string;
  label: string; // what the map shows, for screen readers
  colorOf: (code: string, orp: string) => string;
  titleOf?: (code: string, name: string) => string;
  legendTitle: string;
  legend: LegendItem[];
  points?: MapPoint[];
  selected?: string | null;
  onPick?: (code: string, name: string, lat: number, lon: number) => void;
  children?: ComponentChildren; // below the legend (notes, a table link)
}

const shapes = new Map<string, Promise<any>>();

// The boundaries of a region, an ORP or the country, fetched once per page load (the
// server's ETag and Cache-Control keep the browser's copy fresh across loads).
export function loadShapes(region?: string, orp?: string): Promise<any> {
  const key = (region ?? "") + "|" + (orp ?? "");
  let p = shapes.get(key);
  if (!p) {
    p = get<any>("/api/v1/territory/municipalities.topo.json", { region, orp });
    p.catch(() => shapes.delete(key));
    shapes.set(key, p);
  }
  return p;
}

export function MunicipalityMap(props: MunicipalityMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [error, setError] = useState<unknown>(null);
  const [drawn, setDrawn] = useState(0);
  // The boundaries and Leaflet load once the map comes into view (on a phone the catalog's
  // map lies below the results).
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (seen || !box.current) return;
    if (typeof IntersectionObserver === "undefined") return setSeen(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: "200px" });
    io.observe(box.current);
    return () => io.disconnect();
  }, [seen]);

  useEffect(() => {
    if (!seen) return;
    let gone = false;
    const started = performance.now();
    setDrawn(0);
    Promise.all([import("./leafletMap"), loadShapes(props.region, props.orp)]).then(([m, topology]) => {
      if (gone || !box.current) return;
      handle.current?.destroy();
      const building = performance.now();
      const h = m.createMap(box.current, {
        topology,
        texts: { zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut") },
        colorOf: (c, o) => latest.current.colorOf(c, o),
        titleOf: (c, n) => (latest.current.titleOf ? latest.current.titleOf(c, n) : n),
        onPick: (c, n, lat, lon) => latest.current.onPick?.(c, n, lat, lon),
      });
      handle.current = h;
      h.setPoints(latest.current.points ?? []);
      h.setSelected(latest.current.selected ?? null);
      setDrawn(h.count);
      // For the benchmark and the tests: when the polygons were drawn, and how fast.
      requestAnimationFrame(() =>
        document.dispatchEvent(new CustomEvent("prosit:map-drawn", { detail: { count: h.count, ms: performance.now() - started, drawMs: performance.now() - building, ...h.timings } })),
      );
    }, (e) => !gone && setError(e));
    return () => {
      gone = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [props.region, props.orp, seen]);

  useEffect(() => {
    if (!handle.current) return;
    const started = performance.now();
    handle.current.restyle((c, o) => latest.current.colorOf(c, o));
    // For the benchmark: how long colouring every municipality again takes, to the next frame.
    requestAnimationFrame(() => document.dispatchEvent(new CustomEvent("prosit:map-restyled", { detail: { ms: performance.now() - started } })));
  }, [props.colorOf]);
  useEffect(() => handle.current?.setPoints(props.points ?? []), [props.points, drawn]);
  useEffect(() => handle.current?.setSelected(props.selected ?? null), [props.selected, drawn]);

  return (
    <figure class="muni-map">
      {error ? <ErrorNote error={error} /> : null}
      <div ref={box} class="muni-map-canvas" role="region" aria-label={props.label} data-drawn={drawn || undefined} />
      <figcaption class="map-legend">
        <strong>{props.legendTitle}</strong>
        <ul>
          {props.legend.map((item) => (
            <li key={item.label}>
              <span class={"swatch swatch-" + item.swatch} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
        {drawn ? <p class="muted small">{t("map.drawn", { count: drawn })}</p> : <p class="muted small">{t("map.loading")}</p>}
        {props.children}
      </figcaption>
    </figure>
  );
}
