#!/usr/bin/python3
"""The NumPy reference for bench/accessibility_bench.cpp: the same E2SFCA (step weights
1, 0.68, 0.22 on thirds of the catchment; outreach with weight 1) on the same inputs,
written by the bench to DIR. Checks its figures against prosit's and times itself.

    accessibility_numpy.py DIR RUNS

Two implementations, both single-threaded (the bench sets the BLAS thread variables):
- sparse, vectorised (timed, median of RUNS): the legs within the longest catchment as
  three arrays sorted by minutes once (set-up, not timed), so a cell takes the prefix of
  legs within its catchment, keeps those whose destination has supply, weighs them with
  np.select and does both steps with np.bincount; outreach with np.add.reduceat.
  This is the fair comparison: it does no work on unreachable pairs either.
- sparse with step 1 kept (timed, median of RUNS), to compare with prosit keeping step 1:
  per mode and catchment the prefix of legs, their weights and each place's weighted
  children in reach are made once (set-up, not timed); a cell then only does step 2, one
  np.bincount over the prefix with the ratios of the supplied places (0 elsewhere).
- dense (one run, for reference): the textbook form with an n×n float64 weight matrix per
  cell, D = P·W and A = W·R (two matrix-vector products).
Writes the sparse median, the dense time and the sparse median with step 1 kept, for all
cells, in ms, to DIR/numpy_ms.txt.
"""

import json
import sys
import time

import numpy as np

STEPS = [(1 / 3, 1.0), (2 / 3, 0.68), (1.0, 0.22)]


def raw(d, name, dtype):
    return np.fromfile(f"{d}/{name}", dtype=dtype)


def step_weights(minutes, d0):
    bounds = [float(np.float32(s)) * d0 for s, _ in STEPS]
    values = [float(np.float32(w)) for _, w in STEPS]
    return np.select([minutes <= b for b in bounds], values, 0.0)


class Inputs:
    def __init__(self, d):
        self.cells = json.load(open(f"{d}/cells.json"))["cells"]
        self.demand = raw(d, "demand.f64", np.float64)
        self.n = len(self.demand)
        self.legs = {}
        for mode in ("pt", "car"):
            minutes = raw(d, f"legs_{mode}_minutes.f32", np.float32).astype(np.float64)
            order = np.argsort(minutes, kind="stable")
            self.legs[mode] = (raw(d, f"legs_{mode}_from.u32", np.uint32)[order].astype(np.int64),
                               raw(d, f"legs_{mode}_to.u32", np.uint32)[order].astype(np.int64),
                               minutes[order])
        self.type = raw(d, "card_type.u32", np.uint32)
        self.place = raw(d, "card_place.u32", np.uint32).astype(np.int64)
        self.capacity = raw(d, "card_capacity.f64", np.float64)
        self.outreach = raw(d, "card_outreach.u32", np.uint32).astype(bool)
        self.offsets = raw(d, "card_served_offsets.u32", np.uint32).astype(np.int64)
        self.served = raw(d, "card_served.u32", np.uint32).astype(np.int64)
        self.ours = [raw(d, f"access_{k}.f64", np.float64) for k in range(len(self.cells))]
        # Per cell: which cards belong (set-up, as prosit's bench does it before timing).
        self.members = []
        for c in self.cells:
            in_cell = np.isin(self.type, c["types"])
            self.members.append((np.nonzero(in_cell & ~self.outreach)[0],
                                 np.nonzero(in_cell & self.outreach)[0]))


def outreach_access(inp, cards, access):
    if len(cards) == 0:
        return
    starts, ends = inp.offsets[cards], inp.offsets[cards + 1]
    lengths = ends - starts
    idx = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    served = inp.served[idx]
    children = np.add.reduceat(inp.demand[served], np.cumsum(lengths) - lengths)
    ratio = np.where(children > 0, inp.capacity[cards] / np.where(children > 0, children, 1), 0)
    np.add.at(access, served, np.repeat(ratio, lengths))


def sparse_cell(inp, k):
    c = inp.cells[k]
    sites, outreach = inp.members[k]
    d0 = float(np.float32(c["max_minutes"]))
    frm, to, minutes = inp.legs[c["mode"]]
    within = np.searchsorted(minutes, d0, side="right")
    supply = np.bincount(inp.place[sites], weights=inp.capacity[sites], minlength=inp.n)
    keep = supply[to[:within]] > 0
    f, t, m = frm[:within][keep], to[:within][keep], minutes[:within][keep]
    w = step_weights(m, d0)
    reach = np.bincount(t, weights=inp.demand[f] * w, minlength=inp.n)
    ratio = np.where(reach > 0, supply / np.where(reach > 0, reach, 1), 0)
    access = np.bincount(f, weights=ratio[t] * w, minlength=inp.n)
    outreach_access(inp, outreach, access)
    return access


def kept_catchments(inp):
    kept = {}
    for c in inp.cells:
        d0 = float(np.float32(c["max_minutes"]))
        if (c["mode"], d0) in kept:
            continue
        frm, to, minutes = inp.legs[c["mode"]]
        within = np.searchsorted(minutes, d0, side="right")
        f, t = frm[:within], to[:within]
        w = step_weights(minutes[:within], d0)
        reach = np.bincount(t, weights=inp.demand[f] * w, minlength=inp.n)
        kept[(c["mode"], d0)] = (f, t, w, reach)
    return kept


def kept_cell(inp, k, kept):
    c = inp.cells[k]
    sites, outreach = inp.members[k]
    f, t, w, reach = kept[(c["mode"], float(np.float32(c["max_minutes"])))]
    supply = np.bincount(inp.place[sites], weights=inp.capacity[sites], minlength=inp.n)
    ratio = np.where(reach > 0, supply / np.where(reach > 0, reach, 1), 0)
    access = np.bincount(f, weights=ratio[t] * w, minlength=inp.n)
    outreach_access(inp, outreach, access)
    return access


def dense_cell(inp, k, dense_minutes):
    c = inp.cells[k]
    sites, outreach = inp.members[k]
    d0 = float(np.float32(c["max_minutes"]))
    t = dense_minutes[c["mode"]]
    w = np.where(t <= d0, step_weights(t, d0), 0.0)  # float64, n×n
    supply = np.bincount(inp.place[sites], weights=inp.capacity[sites], minlength=inp.n)
    reach = inp.demand @ w
    ratio = np.where(reach > 0, supply / np.where(reach > 0, reach, 1), 0)
    access = w @ ratio
    outreach_access(inp, outreach, access)
    return access


def agree(inp, results, label):
    worst = 0.0
    for k, a in enumerate(results):
        ours = inp.ours[k]
        scale = max(float(np.abs(ours).max()), 1e-300)
        worst = max(worst, float(np.max(np.abs(a - ours) / np.maximum(np.abs(ours), 1e-12 * scale))))
    if worst > 1e-9:
        sys.exit(f"{label}: prosit and NumPy differ (max relative difference {worst:.3g})")
    return worst


def main():
    d, runs = sys.argv[1], int(sys.argv[2])
    inp = Inputs(d)
    cells = range(len(inp.cells))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        results = [sparse_cell(inp, k) for k in cells]
        times.append((time.perf_counter() - t0) * 1000)
    sparse_ms = float(np.median(times))
    worst = agree(inp, results, "sparse")
    print(f"NumPy {np.__version__} sparse vectorised, {len(inp.cells)} cell inputs: "
          f"median {sparse_ms:.1f} ms ({runs} runs); same figures as prosit "
          f"(max relative difference {worst:.1e})")

    kept = kept_catchments(inp)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        results = [kept_cell(inp, k, kept) for k in cells]
        times.append((time.perf_counter() - t0) * 1000)
    kept_ms = float(np.median(times))
    worst = agree(inp, results, "sparse, step 1 kept")
    print(f"NumPy sparse vectorised with step 1 kept per catchment, {len(inp.cells)} cell inputs: "
          f"median {kept_ms:.1f} ms ({runs} runs); same figures (max relative difference {worst:.1e})")

    dense_minutes = {}
    for mode, (frm, to, minutes) in inp.legs.items():
        t = np.full((inp.n, inp.n), np.inf, dtype=np.float32)
        t[frm, to] = minutes
        dense_minutes[mode] = t
    t0 = time.perf_counter()
    results = [dense_cell(inp, k, dense_minutes) for k in cells]
    dense_ms = (time.perf_counter() - t0) * 1000
    worst = agree(inp, results, "dense")
    print(f"NumPy dense {inp.n}x{inp.n} float64 weights, {len(inp.cells)} cell inputs: "
          f"{dense_ms:.0f} ms (one run); same figures (max relative difference {worst:.1e})")
    with open(f"{d}/numpy_ms.txt", "w") as f:
        f.write(f"{sparse_ms}\n{dense_ms}\n{kept_ms}\n")


if __name__ == "__main__":
    main()
