#!/usr/bin/python3
"""Cross-check of prosit's E2SFCA (src/analysis/accessibility.cpp) against an independent
NumPy implementation with dense matrices, on several generated datasets and on PySAL
access's hospital example.

    check_accessibility.py path/to/accessibility_probe

Each case is written as JSON, the probe computes it, and this script computes the same
quantities its own way: a dense n×n matrix of minutes (inf where unreachable), a dense
weight matrix W, D = Pᵀ·W, R = S/D, A = W·R. Times are float32, as prosit stores them;
the reference reads the same float32 values. Exits non-zero on the first mismatch.
"""

import json
import math
import subprocess
import sys
import tempfile

import numpy as np

RTOL = 1e-9
GAUSS_EDGE = math.exp(-0.5)
DEFAULT_STEPS = [[1 / 3, 1.0], [2 / 3, 0.68], [1.0, 0.22]]


def f32(x):
    """The double that a float32 holds: how prosit reads minutes, shares and d0."""
    return float(np.float32(x))


def sane(values):
    v = np.array([float(x) for x in values], dtype=np.float64)
    return np.where(np.isfinite(v) & (v > 0), v, 0.0)


def weights(t, catchment):
    """Dense W from dense minutes `t` (inf = unreachable)."""
    d0 = f32(catchment["max_minutes"])
    if not d0 > 0:  # a catchment of no minutes reaches nothing
        return np.zeros_like(t)
    inside = t <= d0
    decay = catchment["decay"]
    safe = np.where(inside, t, 0.0)
    if decay == "binary":
        w = np.ones_like(t)
    elif decay == "step":
        zones = catchment.get("steps", DEFAULT_STEPS)
        w = np.zeros_like(t)
        # Walk zones from the farthest in, so the nearer zone wins at a shared bound.
        for share, weight in reversed(zones):
            w = np.where(safe <= f32(share) * d0, f32(weight), w)
    elif decay == "gaussian":
        x = safe / d0
        w = np.maximum(0.0, (np.exp(-0.5 * x * x) - GAUSS_EDGE) / (1 - GAUSS_EDGE))
    elif decay == "inverse":
        w = 1.0 / np.maximum(safe, 1.0)
    else:
        raise ValueError(decay)
    return np.where(inside, w, 0.0)


def reference(case):
    p = sane(case["demand"])
    n = len(p)
    cutoff = f32(case.get("cutoff", 1e9))
    t = np.full((n, n), np.inf)
    if "legs" in case:
        for i, j, m in case["legs"]:
            m = f32(m)
            if 0 <= m <= cutoff:
                t[i, j] = min(t[i, j], m)
    if "matrix" in case:
        for i, row in enumerate(case["matrix"]):
            for j, m in enumerate(row):
                if m is not None and 0 <= f32(m) <= cutoff:
                    t[i, j] = min(t[i, j], f32(m))
    w = weights(t, case["catchment"])
    reach = p @ w  # reach[j] = Σ_k P_k·W[k, j]: children weighted by travel k → j

    sites = case.get("sites", [])
    places = np.array([s[0] for s in sites], dtype=np.int64)
    caps = sane([s[1] for s in sites])
    ok = places < n
    supply = np.bincount(places[ok], weights=caps[ok], minlength=n)
    has = reach > 0
    ratio_place = np.where(has, supply / np.where(has, reach, 1), 0.0)
    access = w @ ratio_place  # A_i = Σ_j W[i, j]·R_j
    site_has = np.array([pl < n and has[pl] for pl in places], dtype=bool)
    site_ratio = np.where(site_has, caps / np.where(site_has, reach[np.minimum(places, n - 1)], 1), 0)
    without = [i for i in range(len(sites)) if not site_has[i]]
    supply_without = float(caps[~site_has].sum()) if len(sites) else 0.0

    outreach_ratio, outreach_without = [], []
    for k, o in enumerate(case.get("outreach", [])):
        served = np.unique([q for q in o["places"] if q < n]).astype(np.int64)
        cap = sane([o["capacity"]])[0]
        # Served places at weight 1; with an office, every other place at the office's
        # weight (the better of the two: W <= 1).
        wk = np.zeros(n)
        office = o.get("office")
        if office is not None and office < n:
            wk = w[:, office].copy()
        wk[served] = 1.0
        children = (p * wk).sum()
        if children > 0:
            outreach_ratio.append(cap / children)
            access += wk * (cap / children)
        else:
            outreach_ratio.append(0.0)
            outreach_without.append(k)
            supply_without += cap
    supply_total = float(caps.sum()) + float(sum(sane([o["capacity"]])[0] for o in case.get("outreach", [])))
    return {
        "access": access,
        "site_ratio": site_ratio,
        "outreach_ratio": np.array(outreach_ratio),
        "supply_total": supply_total,
        "supply_without_demand": supply_without,
        "sites_without_demand": without,
        "outreach_without_demand": outreach_without,
        "demand": p,
    }


def run_probe(probe, case):
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(case, f)
        f.flush()
        out = subprocess.run([probe, f.name], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def numbers(values, name):
    for v in values:
        if not isinstance(v, (int, float)):
            raise AssertionError(f"{name}: non-finite value {v!r} leaked")
    return np.array(values, dtype=np.float64)


def close(ours, ref, name):
    ours = np.atleast_1d(numbers(np.atleast_1d(ours).tolist(), name))
    ref = np.atleast_1d(np.asarray(ref, dtype=np.float64))
    if ours.shape != ref.shape:
        raise AssertionError(f"{name}: shape {ours.shape} vs {ref.shape}")
    scale = float(np.max(np.abs(ref))) if ref.size else 0.0
    bad = ~np.isclose(ours, ref, rtol=RTOL, atol=1e-12 * scale)
    if bad.any():
        i = int(np.argmax(bad))
        raise AssertionError(f"{name}[{i}]: ours {ours[i]!r}, NumPy {ref[i]!r} ({int(bad.sum())} differ)")


def check(probe, name, case, expect_access=None):
    ours = run_probe(probe, case)
    ref = reference(case)
    for key in ("access", "site_ratio", "outreach_ratio", "supply_total", "supply_without_demand"):
        close(ours[key], ref[key], f"{name}: {key}")
    for key in ("sites_without_demand", "outreach_without_demand"):
        if ours[key] != ref[key]:
            raise AssertionError(f"{name}: {key} {ours[key][:10]} vs {ref[key][:10]}")
    # The invariant: the children's weighted access adds up to the supply that has demand.
    served = float(ref["demand"] @ numbers(ours["access"], name))
    expected = ours["supply_total"] - ours["supply_without_demand"]
    if not math.isclose(served, expected, rel_tol=RTOL, abs_tol=1e-9):
        raise AssertionError(f"{name}: Σ P·A = {served!r}, supply with demand {expected!r}")
    if expect_access is not None:
        close(ours["access"], expect_access, f"{name}: published")
    reached = len(ours["site_ratio"]) - len(ours["sites_without_demand"])
    print(f"ok  {name}: {len(case['demand'])} places, {len(case.get('sites', []))} sites "
          f"({reached} with demand), Σ P·A = {served:.6g}")
    return ours


# --- datasets ---------------------------------------------------------------------------

def random_case(seed, n=300, n_sites=400, zero_share=0.0, cutoff=60.0, asymmetric=False,
                drop_share=0.0, dense=False):
    """Places on a 100 × 100 km square; minutes = 2 + 1.1·km (float32), sparse within
    `cutoff`; optionally asymmetric, with random pairs dropped (unreachable) and a share of
    places without children."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 100, size=(n, 2))
    km = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    minutes = 2 + 1.1 * km
    if asymmetric:
        minutes = minutes * rng.uniform(0.8, 1.3, size=(n, n))
    minutes = minutes.astype(np.float32)
    keep = minutes <= cutoff
    if drop_share:
        keep &= rng.uniform(size=(n, n)) >= drop_share
        np.fill_diagonal(keep, True)
    demand = rng.integers(0, 2000, size=n).astype(float)
    demand[rng.uniform(size=n) < zero_share] = 0
    sites = [[int(rng.integers(n)), float(rng.integers(1, 60))] for _ in range(n_sites)]
    case = {"demand": demand.tolist(), "cutoff": cutoff, "sites": sites}
    if dense:
        case["matrix"] = [[float(minutes[i, j]) if keep[i, j] else None for j in range(n)]
                          for i in range(n)]
    else:
        i, j = np.nonzero(keep)
        case["legs"] = [[int(a), int(b), float(minutes[a, b])] for a, b in zip(i, j)]
    return case


def with_catchment(case, **catchment):
    return dict(case, catchment=catchment)


def bad_input_case():
    """Zero-population places, a place nobody reaches, bad capacities and outreach."""
    case = random_case(11, n=120, n_sites=150, zero_share=0.3)
    case["demand"][5] = "nan"
    case["demand"][6] = -40
    # Place 119 is an island: no legs to or from it, no children, two sites.
    case["legs"] = [l for l in case["legs"] if 119 not in (l[0], l[1])]
    case["demand"][119] = 0
    case["sites"] += [[119, 25.0], [119, 5.0], [3, "nan"], [4, "inf"], [7, -12.0], [8, 0.0],
                      [500, 9.0]]  # 500: out of range
    case["outreach"] = [{"places": [1, 2, 2, 3], "capacity": 30.0},
                        {"places": [119], "capacity": 4.0},  # no children there
                        {"places": [9, 10], "capacity": "nan"},
                        {"places": [11, 999], "capacity": 2.5},
                        # An office beside outreach: it reaches the unserved places too.
                        {"places": [20, 21], "capacity": 12.0, "office": 40},
                        {"places": [22], "capacity": 6.0, "office": 22}]
    return case


def boundary_case():
    """Legs exactly at the zone bounds (exact shares 1/4, 1/2, 1 of 40 minutes) and just
    beyond them: a bound belongs to the nearer zone, beyond d0 counts nothing."""
    just = float(np.nextafter(np.float32(10), np.float32(100)))
    times = [0, 10, just, 20, 30, 40, float(np.nextafter(np.float32(40), np.float32(100)))]
    n = len(times) + 1
    legs = [[0, 0, 0.0]] + [[k + 1, 0, t] for k, t in enumerate(times)]
    legs += [[0, k + 1, t] for k, t in enumerate(times)]
    demand = [100.0] + [10.0 * (k + 1) for k in range(len(times))]
    return {"demand": demand, "legs": legs, "sites": [[0, 12.0]], "cutoff": 90}


def hospital_cases():
    """PySAL access's hospital example (access/tests/test_hospital_example.py): three
    tracts (pop 100, 50, 10; doctors 15, 20, 100), four scenarios of travel costs, gravity
    weights 1/t and max cost 61. The expected figures are what that test's reference
    `simple_2sfca` gives (and Access.two_stage_fca is asserted to equal), worked out
    exactly; PySAL's raw two_stage_fca is E2SFCA with W = 1/t, no normalisation."""
    scenarios = [  # inbound (1,2 → 3), outbound (3 → 1,2), cross-city (1 ↔ 2)
        ((40, 40, 80), [0.3314441169802766, 0.5798281320669381, 7.286418169862544]),
        ((20, 40, 80), [0.43534022087638047, 0.6837242359630419, 5.727976611420986]),
        ((40, 20, 80), [0.3310719131614654, 0.5778577857785778, 7.299991939492457]),
        ((20, 20, 40), [0.44256839539858406, 0.6667582799658271, 5.7405246461850234]),
    ]
    for k, ((inbound, outbound, cross), published) in enumerate(scenarios):
        legs = [[0, 0, 1], [1, 1, 1], [2, 2, 1], [0, 2, inbound], [1, 2, inbound],
                [2, 0, outbound], [2, 1, outbound], [0, 1, cross], [1, 0, cross]]
        case = {"demand": [100, 50, 10], "legs": legs, "sites": [[0, 15], [1, 20], [2, 100]],
                "cutoff": 1000, "catchment": {"max_minutes": 61, "decay": "inverse"}}
        yield f"PySAL hospital scenario {k}", case, published


def main():
    probe = sys.argv[1]
    base = random_case(1)
    check(probe, "random, step 30 min", with_catchment(base, max_minutes=30, decay="step"))
    check(probe, "random, gaussian 45 min",
          with_catchment(base, max_minutes=45, decay="gaussian"))
    check(probe, "random, binary 20 min (2SFCA)",
          with_catchment(base, max_minutes=20, decay="binary"))
    check(probe, "random, inverse 61 min", with_catchment(base, max_minutes=61, decay="inverse"))
    zeros = random_case(2, n=400, n_sites=300, zero_share=0.4)
    check(probe, "zero populations, step 45 min",
          with_catchment(zeros, max_minutes=45, decay="step"))
    holes = random_case(3, asymmetric=True, drop_share=0.3)
    check(probe, "asymmetric, unreachable pairs, gaussian 30 min",
          with_catchment(holes, max_minutes=30, decay="gaussian"))
    check(probe, "asymmetric, unreachable pairs, step 60 min",
          with_catchment(holes, max_minutes=60, decay="step",
                         steps=[[0.2, 1.0], [0.5, 0.6], [0.8, 0.3], [1.0, 0.1]]))
    sparse_sites = random_case(4, n=250, n_sites=40, cutoff=25, zero_share=0.7)
    check(probe, "few sites, short reach, most places without children, binary 15 min",
          with_catchment(sparse_sites, max_minutes=15, decay="binary"))
    dense = random_case(5, n=80, n_sites=60, dense=True, zero_share=0.2)
    check(probe, "full matrix input, gaussian 40 min",
          with_catchment(dense, max_minutes=40, decay="gaussian"))
    bad = bad_input_case()
    for decay in ("step", "gaussian", "binary", "inverse"):
        out = check(probe, f"bad input, {decay} 30 min",
                    with_catchment(bad, max_minutes=30, decay=decay))
        n = len(bad["sites"])
        for k in (n - 7, n - 6, n - 1):  # the island's two sites and the out-of-range one
            assert k in out["sites_without_demand"], (decay, k)
        assert 1 in out["outreach_without_demand"], out["outreach_without_demand"]
    bounds = boundary_case()
    out = check(probe, "zone bounds, steps 1/4, 1/2, 1 of 40 min",
                with_catchment(bounds, max_minutes=40, decay="step",
                               steps=[[0.25, 1.0], [0.5, 0.5], [1.0, 0.25]]))
    # Children weighted by zone: 100·1 (the site's own place) + 10·1 (0 min) + 20·1 (10)
    # + 30·.5 (10⁺) + 40·.5 (20) + 50·.25 (30) + 60·.25 (40) + 70·0 (40⁺) = 192.5.
    close(out["site_ratio"], [12 / 192.5], "zone bounds: R by hand")
    check(probe, "no reach at all (max 0 min)", with_catchment(base, max_minutes=0, decay="step"))

    for name, case, published in hospital_cases():
        check(probe, name, case, expect_access=published)
    print("all accessibility cases agree with NumPy")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL {e}")
        sys.exit(1)
