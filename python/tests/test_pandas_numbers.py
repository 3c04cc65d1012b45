"""Result frames that pandas treats as numbers (describe, nsmallest, groupby-mean, plot with no
conversion), with the core's exact values one call away; one name per concept across frames;
Chinese labels as the command's report writes them; the policy's rules as a frame.

Every expected number is the typed results' ``Decimal`` (which the core computed) or is
hand-computed below with its arithmetic in a comment."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
import pytest
from conftest import SAMPLE, run_cli

import kaoping


@pytest.fixture(scope="module")
def q3_frames(q3: kaoping.PeriodResult) -> kaoping.Frames:
    return q3.to_pandas()


@pytest.fixture(scope="module")
def month_frames(october: kaoping.PeriodResult) -> kaoping.Frames:
    return october.month("2026-10").to_pandas()


@pytest.fixture(scope="module")
def policy_frames(policy: kaoping.Policy) -> kaoping.Frames:
    return policy.to_pandas()


def all_frames(q3f: kaoping.Frames, mf: kaoping.Frames, pf: kaoping.Frames) -> List[Any]:
    return [(f"period {n}", q3f, n) for n in q3f] + [(f"month {n}", mf, n) for n in mf] + [(f"policy {n}", pf, n) for n in pf]


# ---------------------------------------------------------------- numbers out of the box


def test_every_decimal_column_is_float64_and_described(q3_frames, month_frames, policy_frames) -> None:
    described = 0
    for label, frames, name in all_frames(q3_frames, month_frames, policy_frames):
        df = frames[name]
        cols = frames.decimal_columns[name]
        for c in cols:
            assert df[c].dtype == "float64", f"{label}.{c} is {df[c].dtype}"
        if cols and len(df):
            d = df.describe()
            assert set(cols) <= set(d.columns), f"{label}: describe() dropped {set(cols) - set(d.columns)}"
            assert set(cols) <= set(df.select_dtypes("number").columns)
            described += 1
    assert described >= 12  # scores, monthly, awards, departments, month_scores, categories, lines, records, rules, …


def test_describe_of_the_scores_is_the_typed_scores(q3: kaoping.PeriodResult, q3_frames) -> None:
    d = q3_frames["scores"].describe()
    typed = [s.score for s in q3.windows + q3.staff]
    assert d.loc["count", "score"] == len(typed) == 146  # 30 windows + 116 staff
    assert d.loc["min", "score"] == float(min(typed))
    assert d.loc["max", "score"] == float(max(typed))
    assert d.loc["mean", "score"] == pytest.approx(float(sum(typed, Decimal(0)) / len(typed)), abs=1e-9)


@pytest.mark.parametrize("name", ["scores", "month_scores", "monthly", "awards"])
def test_nsmallest_gives_the_lowest_scores(q3: kaoping.PeriodResult, q3_frames, name: str) -> None:
    df = q3_frames[name]
    low = df.nsmallest(10, "score")
    exact = q3_frames.exact(name).loc[low.index, "score"]
    every = sorted(q3_frames.exact(name)["score"])
    assert list(exact) == every[:10]
    if name == "scores":
        assert list(exact) == sorted(s.score for s in q3.windows + q3.staff)[:10]
        # the quarter's lowest: S049 (the mean of its three monthly totals, from the typed result)
        worst = min(q3.staff, key=lambda s: s.score)
        assert low.iloc[0]["subject"] == worst.subject == "S049"


def test_groupby_mean_is_numeric_and_matches_the_typed_scores(q3: kaoping.PeriodResult, q3_frames) -> None:
    means = q3_frames["scores"].groupby("kind")["score"].mean()
    assert means.dtype == "float64"
    for kind, subjects in (("window", q3.windows), ("staff", q3.staff)):
        exact_mean = sum((s.score for s in subjects), Decimal(0)) / len(subjects)
        assert means[kind] == pytest.approx(float(exact_mean), abs=1e-9)
    frame_means = q3_frames["scores"].groupby("kind").mean(numeric_only=True)
    assert {"score", "deductions", "bonus"} <= set(frame_means.columns)
    per_department = q3_frames["month_scores"].groupby(["month", "department"])["score"].mean()
    assert per_department.dtype == "float64" and len(per_department) > 0


def test_hand_computed_department_mean(q3: kaoping.PeriodResult, q3_frames) -> None:
    """groupby-mean of floats against a mean worked by hand from the typed Decimals."""
    scores = q3_frames["scores"]
    windows = scores[scores["kind"] == "window"]
    by_dept = windows.groupby("department")["score"].mean()
    dept = q3.departments[0]
    # the department's windows, scored by the core; their mean, by hand: (a + b + …) / n
    mine = [s.score for s in q3.windows if s.department == dept.department]
    assert by_dept[dept.department] == pytest.approx(float(sum(mine, Decimal(0)) / len(mine)), abs=1e-9)


def test_plot_works_with_no_conversion(q3_frames, month_frames, policy_frames) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scores = q3_frames["scores"]
    ax = scores[scores["kind"] == "window"].sort_values("score").plot.barh(x="subject", y="score")
    assert len(ax.patches) == 30  # one bar per window
    plt.close("all")
    scores["score"].plot.hist()
    plt.close("all")
    for label, frames, name in all_frames(q3_frames, month_frames, policy_frames):
        df = frames[name]
        for c in frames.decimal_columns[name]:
            if df[c].notna().any():
                df.plot(y=c)
                plt.close("all")
    q3_frames["monthly"].pivot_table(index="month", columns="kind", values="score", aggfunc="mean").plot()
    plt.close("all")


# ---------------------------------------------------------------- exact values one call away


def _typed_rows(q3: kaoping.PeriodResult) -> Dict[str, List[Dict[str, Decimal]]]:
    """Each frame's decimal columns, row by row, from the typed results (the rows' order)."""
    subjects = q3.windows + q3.staff
    months = q3.month_results
    out: Dict[str, List[Dict[str, Any]]] = {
        "scores": [{"score": s.score, "deductions": s.deductions, "bonus": s.bonus} for s in subjects],
        "monthly": [{"score": m.total} for s in subjects for m in s.monthly],
        "awards": [{"score": st.score} for a in q3.awards for st in a.standings],
        "departments": [{"indicator": d.indicator} for d in q3.departments],
        "month_scores": [{"base": s.base, "bonus": s.bonus, "score": s.total} for m in months for s in m.windows + m.staff],
        "categories": [{"max": c.max, "points": c.points, "category_score": c.score} for m in months for s in m.windows + m.staff for c in s.categories + s.bonuses],
        "lines": [{"raw": ln.raw, "points": ln.points} for m in months for s in m.windows + m.staff for c in s.categories + s.bonuses for ln in c.lines],
        "records": [{"points": o.points} for m in months for o in m.records],
    }
    return out


def test_exact_values_are_the_typed_decimals(q3: kaoping.PeriodResult, q3_frames) -> None:
    everywhere = q3.to_pandas(exact=True)
    for name, rows in _typed_rows(q3).items():
        exact = q3_frames.exact(name)
        assert list(exact.index) == list(q3_frames[name].index) and list(exact.columns) == list(q3_frames[name].columns)
        assert q3_frames.decimal_columns[name] == list(rows[0]) if rows else True
        for col in rows[0] if rows else []:
            want = [r[col] for r in rows]
            got = list(exact[col])
            assert got == want, f"{name}.{col}"
            assert [str(v) for v in got] == [str(v) for v in want]  # the core's digits, not only its value
            assert list(everywhere[name][col]) == want
            # the float is the nearest double to the core's value
            assert list(q3_frames[name][col].fillna(-1.0)) == [-1.0 if v is None else float(v) for v in want]


def test_exact_values_of_a_filtered_sorted_view(q3: kaoping.PeriodResult, q3_frames) -> None:
    scores = q3_frames["scores"]
    view = scores[scores["kind"] == "staff"].nsmallest(5, "score")
    exact = q3_frames.exact("scores").loc[view.index, "score"]
    assert list(exact) == [q3.subject(s).score for s in view["subject"]]  # type: ignore[union-attr]
    assert all(type(v) is Decimal for v in exact)
    # the typed results' own objects, not copies
    assert all(v is q3.subject(s).score for v, s in zip(exact, view["subject"]))  # type: ignore[union-attr]


def test_month_frames_exact(october: kaoping.PeriodResult, month_frames) -> None:
    month = october.month("2026-10")
    exact = month_frames.exact("scores")
    assert list(exact["score"]) == [s.total for s in month.windows + month.staff]
    assert list(exact["base"]) == [s.base for s in month.windows + month.staff]
    assert month_frames["scores"]["score"].dtype == "float64"
    with pytest.raises(KeyError):
        month_frames.exact("nothing")


def test_frames_pickle_as_a_dict(q3_frames) -> None:
    again = pickle.loads(pickle.dumps(q3_frames))
    assert type(again) is dict and set(again) == set(q3_frames)
    pd.testing.assert_frame_equal(again["scores"], q3_frames["scores"])


# ---------------------------------------------------------------- one name per concept


def test_one_name_per_concept(q3: kaoping.PeriodResult, q3_frames, month_frames, policy_frames) -> None:
    frames = all_frames(q3_frames, month_frames, policy_frames)
    for label, f, name in frames:
        cols = set(f[name].columns)
        assert "total" not in cols, f"{label}: a subject's score is `score`"
        if name not in ("scores", "month_scores"):
            assert "name" not in cols, f"{label}: `name` is a subject's name, found in a frame of another thing"
    # the score of a subject: `score` in the period's scores, its monthly scores, the award standings
    score = q3_frames.exact("scores").set_index("subject")["score"]
    awards = q3_frames.exact("awards")
    assert all(score[s] == v for s, v in zip(awards["subject"], awards["score"]))
    monthly = q3_frames.exact("monthly")
    months = q3_frames.exact("month_scores").set_index(["month", "subject"])["score"]
    assert all(months[(m, s)] == v for m, s, v in zip(monthly["month"], monthly["subject"], monthly["score"]))
    assert set(month_frames["scores"].columns) == set(q3_frames["month_scores"].columns)
    # names: a subject's name is `name`; an award's `award_name`; a department's `department_name`
    names = {s.subject: s.name for s in q3.windows + q3.staff}
    assert list(q3_frames["scores"]["name"]) == [names[s] for s in q3_frames["scores"]["subject"]]
    # the results are English (the library's default): core/policies/county.json names its awards
    # 示范窗口 "model window" and 政务之星 "service star"
    assert set(q3_frames["awards"]["award_name"]) == {"model window", "service star"}
    assert list(q3_frames["departments"]["department_name"]) == [d.name for d in q3.departments]
    # a column that appears in several frames has one dtype
    dtypes: Dict[str, set] = {}
    for label, f, name in frames:
        for c, t in f[name].dtypes.items():
            if len(f[name]):
                dtypes.setdefault(str(c), set()).add("number" if pd.api.types.is_float_dtype(t) else str(t))
    mixed = {c: t for c, t in dtypes.items() if len(t) > 1 and not t <= {"object", "str"}}
    assert not mixed, mixed
    # every renamed column's new name is in its frame, and the old one is gone
    for frame, renames in kaoping.RENAMED_COLUMNS.items():
        df = month_frames["scores"] if frame == "scores" else q3_frames[frame]
        for old, new in renames.items():
            assert new in df.columns and old not in df.columns, (frame, old, new)


# ---------------------------------------------------------------- Chinese labels, as the report writes them


def test_labels_are_the_reports(q3: kaoping.PeriodResult, q3_frames) -> None:
    report = json.loads(run_cli("report", str(SAMPLE), "--period", "2026-Q3", "--format", "json"))
    sheets = {s["slug"]: s for s in report["sheets"]}
    rec = sheets["records"]
    col = {c: i for i, c in enumerate(rec["columns"])}
    by_record = {row[col["记录编号"]]: row for row in rec["rows"]}
    records = q3_frames["records"]
    assert len(records) == len(by_record) == 438
    for r in records.itertuples():
        row = by_record[r.record]
        assert (r.status_label, r.outcome_label, r.rule_name, r.reason_label) == (row[col["状态"]], row[col["结果"]], row[col["项目名称"]], row[col["未计分原因"]])
    aw = sheets["awards"]
    col = {c: i for i, c in enumerate(aw["columns"])}
    by_standing = {(row[col["评先项目"]], row[col["编号"]]): row[col["结果"]] for row in aw["rows"]}
    awards = q3_frames["awards"]
    assert len(awards) == len(by_standing)
    # the frames are English (award_name "model window"), the report Chinese: awards by id
    name_zh = {x["id"]: x["name_zh"] for x in json.loads(kaoping.Policy.builtin().to_json())["awards"]["awards"]}
    for a in awards.itertuples():
        assert a.status_label == by_standing[(name_zh[a.award], a.subject)]
    lines = q3_frames["lines"]
    assert lines["rule_name"].notna().all()


# ---------------------------------------------------------------- the policy's rules


def test_rules_frame_is_the_policy(policy: kaoping.Policy, policy_frames, q3_frames) -> None:
    doc = policy.to_dict()
    rules = policy_frames["rules"]
    exact = policy_frames.exact("rules").set_index("rule")
    assert list(rules["rule"]) == [r["code"] for r in doc["rules"]]
    assert len(rules) == 43
    for r in doc["rules"]:
        row = exact.loc[r["code"]]
        assert (row["rule_name"], row["rule_name_en"], row["kind"], row["category"], row["rule_kind"], row["cite"]) == (
            r["name_zh"], r["name_en"], r["subject"], r["category"], r["kind"], r["cite"])
        caps = r.get("caps", {})
        for k in ("month", "year"):
            want = Decimal(caps[k]) if k in caps else None
            got = row[f"cap_{k}"]
            assert (got is None and want is None) or got == want, (r["code"], k)
    # by hand from core/policies/county.json: W5.1 capped at 3 a month, WB.3 at 2 a month and 4
    # a year, SB.1 at 2 a year; WB.2 needs evidence; S1.1 deducts from 工作考勤 (一、(一)(1))
    assert exact.loc["W5.1", "cap_month"] == Decimal("3") and exact.loc["W5.1", "cap_year"] is None
    assert (exact.loc["WB.3", "cap_month"], exact.loc["WB.3", "cap_year"]) == (Decimal("2"), Decimal("4"))
    assert exact.loc["SB.1", "cap_year"] == Decimal("2")
    assert bool(exact.loc["WB.2", "requires_evidence"]) and not bool(exact.loc["S1.1", "requires_evidence"])
    assert (exact.loc["S1.1", "category_name"], exact.loc["S1.1", "type"], exact.loc["SB.1", "type"]) == ("工作考勤", "deduction", "bonus")
    assert rules.set_index("rule").loc["W5.1", "cap_month"] == 3.0
    # categories: their maxima add up to the base, 100 (C1): 20+20+30+10+20 for staff
    cats = policy_frames.exact("categories")
    staff_deductions = cats[(cats["kind"] == "staff") & (cats["type"] == "deduction")]
    assert list(staff_deductions["max"]) == [Decimal(20), Decimal(20), Decimal(30), Decimal(10), Decimal(20)]
    assert sum(staff_deductions["max"], Decimal(0)) == Decimal(doc["staff"]["base"]) == Decimal(100)
    # a result's rules are its policy's
    pd.testing.assert_frame_equal(q3_frames["rules"], rules)
    # the rule names label the lines and records
    names = dict(zip(rules["rule"], rules["rule_name"]))
    assert all(names[r] == n for r, n in zip(q3_frames["lines"]["rule"], q3_frames["lines"]["rule_name"]))


def test_a_decoded_result_has_no_policy_to_name_rules(q3: kaoping.PeriodResult) -> None:
    decoded = kaoping._types.decode_json(kaoping.PeriodResult, q3.to_json())
    object.__setattr__(decoded, "_native_months", [])
    f = decoded.to_pandas()
    assert len(f["rules"]) == 0 and list(f["rules"].columns) == list(q3.to_pandas()["rules"].columns)
    assert f["scores"]["score"].dtype == "float64"
