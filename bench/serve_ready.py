#!/usr/bin/python3
"""Time from starting `prosit serve` to its first answer on /api/v1/health.
   bench/serve_ready.py DATABASE [RUNS]               the start as configured
   bench/serve_ready.py DATABASE RUNS --checkpoint    with and without the snapshot
       checkpoint, alternating run by run (`prosit checkpoint` writes it first)"""
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
compare = "--checkpoint" in sys.argv
db = args[0] if args else "var/national.db"
runs = int(args[1]) if len(args) > 1 else 5


def ready_time(extra):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t0 = time.monotonic()
    p = subprocess.Popen(["build/prosit", "serve", "--database", db, "--port", str(port), *extra],
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
    with open(f"/proc/{p.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    p.terminate()
    first_line = p.stdout.readline().strip()
    p.wait()
    return elapsed, cpu, first_line


def report(name, runs):
    times = sorted(t for t, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    print(f"{name}: median {statistics.median(times)*1000:.0f} ms, "
          f"min {times[0]*1000:.0f} ms, max {times[-1]*1000:.0f} ms over {len(times)} runs; "
          f"CPU time to ready median {cpu*1000:.0f} ms")


if not compare:
    report("serve ready", [ready_time([])[:2] for _ in range(runs)])
    sys.exit(0)

subprocess.run(["build/prosit", "checkpoint", "--database", db], check=True)
variants = {"without checkpoint": ["--checkpoint", "none"], "with checkpoint": []}
times = {name: [] for name in variants}
for _ in range(runs):
    for name, extra in variants.items():
        t, cpu, line = ready_time(extra)
        if name == "with checkpoint" and "snapshot from checkpoint" not in line:
            sys.exit(f"the checkpoint was not used: {line}")
        times[name].append((t, cpu))
for name in variants:
    report(name, times[name])
def median_of(name, i):
    return statistics.median(r[i] for r in times[name])


print(f"ratio without / with: wall {median_of('without checkpoint', 0) / median_of('with checkpoint', 0):.1f}x, "
      f"CPU {median_of('without checkpoint', 1) / median_of('with checkpoint', 1):.1f}x")
