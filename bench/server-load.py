#!/usr/bin/env python3
"""Bounded load loop for `remic serve`: POST /api/deals/{id}/run at 100 PPC for each seed deal, on 127.0.0.1.

    python3 bench/server-load.py --url http://127.0.0.1:5080 --requests 200 --concurrency 4

Prints, per deal, requests/s and p50/p99 latency (ms) of the whole answer (summary + monthly class and collateral
rows, as the workbench asks for them), after a warm-up of 5 requests. Standard library only.
"""
import argparse
import json
import statistics
import threading
import time
import urllib.request


def post(url, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        n = len(r.read())
        if r.status != 200:
            raise RuntimeError(f"{url}: HTTP {r.status}")
    return (time.perf_counter() - t0) * 1000, n


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(q * len(xs) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:5080")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--deals", default="cwalt-2004-j4,cwalt-2004-j2,cwalt-2004-12cb,cwalt-2004-26t1,cwalt-2007-12t1,sample,sample-structures")
    ap.add_argument("--monthly", choices=["true", "false"], default="true")
    a = ap.parse_args()
    body = {"prepay": "100 PPC", "monthly": a.monthly == "true"}
    for _ in range(120):  # wait for the server to answer
        try:
            urllib.request.urlopen(a.url + "/healthz", timeout=5).read()
            break
        except OSError:
            time.sleep(0.5)
    print(f"| deal | requests | concurrency | req/s | p50 ms | p99 ms | response bytes |")
    print(f"|---|---:|---:|---:|---:|---:|---:|")
    for deal in a.deals.split(","):
        url = f"{a.url}/api/deals/{deal}/run"
        for _ in range(5):
            post(url, body)
        lat, size, lock = [], [0], threading.Lock()
        left = [a.requests]

        def worker():
            while True:
                with lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                ms, n = post(url, body)
                with lock:
                    lat.append(ms)
                    size[0] = n

        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        print(f"| {deal} | {len(lat)} | {a.concurrency} | {len(lat) / wall:.1f} | {statistics.median(lat):.0f} | {pct(lat, 0.99):.0f} | {size[0]:,} |")


if __name__ == "__main__":
    main()
