// The Leaflet side of MunicipalityMap, loaded with import() when a map is first shown so
// that Leaflet and topojson-client stay out of the initial JavaScript. Polygons are drawn
// on one canvas (6,258 municipalities as SVG paths would be slow to draw and to pan).
import L from "leaflet";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import "leaflet/dist/leaflet.css";

// A point by its coordinates, or at the middle of a municipality of the map by its code.
export interface MapPoint {
  lat?: number;
  lon?: number;
  code?: string;
  title: string;
  kind?: "service" | "hypothetical";
}

export interface MapTexts {
  zoomIn: string;
  zoomOut: string;
}

export interface MapOptions {
  topology: any;
  texts: MapTexts;
  colorOf: (code: string, orp: string) => string;
  titleOf: (code: string, name: string) => string;
  onPick?: (code: string, name: string, lat: number, lon: number) => void;
}

export interface MapHandle {
  // Colours every municipality again (a new analysis or another mode).
  restyle(colorOf: (code: string, orp: string) => string): void;
  setPoints(points: MapPoint[]): void;
  setSelected(code: string | null): void;
  // How many municipalities are drawn.
  count: number;
  // Where the drawing's time went (ms), for the benchmark.
  timings: Record<string, number>;
  destroy(): void;
}

type Props = { name?: string; orp_code?: string };

export function createMap(container: HTMLElement, o: MapOptions): MapHandle {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const collection = feature(o.topology, o.topology.objects.municipalities) as unknown as FeatureCollection<Geometry, Props>;
  timings.topojsonMs = performance.now() - t0;
  const renderer = L.canvas({ padding: 0.5 });
  const map = L.map(container, {
    renderer,
    preferCanvas: true,
    zoomControl: false,
    attributionControl: false,
    zoomSnap: 0.25,
    minZoom: 6,
    maxZoom: 13,
  });
  L.control.zoom({ zoomInTitle: o.texts.zoomIn, zoomOutTitle: o.texts.zoomOut }).addTo(map);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
  let colorOf = o.colorOf;
  let selected: string | null = null;
  const styleOf = (f?: Feature<Geometry, Props>): L.PathOptions => {
    const code = String(f?.id ?? "");
    const on = code === selected;
    return { color: on ? "#1b1f24" : "#ffffff", weight: on ? 2.5 : 0.4, fillColor: colorOf(code, f?.properties?.orp_code ?? ""), fillOpacity: 0.85 };
  };
  const started = performance.now();
  const layer = L.geoJSON(collection, { style: styleOf });
  const built = performance.now();
  // One tooltip and one click handler for the whole group (not one per municipality: with
  // 6,258 of them that alone would cost a good part of the budget).
  const featureOf = (l: L.Layer) => (l as any).feature as Feature<Geometry, Props>;
  layer.bindTooltip((l: L.Layer) => {
    const f = featureOf(l);
    return o.titleOf(String(f.id), f.properties?.name ?? String(f.id));
  }, { sticky: true });
  if (o.onPick)
    layer.on("click", (e: L.LeafletMouseEvent) => {
      const f = featureOf(e.propagatedFrom ?? e.sourceTarget);
      o.onPick!(String(f.id), f.properties?.name ?? String(f.id), e.latlng.lat, e.latlng.lng);
    });
  layer.addTo(map);
  timings.layersMs = built - started;
  timings.addMs = performance.now() - built;
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([49.8, 15.5], 7);
  const points = L.layerGroup().addTo(map);
  const byCode = new Map<string, L.Path>();
  layer.eachLayer((l: any) => byCode.set(String(l.feature.id), l));

  return {
    count: collection.features.length,
    timings,
    restyle(next) {
      colorOf = next;
      layer.setStyle(styleOf as L.StyleFunction);
    },
    setPoints(list) {
      points.clearLayers();
      for (const p of list) {
        const hypo = p.kind === "hypothetical";
        const shape = p.code ? (byCode.get(p.code) as L.Polygon | undefined) : undefined;
        const at = shape ? shape.getBounds().getCenter() : p.lat != null && p.lon != null ? L.latLng(p.lat, p.lon) : null;
        if (!at) continue;
        L.circleMarker(at, {
          radius: hypo ? 8 : 5,
          color: hypo ? "#a3261b" : "#153a6b",
          weight: 2,
          fillColor: hypo ? "#f2a900" : "#1d4f91",
          fillOpacity: 0.95,
        })
          .bindTooltip(p.title)
          .addTo(points);
      }
    },
    setSelected(code) {
      const before = selected ? byCode.get(selected) : undefined;
      selected = code;
      if (before) before.setStyle(styleOf((before as any).feature));
      const now = code ? byCode.get(code) : undefined;
      if (now) {
        now.setStyle(styleOf((now as any).feature));
        now.bringToFront();
      }
    },
    destroy() {
      map.remove();
    },
  };
}
