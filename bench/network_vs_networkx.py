#!/usr/bin/python3
"""Times prosit's cooperation network analysis and NetworkX's on the same graphs, in the
same run, and prints the ratio. Run with Debian's python (it has networkx):

    /usr/bin/python3 bench/network_vs_networkx.py [BUILD_DIR]

For each size, build/bench/prosit_network_bench writes its deterministic graph and times
the full analysis (median of its runs); NetworkX then computes the metrics it has on the
same graph: density, degree centrality, betweenness, closeness, harmonic closeness,
components, core numbers, Louvain (seed 1) and modularity. Where an all-sources measure
would take NetworkX too long (the large graph), it runs from a sample of sources and the
time is scaled to all of them (cost is linear in the sources), marked "extrapolated".
E-I, brokerage and PARTNER scores have no NetworkX function and are not in its time.
"""

import os
import random
import re
import subprocess
import sys
import tempfile
import time

import networkx as nx

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SIZES = [(2000, 20000, None), (10000, 100000, 100)]  # (actors, ties, sampled sources)


def load(path):
    import json
    with open(path) as f:
        doc = json.load(f)
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in doc["nodes"])
    g.add_edges_from((e["a"], e["b"]) for e in doc["edges"])
    return g


def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def networkx_time(g, sample):
    n = g.number_of_nodes()
    parts = {}
    parts["density, degree, components, cores"] = timed(lambda: (
        nx.density(g), nx.degree_centrality(g), list(nx.connected_components(g)),
        nx.core_number(g)))
    if sample is None:
        parts["betweenness"] = timed(lambda: nx.betweenness_centrality(g))
        parts["closeness"] = timed(lambda: nx.closeness_centrality(g))
        parts["harmonic"] = timed(lambda: nx.harmonic_centrality(g))
    else:
        rng = random.Random(1)
        sources = rng.sample(list(g.nodes), sample)
        scale = n / sample
        parts["betweenness (extrapolated)"] = scale * timed(
            lambda: nx.betweenness_centrality(g, k=sample, seed=1))
        parts["closeness (extrapolated)"] = scale * timed(
            lambda: [nx.closeness_centrality(g, u=u) for u in sources])
        parts["harmonic (extrapolated)"] = scale * timed(
            lambda: nx.harmonic_centrality(g, sources=sources))
    parts["louvain + modularity"] = timed(lambda: nx.community.modularity(
        g, nx.community.louvain_communities(g, seed=1)))
    return parts


def main():
    bench = os.path.join(BUILD, "bench", "prosit_network_bench")
    for nodes, ties, sample in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "graph.json")
            out = subprocess.run([bench, "--nodes", str(nodes), "--ties", str(ties), "--runs", "3",
                                  "--write", path], capture_output=True, text=True, check=True)
            print(out.stdout, end="")
            ours = float(re.search(r"RESULT full_ms=([0-9.]+)", out.stdout).group(1)) / 1000
            g = load(path)
        parts = networkx_time(g, sample)
        total = sum(parts.values())
        print(f"NetworkX {nx.__version__} on the same graph ({g.number_of_nodes()} actors, "
              f"{g.number_of_edges()} ties):")
        for k, v in parts.items():
            print(f"  {k:40s} {v:9.2f} s")
        print(f"  {'total':40s} {total:9.2f} s")
        print(f"RATIO {nodes}/{ties}: prosit {ours:.2f} s, NetworkX {total:.1f} s"
              f"{' (partly extrapolated)' if sample else ''}, prosit is {total / ours:.0f}x faster\n")


if __name__ == "__main__":
    main()
