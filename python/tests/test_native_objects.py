"""Results built by the native module straight from the core's values (``_types.build_native``,
``python/src/objects.rs``) are exactly what the reference decoder ``_types.decode`` gives for the
core's JSON: the same classes, field values (Decimal digit for digit and exponent, dates, ints,
strings), ``__dict__`` order, ``to_dict()``, equality, hashing, pickling and frozen-ness; the
JSON, written on first use, is the core's bytes. A plan the core's value does not fit falls back
to the JSON path, so it gives the same object or the same error. Values only, never timings.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import pickle
import typing
from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest
from conftest import ROOT, SAMPLE
from test_decode_speed_equivalence import assert_same

import kaoping
from kaoping import _kaoping, _types
from kaoping._api import MonthResult, PeriodResult
from kaoping._types import _Record, build_native, decode, native_plan

PERIODS = ["2026-10", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"]


def natives(policy: kaoping.Policy, dataset: kaoping.Dataset, period: str) -> Tuple[_kaoping.NativePeriod, List[_kaoping.NativeMonth]]:
    return policy._native.evaluate(dataset._native, period)


def built(native: Any, cls: type) -> Any:
    """The object the native module builds (no fallback can hide a failure here)."""
    return native.build(native_plan(cls))


def reference(cls: type, native: Any) -> Any:
    return decode(cls, json.loads(native.to_json()))


# ---------------------------------------------------------------- the core's own results


@pytest.mark.parametrize("period", PERIODS)
def test_period_results_are_the_reference_objects(policy: kaoping.Policy, sample: kaoping.Dataset, period: str) -> None:
    native, months = natives(policy, sample, period)
    obj = built(native, PeriodResult)
    ref = reference(PeriodResult, native)
    assert_same(obj, ref)
    assert obj == ref and obj.to_dict() == ref.to_dict() and repr(obj) == repr(ref)
    # every month of the period, records with their dates included
    for m in months:
        assert_same(built(m, MonthResult), reference(MonthResult, m))


def test_public_results_are_built_natively(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    for period in ["2026-10", "2026-Q3", "2026"]:
        r = kaoping.evaluate(policy, sample, period)
        fields = [f.name for f in dataclasses.fields(PeriodResult)]
        # built natively: no JSON written yet; the months before the handle (pickling fails on
        # them); the policy last (its rule names label the frames of to_pandas)
        assert list(vars(r)) == fields + ["_native_months", "_native", "_policy"]
        assert r.__dict__["_policy"] is policy
        native = r.__dict__["_native"]
        assert type(native) is _kaoping.NativePeriod and native.period == period
        text = r.to_json()
        assert r.__dict__["_json"] is text and r.to_json() is text  # written once, kept
        assert text == native.to_json()
        assert_same(r, decode(PeriodResult, json.loads(text)))
        for m in r.month_results:
            assert list(vars(m)) == [f.name for f in dataclasses.fields(MonthResult)] + ["_native", "_policy"]
            assert_same(m, decode(MonthResult, json.loads(m.to_json())))
            assert list(vars(m))[-1] == "_json"


def test_json_is_the_commands_bytes(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    """The lazily written JSON is what the JSON path had: the core's pretty JSON (test_parity
    compares it with the `kaoping` command's output)."""
    r = kaoping.evaluate(policy, sample, "2026-Q3")
    native, months = natives(policy, sample, "2026-Q3")
    assert r.to_json() == native.to_json()
    assert [m.to_json() for m in r.month_results] == [m.to_json() for m in months]
    assert json.loads(r.to_json())["period"] == "2026-Q3"


def test_decimals_keep_their_digits(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    native, months = natives(policy, sample, "2026-Q3")
    r = built(native, PeriodResult)
    doc = json.loads(native.to_json())
    for s, d in zip(r.windows, doc["windows"]):
        assert type(s.score) is Decimal and str(s.score) == d["score"]
        assert s.score.as_tuple() == Decimal(d["score"]).as_tuple()
        assert [str(m.total) for m in s.monthly] == [m["total"] for m in d["monthly"]]
    month = built(months[0], MonthResult)
    assert all(type(rec.date) is datetime.date for rec in month.records)
    assert {type(ln.raw) for s in month.windows for c in s.categories for ln in c.lines} <= {Decimal}


def test_built_objects_behave_as_decoded_ones(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    r = kaoping.evaluate(policy, sample, "2026-Q3")
    s = r.windows[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.score = Decimal(0)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.period = "2026"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(s)) == s and copy.deepcopy(s) == s
    assert pickle.loads(pickle.dumps(r.awards)) == r.awards
    assert dataclasses.replace(s, rank=99).rank == 99 and s.rank != 99
    total = s.monthly[0]
    assert hash(total) == hash(decode(type(total), {"month": total.month, "total": str(total.total)}))
    standing = r.awards[0].standings[0]
    assert hash(standing) == hash(dataclasses.replace(standing))
    # the result itself pickles as before: not at all (its months are native)
    with pytest.raises(TypeError, match="NativeMonth"):
        pickle.dumps(r)
    # a copy made without kaoping has no JSON, as before
    with pytest.raises(KeyError, match="_json"):
        dataclasses.replace(r).to_json()
    assert copy.copy(r).to_json() == r.to_json()
    month = r.month_results[0]
    assert month.explain(month.windows[0].subject)


def test_generated_county_hall_builds_the_same(policy: kaoping.Policy) -> None:
    """The benchmark's hall (benches/python_bench.py), when target/bench-data has been generated."""
    halls = sorted((ROOT / "target" / "bench-data" / "county").glob("*.json"))
    if not halls:
        pytest.skip("no generated bench data (target/bench-data/county)")
    dataset = kaoping.Dataset.from_file(halls[0])
    for period in ["2026", "2026-Q4"]:
        native, months = natives(policy, dataset, period)
        assert_same(built(native, PeriodResult), reference(PeriodResult, native))
        for m in months[:2]:
            assert_same(built(m, MonthResult), reference(MonthResult, m))


# ---------------------------------------------------------------- plans that do not fit
#
# The native builder must accept exactly what the reference decoder accepts. The core's values
# cannot be spoiled from here, so the classes are: mirrors of the result classes are made with
# one field changed (another type, optional or required, left out, or a field the core does not
# write), and each is built from a real result. Whenever the builder succeeds, the reference
# decoder must succeed with the same object; whenever it fails, ``build_native`` must give the
# JSON path's object or raise the JSON path's error.


def small_sample_document(windows: Tuple[str, ...] = ("W01", "W09", "W10")) -> Dict[str, Any]:
    """The sample cut down to a few windows and the staff who serve only them: small results that
    still hold disqualifications (W01, W09, S003, S038), a yearly zeroing (W10's ``adjusted``),
    flags, cut lines and record reasons."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    staff = [s for s in doc["staff"] if s.get("assignments") and all(a.get("window") in windows for a in s["assignments"])]
    ids = {s["id"] for s in staff} | set(windows)
    kept = [dict(w, heads=[h for h in w.get("heads", []) if h.get("staff") in ids]) for w in doc["windows"] if w["id"] in windows]
    departments = {w["department"] for w in kept} | {s["department"] for s in staff}
    return dict(
        doc,
        departments=[d for d in doc["departments"] if d["id"] in departments],
        windows=kept,
        staff=staff,
        metrics=[m for m in doc["metrics"] if m["window"] in windows],
        records=[r for r in doc["records"] if r["subject"] in ids],
    )


def held_classes(root: type) -> List[type]:
    """``root`` and every class its fields hold, at any depth."""
    classes = [root]
    for cls in classes:  # grows as fields name new classes
        for tp in typing.get_type_hints(cls).values():
            for a in (tp, *typing.get_args(tp)):
                if isinstance(a, type) and dataclasses.is_dataclass(a) and a not in classes:
                    classes.append(a)
    return classes


Fields = List[Tuple[str, Any, Any]]  # (name, type, dataclasses.field) as make_dataclass takes them


def mirror(root: type, target: type, change: Callable[[Fields], Fields]) -> type:
    """A copy of ``root`` in which ``target``'s fields are passed through ``change``: ``target``
    and the classes holding it are copied (frozen dataclasses on ``_Record``), the others kept."""
    made: Dict[type, type] = {}

    def holds(cls: type) -> bool:
        return target in held_classes(cls)

    def sub(tp: Any) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Union:
            return Optional[sub(next(a for a in args if a is not type(None)))]
        if origin in (list, List):
            return List[sub(args[0])]  # type: ignore[misc]
        if isinstance(tp, type) and dataclasses.is_dataclass(tp) and holds(tp):
            return copy_of(tp)
        return tp

    def copy_of(cls: type) -> type:
        if cls not in made:
            hints = typing.get_type_hints(cls)
            fields = [(f.name, sub(hints[f.name]), dataclasses.field(default=f.default)) for f in dataclasses.fields(cls)]
            if cls is target:
                fields = change(fields)
            fields.sort(key=lambda f: typing.cast(Any, f[2]).default is not dataclasses.MISSING)  # required ones first
            made[cls] = dataclasses.make_dataclass(f"Mirror{cls.__name__}", fields, bases=(_Record,), frozen=True)
        return made[cls]

    return copy_of(root)


REQUIRED = dataclasses.MISSING
OTHER_TYPES: List[Any] = [str, int, bool, Decimal, datetime.date, List[str]]


def variants(root: type) -> Iterator[Tuple[str, type]]:
    """Mirrors of ``root`` with one change each: a field of another type, made optional or
    required, left out; a field the core does not write."""
    yield "as it is", mirror(root, root, lambda fields: fields)
    for cls in held_classes(root):
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            optional = typing.get_origin(tp) is typing.Union
            inner = next(a for a in typing.get_args(tp) if a is not type(None)) if optional else tp
            others: List[Tuple[str, Any, Any]] = [(repr(t), t, REQUIRED) for t in OTHER_TYPES if t != inner]
            others.append(("optional", Optional[inner], None))
            if optional:
                others.append(("required", inner, REQUIRED))
            for what, new_tp, default in others:
                yield f"{cls.__name__}.{f.name} as {what}", mirror(root, cls, _retyped(f.name, new_tp, default))
            yield f"{cls.__name__} without {f.name}", mirror(root, cls, _without(f.name))
        for what, extra_tp, default in [("a required", str, REQUIRED), ("an optional", Optional[str], None)]:
            extra = ("zzz_extra", extra_tp, dataclasses.field(default=default))
            yield f"{cls.__name__} with {what} extra field", mirror(root, cls, _with(extra))


def _without(name: str) -> Callable[[Fields], Fields]:
    return lambda fields: [x for x in fields if x[0] != name]


def _with(extra: Tuple[str, Any, Any]) -> Callable[[Fields], Fields]:
    return lambda fields: fields + [extra]


def _retyped(name: str, tp: Any, default: Any) -> Callable[[Fields], Fields]:
    return lambda fields: [(n, tp, dataclasses.field(default=default)) if n == name else (n, t, f) for n, t, f in fields]


def outcome(fn: Callable[[], Any]) -> Tuple[str, Any]:
    try:
        return ("ok", fn())
    except Exception as e:  # noqa: BLE001 - the point is to compare whatever is raised
        return ("error", (type(e), str(e)))


def same_object(a: Any, b: Any, what: str) -> None:
    """The same values in the same fields (``repr`` shows types: ``Decimal('1.50')``, ``1`` and
    ``'1'``, dates), and the same ``__dict__`` order at the top."""
    assert type(a) is type(b) and repr(a) == repr(b), what
    assert [k for k in vars(a) if not k.startswith("_")] == [k for k in vars(b) if not k.startswith("_")], what


def check_variants(root: type, native: Any) -> int:
    """Each variant built natively, by ``build_native`` and by the reference decoder; the count
    of those built natively."""
    text = native.to_json()
    count = 0
    for what, cls in variants(root):
        ref = outcome(lambda: decode(cls, json.loads(text)))
        fast = outcome(lambda: native.build(native_plan(cls)))
        if fast[0] == "ok":
            count += 1
            assert ref[0] == "ok", f"{what}: built natively, but the reference decoder raised {ref[1]}"
            same_object(fast[1], ref[1], what)
            if what == "as it is":
                assert_same(fast[1], ref[1], what)
        public = outcome(lambda: build_native(cls, native))
        assert public[0] == ref[0], f"{what}: reference {ref}, build_native {public}"
        if ref[0] == "ok":
            obj, json_text = public[1]
            assert (json_text is None) == (fast[0] == "ok"), what  # the JSON only when it was needed
            same_object(obj, ref[1], what)
        else:
            assert public[1] == ref[1], what
    return count


@pytest.fixture(scope="module")
def small_year(policy: kaoping.Policy) -> Tuple[_kaoping.NativePeriod, List[_kaoping.NativeMonth]]:
    return natives(policy, kaoping.Dataset.from_dict(small_sample_document()), "2026")


def test_the_small_sample_holds_the_optional_parts(small_year: Any) -> None:
    native, months = small_year
    r = built(native, PeriodResult)
    assert any(s.disqualifications for s in r.windows) and any(s.disqualifications for s in r.staff)
    assert any(m.adjusted for s in r.windows for m in s.monthly)
    m = built(months[9], MonthResult)
    assert any(s.flags for s in m.windows + m.staff) and any(rec.reason for rec in m.records)


def test_plans_that_do_not_fit_give_the_json_paths_outcome(small_year: Any) -> None:
    native, months = small_year
    # The core's values fit the classes as they are and with optional fields added or made
    # optional; every other change must be refused.
    assert check_variants(PeriodResult, native) > 40
    assert check_variants(MonthResult, months[9]) > 40


def test_the_fallback_names_the_field(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    native, _ = natives(policy, sample, "2026-10")
    cls = mirror(PeriodResult, PeriodResult, _without("departments"))
    with pytest.raises(ValueError, match="unknown field \"departments\""):
        native.build(native_plan(cls))
    with pytest.raises(_types.DecodeError, match="the core wrote a field 'departments' unknown to kaoping.MirrorPeriodResult"):
        build_native(cls, native)


# ---------------------------------------------------------------- plans


def test_plans_are_made_once_and_list_the_classes() -> None:
    plan = native_plan(PeriodResult)
    assert native_plan(PeriodResult) is plan
    assert plan.classes[0] is PeriodResult
    assert set(plan.classes) == {PeriodResult, kaoping.SubjectPeriod, kaoping.MonthTotal, kaoping.Flag, kaoping.AwardResult, kaoping.Standing, kaoping.DepartmentFeedback, kaoping.DepartmentEntry}


@dataclasses.dataclass(frozen=True)
class _WithPostInit(_Record):
    a: str

    def __post_init__(self) -> None:
        pass


@dataclasses.dataclass(frozen=True)
class _WithDefault(_Record):
    a: str = "x"


@dataclasses.dataclass(frozen=True)
class _WithFloat(_Record):
    a: float


@pytest.mark.parametrize("cls", [_WithPostInit, _WithDefault, _WithFloat, dict])
def test_classes_that_cannot_be_built_natively_are_refused(cls: type) -> None:
    with pytest.raises(TypeError):
        native_plan(cls)


@pytest.mark.parametrize(
    "fields",
    [
        [("a", "float", True)],
        [("a", ("class", 1), True)],
        [("a", ("tuple", "str"), True)],
        [("a", 5, True)],
        [("a", "str", True), ("a", "int", True)],
    ],
)
def test_bad_plans_are_refused(fields: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        _kaoping.ObjectPlan([(_WithFloat, fields)], Decimal, datetime.date.fromisoformat)
    with pytest.raises(ValueError):
        _kaoping.ObjectPlan([], Decimal, datetime.date.fromisoformat)


def test_plans_build_python_classes_only() -> None:
    with pytest.raises(TypeError, match="Python classes only"):
        _kaoping.ObjectPlan([(int, [])], Decimal, datetime.date.fromisoformat)


@pytest.mark.parametrize("load", [kaoping.Dataset.from_json, kaoping.Policy.from_json])
def test_documents_are_read_as_utf8_as_before(load: Callable[[str], Any]) -> None:
    """Documents reach the core as the UTF-8 of the ``str`` (read in place, see ``utf8_text`` in
    lib.rs); a lone surrogate raises the encoder's error, as before."""
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        load('{"x": "\ud800"}')
    with pytest.raises(kaoping.ValidationError):
        load('{"名称": "县政务服务中心"')
