#!/usr/bin/env python3
"""One month of many records, for the memory of a month (BENCHMARKS.md, issue 19).

The sample hall's roster (examples/data/county-2026.json) with its records replaced by N records
of S1.1 (late arrival: count 1, 10–59 minutes) in March 2026, spread over the staff members
assigned to a window for the whole of March, dated the 1st to the 28th.

    python3 benches/one_month.py --records 1000000 --out target/bench-data/month-1m.json
    /usr/bin/time -f "%M KB %e s" target/release/kaoping score target/bench-data/month-1m.json --month 2026-03 --format json > /dev/null
"""

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()

    hall = json.loads((ROOT / "examples/data/county-2026.json").read_text(encoding="utf-8"))

    def on_duty_all_march(staff: dict) -> bool:
        return any(
            a.get("from", "2026-01-01") <= "2026-03-01" and a.get("to", "2026-12-31") >= "2026-03-31"
            for a in staff["assignments"]
        )

    staff = [s["id"] for s in hall["staff"] if on_duty_all_march(s)]
    hall["records"] = [
        {
            "id": f"R{i:07d}",
            "rule": "S1.1",
            "subject": staff[i % len(staff)],
            "date": f"2026-03-{1 + i % 28:02d}",
            "minutes": 10 + i % 50,
        }
        for i in range(args.records)
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(hall, ensure_ascii=False), encoding="utf-8")
    print(f"{args.out}: {args.records} records of S1.1 in 2026-03 over {len(staff)} staff members")


if __name__ == "__main__":
    main()
