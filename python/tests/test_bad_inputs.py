"""The bad-input corpus (tests/bad-inputs/) from Python: each file gives exactly the first problem
expected.json names (kind, path, message, record, rule), as from Rust and the C ABI. A dataset is
checked against the built-in policy, or against the corpus's policy file its entry names ("policy");
an accepted dataset is evaluated too (its year)."""
import json
import pathlib

import pytest

import kaoping

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "bad-inputs"
MANIFEST = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def load(name, exp):
    data = (CORPUS / name).read_bytes()
    if exp["document"] == "policy":
        kaoping.Policy.from_json(data)
        return
    # a dataset's own policy (issue 20, item 1): a policy file of the corpus, accepted alone
    own = exp.get("policy")
    policy = kaoping.Policy.from_json((CORPUS / own).read_bytes()) if own else kaoping.Policy.builtin()
    ds = kaoping.Dataset.from_json(data)
    policy.validate(ds)
    if exp["ok"]:
        result = policy.evaluate(ds, ds.year)
        assert len(result.month_results) == 12


def test_the_corpus_is_large_enough():
    assert len(MANIFEST) >= 60


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file(name):
    exp = MANIFEST[name]
    if exp["ok"]:
        load(name, exp)
        return
    with pytest.raises(kaoping.ValidationError) as err:
        load(name, exp)
    first = err.value.problems[0]
    want = exp["first"]
    assert err.value.document == exp["document"]
    assert (first.kind, first.path, first.message, first.record, first.rule) == (
        want["kind"], want["path"], want["message"], want.get("record"), want.get("rule"))
