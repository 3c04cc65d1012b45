"""Writes subset-policy.json: the county policy reduced to the pandas baseline's subset, so that
kaoping can be timed on exactly the work the baseline does ("monthly staff scores": S1-S5 and
SB.1, SB.2, SB.4; no SB.3, no window items, windows unscored). Run with --check in CI to keep it in step.

    python3 benches/baseline/make_subset_policy.py [--check]
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "subset-policy.json"


def build():
    doc = json.loads((ROOT / "core/policies/county.json").read_text(encoding="utf-8"))
    doc["id"] = doc["id"] + "-staff-subset"
    doc["name"] = "county measure, staff subset of the pandas baseline (benchmarks only)"
    doc["rules"] = [r for r in doc["rules"] if r["subject"] == "staff" and r["code"] != "SB.3"]
    # the baseline scores no window: with no window item left, a window's month would score its
    # categories' full marks, work the baseline does not do. Windows unscored (no categories, a
    # base of 0) are what a hall scoring its staff only would write (V1: categories differ)
    doc["window"]["categories"] = []
    doc["window"]["base"] = "0"
    for bound in ("max_total", "min_total"):
        doc["window"].pop(bound, None)
    # window awards would rank windows that no item scores: keep the staff awards only
    doc["awards"]["awards"] = [a for a in doc["awards"]["awards"] if a["subject"] == "staff"]
    for kind in ("staff", "window"):
        doc["awards"].get("complaint_rules", {}).get(kind, [])
        rules = doc["awards"].get("complaint_rules", {})
        if kind in rules:
            rules[kind] = [c for c in rules[kind] if any(r["code"] == c for r in doc["rules"])]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv):
    text = build()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print("%s is out of date: run python3 %s" % (OUT, Path(__file__).relative_to(ROOT)), file=sys.stderr)
            return 1
        print("subset policy up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print("wrote", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
