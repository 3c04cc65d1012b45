"""Errors: kaoping.ValidationError (a ValueError) with every problem's path, record and message."""

from __future__ import annotations

import json
import pickle

import jsonschema
import pytest
from conftest import BAD, SAMPLE, load_schema

import kaoping


@pytest.fixture(scope="module")
def bad() -> kaoping.Dataset:
    return kaoping.Dataset.from_file(BAD)  # the bad fixture parses: its problems are semantic


def test_bad_fixture_is_rejected_with_every_problem(policy: kaoping.Policy, bad: kaoping.Dataset) -> None:
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.evaluate(policy, bad, "2026-10")
    e = info.value
    assert isinstance(e, ValueError)
    assert e.document == "dataset"
    assert e.error_count() == len(e.problems) >= 3
    first = e.problems[0]
    assert (first.path, first.record, first.rule) == ("records[0].points", "BAD-0001", "S2.3")
    assert "records[0].points" in str(e) and "BAD-0001" in str(e)
    records = {p.record for p in e.problems}
    assert {"BAD-0001", "BAD-0002", "BAD-0003"} <= records
    paths = {p.path.split(".")[0] for p in e.problems}
    assert {"records[0]", "records[1]", "records[2]"} <= paths
    for p in e.problems:
        assert p.message and p.kind in {"syntax", "invalid", "unknown_reference", "duplicate", "unknown_kind", "unsupported"}


def test_validate_raises_the_same_problems(policy: kaoping.Policy, bad: kaoping.Dataset) -> None:
    with pytest.raises(kaoping.ValidationError) as a:
        kaoping.validate(policy, bad)
    with pytest.raises(kaoping.ValidationError) as b:
        policy.validate(bad)
    assert a.value.errors() == b.value.errors()
    kaoping.validate(policy, kaoping.Dataset.from_file(SAMPLE))  # the sample is valid: no exception


def test_errors_as_data_follow_the_published_errors_schema(policy: kaoping.Policy, bad: kaoping.Dataset) -> None:
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.validate(policy, bad)
    e = info.value
    doc = json.loads(e.json())
    jsonschema.Draft202012Validator(load_schema("errors")).validate(doc)
    assert doc == {"document": "dataset", "problems": e.errors()}
    assert e.errors()[0] == {"kind": e.problems[0].kind, "path": "records[0].points", "record": "BAD-0001", "rule": "S2.3", "message": e.problems[0].message}
    again = pickle.loads(pickle.dumps(e))
    assert isinstance(again, kaoping.ValidationError) and again.errors() == e.errors() and str(again) == str(e)


def test_syntax_errors_name_their_place() -> None:
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_json('{"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": [{"id": "R1", "rule": "S1.1", "subject": "S1", "date": "2026-13-01"}]}')
    p = info.value.problems[0]
    assert p.path == "records[0].date" and p.kind == "syntax"
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_json("{not json")
    assert info.value.problems[0].kind == "syntax" and "not valid JSON" in info.value.problems[0].message


def test_bad_requests(policy: kaoping.Policy) -> None:
    ds = kaoping.Dataset.from_file(SAMPLE)
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.evaluate(policy, ds, "2025-10")
    assert info.value.document == "request" and info.value.problems[0].path == "period"
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.evaluate(policy, ds, "October")
    assert info.value.document == "request" and "2026-Q3" in info.value.problems[0].message
    with pytest.raises(TypeError):
        kaoping.evaluate(ds, policy, "2026-10")  # type: ignore[arg-type]


def test_bad_policy() -> None:
    doc = kaoping.Policy.builtin().to_dict()
    doc["rules"][0]["category"] = "S9"
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Policy.from_dict(doc)
    p = info.value.problems[0]
    assert info.value.document == "policy" and p.path == "rules[0].category" and p.rule == doc["rules"][0]["code"]


def test_files_and_values_python_cannot_write() -> None:
    with pytest.raises(FileNotFoundError):
        kaoping.Dataset.from_file("no/such/file.json")
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_dict({"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": [object()]})
    assert info.value.problems[0].path == "records[0]"


def test_a_panic_in_the_core_is_a_runtime_error_not_a_panic_exception() -> None:
    # a bug in the core reaches Python as an Exception (RuntimeError) that `except Exception`
    # catches, never pyo3's PanicException (a BaseException)
    import kaoping._kaoping as native

    try:
        native._panic_in_core_for_tests()
    except Exception as e:  # noqa: BLE001 - the point of the test
        assert type(e) is RuntimeError, type(e)
        assert "internal error" in str(e) and "a deliberate panic" in str(e)
    else:
        raise AssertionError("no error raised")
