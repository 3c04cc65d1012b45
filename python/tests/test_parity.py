"""Python results equal the Rust results on the sample dataset: the same JSON, byte for byte, and
typed objects that hold exactly the values of that JSON."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from conftest import SAMPLE, as_json_values, run_cli, strip_none

import kaoping


def test_month_json_is_the_commands_json_byte_for_byte(october: kaoping.PeriodResult) -> None:
    # the library writes English unless told otherwise; the command Chinese unless told otherwise
    expected = run_cli("score", str(SAMPLE), "--month", "2026-10", "--format", "json", "--lang", "en")
    (month,) = october.month_results
    assert month.to_json() + "\n" == expected
    assert json.loads(month.to_json()) == json.loads(expected)


@pytest.mark.parametrize("period", ["2026-10", "2026-Q3", "2026"])
def test_period_json_is_the_commands_json_byte_for_byte(policy: kaoping.Policy, sample: kaoping.Dataset, period: str) -> None:
    expected = run_cli("score", str(SAMPLE), "--period", period, "--format", "json", "--lang", "en")
    result = kaoping.evaluate(policy, sample, period)
    assert result.to_json() + "\n" == expected
    # and in Chinese, the command's default, from the same policy with its language set
    expected_zh = run_cli("score", str(SAMPLE), "--period", period, "--format", "json")
    chinese = policy.with_lang("zh-CN")
    assert chinese.lang == "zh-CN" and policy.lang == "en"
    assert kaoping.evaluate(chinese, sample, period).to_json() + "\n" == expected_zh


def test_awards_equal_the_commands_awards(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    expected = json.loads(run_cli("awards", str(SAMPLE), "--period", "2026", "--format", "json", "--lang", "en"))
    year = kaoping.evaluate(policy, sample, 2026)
    # (an optional field the core leaves out, as to_decide, is None in to_dict())
    assert [as_json_values(strip_none(a.to_dict())) for a in year.awards] == strip_none(expected)


def test_typed_objects_hold_the_json_values(october: kaoping.PeriodResult, q3: kaoping.PeriodResult) -> None:
    """to_dict() of the typed objects, with Decimal and date written back as strings, is the core's
    JSON: no value lost, rounded or renamed."""
    (month,) = october.month_results
    assert as_json_values(strip_none(month.to_dict())) == strip_none(json.loads(month.to_json()))
    for result in (october, q3):
        assert as_json_values(strip_none(result.to_dict())) == strip_none(json.loads(result.to_json()))
    for m in q3.month_results:
        assert as_json_values(strip_none(m.to_dict())) == strip_none(json.loads(m.to_json()))


def test_scores_are_decimals_never_floats(october: kaoping.PeriodResult) -> None:
    (month,) = october.month_results
    s = month.staff[0]
    for v in (s.base, s.bonus, s.total, s.categories[0].max, s.categories[0].score):
        assert type(v) is Decimal
    assert all(type(w.score) is Decimal for w in october.windows)
    assert all(type(r.date) is datetime.date for r in month.records)

    def no_floats(obj: object) -> None:
        if isinstance(obj, dict):
            for v in obj.values():
                no_floats(v)
        elif isinstance(obj, list):
            for v in obj:
                no_floats(v)
        else:
            assert not isinstance(obj, float), obj

    no_floats(month.to_dict())
    no_floats(october.to_dict())


def test_a_quarter_has_its_three_months_with_the_same_numbers_as_the_months_alone(policy: kaoping.Policy, sample: kaoping.Dataset, q3: kaoping.PeriodResult) -> None:
    assert q3.period == "2026-Q3" and q3.kind == "quarter"
    assert q3.months == ["2026-07", "2026-08", "2026-09"]
    assert [m.month for m in q3.month_results] == q3.months
    august = kaoping.evaluate(policy, sample, "2026-08").month_results[0]
    assert q3.month("2026-08").to_json() == august.to_json()
    assert q3.month(8) == august
    # the period's monthly totals are the months' totals
    for s in q3.windows:
        for mt in s.monthly:
            sm = q3.month(mt.month).subject(s.subject)
            assert sm is not None and sm.total == mt.total


def test_rankings_and_awards(q3: kaoping.PeriodResult) -> None:
    ranking = q3.ranking("window")
    assert [w.rank for w in ranking] == sorted(w.rank for w in ranking)
    assert ranking[0].rank == 1
    assert all(a.score >= b.score for a, b in zip(ranking, ranking[1:]))
    award = q3.award("model_window")
    # English results (the default) name it by the policy's name_en (county.json: 示范窗口, "model window")
    assert award is not None and award.name == "model window" and award.subject == "window"
    assert len(award.awarded) <= award.quota
    assert [st.subject for st in award.standings if st.status == "awarded"] == award.awarded
    stars = q3.award("service_star", "staff")
    assert stars is not None and stars.subject == "staff"
    assert q3.award("no-such-award") is None
    dept = q3.departments[0]
    assert dept.indicator is None or type(dept.indicator) is Decimal


def test_explain_is_the_cores_text(
    october: kaoping.PeriodResult, q3: kaoping.PeriodResult, policy: kaoping.Policy, sample: kaoping.Dataset
) -> None:
    # the explanation is in the result's language: English by default, Chinese from a Chinese policy
    chinese = kaoping.evaluate(policy.with_lang("zh-CN"), sample, "2026-10")
    for result, who, total, grade, record in [
        (october, "staff member", "total", "grade", "record"),
        (chinese, "窗口工作人员", "总分", "等次", "记录"),
    ]:
        (month,) = result.month_results
        s = next(s for s in month.staff if any(c.lines for c in s.categories))
        text = result.explain(s.subject)
        assert text == month.explain(s.subject) == result.explain(s.subject, "2026-10")
        assert text.startswith(f"{who} {s.subject} {s.name}")
        assert total in text and grade in text
        for c in s.categories:
            for line in c.lines:
                assert line.rule in text
                if line.record:
                    assert f"{record} {line.record}" in text
    w = q3.windows[0]
    assert q3.explain(w.subject, month="2026-08").startswith(f"window {w.subject}")
    with pytest.raises(TypeError):
        q3.explain(w.subject)  # a quarter has three months: say which
    with pytest.raises(KeyError):
        october.explain("NOBODY")
    with pytest.raises(KeyError):
        q3.month("2026-10")


def test_every_record_of_the_month_has_one_outcome(october: kaoping.PeriodResult, sample: kaoping.Dataset) -> None:
    (month,) = october.month_results
    dated = [r["id"] for r in sample.to_dict()["records"] if r["date"].startswith("2026-10")]
    assert sorted(o.record for o in month.records) == sorted(dated)
    o = month.record(dated[0])
    assert o is not None and o.outcome in ("counted", "partly_counted", "not_counted")
