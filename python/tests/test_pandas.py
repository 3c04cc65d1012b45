"""pandas in and out: the DataFrame path builds the same document the core parses; results as
tidy DataFrames hold the same numbers as the typed objects."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pandas as pd
import pytest
from conftest import SAMPLE

import kaoping


def test_dataset_round_trip_through_dataframes(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    frames = sample.to_pandas()
    assert set(frames) == {"departments", "windows", "terms", "staff", "metrics", "records"}
    assert list(frames["records"].columns[:4]) == ["id", "rule", "subject", "date"]
    assert str(frames["records"]["date"].dtype).startswith("datetime64")
    assert all(v is None or isinstance(v, Decimal) for v in frames["records"]["points"])
    again = kaoping.Dataset.from_pandas(hall=sample.hall, year=sample.year, targets=sample.to_dict()["targets"], **frames)
    assert again.to_json() == sample.to_json()
    assert kaoping.evaluate(policy, again, "2026-Q3").to_json() == kaoping.evaluate(policy, sample, "2026-Q3").to_json()


def test_round_trip_through_csv_files(tmp_path, policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    """What a data team does: frames to CSV, CSV back with pandas' own types (floats, NaN, dates
    as text), then scored: the same scores as the original."""
    frames = sample.to_pandas()
    for name, df in frames.items():
        df.to_csv(tmp_path / f"{name}.csv", index=False)
    read = {name: pd.read_csv(tmp_path / f"{name}.csv", dtype={"month": str}) for name in frames}
    assert read["records"]["points"].dtype == "float64"  # NaN made the column float
    again = kaoping.Dataset.from_pandas(base=sample, **read)
    expected = kaoping.evaluate(policy, sample, "2026-10").month_results[0]
    got = kaoping.evaluate(policy, again, "2026-10").month_results[0]
    assert [(s.subject, s.total) for s in got.staff] == [(s.subject, s.total) for s in expected.staff]
    assert [(s.subject, s.total) for s in got.windows] == [(s.subject, s.total) for s in expected.windows]


def test_documented_columns_build_the_same_json_as_the_dict(policy: kaoping.Policy) -> None:
    windows = pd.DataFrame({"id": ["W01", "W02"], "name": ["市场准入窗口", "税务窗口"], "department": ["D01", "D02"], "head": ["S001", None]})
    terms = pd.DataFrame({"window": ["W02", "W02"], "role": ["head", "head"], "staff": ["S002", "S003"], "from": [None, "2026-10-16"], "to": ["2026-10-15", None]})
    staff = pd.DataFrame(
        {
            "id": ["S001", "S002", "S003", "S003"],
            "name": ["张三", "李四", "王五", "王五"],
            "department": ["D01", "D02", "D02", "D02"],
            "window": ["W01", "W02", "W02", "W01"],
            "from": [None, None, None, datetime.date(2026, 11, 1)],
            "to": [None, None, pd.Timestamp("2026-10-31"), None],
        }
    )
    records = pd.DataFrame(
        {
            "id": ["R1", "R2", "R3"],
            "rule": ["S1.1", "S2.3", "SB.1"],
            "subject": ["S001", "S002", "S003"],
            "date": pd.to_datetime(["2026-10-09", "2026-10-10", "2026-10-12"]),
            "minutes": [45, None, None],  # float64 with NaN: 45.0 is written 45
            "points": [None, 3.5, None],  # a float read as its text: 3.5
            "note": ["迟到", None, "锦旗"],
        }
    )
    departments = pd.DataFrame({"id": ["D01", "D02"], "name": ["县市场监督管理局", "县税务局"]})
    metrics = pd.DataFrame({"window": ["W01"], "month": ["2026-10"], "cases": [120], "rates.online_full_process": [Decimal("95.5")]})
    hall = {"id": "H", "name": "测试大厅"}
    ds = kaoping.Dataset.from_pandas(hall=hall, year=2026, departments=departments, windows=windows, terms=terms, staff=staff, records=records, metrics=metrics, targets={"online_full_process": "90"})
    doc = {
        "hall": hall,
        "year": 2026,
        "departments": [{"id": "D01", "name": "县市场监督管理局"}, {"id": "D02", "name": "县税务局"}],
        "windows": [
            {"id": "W01", "name": "市场准入窗口", "department": "D01", "heads": [{"staff": "S001"}]},
            {"id": "W02", "name": "税务窗口", "department": "D02", "heads": [{"staff": "S002", "to": "2026-10-15"}, {"staff": "S003", "from": "2026-10-16"}]},
        ],
        "staff": [
            {"id": "S001", "name": "张三", "department": "D01", "assignments": [{"window": "W01"}]},
            {"id": "S002", "name": "李四", "department": "D02", "assignments": [{"window": "W02"}]},
            {"id": "S003", "name": "王五", "department": "D02", "assignments": [{"window": "W02", "to": "2026-10-31"}, {"window": "W01", "from": "2026-11-01"}]},
        ],
        "targets": {"online_full_process": "90"},
        "metrics": [{"window": "W01", "month": "2026-10", "cases": 120, "rates": {"online_full_process": "95.5"}}],
        "records": [
            {"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-10-09", "minutes": 45, "note": "迟到"},
            {"id": "R2", "rule": "S2.3", "subject": "S002", "date": "2026-10-10", "points": "3.5"},
            {"id": "R3", "rule": "SB.1", "subject": "S003", "date": "2026-10-12", "note": "锦旗"},
        ],
    }
    assert ds.to_json() == kaoping.Dataset.from_dict(doc).to_json() == kaoping.Dataset.from_json(json.dumps(doc)).to_json()
    month = kaoping.evaluate(policy, ds, "2026-10").month_results[0]
    assert month.subject("S002").category("S2").points == Decimal("3.5")  # type: ignore[union-attr]


def test_a_records_frame_replaces_the_records_of_a_base_dataset(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    records = sample.to_pandas()["records"]
    october = records[records["date"].dt.month == 10].reset_index(drop=True)
    ds = kaoping.Dataset.from_pandas(base=sample, records=october)
    assert len(ds.to_dict()["records"]) == len(october)
    assert ds.to_dict()["staff"] == sample.to_dict()["staff"]


def test_floats_in_input_are_read_as_their_shortest_text() -> None:
    base = {"hall": {"id": "H", "name": "大厅"}, "year": 2026, "windows": [{"id": "W1", "name": "窗口", "department": "D"}],
            "staff": [{"id": "S1", "name": "甲", "assignments": [{"window": "W1"}]}]}
    def rec(points):
        return kaoping.Dataset.from_dict({**base, "records": [{"id": "R1", "rule": "S2.3", "subject": "S1", "date": "2026-10-01", "points": points}]}).to_dict()["records"][0]["points"]
    assert rec(3.5) == rec("3.5") == rec(Decimal("3.5")) == "3.5"
    assert rec(Decimal("3.50")) == "3.50"  # a Decimal keeps its digits
    assert rec(0.1 + 3.2) == "3.3000000000000003"  # the float's own shortest text, not rounded by us
    assert rec(4.0) == "4"  # an integral float is an integer
    with pytest.raises(kaoping.ValidationError) as e:
        rec(float("nan"))
    assert e.value.problems[0].path == "records[0].points"


def test_result_frames_are_tidy_and_hold_the_typed_values(october: kaoping.PeriodResult) -> None:
    (month,) = october.month_results
    f = month.to_pandas()
    assert set(f) == {"scores", "categories", "lines", "records", "flags", "rules"}
    scores = f["scores"]
    assert len(scores) == len(month.windows) + len(month.staff)
    assert scores["score"].dtype == "float64"
    exact = f.exact("scores")
    assert exact["score"].map(type).eq(Decimal).all()
    by_subject = exact.set_index("subject")["score"]
    for s in month.windows + month.staff:
        assert by_subject[s.subject] == s.total
    lines = f.exact("lines")
    assert {"subject", "type", "category", "rule", "rule_name", "record", "raw", "points", "cut", "cut_label", "detail"} <= set(lines.columns)
    assert set(lines["type"]) == {"deduction", "bonus"}
    # a subject's lines add up to its category points, category by category (exact sums)
    cats = f.exact("categories").set_index(["subject", "category"])
    for (subject, code), group in lines.groupby(["subject", "category"]):
        assert sum(group["points"], Decimal(0)) == cats.loc[(subject, code), "points"]
    cut = lines[lines["cut"].notna()]
    if len(cut):
        assert cut["cut_label"].notna().all()
    records = f["records"]
    assert len(records) == len(month.records)
    assert str(records["date"].dtype).startswith("datetime64")
    not_counted = records[records["outcome"] == "not_counted"]
    assert not_counted["reason"].notna().all() and not_counted["reason_label"].notna().all()


def test_floats_is_deprecated_and_still_answers(q3: kaoping.PeriodResult) -> None:
    with pytest.warns(FutureWarning, match="exact=True"):
        floats = q3.to_pandas(floats=True)
    with pytest.warns(FutureWarning):
        decimals = q3.to_pandas(floats=False)  # what floats=False (the old default) gave: Decimal
    exact = q3.to_pandas(exact=True)
    assert floats["scores"]["score"].dtype == "float64" and exact["scores"]["score"].dtype == object
    assert list(decimals["scores"]["score"]) == list(exact["scores"]["score"]) == [s.score for s in q3.windows + q3.staff]
    assert [float(x) for x in exact["scores"]["score"]] == list(floats["scores"]["score"])
    assert list(exact["scores"]["subject"]) == [s.subject for s in q3.windows + q3.staff]
    awards = exact["awards"]
    model = awards[(awards["award"] == "model_window") & (awards["status"] == "awarded")]
    assert list(model["subject"]) == q3.award("model_window").awarded  # type: ignore[union-attr]
    assert sorted(set(exact["month_scores"]["month"])) == q3.months
    with pytest.raises(ValueError), pytest.warns(FutureWarning):
        q3.to_pandas(exact=True, floats=True)
