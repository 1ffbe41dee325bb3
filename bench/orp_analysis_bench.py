#!/usr/bin/python3
"""The ORP analysis document of the largest ORP of the national dataset (most actors
seated), over real HTTP: the median time of GET /orps/{code}/report.pdf (and .odt, .docx)
after one warm-up request (which waits for the travel times), side by side with the ORP
profile and the coverage answer it rests on, in one run.
   bench/orp_analysis_bench.py [DATABASE] [RUNS]
DATABASE defaults to var/national.db, made when missing by `prosit init` and
`prosit generate --national --services 60000 --seed 7` (as bench/run-all does)."""
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import json

BIN, DATA = "build/prosit", "data"
db = sys.argv[1] if len(sys.argv) > 1 else "var/national.db"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5

if not os.path.exists(db):
    os.makedirs(os.path.dirname(db) or ".", exist_ok=True)
    subprocess.run([BIN, "init", "--database", db, "--data", DATA], check=True, capture_output=True)
    subprocess.run([BIN, "generate", "--national", "--services", "60000", "--seed", "7",
                    "--database", db, "--data", DATA], check=True, capture_output=True)
login = f"bench.docs.{os.getpid()}"
subprocess.run([BIN, "user", "add", "--database", db, "--login", login, "--role", "admin",
                "--data", DATA], check=True, capture_output=True)
out = subprocess.run([BIN, "token", "add", "--database", db, "--login", login, "--scope", "read",
                      "--name", "bench"], check=True, capture_output=True, text=True).stdout
token = re.search(r"API token[^:]*: (\S+)", out).group(1)

s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
base = f"http://127.0.0.1:{port}"
server = subprocess.Popen([BIN, "serve", "--database", db, "--port", str(port), "--data", DATA],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.read()


def timed(path):
    t0 = time.perf_counter()
    body = get(path)
    return (time.perf_counter() - t0) * 1000, len(body)


try:
    for _ in range(300):
        try:
            get("/api/v1/health")
            break
        except OSError:
            time.sleep(0.1)
    listed = json.loads(get("/api/v1/orps"))
    orps = [o["code"] for o in (listed["items"] if isinstance(listed, dict) else listed)]
    actors = {c: json.loads(get(f"/api/v1/orps/{c}"))["counts"]["actors"] for c in orps}
    code = max(orps, key=lambda c: actors[c])
    get(f"/api/v1/orps/{code}/report.pdf")  # warm-up: waits for the travel times
    paths = {"profile": f"/api/v1/orps/{code}",
             "coverage": f"/api/v1/analysis/coverage?orp={code}",
             "report.pdf": f"/api/v1/orps/{code}/report.pdf",
             "report.odt": f"/api/v1/orps/{code}/report.odt",
             "report.docx": f"/api/v1/orps/{code}/report.docx"}
    times = {k: [] for k in paths}
    sizes = {}
    for _ in range(runs):  # interleaved, so every answer sees the same machine
        for k, p in paths.items():
            ms, size = timed(p)
            times[k].append(ms)
            sizes[k] = size
    print(f"ORP {code}: {actors[code]} actors; {runs} runs each, interleaved")
    print(f"{'answer':<12} {'median ms':>10} {'max ms':>8} {'bytes':>10}")
    for k in paths:
        print(f"{k:<12} {statistics.median(times[k]):>10.0f} {max(times[k]):>8.0f} {sizes[k]:>10}")
finally:
    server.terminate()
    server.wait()
