// A cooperation network drawn with Cytoscape.js (loaded with import() when first
// shown): nodes coloured by sector and sized by a centrality, cross-border partners
// and ties drawn dashed. The page beside it gives the same figures as a table.
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorNote } from "../components";
import type { GraphEdge, GraphNode } from "./cytoscapeGraph";

export type { GraphEdge, GraphNode };

// Colours of sectors in order of first appearance; the legend uses the same classes.
export const SECTOR_COLORS = ["#1d4f91", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#17becf", "#8c564b"];

export function NetworkGraph({ nodes, edges, label }: { nodes: GraphNode[]; edges: GraphEdge[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let gone = false;
    let graph: { destroy(): void } | null = null;
    setDrawn(false);
    import("./cytoscapeGraph").then((m) => {
      if (gone || !box.current) return;
      graph = m.drawGraph(box.current, nodes, edges);
      setDrawn(true);
    }, setError);
    return () => {
      gone = true;
      graph?.destroy();
    };
  }, [nodes, edges]);
  return (
    <>
      {error ? <ErrorNote error={error} /> : null}
      <div ref={box} class="network-canvas" role="img" aria-label={label} data-drawn={drawn || undefined} />
    </>
  );
}
