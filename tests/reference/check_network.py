#!/usr/bin/python3
"""Checks prosit's cooperation network analysis against NetworkX and python-igraph.

Generates graphs (random with fixed seeds, clustered, disconnected, with isolates, a star, a
path, tiny and empty ones), runs tests/tools/network_probe on each, and compares every
metric with NetworkX or with an independent computation here. Community partitions differ
between implementations, so the modularity of prosit's (Leiden) partition is checked with
NetworkX and compared with python-igraph's multilevel (Louvain) partition of the same graph,
and each of its communities must be connected (what Leiden guarantees and Louvain does not).

    /usr/bin/python3 tests/reference/check_network.py build/tests/network_probe
"""

import itertools
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

SECTORS = ["ospod", "social", "education", "health", "police_justice", "ngo_church"]
TYPES = ["information_sharing", "referral", "joint_case_work", "shared_platform"]
TOL = 1e-9
failures = []


def check(name, ours, theirs, tol=TOL):
    if ours is None or theirs is None:
        ok = ours is None and theirs is None
    elif isinstance(theirs, (int, float)):
        ok = math.isclose(ours, theirs, rel_tol=tol, abs_tol=tol)
    else:
        ok = ours == theirs
    if not ok:
        failures.append(f"{name}: prosit {ours!r} != reference {theirs!r}")


def make_graph(n, m, seed, sectors=SECTORS, blocks=None, multiplex=True):
    """n actors with sectors, m random ties (some pairs get several types, some are
    derived from meetings, some carry PARTNER ratings). blocks: ties mostly inside blocks."""
    rng = random.Random(seed)
    nodes = [{"id": 10 * (i + 1), "sector": rng.choice(sectors)} for i in range(n)]
    edges = []
    for _ in range(m):
        if n < 2:
            break
        a, b = rng.sample(range(n), 2)
        if blocks and rng.random() < 0.9:  # stay inside the block of a
            size = n // blocks
            base = (a // size) * size
            b = base + rng.randrange(min(size, n - base))
            if a == b:
                continue
        e = {"a": nodes[a]["id"], "b": nodes[b]["id"]}
        r = rng.random()
        if multiplex and r < 0.15:
            e.update(type="co_attendance", meetings=rng.randint(1, 5))
        else:
            e["type"] = rng.choice(TYPES)
            if multiplex and r > 0.6:
                items = ["power_influence", "involvement", "resource_contribution",
                         "reliability", "mission_support", "openness"]
                e["ratings"] = {k: rng.randint(1, 4) for k in rng.sample(items, rng.randint(1, 6))}
        edges.append(e)
    return {"nodes": nodes, "edges": edges}


def fixed(nodes, pairs, sectors=None):
    return {"nodes": [{"id": v, "sector": (sectors or {}).get(v, "ospod")} for v in nodes],
            "edges": [{"a": a, "b": b, "type": "referral"} for a, b in pairs]}


def cases():
    yield "random 200/400", make_graph(200, 400, 1)
    yield "random 400/1600", make_graph(400, 1600, 2)
    yield "clustered 300", make_graph(300, 1200, 3, blocks=6)
    yield "sparse with isolates 300/200", make_graph(300, 200, 4)
    # Large enough for the searches to be split over threads (blocks of 256 sources).
    yield "sparse, searched on threads 1100/2400", make_graph(1100, 2400, 9)
    yield "two sectors 120/300", make_graph(120, 300, 5, sectors=["ospod", "education"])
    yield "one sector 80/160", make_graph(80, 160, 6, sectors=["health"])
    two = make_graph(60, 150, 7)
    other = make_graph(50, 120, 8)
    for nd in other["nodes"]:
        nd["id"] += 100000
    for e in other["edges"]:
        e["a"] += 100000
        e["b"] += 100000
    yield "two components + isolates", {
        "nodes": two["nodes"] + other["nodes"] + [{"id": 999999, "sector": "leisure"}],
        "edges": two["edges"] + other["edges"]}
    yield "star 12", fixed(range(1, 13), [(1, v) for v in range(2, 13)],
                           {v: "social" for v in range(2, 7)})
    yield "path 7", fixed(range(1, 8), [(v, v + 1) for v in range(1, 7)],
                          {2: "health", 5: "health"})
    yield "no ties 5", fixed(range(1, 6), [])
    yield "two actors", fixed([1, 2], [(1, 2)], {2: "health"})
    yield "one actor", fixed([1], [])
    yield "empty", fixed([], [])


def run_probe(probe, graph):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(graph, f)
    try:
        out = subprocess.run([probe, f.name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)

    def no_nan(c):
        raise AssertionError(f"non-finite number {c} in the probe's JSON")
    return json.loads(out, parse_constant=no_nan)


def to_nx(graph):
    g = nx.Graph()
    for nd in graph["nodes"]:
        g.add_node(nd["id"], sector=nd["sector"])
    for e in graph["edges"]:
        if e["a"] != e["b"]:
            g.add_edge(e["a"], e["b"])
    return g


def freeman(values, most):
    top = max(values)
    return sum(top - v for v in values) / most


def brokerage_by_hand(g, sector):
    roles = {v: dict(coordinator=0, itinerant=0, representative_gatekeeper=0, liaison=0)
             for v in g}
    for b in g:
        for a, c in itertools.combinations(sorted(g[b]), 2):
            if g.has_edge(a, c):
                continue
            sa, sb, sc = sector[a], sector[b], sector[c]
            if sa == sb == sc:
                role = "coordinator"
            elif sa == sc:
                role = "itinerant"
            elif sa == sb or sc == sb:
                role = "representative_gatekeeper"
            else:
                role = "liaison"
            roles[b][role] += 1
    return roles


def mean_items(ratings, items):
    vals = [ratings[k] for k in items if k in ratings]
    return sum(vals) / len(vals) if vals else None


def compare(name, graph, out):
    g = to_nx(graph)
    n = g.number_of_nodes()
    sector = nx.get_node_attributes(g, "sector")
    nodes = {int(k): v for k, v in out["nodes"].items()}
    check(f"{name} actors", out["actors"], n)
    check(f"{name} ties", out["ties"], g.number_of_edges())
    check(f"{name} density", out["density"], nx.density(g) if n >= 2 else None)
    check(f"{name} components", out["components"], nx.number_connected_components(g))
    check(f"{name} component sizes", out["component_sizes"],
          sorted((len(c) for c in nx.connected_components(g)), reverse=True))
    check(f"{name} isolates", out["isolates"], nx.number_of_isolates(g))

    deg_c = nx.degree_centrality(g) if n >= 2 else {}
    btw = nx.betweenness_centrality(g, normalized=True) if n >= 3 else {}
    btw_raw = nx.betweenness_centrality(g, normalized=False)
    clo = nx.closeness_centrality(g) if n >= 2 else {}
    harm = nx.harmonic_centrality(g)
    core = nx.core_number(g)
    for v in g:
        p = nodes[v]
        check(f"{name} degree {v}", p["degree"], g.degree(v))
        check(f"{name} degree centrality {v}", p["degree_centrality"], deg_c.get(v))
        check(f"{name} betweenness {v}", p["betweenness"], btw.get(v))
        check(f"{name} raw betweenness {v}", p["betweenness_raw"], btw_raw[v])
        check(f"{name} closeness {v}", p["closeness"], clo.get(v))
        check(f"{name} harmonic {v}", p["harmonic"], harm[v] / (n - 1) if n >= 2 else None)
        check(f"{name} coreness {v}", p["coreness"], core[v])

    if n >= 3:
        check(f"{name} degree centralization", out["degree_centralization"],
              freeman([d for _, d in g.degree()], (n - 1) * (n - 2)))
        check(f"{name} betweenness centralization", out["betweenness_centralization"],
              freeman(list(btw_raw.values()), (n - 1) ** 2 * (n - 2) / 2))
        check(f"{name} closeness centralization", out["closeness_centralization"],
              freeman(list(clo.values()), (n - 1) * (n - 2) / (2 * n - 3)))
    else:
        check(f"{name} degree centralization", out["degree_centralization"], None)

    # Communities: the modularity prosit reports is that of its partition, and that
    # partition is about as good as python-igraph's.
    if g.number_of_edges() == 0:
        check(f"{name} modularity", out["modularity"], None)
    else:
        groups = {}
        for v in g:
            groups.setdefault(nodes[v]["community"], set()).add(v)
        check(f"{name} modularity", out["modularity"],
              nx.community.modularity(g, groups.values()), tol=1e-7)
        for c, members in groups.items():
            if not nx.is_connected(g.subgraph(members)):
                failures.append(f"{name}: community {c} is not connected")
        # Louvain's result varies with its random order: compare with the median of
        # python-igraph's over seven seeds.
        ig = igraph.Graph.from_networkx(g)
        runs = []
        for seed in range(7):
            random.seed(seed)
            runs.append(ig.community_multilevel().modularity)
        theirs = statistics.median(runs)
        if out["modularity"] < 0.95 * theirs - 1e-9:
            failures.append(f"{name}: modularity {out['modularity']:.4f} < 0.95 × "
                            f"python-igraph's median {theirs:.4f}")

    # E-I and block densities, counted here from the pairs.
    ext = sum(1 for a, b in g.edges if sector[a] != sector[b])
    internal = g.number_of_edges() - ext
    check(f"{name} E-I", out["ei"], (ext - internal) / (ext + internal) if ext + internal else None)
    if n >= 2:
        pairs = n * (n - 1) / 2
        within = sum(1 for a, b in itertools.combinations(g, 2) if sector[a] == sector[b])
        check(f"{name} expected E-I", out["expected_ei"], (pairs - 2 * within) / pairs)
    for s in set(sector.values()):
        e = sum(1 for a, b in g.edges if (sector[a] == s) != (sector[b] == s))
        i = sum(1 for a, b in g.edges if sector[a] == s and sector[b] == s)
        check(f"{name} E-I of {s}", out["sector_ei"][s], (e - i) / (e + i) if e + i else None)
    for v in g:
        e = sum(1 for w in g[v] if sector[w] != sector[v])
        i = g.degree(v) - e
        check(f"{name} E-I of {v}", nodes[v]["ei"], (e - i) / (e + i) if e + i else None)
    size = {s: sum(1 for v in g if sector[v] == s) for s in set(sector.values())}
    for b in out["blocks"]:
        sa, sb = b["a"], b["b"]
        ties = sum(1 for x, y in g.edges if {sector[x], sector[y]} == {sa, sb}) if sa != sb else \
            sum(1 for x, y in g.edges if sector[x] == sector[y] == sa)
        possible = size[sa] * (size[sa] - 1) / 2 if sa == sb else size[sa] * size[sb]
        check(f"{name} block {sa}/{sb}", b["density"], ties / possible if possible else None)

    # Brokerage, counted pair by pair.
    roles = brokerage_by_hand(g, sector)
    for v in g:
        check(f"{name} brokerage of {v}", nodes[v]["brokerage"], roles[v])
    for s in set(sector.values()):
        total = {r: sum(roles[v][r] for v in g if sector[v] == s) for r in roles[next(iter(g))]}
        check(f"{name} brokerage of sector {s}", out["brokerage_by_sector"][s], total)

    # Multiplexity and PARTNER scores from the input ties.
    types = {}
    trust, value = [], []
    actor_trust = {v: [] for v in g}
    for e in graph["edges"]:
        if e["a"] == e["b"]:
            continue
        types.setdefault(frozenset((e["a"], e["b"])), set()).add(e["type"])
        r = e.get("ratings", {})
        t = mean_items(r, ["reliability", "mission_support", "openness"])
        if t is not None:
            trust.append(t)
            actor_trust[e["a"]].append(t)
            actor_trust[e["b"]].append(t)
        val = mean_items(r, ["power_influence", "involvement", "resource_contribution"])
        if val is not None:
            value.append(val)
    check(f"{name} multiplex ties", out["multiplex_ties"],
          sum(1 for t in types.values() if len(t) >= 2))
    check(f"{name} mean multiplexity", out["mean_multiplexity"],
          sum(len(t) for t in types.values()) / len(types) if types else None)
    check(f"{name} trust", out["trust"], sum(trust) / len(trust) if trust else None)
    check(f"{name} value", out["value"], sum(value) / len(value) if value else None)
    for v in g:
        ts = actor_trust[v]
        check(f"{name} trust of {v}", nodes[v]["trust"], sum(ts) / len(ts) if ts else None)


def main():
    probe = sys.argv[1]
    count = 0
    for name, graph in cases():
        out = run_probe(probe, graph)
        compare(name, graph, out)
        count += 1
    if failures:
        print("\n".join(failures[:50]))
        print(f"{len(failures)} mismatches")
        return 1
    print(f"{count} graphs: every metric agrees with NetworkX / python-igraph / the hand count")
    return 0


if __name__ == "__main__":
    sys.exit(main())
