#!/usr/bin/env python3
"""Independent re-computation of reference case E2 (shared/reference/edgar.md) in plain Python.

Class 6A1 of MASTR 2005-2 at 0 PPC: a level-pay rep line (WAC 5.707567647%, WAM 177) passes its scheduled
principal pro rata to a 30,746,000 class paying 5% (30/360). Settle 2005-02-28, first payment 2005-03-25
(25 days of 30/360 SIA = 0.8333 months: the end of February counts as the 30th), price 90-00 + 27 days accrued from 2005-02-01. Yield by bisection,
durations and convexity from the closed forms. Run: python3 e2_rep_line.py
"""
wac, wam, bal0, cpn = 0.05707567647, 177, 30_746_000.0, 0.05
r, bal, flows, prin = wac / 12, bal0, [], []
for k in range(wam):
    rem = wam - k
    sp = bal if rem == 1 else bal * r / (1 - (1 + r) ** -rem) - bal * r
    flows.append(bal * cpn / 12 + sp)
    prin.append(sp)
    bal -= sp
t0 = 25 / 30  # 30/360 SIA: settle 2005-02-28 is the end of February, counted as the 30th: 25 days to 2005-03-25
dirty = bal0 * 0.90 + bal0 * cpn / 12 * 27 / 30
pv = lambda i: sum(cf / (1 + i) ** (t0 + k) for k, cf in enumerate(flows))
lo, hi = 0.0, 0.05
for _ in range(200):
    mid = (lo + hi) / 2
    lo, hi = (mid, hi) if pv(mid) > dirty else (lo, mid)
i = lo
y = 2 * ((1 + i) ** 6 - 1)
years = [(t0 + k) / 12 for k in range(wam)]
disc = [(1 + y / 2) ** (-2 * t) for t in years]
mac = sum(t * cf * d for t, cf, d in zip(years, flows, disc)) / dirty
conv = sum(cf * t * (t + 0.5) * d for t, cf, d in zip(years, flows, disc)) / (1 + y / 2) ** 2 / dirty / 100
wal = sum(t * p for t, p in zip(years, prin)) / sum(prin)
print(f"yield {y * 100:.9f} wal {wal:.9f} macaulay {mac:.9f} modified {mac / (1 + y / 2):.9f} convexity {conv:.9f}")
