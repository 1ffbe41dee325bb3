#!/usr/bin/python3
"""The open formats at national scale: a generated national dataset (prosit generate
--national --services N), then side by side in one run of `prosit serve`, as an admin:
   GET /api/v1/service-cards.geojson                every card of the country
   GET /api/v1/service-cards?limit=200              one page of the list, for scale
   GET /api/v1/analysis/municipalities.geojson      every municipality with its results
   GET /api/v1/analysis/coverage                    the country's coverage summary
   GET /api/v1/analysis/cooperation.graphml?region  a region's network
Usage: bench/open_formats.py PROSIT DATA [SERVICES] [RUNS]; prints a Markdown table."""
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

prosit, data = sys.argv[1], sys.argv[2]
services = sys.argv[3] if len(sys.argv) > 3 else "60000"
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5


def cli(*args):
    out = subprocess.run([prosit, *args, "--data", data], capture_output=True, text=True,
                         check=True)
    return out.stdout


tmp = tempfile.mkdtemp(prefix="prosit-bench-open-")
db = os.path.join(tmp, "prosit.db")
cli("init", "--database", db)
t0 = time.time()
cli("generate", "--national", "--services", services, "--database", db)
print(f"generated in {time.time() - t0:.0f} s", file=sys.stderr)
cli("user", "add", "--database", db, "--login", "bench", "--role", "admin")
token = re.search(r"API token[^:]*: (\S+)", cli("token", "add", "--database", db, "--login",
                                                 "bench", "--scope", "read", "--name",
                                                 "bench")).group(1)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
proc = subprocess.Popen([prosit, "serve", "--database", db, "--port", str(port), "--data", data],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def get(path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                 headers={"Authorization": "Bearer " + token})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read()
    return time.perf_counter() - t, len(body)


try:
    deadline = time.time() + 600
    while True:
        try:
            get("/api/v1/health")
            break
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
    paths = ["/api/v1/service-cards.geojson", "/api/v1/service-cards?limit=200",
             "/api/v1/analysis/municipalities.geojson", "/api/v1/analysis/coverage",
             "/api/v1/analysis/cooperation.graphml?region=CZ053",
             "/api/v1/analysis/network?region=CZ053&limit=0"]
    # Warm: the travel times and catchments are built on the first analysis.
    for p in paths:
        get(p)
    times = {p: [] for p in paths}
    sizes = {}
    for _ in range(runs):
        for p in paths:  # interleaved, so load weighs on each alike
            t, n = get(p)
            times[p].append(t)
            sizes[p] = n
    print(f"| request | median | min | max | bytes |")
    print(f"| --- | --- | --- | --- | --- |")
    for p in paths:
        ts = times[p]
        print(f"| `{p}` | {statistics.median(ts) * 1000:.0f} ms | {min(ts) * 1000:.0f} | "
              f"{max(ts) * 1000:.0f} | {sizes[p] / 1e6:.1f} MB |")
finally:
    proc.terminate()
    proc.wait()
