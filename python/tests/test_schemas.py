"""The published JSON Schemas and the Rust validator agree: both accept the shipped documents and
both reject schema-invalid ones (checked with the third-party jsonschema package)."""

from __future__ import annotations

import copy
import json
from typing import Any, Callable, Dict

import jsonschema
import pytest
from conftest import BAD, POLICIES, SAMPLE, SCHEMAS, load_schema

import kaoping

dataset_validator = jsonschema.Draft202012Validator(load_schema("dataset"))
policy_validator = jsonschema.Draft202012Validator(load_schema("policy"))


def sample_doc() -> Dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", kaoping.SCHEMA_NAMES)
def test_published_schemas_are_the_cores(name: str) -> None:
    assert kaoping.schema(name) == (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    jsonschema.Draft202012Validator.check_schema(json.loads(kaoping.schema(name)))


def test_both_accept_the_sample_dataset() -> None:
    dataset_validator.validate(sample_doc())
    kaoping.Dataset.from_file(SAMPLE)


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.name)
def test_both_accept_the_shipped_policies(path) -> None:
    policy_validator.validate(json.loads(path.read_text(encoding="utf-8")))
    kaoping.Policy.from_file(path)


def test_the_bad_fixture_is_schema_valid_its_problems_are_semantic(policy: kaoping.Policy) -> None:
    dataset_validator.validate(json.loads(BAD.read_text(encoding="utf-8")))
    ds = kaoping.Dataset.from_file(BAD)  # parses…
    with pytest.raises(kaoping.ValidationError):
        policy.validate(ds)  # …and the policy's checks reject it


def test_results_follow_their_schemas(october: kaoping.PeriodResult, q3: kaoping.PeriodResult) -> None:
    jsonschema.Draft202012Validator(load_schema("result")).validate(json.loads(october.month_results[0].to_json()))
    period = jsonschema.Draft202012Validator(load_schema("period_result"))
    period.validate(json.loads(october.to_json()))
    period.validate(json.loads(q3.to_json()))


def _record(doc: Dict[str, Any]) -> Dict[str, Any]:
    return doc["records"][0]  # type: ignore[no-any-return]


BROKEN_DATASETS: Dict[str, Callable[[Dict[str, Any]], None]] = {
    "record without rule": lambda d: _record(d).pop("rule"),
    "points as an object": lambda d: _record(d).__setitem__("points", {"value": "2.5"}),
    "misspelled record field": lambda d: _record(d).__setitem__("subjct", _record(d).pop("subject")),
    "misspelled top-level field": lambda d: d.__setitem__("recods", d.pop("records")),
    "count as a string": lambda d: _record(d).__setitem__("count", "two"),
    "unknown status": lambda d: _record(d).__setitem__("status", "maybe"),
    "year as text": lambda d: d.__setitem__("year", "2026"),
    "staff without assignments": lambda d: d["staff"][0].pop("assignments"),
}


@pytest.mark.parametrize("name", list(BROKEN_DATASETS))
def test_both_reject_schema_invalid_datasets(name: str) -> None:
    doc = sample_doc()
    BROKEN_DATASETS[name](doc)
    errors = list(dataset_validator.iter_errors(doc))
    assert errors, f"jsonschema accepted a dataset with {name}"
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_json(json.dumps(doc, ensure_ascii=False))
    assert info.value.problems[0].kind == "syntax"
    # both point at the same place
    schema_place = "/".join(str(p) for p in errors[0].absolute_path)
    rust_place = info.value.problems[0].path.replace("[", ".").replace("]", "").replace(".", "/")
    assert rust_place.startswith(schema_place) or schema_place.startswith(rust_place), (schema_place, info.value.problems[0].path)


BROKEN_POLICIES: Dict[str, Callable[[Dict[str, Any]], None]] = {
    "rule item without code": lambda p: p["rules"][0].pop("code"),
    "misspelled rule item field": lambda p: p["rules"][0].__setitem__("catgory", p["rules"][0].pop("category")),
    "unknown rule kind": lambda p: p["rules"][0].__setitem__("kind", "no_such_kind"),
}


@pytest.mark.parametrize("name", list(BROKEN_POLICIES))
def test_both_reject_schema_invalid_policies(name: str) -> None:
    doc = copy.deepcopy(kaoping.Policy.builtin().to_dict())
    BROKEN_POLICIES[name](doc)
    assert list(policy_validator.iter_errors(doc)), f"jsonschema accepted a policy with {name}"
    with pytest.raises(kaoping.ValidationError):
        kaoping.Policy.from_dict(doc)
