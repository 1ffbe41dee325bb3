#!/usr/bin/python3
"""Time from starting `prosit serve` to its first answer on /api/v1/health.
   bench/serve_ready.py DATABASE [RUNS]"""
import socket
import subprocess
import sys
import time
import urllib.request

db = sys.argv[1] if len(sys.argv) > 1 else "var/national.db"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
times = []
for _ in range(runs):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t0 = time.monotonic()
    p = subprocess.Popen(["build/prosit", "serve", "--database", db, "--port", str(port)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).read()
            break
        except OSError:
            time.sleep(0.005)
    times.append(time.monotonic() - t0)
    p.terminate()
    p.wait()
times.sort()
print(f"serve ready: median {times[len(times)//2]*1000:.0f} ms, max {times[-1]*1000:.0f} ms over {runs} runs")
