"""The bad-input corpus (tests/bad-inputs/) from Python: each file gives exactly the first problem
expected.json names (kind, path, message, record, rule), as from Rust and the C ABI."""
import json
import pathlib

import pytest

import kaoping

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "bad-inputs"
MANIFEST = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def load(name, document):
    data = (CORPUS / name).read_bytes()
    if document == "policy":
        kaoping.Policy.from_json(data)
    else:
        ds = kaoping.Dataset.from_json(data)
        kaoping.Policy.builtin().validate(ds)


def test_the_corpus_is_large_enough():
    assert len(MANIFEST) >= 60


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file(name):
    exp = MANIFEST[name]
    if exp["ok"]:
        load(name, exp["document"])
        return
    with pytest.raises(kaoping.ValidationError) as err:
        load(name, exp["document"])
    first = err.value.problems[0]
    want = exp["first"]
    assert err.value.document == exp["document"]
    assert (first.kind, first.path, first.message, first.record, first.rule) == (
        want["kind"], want["path"], want["message"], want.get("record"), want.get("rule"))
