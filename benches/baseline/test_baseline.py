"""The pandas baseline gives kaoping's numbers, staff-month by staff-month.

A cross-check between two independent implementations of the same subset ("monthly staff scores",
see staff_scores.py): the expected figures come from kaoping's CLI (``kaoping score FILE --month
2026-MM --format json`` for every month), the baseline must equal them exactly, in hundredths.

Compared per evaluated (staff, month): S1..S5, base, bonus and total, where kaoping's bonus and total
leave out its SB.3 lines (the baseline omits SB.3).  The comparison checks that C3 never cut a line
in a month where SB.3 applied (then leaving SB.3 out would not be exact) and that both sides score the
same set of staff-months.

Data: the sample (examples/data/county-2026.json), the county-scale benchmark hall
(target/bench-data/county/hall-001.json, or $BENCH_DATA/hall-001.json; generated into a temporary
folder when absent) and a small hand-made year that drives the rare paths (the 10-point cap cutting
keyed SB.2 lines, SB.1's yearly cap consumed by points C3 later cut, S5.2 both ways, category floors).

The kaoping binary: $KAOPING, else target/release/kaoping (``cargo build --release -p kaoping-cli``).
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import staff_scores as baseline  # noqa: E402

KAOPING = Path(os.environ.get("KAOPING", ROOT / "target" / "release" / "kaoping"))
COLS = ["S1", "S2", "S3", "S4", "S5", "base", "bonus", "total"]


def hundredths(x):
    v = Decimal(str(x)) * 100
    assert v == v.to_integral_value(), x
    return int(v)


def run_kaoping(*args):
    if not KAOPING.exists():
        pytest.fail("%s not found: run cargo build --release -p kaoping-cli (or set KAOPING)" % KAOPING)
    p = subprocess.run([str(KAOPING), *map(str, args)], capture_output=True, text=True)
    assert p.returncode == 0, "kaoping %s: exit %d\n%s" % (" ".join(map(str, args)), p.returncode, p.stderr)
    return p.stdout


def kaoping_table(path, year):
    """kaoping's staff results of the 12 months, as hundredths, SB.3 left out of bonus and total."""
    def month(m):
        return json.loads(run_kaoping("score", path, "--month", "%d-%02d" % (year, m), "--format", "json"))

    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(month, range(1, 13)))
    rows = []
    for m, res in enumerate(results, 1):
        assert res["month"] == "%d-%02d" % (year, m)
        for s in res["staff"]:
            row = {"staff": s["subject"], "month": m}
            for c in s["categories"]:
                row[c["code"]] = hundredths(c["score"])
            lines = [ln for b in s["bonuses"] for ln in b["lines"]]
            sb3 = sum(hundredths(ln["points"]) for ln in lines if ln["rule"] == "SB.3")
            if sb3:
                # leaving SB.3 out is exact only if C3 did not cut the month's other lines
                assert not any(ln.get("cut") == "bonus_cap" for ln in lines), (s["subject"], m)
            row["base"] = hundredths(s["base"])
            row["bonus"] = hundredths(s["bonus"]) - sb3
            row["total"] = hundredths(s["total"]) - sb3
            rows.append(row)
    return pd.DataFrame(rows)


def compare(path, exact_c3=None):
    with open(path, encoding="utf-8") as f:
        ds = json.load(f)
    want = kaoping_table(path, ds["year"]).sort_values(["staff", "month"]).reset_index(drop=True)
    got = baseline.staff_scores(ds, exact_c3=exact_c3)
    got = got.assign(staff=got["staff"].astype(str), month=got["month"].astype(np.int64))
    got = got.sort_values(["staff", "month"]).reset_index(drop=True)
    assert len(want) > 0
    merged = want.merge(got, on=["staff", "month"], how="outer", suffixes=("_kaoping", "_pandas"), indicator=True)
    only = merged[merged["_merge"] != "both"]
    assert only.empty, "staff-months scored by one side only:\n%s" % only[["staff", "month", "_merge"]].head(20)
    diffs = []
    for c in COLS:
        bad = merged[merged[c + "_kaoping"] != merged[c + "_pandas"]]
        if len(bad):
            diffs.append("%s differs in %d staff-months, e.g.\n%s" % (
                c, len(bad), bad[["staff", "month", c + "_kaoping", c + "_pandas"]].head(10).to_string()))
    assert not diffs, "\n".join(diffs)
    return want


# ----------------------------------------------------------------------------- data
@pytest.fixture(scope="session")
def county_hall(tmp_path_factory):
    folder = Path(os.environ.get("BENCH_DATA", ROOT / "target" / "bench-data" / "county"))
    path = folder / "hall-001.json"
    if not path.exists():
        folder = tmp_path_factory.mktemp("bench-data")
        subprocess.run([sys.executable, str(ROOT / "benches" / "generate.py"), "--scale", "county", "--out", str(folder)],
                       check=True, capture_output=True)
        path = folder / "hall-001.json"
    run_kaoping("validate", path)
    return path


def edge_dataset():
    """A small year for the paths realistic data rarely takes (figures in comments are kaoping's rules)."""
    recs = []

    def rec(rule, subject, date, **kw):
        recs.append({"id": "E%03d" % (len(recs) + 1), "rule": rule, "subject": subject, "date": date, **kw})

    a, b, c, d = "S01", "S02", "S03", "S04"
    # S1 of A in January: 1 + 2 + 2 + 1 + 3x2 + 3 + 3 + 3 = 21 -> floor at 0 (C2); revoked and pending ignored
    rec("S1.1", a, "2026-01-05", minutes=30)
    rec("S1.1", a, "2026-01-05", minutes=31)
    rec("S1.1", a, "2026-01-06", aggravated=True)
    rec("S1.1", a, "2026-01-06")
    rec("S1.1", a, "2026-01-07", minutes=45, count=3)
    rec("S1.3", a, "2026-01-08", count=2)
    rec("S1.2", a, "2026-01-09")
    rec("S1.1", a, "2026-01-12", minutes=90, status="revoked")
    rec("S2.5", a, "2026-01-13", status="pending")
    # S2: 3.5 + 10 + 4.5 = 18 -> 2; S3: 5 + 5 + 3 + 2x1 + 2 = 17 -> 13
    rec("S2.3", a, "2026-01-14", points="3.5")
    rec("S2.5", a, "2026-01-15")
    rec("S2.3", a, "2026-01-16", points=4.5)
    rec("S3.2", a, "2026-01-19", aggravated=True)
    rec("S3.4", a, "2026-01-20", aggravated=True)
    rec("S3.4", a, "2026-01-21")
    rec("S3.1", a, "2026-01-22", count=2)
    rec("S3.2", a, "2026-01-23")
    # S5 of A: Feb two complaints (zero), Mar a third (zero), Apr none + S5.3 city, May a fourth (zero)
    rec("S5.1", a, "2026-02-02", points="2.5")
    rec("S5.1", a, "2026-02-03", points="3")
    rec("S5.1", a, "2026-03-03", points="2")
    rec("S5.3", a, "2026-04-08", level="city")
    rec("S5.3", a, "2026-05-06", level="province")
    rec("S5.3", a, "2026-05-07", level="county")
    rec("S5.1", a, "2026-05-08", points="5")
    rec("S5.1", a, "2026-06-09", points="4", status="pending")
    # bonuses of A.  January: SB.4 3x2 = 6, K1 national 3 -> 9, SB.1 2x0.5 -> 10, then K2 province is cut
    # to 0 by C3 (nothing counted for K2) and another SB.4 too
    rec("SB.4", a, "2026-01-05", count=3)
    rec("SB.2", a, "2026-01-06", level="national", key="K1")
    rec("SB.1", a, "2026-01-07", count=2)
    rec("SB.2", a, "2026-01-08", level="province", key="K2")
    rec("SB.4", a, "2026-01-09")
    # February: SB.4 4x2 = 8, K3 national 3 -> 2 counted (C3), SB.1 0.5 cut by C3 but used of the yearly 2 (E7)
    rec("SB.4", a, "2026-02-03", count=4)
    rec("SB.2", a, "2026-02-04", level="national", key="K3")
    rec("SB.1", a, "2026-02-05")
    # March: SB.1 x3, only one fits the yearly cap (1 + 0.5 used); K2 province counts 2 (nothing counted before)
    rec("SB.1", a, "2026-03-02", count=3)
    rec("SB.2", a, "2026-03-10", level="province", key="K2")
    # April: K3 national again: the top-up over the 2 counted in February = 1; K1 city: already counted
    rec("SB.2", a, "2026-04-07", level="national", key="K3")
    rec("SB.2", a, "2026-04-08", level="city", key="K1")
    rec("SB.1", a, "2026-04-09")
    # May: same key twice in a month: the higher; June: equal values, the earlier date
    rec("SB.2", a, "2026-05-04", level="city", key="K4")
    rec("SB.2", a, "2026-05-20", level="province", key="K4")
    rec("SB.2", a, "2026-06-03", level="city", key="K5")
    rec("SB.2", a, "2026-06-01", level="city", key="K5")
    rec("SB.2", a, "2026-07-01", level="city")  # no key: counts by itself
    rec("SB.2", a, "2026-07-02", level="city")
    rec("SB.4", a, "2026-07-03", status="revoked")
    # B moves from W1 to W2 on 16 March: a complaint in each window that month (S5.2: 2 in the month)
    rec("S5.1", b, "2026-03-10", points="2")
    rec("S5.1", b, "2026-03-20", points="3.5", count=1)
    rec("S2.1", b, "2026-03-20", count=11)  # 22 -> S2 = 0
    rec("SB.1", b, "2026-03-23", count=5)  # 2.5 -> yearly cap 2
    # C is away May-June: not scored then
    rec("S4.2", c, "2026-04-30")
    rec("S4.3", c, "2026-07-01", count=2)
    rec("S5.1", c, "2026-07-02", points="2")
    rec("S5.1", c, "2026-11-02", points="2")
    rec("S5.1", c, "2026-12-02", points="2")  # third of the year, one in the month: zero
    # D joins on 10 June
    rec("S4.1", d, "2026-06-10", count=12)  # 12 -> S4 = 0
    rec("SB.4", d, "2026-06-11", count=6)  # 12 -> bonus 10 (C3)
    return {
        "hall": {"id": "edge-hall", "name": "边界测试大厅"},
        "year": 2026,
        "departments": [{"id": "D01", "name": "县行政审批服务局"}],
        "windows": [
            {"id": "W1", "name": "综合受理窗口1", "department": "D01", "heads": [{"staff": a}]},
            {"id": "W2", "name": "综合受理窗口2", "department": "D01", "heads": [{"staff": c}]},
        ],
        "staff": [
            {"id": a, "name": "甲", "assignments": [{"window": "W1"}]},
            {"id": b, "name": "乙", "assignments": [{"window": "W1", "to": "2026-03-15"},
                                                    {"window": "W2", "from": "2026-03-16"}]},
            {"id": c, "name": "丙", "assignments": [{"window": "W2", "to": "2026-04-30"},
                                                    {"window": "W2", "from": "2026-07-01"}]},
            {"id": d, "name": "丁", "assignments": [{"window": "W2", "from": "2026-06-10"}]},
        ],
        "records": recs,
    }


@pytest.fixture(scope="session")
def edge_hall(tmp_path_factory):
    path = tmp_path_factory.mktemp("edge") / "edge.json"
    path.write_text(json.dumps(edge_dataset(), ensure_ascii=False, indent=1), encoding="utf-8")
    run_kaoping("validate", path)
    return path


# ----------------------------------------------------------------------------- tests
def test_sample_equals_kaoping():
    want = compare(ROOT / "examples" / "data" / "county-2026.json")
    assert len(want) > 1000


def test_county_bench_hall_equals_kaoping(county_hall):
    want = compare(county_hall)
    assert len(want) > 1000
    assert (want["S5"] == 0).any() and (want["S1"] == 0).any() and (want["bonus"] > 0).any()


def test_county_bench_hall_month_loop_path_agrees(county_hall):
    """The month-by-month SB.2 path (normally used only when C3 cuts keyed lines) gives the same."""
    with open(county_hall, encoding="utf-8") as f:
        ds = json.load(f)
    fast = baseline.staff_scores(ds, exact_c3=False)
    loop = baseline.staff_scores(ds, exact_c3=True)
    pd.testing.assert_frame_equal(fast, loop)


def test_edge_year_equals_kaoping(edge_hall):
    want = compare(edge_hall)  # the baseline must notice by itself that it needs the month loop
    compare(edge_hall, exact_c3=True)
    a = want[want["staff"] == "S01"].set_index("month")
    # hand-checked anchors of the story above (hundredths)
    assert a.loc[1, ["S1", "S2", "S3", "bonus"]].tolist() == [0, 200, 1300, 1000]
    assert a.loc[2, ["S5", "bonus"]].tolist() == [0, 1000]
    assert a.loc[3, ["S5", "bonus"]].tolist() == [0, 250]
    assert a.loc[4, ["S5", "bonus"]].tolist() == [1500, 100]
    assert a.loc[5, ["S5", "bonus"]].tolist() == [0, 200]
    assert set(want.loc[want["staff"] == "S03", "month"]) == {1, 2, 3, 4, 7, 8, 9, 10, 11, 12}
    # the fast path alone would be wrong here: that is why the baseline checks its assumption
    fast = baseline.staff_scores(json.loads(edge_hall.read_text(encoding="utf-8")), exact_c3=False)
    fa = fast[fast["staff"] == "S01"].set_index("month")
    assert fa.loc[3, "bonus"] != a.loc[3, "bonus"] or fa.loc[4, "bonus"] != a.loc[4, "bonus"]


def test_many_halls_in_one_pass_equal_hall_by_hall(county_hall):
    """The province mode (all halls in one frame) gives each hall's own result."""
    sample = json.loads((ROOT / "examples" / "data" / "county-2026.json").read_text(encoding="utf-8"))
    hall = json.loads(Path(county_hall).read_text(encoding="utf-8"))
    both = baseline.staff_scores_many([sample, hall])
    for ds in (sample, hall):
        one = baseline.staff_scores(ds).reset_index(drop=True)
        part = both[both["hall"] == ds["hall"]["id"]].drop(columns="hall").reset_index(drop=True)
        part["staff"] = part["staff"].astype(str)
        one["staff"] = one["staff"].astype(str)
        pd.testing.assert_frame_equal(part, one)
