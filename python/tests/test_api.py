"""The Python surface: loaders agree, objects pickle, periods as text or int, the wheel's tag."""

from __future__ import annotations

import importlib.metadata
import json
import pickle

import pytest
from conftest import POLICIES, SAMPLE, run_cli

import kaoping


def test_the_builtin_policy_is_the_commands() -> None:
    # `kaoping policy` prints the embedded file; the core writes defaults it leaves out, so compare
    # the policies the core makes of both.
    assert kaoping.Policy.builtin().to_json() == kaoping.Policy.from_json(run_cli("policy")).to_json()


def test_every_loader_gives_the_same_policy_and_dataset() -> None:
    text = POLICIES[0].read_text(encoding="utf-8")
    policies = [kaoping.Policy.from_file(POLICIES[0]), kaoping.Policy.from_json(text), kaoping.Policy.from_json(text.encode()), kaoping.Policy.from_dict(json.loads(text))]
    assert len({p.to_json() for p in policies}) == 1
    text = SAMPLE.read_text(encoding="utf-8")
    datasets = [kaoping.Dataset.from_file(SAMPLE), kaoping.Dataset.from_file(str(SAMPLE)), kaoping.Dataset.from_json(text), kaoping.Dataset.from_dict(json.loads(text))]
    assert len({d.to_json() for d in datasets}) == 1
    assert datasets[0].hall == {"id": "xx-county-hall", "name": "XX县政务服务大厅"} and datasets[0].year == 2026


def test_documents_as_bytes_are_read_by_the_core() -> None:
    # bytes (a file as read) and bytearray go to the core unchanged; a BOM is allowed, as in Rust
    # and the C ABI; a str and its UTF-8 bytes give the same dataset and policy
    raw = SAMPLE.read_bytes()
    forms = [raw, bytearray(raw), b"\xef\xbb\xbf" + raw, raw.decode("utf-8"), "\ufeff" + raw.decode("utf-8")]
    assert len({kaoping.Dataset.from_json(f).to_json() for f in forms}) == 1
    text = POLICIES[0].read_bytes()
    assert len({kaoping.Policy.from_json(f).to_json() for f in (text, bytearray(text), text.decode("utf-8"))}) == 1


def test_bytes_that_are_not_utf8_name_the_byte() -> None:
    # the core's check, as from Rust and the C ABI: the first bad byte is the 14th (offset 13)
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_json(b'{"hall": {"id\xff": 1}}')
    first = info.value.problems[0]
    assert (first.kind, first.path, first.message) == ("syntax", "", "the dataset is not valid UTF-8 (at byte 13)")
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Policy.from_json(bytearray(b"\xc3("))
    assert info.value.problems[0].message == "the policy is not valid UTF-8 (at byte 0)"


def test_a_document_of_another_type_is_a_type_error() -> None:
    for bad in (None, 12, ["{}"], {"hall": {}}):
        with pytest.raises(TypeError, match="a JSON document is a str, bytes or bytearray"):
            kaoping.Dataset.from_json(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kaoping.Policy.from_json(memoryview(b"{}"))  # type: ignore[arg-type]


def test_policies_and_datasets_pickle(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    p, d = pickle.loads(pickle.dumps(policy)), pickle.loads(pickle.dumps(sample))
    assert p.to_json() == policy.to_json() and d.to_json() == sample.to_json()
    assert kaoping.evaluate(p, d, "2026-10").to_json() == kaoping.evaluate(policy, sample, "2026-10").to_json()


def test_periods_as_text_or_int(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    year = kaoping.evaluate(policy, sample, 2026)
    assert year.period == "2026" and year.kind == "year" and len(year.months) == 12
    assert policy.evaluate(sample, "2026").to_json() == year.to_json()
    assert kaoping.evaluate(policy, sample, "2026-q3").period == "2026-Q3"


def test_objects_are_made_only_through_the_loaders() -> None:
    with pytest.raises(TypeError):
        kaoping.Policy("xx")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kaoping.Dataset({})  # type: ignore[arg-type]


def test_the_wheel_is_abi3_for_cpython_39_and_later() -> None:
    wheel = importlib.metadata.distribution("kaoping").read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in wheel.splitlines() if line.startswith("Tag:")]
    assert tags and all(t.startswith("cp39-abi3-") for t in tags), tags


def test_every_format_problem_at_once() -> None:
    # issue 20, item 3: five dates written 2026/10/N are five problems, each naming its record
    records = [{"id": f"R{i}", "rule": "S1.1", "subject": "P", "date": f"2026/10/{i + 1}"} for i in range(5)]
    doc = json.dumps({"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": records})
    with pytest.raises(kaoping.ValidationError) as info:
        kaoping.Dataset.from_json(doc)
    got = [(p.path, p.record) for p in info.value.problems]
    assert got == [(f"records[{i}].date", f"R{i}") for i in range(5)]
