#!/usr/bin/env python3
"""Compares two builds of the `kaoping` command on every month, quarter and the year of datasets:
the full JSON of each (`score FILE --month M` / `--period P --format json`), numbers compared as
decimals. For an engine change that must not change a number (issue 19): build the old commit's
command beside the new one, then

    python3 scripts/compare_outputs.py OLD/kaoping NEW/kaoping - examples/data/county-2026.json target/bench-data/county/*.json
    python3 scripts/compare_outputs.py OLD/kaoping NEW/kaoping examples/policies/other-county.json DATA.json

(`-`: the built-in policy). Lines of a category that are one record's occurrences, one line each
before the runs of issue 19, are merged in the old output (raw and points summed, the first cut
kept, `occurrences` counted): the documented change of the result format. Exits 1 when an
output differs ("numbers equal, texts differ" when only texts do).
"""
import json, subprocess, sys
from decimal import Decimal

old, new, policy, *files = sys.argv[1:]

def run(bin_, f, period):
    flag = "--month" if len(period) == 7 and "Q" not in period else "--period"
    cmd = [bin_, "score", f, flag, period, "--format", "json"]
    if policy != "-":
        cmd += ["--policy", policy]
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0:
        return {"error": p.stderr.decode()}
    return json.loads(p.stdout, parse_float=Decimal)

def merge_lines(x):
    if isinstance(x, dict):
        for k, v in list(x.items()):
            if k == "lines" and isinstance(v, list):
                out = []
                for l in v:
                    if out and l.get("record") and out[-1].get("record") == l.get("record") and out[-1]["rule"] == l["rule"]:
                        m = out[-1]
                        m["raw"] = str(Decimal(m["raw"]) + Decimal(l["raw"]))
                        m["points"] = str(Decimal(m["points"]) + Decimal(l["points"]))
                        m.setdefault("occurrences", 1)
                        m["occurrences"] += 1
                        if "cut" not in m and "cut" in l:
                            m["cut"] = l["cut"]
                    else:
                        out.append(dict(l))
                for m in out:
                    m.setdefault("occurrences", 1)
                    for key in ("raw", "points"):
                        m[key] = str(Decimal(m[key]).normalize())
                x[k] = out
            else:
                merge_lines(v)
    elif isinstance(x, list):
        for v in x:
            merge_lines(v)

def norm(x, strip_detail):
    if isinstance(x, dict):
        return {k: norm(v, strip_detail) for k, v in x.items() if not (strip_detail and k in ("detail", "occurrences"))}
    if isinstance(x, list):
        return [norm(v, strip_detail) for v in x]
    if isinstance(x, str):
        try:
            return str(Decimal(x).normalize()) if x and (x[0].isdigit() or x[0] == '-') and '-' not in x[1:] else x
        except Exception:
            return x
    return x

bad = 0
n = 0
for f in files:
    periods = [f"2026-{m:02d}" for m in range(1, 13)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]
    for p in periods:
        a, b = run(old, f, p), run(new, f, p)
        merge_lines(a)
        n += 1
        if norm(a, False) != norm(b, False):
            if norm(a, True) == norm(b, True):
                print(f"{f} {p}: numbers equal, texts differ")
            else:
                print(f"{f} {p}: DIFFER")
            bad += 1
print(f"{n} outputs compared, {bad} differ")
sys.exit(1 if bad else 0)
