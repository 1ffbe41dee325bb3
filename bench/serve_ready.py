#!/usr/bin/python3
"""Time from starting `prosit serve` to its first answer on /api/v1/health.
   bench/serve_ready.py DATABASE [RUNS]               the start as configured
   bench/serve_ready.py DATABASE RUNS --checkpoint    with and without the snapshot
       checkpoint, alternating run by run (`prosit checkpoint` writes it first)
   ... --checkpoint --baseline OTHER_PROSIT           the same for a second build (e.g. the
       one before a change), alternating with this one; each build has its own checkpoint
       file (DATABASE.checkpoint and DATABASE.checkpoint-baseline)
   ... --settle SECONDS                               also the resident memory (RSS) when
       ready and SECONDS later, when work started after ready (decoding) is done
   ... --with-only                                    leaves out the starts without one"""
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def option(name, default=None):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


baseline = option("--baseline")
settle = float(option("--settle", "0"))
skip = {baseline, option("--settle")}
args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in skip]
compare = "--checkpoint" in sys.argv
db = args[0] if args else "var/national.db"
runs = int(args[1]) if len(args) > 1 else 5


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ready_time(binary, extra):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t0 = time.monotonic()
    p = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port), *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).read()
            break
        except OSError:
            time.sleep(0.005)
    elapsed = time.monotonic() - t0
    # CPU time of all its threads until ready: on a busy shared host the wall clock
    # mostly measures the other tenants.
    cpu = cpu_seconds(p.pid)
    rss = [rss_mb(p.pid)]
    if settle:
        time.sleep(settle)
        rss.append(rss_mb(p.pid))
    p.terminate()
    first_line = p.stdout.readline().strip()
    p.wait()
    return elapsed, cpu, rss, first_line


def report(name, runs):
    times = sorted(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    rss = "" if not runs[0][2] else f"; RSS when ready median {statistics.median(r[2][0] for r in runs):.0f} MB"
    if settle:
        rss += f", {settle:.0f} s later {statistics.median(r[2][1] for r in runs):.0f} MB"
    print(f"{name}: median {statistics.median(times)*1000:.0f} ms, "
          f"min {times[0]*1000:.0f} ms, max {times[-1]*1000:.0f} ms over {len(times)} runs; "
          f"CPU time to ready median {cpu*1000:.0f} ms{rss}")


if not compare:
    report("serve ready", [ready_time("build/prosit", [])[:3] for _ in range(runs)])
    sys.exit(0)

builds = {"": ("build/prosit", db + ".checkpoint")}
if baseline:
    builds["baseline "] = (baseline, db + ".checkpoint-baseline")
variants = {}
for label, (binary, path) in builds.items():
    subprocess.run([binary, "checkpoint", "--database", db, "--checkpoint", path], check=True,
                   stdout=subprocess.DEVNULL)
    if "--with-only" not in sys.argv:
        variants[label + "without checkpoint"] = (binary, ["--checkpoint", "none"], False)
    variants[label + "with checkpoint"] = (binary, ["--checkpoint", path], True)
times = {name: [] for name in variants}
for _ in range(runs):
    for name, (binary, extra, uses) in variants.items():
        t, cpu, rss, line = ready_time(binary, extra)
        if uses and "snapshot from checkpoint" not in line:
            sys.exit(f"{name}: the checkpoint was not used: {line}")
        times[name].append((t, cpu, rss))
for name in variants:
    report(name, times[name])


def median_of(name, i):
    return statistics.median(r[i] for r in times[name])


for label in builds if "--with-only" not in sys.argv else []:
    a, b = label + "without checkpoint", label + "with checkpoint"
    print(f"{label}ratio without / with: wall {median_of(a, 0) / median_of(b, 0):.1f}x, "
          f"CPU {median_of(a, 1) / median_of(b, 1):.1f}x")
if baseline:
    a, b = "baseline with checkpoint", "with checkpoint"
    print(f"ratio baseline / this build, both with checkpoint: wall "
          f"{median_of(a, 0) / median_of(b, 0):.1f}x, CPU {median_of(a, 1) / median_of(b, 1):.1f}x")
