// The Cytoscape side of NetworkGraph, loaded with import() when a graph is first shown.
import cytoscape from "cytoscape";

export interface GraphNode {
  id: string;
  label: string;
  color: string;
  size: number; // 0..1, from the chosen centrality
  outside?: boolean; // seated outside the territory (a cross-border partner)
}

export interface GraphEdge {
  source: string;
  target: string;
  border?: boolean; // crosses the territory's border
}

// Cytoscape adds a <style> element (one rule: its container position: relative) unless an
// element with this id exists. The Content-Security-Policy refuses inline styles, so the
// rule lives in styles/analysis.css and a marker stands in for the element.
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

export function drawGraph(container: HTMLElement, nodes: GraphNode[], edges: GraphEdge[]): { destroy(): void } {
  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
    const marker = document.createElement("meta");
    marker.id = CYTOSCAPE_STYLESHEET_ID;
    document.head.appendChild(marker);
  }
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.label, color: n.color, size: 14 + 36 * n.size }, classes: n.outside ? "outside" : "" })),
      ...edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target }, classes: e.border ? "border" : "" })),
    ],
    style: [
      { selector: "node", style: { "background-color": "data(color)", width: "data(size)", height: "data(size)", "border-width": 1, "border-color": "#1b1f24", label: "", "font-size": 9 } },
      { selector: "node.outside", style: { shape: "diamond", "background-color": "#ffffff", "border-width": 2, "border-style": "dashed" } },
      { selector: "node:selected", style: { label: "data(label)", "border-width": 3 } },
      { selector: "edge", style: { width: 1, "line-color": "#8a96a3", "curve-style": "haystack" } },
      { selector: "edge.border", style: { width: 2, "line-color": "#a3261b", "line-style": "dashed", "curve-style": "bezier" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60, numIter: 600 } as any,
    wheelSensitivity: 0.3,
  });
  return { destroy: () => cy.destroy() };
}
