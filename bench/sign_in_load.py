#!/usr/bin/python3
"""Sign-in with argon2id over real HTTP: how long one sign-in takes (the work is slow by
design), and whether other requests wait while sign-ins hash. Alternates phases without
and with four clients signing in non-stop, timing searches of the catalog throughout, so
both sides share the machine's noise.
   bench/sign_in_load.py [SECONDS_PER_PHASE] [PHASES]"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

secs = float(sys.argv[1]) if len(sys.argv) > 1 else 5
phases = int(sys.argv[2]) if len(sys.argv) > 2 else 4
BIN, DATA = "build/prosit", "data"
tmp = tempfile.mkdtemp(prefix="prosit-bench-")
db = os.path.join(tmp, "prosit.db")
subprocess.run([BIN, "init", "--database", db, "--data", DATA], check=True, capture_output=True)
subprocess.run([BIN, "demo", "--database", db, "--data", DATA], check=True, capture_output=True)
out = subprocess.run([BIN, "user", "add", "--database", db, "--login", "bench.user", "--role",
                      "viewer", "--orp", "5304", "--data", DATA],
                     check=True, capture_output=True, text=True).stdout
password = re.search(r"one-time password[^:]*: (\S+)", out).group(1)
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
base = f"http://127.0.0.1:{port}"
server = subprocess.Popen([BIN, "serve", "--database", db, "--port", str(port), "--data", DATA],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.read()


def sign_in():
    body = json.dumps({"login": "bench.user", "password": password}).encode()
    req = urllib.request.Request(base + "/api/v1/session", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        r.read()


try:
    for _ in range(400):
        try:
            get("/api/v1/health")
            break
        except OSError:
            time.sleep(0.05)
    sign_ins = []
    for _ in range(10):
        t = time.monotonic()
        sign_in()
        sign_ins.append((time.monotonic() - t) * 1000)
    print(f"one sign-in, alone: median {statistics.median(sign_ins):.0f} ms, "
          f"min {min(sign_ins):.0f} ms (10 in a row)")

    searches = {"idle": [], "signing in": []}
    stop = threading.Event()
    done = [0]

    def signer():
        while not stop.is_set():
            sign_in()
            done[0] += 1

    for phase in range(phases):
        loaded = phase % 2 == 1
        stop.clear()
        threads = [threading.Thread(target=signer) for _ in range(4 if loaded else 0)]
        for t in threads:
            t.start()
        end = time.monotonic() + secs
        while time.monotonic() < end:
            t0 = time.monotonic()
            get("/api/v1/service-cards?q=psycholog&region=CZ053&limit=20")
            searches["signing in" if loaded else "idle"].append((time.monotonic() - t0) * 1000)
        stop.set()
        for t in threads:
            t.join()
    for name, ms in searches.items():
        ms.sort()
        print(f"search while {name:10}: {len(ms)} requests, p50 {ms[len(ms) // 2]:.2f} ms, "
              f"p99 {ms[int(len(ms) * 0.99)]:.2f} ms")
    print(f"sign-ins during the loaded phases: {done[0]} "
          f"({done[0] / (secs * (phases // 2)):.1f}/s)")
finally:
    server.terminate()
    server.wait()
