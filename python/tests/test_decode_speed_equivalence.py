"""The compiled decoders behind ``kaoping._types.decode_json`` (the fast path of ``evaluate`` and
``month_results``) give exactly what the reference decoder ``kaoping._types.decode`` gives: the
same classes, field values (Decimal digit for digit, dates, ints, strings), ``__dict__`` order, and
for JSON that does not fit, the same exception with the same message. Values only, never timings.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import pickle
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
from conftest import ROOT

import kaoping
from kaoping import _types
from kaoping._api import MonthResult, PeriodResult
from kaoping._types import _Record, decode, decode_json

PERIODS = ["2026-10", "2026-Q3", "2026"]


# ---------------------------------------------------------------- helpers


def assert_same(a: Any, b: Any, path: str = "$", order: bool = True) -> None:
    """``a`` and ``b`` hold the same values of the same types, recursively, and (``order``) their
    ``__dict__`` has the fields in field order (public fields only)."""
    assert type(a) is type(b), f"{path}: {type(a).__name__} != {type(b).__name__}"
    if dataclasses.is_dataclass(a):
        names = [f.name for f in dataclasses.fields(a)]
        for x in (a, b):
            keys = [k for k in vars(x) if not k.startswith("_")]
            assert keys == names if order else sorted(keys) == sorted(names), f"{path}: __dict__ {keys}"
        for n in names:
            assert_same(getattr(a, n), getattr(b, n), f"{path}.{n}", order)
        assert repr(a) == repr(b), path
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: {len(a)} != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{i}]", order)
    elif isinstance(a, Decimal):
        assert a.as_tuple() == b.as_tuple() and str(a) == str(b), f"{path}: {a!r} != {b!r}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


def outcome(fn: Any) -> Tuple[str, Any]:
    try:
        return ("ok", fn())
    except Exception as e:  # noqa: BLE001 - the point is to compare whatever is raised
        return ("error", (type(e), str(e)))


def assert_same_outcome(cls: type, text: str, what: str, order: bool = True) -> None:
    ref = outcome(lambda: decode(cls, json.loads(text)))
    fast = outcome(lambda: decode_json(cls, text))
    assert ref[0] == fast[0], f"{what}: reference {ref}, fast {fast}"
    if ref[0] == "ok":
        assert_same(fast[1], ref[1], what, order)
    else:
        assert fast[1] == ref[1], what


def core_outputs(policy: kaoping.Policy, dataset: kaoping.Dataset, periods: List[str], months: int = 3) -> List[Tuple[type, str]]:
    """The core's JSON texts: each period's result and (up to ``months`` of) its months'."""
    out: List[Tuple[type, str]] = []
    for period in periods:
        r = kaoping.evaluate(policy, dataset, period)
        out.append((PeriodResult, r.to_json()))
        out += [(MonthResult, m.to_json()) for m in r.__dict__["_native_months"][:months]]
    return out


@pytest.fixture(scope="module")
def outputs(policy: kaoping.Policy, sample: kaoping.Dataset) -> List[Tuple[type, str]]:
    return core_outputs(policy, sample, PERIODS, months=1)


# ---------------------------------------------------------------- the core's own output


def test_compiled_decoders_give_the_reference_objects(outputs: List[Tuple[type, str]]) -> None:
    for cls, text in outputs:
        # The compiled decoder itself, so that a fallback to the reference decoder cannot hide it.
        fast = _types._compiled(cls)(json.loads(text), {}, {})
        ref = decode(cls, json.loads(text))
        assert_same(fast, ref)
        assert_same(decode_json(cls, text), ref)
        assert fast == ref and fast.to_dict() == ref.to_dict()
    month = decode_json(MonthResult, outputs[0][1] if outputs[0][0] is MonthResult else outputs[1][1])
    line = next(ln for s in month.windows for c in s.categories for ln in c.lines)
    assert hash(line) == hash(decode(type(line), json.loads(json.dumps(_json_of(line)))))


def test_generated_county_hall_year_decodes_the_same(policy: kaoping.Policy) -> None:
    """The benchmark's hall (benches/python_bench.py), when target/bench-data has been generated."""
    halls = sorted((ROOT / "target" / "bench-data" / "county").glob("*.json"))
    if not halls:
        pytest.skip("no generated bench data (target/bench-data/county)")
    dataset = kaoping.Dataset.from_file(halls[0])
    for cls, text in core_outputs(policy, dataset, ["2026"], months=1):
        assert_same(_types._compiled(cls)(json.loads(text), {}, {}), decode(cls, json.loads(text)))


def test_public_results_are_the_reference_objects(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    for period in ["2026-10", "2026-Q3"]:
        r = kaoping.evaluate(policy, sample, period)
        assert_same(r, decode(PeriodResult, json.loads(r.to_json())))
        for m in r.month_results:
            assert_same(m, decode(MonthResult, json.loads(m.to_json())))
            assert m.explain(m.windows[0].subject)


def test_decoded_objects_behave_as_before(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    r = kaoping.evaluate(policy, sample, "2026-Q3")
    s = r.windows[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.score = Decimal(0)  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(s)) == s
    assert dataclasses.replace(s, rank=99).rank == 99 and s.rank != 99
    assert dataclasses.asdict(s) == dataclasses.asdict(decode(type(s), json.loads(json.dumps(_json_of(s)))))
    assert type(s.score) is Decimal and type(s.monthly[0]) is kaoping.MonthTotal
    record = r.month_results[0].records[0]
    assert type(record.date) is datetime.date


def _json_of(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {f.name: _json_of(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [_json_of(v) for v in obj]
    if isinstance(obj, (Decimal, datetime.date)):
        return str(obj)
    return obj


# ---------------------------------------------------------------- JSON that does not fit


def shrink(v: Any, keep: int = 2) -> Any:
    """The document with every list cut to its first ``keep`` items (small, same structure)."""
    if isinstance(v, dict):
        return {k: shrink(x, keep) for k, x in v.items()}
    if isinstance(v, list):
        return [shrink(x, keep) for x in v[:keep]]
    return v


def objects(cls: type, v: Any) -> Iterator[Tuple[type, Dict[str, Any]]]:
    """Every JSON object in ``v`` with the class it decodes to."""
    yield cls, v
    hints = typing.get_type_hints(cls)
    for name, x in v.items():
        tp = hints[name]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) in (list, List):
            item, values = args[0], x
        else:  # a single object, or an optional one
            item, values = (args[0] if args else tp), ([] if x is None else [x])
        if isinstance(item, type) and dataclasses.is_dataclass(item):
            for y in values:
                yield from objects(item, y)


BAD_VALUES: List[Any] = [None, 7, "7", 7.5, True, [], {}, "not a number", "2026-13-01", " 5 ", "NaN", ["x"], [{}], [None]]


def mutations(obj: Dict[str, Any], cls: type) -> Iterator[Tuple[str, bool]]:
    """Ways of spoiling (or varying) one JSON object, applied in place for the time of a ``yield``;
    each with whether the ``__dict__`` order is the same (see below)."""
    saved = dict(obj)
    fields = dataclasses.fields(cls)

    def restore() -> None:
        obj.clear()
        obj.update(saved)

    for f in fields:
        if f.name in obj:
            del obj[f.name]
            yield f"without {f.name}", True
            restore()
        for bad in BAD_VALUES:
            obj[f.name] = bad
            yield f"{f.name} = {bad!r}", True
            restore()
        if f.default is None:  # an optional field written first: its place in __dict__
            for good in ("x", "1.50", "2026-10-01"):
                obj.clear()
                obj.update({f.name: good, **{k: v for k, v in saved.items() if k != f.name}})
                yield f"{f.name} = {good!r} first", True
                restore()
    obj["zzz_unknown"] = 1
    yield "an unknown field", True
    restore()
    # Required fields in another order than the core's (which it never writes): the same values,
    # but the compiled decoders keep the JSON's order of required fields in ``__dict__``.
    obj.clear()
    obj.update(reversed(list(saved.items())))
    yield "fields in reverse order", False
    restore()


def test_the_same_errors_for_json_that_does_not_fit(outputs: List[Tuple[type, str]]) -> None:
    """Every field of one object of each class, in a period's and a month's document, spoiled."""
    seen = set()
    for cls, text in outputs:
        doc = shrink(json.loads(text))
        # A flag and a warning of the core's shape where the cut-down sample has none.
        flag = {"code": "disqualified", "detail": "a complaint upheld", "period": doc.get("period", "2026-10"), "rule": "P7"}
        if cls is MonthResult:
            doc["windows"][0]["flags"] = doc["windows"][0]["flags"] or [flag]
            doc["warnings"] = doc["warnings"] or [{"message": "no metrics for W01 in 2026-10", "subject": "W01"}]
        else:
            doc["windows"][0]["disqualifications"] = doc["windows"][0]["disqualifications"] or [flag]
        assert_same_outcome(cls, json.dumps(doc), f"{cls.__name__} as written")
        for sub_cls, obj in list(objects(cls, doc)):
            if (cls, sub_cls) in seen:
                continue
            seen.add((cls, sub_cls))
            for what, order in mutations(obj, sub_cls):
                assert_same_outcome(cls, json.dumps(doc, ensure_ascii=False), f"{cls.__name__}, a {sub_cls.__name__} with {what}", order)
    covered = {sub for _, sub in seen}
    assert covered >= {getattr(kaoping, name) for name in kaoping.__all__ if name in _types.__all__ and name[0].isupper()}


@pytest.mark.parametrize("top", [[], "x", 5, None, [{}]])
def test_the_same_errors_for_a_document_that_is_not_an_object(top: Any) -> None:
    for cls in (PeriodResult, MonthResult):
        assert_same_outcome(cls, json.dumps(top), f"{cls.__name__} from {top!r}")


def test_not_json_raises_the_json_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        decode_json(PeriodResult, "{not json")


# ---------------------------------------------------------------- the generator's other paths


@dataclass(frozen=True)
class _Leaf(_Record):
    when: datetime.date
    flag: bool
    amounts: List[Decimal]
    notes: List[Optional[str]]
    grid: List[List[int]]
    limit: Optional[Decimal] = None


@dataclass(frozen=True)
class _Node(_Record):
    name: str
    children: List["_Node"]
    leaves: List[_Leaf]
    leaf: Optional[_Leaf] = None


@dataclass(frozen=True)
class _AllOptional(_Record):
    a: Optional[str] = None
    b: Optional[int] = None


def _node_doc() -> Dict[str, Any]:
    leaf = {"when": "2026-10-01", "flag": True, "amounts": ["1.50", "0", "1.50"], "notes": ["a", None], "grid": [[1, 2], []], "limit": "3.0"}
    return {
        "name": "root",
        "children": [{"name": "child", "children": [{"name": "grandchild", "children": [], "leaves": [leaf]}], "leaves": []}],
        "leaves": [leaf, dict(leaf, limit=None)],
        "leaf": dict(leaf, when="2026-02-28"),
    }


def test_lists_of_values_recursion_and_single_objects() -> None:
    text = json.dumps(_node_doc())
    fast = _types._compiled(_Node)(json.loads(text), {}, {})
    assert_same(fast, decode(_Node, json.loads(text)))
    assert fast.leaves[0].amounts == [Decimal("1.50"), Decimal("0"), Decimal("1.50")]
    assert fast.children[0].children[0].leaves[0].when == datetime.date(2026, 10, 1)
    for obj in ({}, {"a": "x"}, {"b": 3, "a": None}):
        assert_same(_types._compiled(_AllOptional)(dict(obj), {}, {}), decode(_AllOptional, dict(obj)))


def test_the_same_errors_on_the_generators_other_paths() -> None:
    doc = _node_doc()
    count = 0
    for sub_cls, obj in list(objects(_Node, doc)):
        for what, order in mutations(obj, sub_cls):
            assert_same_outcome(_Node, json.dumps(doc), f"a {sub_cls.__name__} with {what}", order)
            count += 1
    for bad in [[], "x", 5, None, {"a": 1}, {"c": None}, {"a": "x", "b": True}]:
        assert_same_outcome(_AllOptional, json.dumps(bad), f"_AllOptional from {bad!r}")
    assert count > 100


def test_compiled_source_is_kept_for_reading() -> None:
    source = _types._compiled(PeriodResult).__source__  # type: ignore[attr-defined]
    assert source.startswith("def _d") and "_decimal_of" in source

