"""Typed views of the core's results.

Each class mirrors one type of ``kaoping-core`` (``core/src/result.rs``, ``core/src/period.rs``)
field for field, with the same names as the JSON the core writes. Scores and points are
``decimal.Decimal`` (read from the core's decimal strings, digit for digit), dates are
``datetime.date``, months are ``"YYYY-MM"`` strings, enums are their snake_case codes. An absent
optional field is ``None``.

The reference for what each object holds is :func:`decode`, which decodes the core's JSON and
fails loudly when the core writes a field these classes do not know (so the mirror cannot
silently drift).

Without JSON. ``kaoping.evaluate`` and ``MonthResult`` get their objects from
:func:`build_native`: the native module builds them straight from the core's value (see the
documentation of ``python/src/objects.rs``), following a plan made once per class by
:func:`native_plan` from the same fields and type hints :func:`decode` reads. The objects are
those :func:`decode` gives for the core's JSON, field for field (tested in
``python/tests/test_native_objects.py``), at a fraction of the cost (a county hall's year: about
2.5 ms to build and free the typed period result, where the JSON took 1 ms to write and 7 ms
to decode), and the JSON is written only when ``to_json()`` asks for it. When the value does
not fit the plan (a core out of step with these classes), :func:`build_native` takes the JSON
path below, which gives the same objects or raises the error :func:`decode` raises.

The JSON path. :func:`decode_json` gives
the objects and errors of :func:`decode` about 2.5 times faster (a county hall's year: 18 ms →
7 ms, of which 3.5 ms are ``json.loads``), eagerly, with nothing left to decode on first access:

* a decoder per class is generated once from its fields (``exec`` of straight-line Python: no
  per-field plan lookups, converter calls or ``try``), with the objects of list fields decoded
  by loops inlined in it instead of a call per object;
* each JSON object, freshly parsed for that call, is converted in place and installed as the new
  instance's ``__dict__`` (``object.__new__`` and the ``__dict__`` descriptor): no second dict,
  no dataclass ``__init__`` with its frozen ``object.__setattr__`` per field;
* each distinct decimal (or date) string is converted once per call and the ``Decimal`` shared
  (immutable, so only ``is`` tells);
* JSON that does not fit stops the fast path, and the text goes to :func:`decode` again, which
  raises the error it always raised.

What is left is mostly ``json.loads`` and the allocation of the instances. The equivalence of the
two decoders is tested in ``python/tests/test_decode_speed_equivalence.py``. Only introspection
can tell them apart: shared ``Decimal`` objects; an instance ``__dict__`` that is the parsed dict
rather than a key-sharing one (the county year's result still takes less memory, 0.85 MiB against
1.2 MiB, the ``Decimal`` objects being shared); and for JSON whose required fields come in
another order than the core writes them, ``vars()`` in that order (the values are the same).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import threading
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional, Protocol, Tuple, Type, TypeVar

from . import _kaoping

__all__ = [
    "DaysLink",
    "Line",
    "CategoryResult",
    "Flag",
    "SubjectMonth",
    "Charge",
    "RecordOutcome",
    "ResultWarning",
    "MonthTotal",
    "SubjectPeriod",
    "Standing",
    "AwardResult",
    "DepartmentEntry",
    "DepartmentFeedback",
    "decode",
    "decode_json",
    "build_native",
    "native_plan",
    "to_plain",
]


class _Record:
    """Shared behaviour: ``to_dict()`` with typed values (Decimal, date) and every field present."""

    def to_dict(self) -> Dict[str, Any]:
        return {f.name: to_plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts, lists to lists; Decimal, date, str, int, bool and None unchanged."""
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


# ---------------------------------------------------------------- a month (result.rs)


@dataclass(frozen=True)
class DaysLink(_Record):
    """A window served by a staff member (in a staff result) or a staff member on duty (in a window result)."""

    id: str
    days: int


@dataclass(frozen=True)
class Line(_Record):
    """One contribution to a category: a record's occurrences, a monthly state, a derived score."""

    rule: str
    raw: Decimal
    """Points before caps (of all the line's occurrences)."""
    points: Decimal
    """Points that counted."""
    detail: str
    occurrences: int
    """The record's occurrences the line stands for (its ``count``; 1 for a state or a derived score): one line per record and item (E6)."""
    record: Optional[str] = None
    cut: Optional[str] = None
    """Why fewer points counted than ``raw`` (the first cap that cut one of its occurrences, such as ``month_cap``)."""


@dataclass(frozen=True)
class CategoryResult(_Record):
    """A deduction category (``S1`` 工作考勤 …) or a bonus category (``SB`` 奖励加分) of one subject's month."""

    code: str
    name: str
    max: Decimal
    points: Decimal
    """Points taken (deduction category) or added (bonus category), after caps."""
    score: Decimal
    """``max - points`` for a deduction category; ``points`` for a bonus category."""
    lines: List[Line]
    zeroed_by: Optional[str] = None


@dataclass(frozen=True)
class Flag(_Record):
    """``recommend_reassignment``, ``disqualified``, ``category_zeroed_for_year``, ``forced_grade`` or a policy's own flag."""

    code: str
    detail: str
    period: Optional[str] = None
    rule: Optional[str] = None
    record: Optional[str] = None
    category: Optional[str] = None


@dataclass(frozen=True)
class SubjectMonth(_Record):
    """One window's or staff member's month."""

    subject: str
    kind: str
    """``window`` or ``staff``."""
    name: str
    department: str
    links: List[DaysLink]
    categories: List[CategoryResult]
    bonuses: List[CategoryResult]
    base: Decimal
    bonus: Decimal
    total: Decimal
    grade: str
    flags: List[Flag]
    warnings: List[str]
    grade_forced_by: Optional[str] = None

    def category(self, code: str) -> Optional[CategoryResult]:
        """The deduction or bonus category with this code."""
        return next((c for c in self.categories + self.bonuses if c.code == code), None)


@dataclass(frozen=True)
class Charge(_Record):
    """A subject and item a record was charged to."""

    subject: str
    rule: str
    occurrences: int
    counted_occurrences: int
    raw: Decimal
    points: Decimal
    reason: Optional[str] = None


@dataclass(frozen=True)
class RecordOutcome(_Record):
    """How one input record fared: every record dated in the month appears exactly once."""

    record: str
    rule: str
    subject: str
    date: datetime.date
    status: str
    """``confirmed``, ``pending`` or ``revoked``."""
    outcome: str
    """``counted``, ``partly_counted`` or ``not_counted``."""
    occurrences: int
    counted_occurrences: int
    points: Decimal
    detail: str
    charges: List[Charge]
    reason: Optional[str] = None


@dataclass(frozen=True)
class ResultWarning(_Record):
    """A problem that did not stop the evaluation (a window-month without metrics, …): the core's ``Warning``."""

    message: str
    subject: Optional[str] = None
    rule: Optional[str] = None


# ---------------------------------------------------------------- a period (period.rs)


@dataclass(frozen=True)
class MonthTotal(_Record):
    month: str
    total: Decimal
    adjusted: Optional[str] = None


@dataclass(frozen=True)
class SubjectPeriod(_Record):
    """One subject's period: mean score, grade, hall and department rank, eligibility losses."""

    subject: str
    kind: str
    name: str
    department: str
    monthly: List[MonthTotal]
    months_evaluated: int
    score: Decimal
    grade: str
    deductions: Decimal
    bonus: Decimal
    complaints: int
    rank: int
    department_rank: int
    disqualifications: List[Flag]
    grade_forced_by: Optional[str] = None
    score_detail: Optional[str] = None
    """How the score was composed when the policy rolls it up (V9) or pro-rates it (V16)."""
    grade_detail: Optional[str] = None
    """Why the grade is not the score's band: a grade quota's demotion or no grade (不定等次)."""


@dataclass(frozen=True)
class Standing(_Record):
    subject: str
    rank: int
    score: Decimal
    status: str
    """``awarded``, ``not_eligible``, ``quota_full`` or ``tie_at_quota_line``."""
    detail: str


@dataclass(frozen=True)
class AwardResult(_Record):
    """An award list (示范窗口, 政务之星) for the period."""

    award: str
    name: str
    subject: str
    """The kind of subject awarded: ``window`` or ``staff``."""
    participants: int
    base: int
    quota: int
    quota_detail: str
    awarded: List[str]
    tied_at_line: List[str]
    standings: List[Standing]
    to_decide: Optional[int] = None
    """``awards.tie_at_line: centre``: the places left open at the line for the centre to fill."""


@dataclass(frozen=True)
class DepartmentEntry(_Record):
    subject: str
    name: str
    score: Decimal
    rank: int
    department_rank: int


@dataclass(frozen=True)
class DepartmentFeedback(_Record):
    """Feedback to one department and its 政务服务 indicator (mean of its windows' scores)."""

    department: str
    name: str
    windows: List[DepartmentEntry]
    staff: List[DepartmentEntry]
    indicator: Optional[Decimal] = None


# ---------------------------------------------------------------- decoding the core's JSON
#
# Two decoders share the conversion rules:
#
# * the reference decoder, :func:`decode`, walks a JSON value with a plan of converters per class
#   and builds each object through its dataclass ``__init__``. It never changes its argument and
#   says exactly what does not fit (``SubjectPeriod.score: expected a decimal string, got 96``).
# * the compiled decoders behind :func:`decode_json`, one Python function per class generated once
#   from the class's fields (see ``_compiled``), do the same checks and conversions straight-line.
#   They work on a JSON tree parsed for them alone, and they consume it: each JSON object is
#   converted in place and becomes the ``__dict__`` of the new instance. When anything does not
#   fit, they stop (``_Mismatch`` or whatever error the conversion raised) and ``decode_json``
#   parses the text again and hands it to the reference decoder, which raises the error it always
#   raised. A malformed result therefore fails exactly as before, only a little later.

T = TypeVar("T")
_Conv = Callable[[Any], Any]
_plans: Dict[type, Dict[str, _Conv]] = {}


class DecodeError(RuntimeError):
    """The core wrote something the Python types do not mirror (a build out of step)."""


def _decimal(v: Any) -> Decimal:
    if type(v) is not str:
        raise DecodeError(f"expected a decimal string, got {v!r}")
    return Decimal(v)


def _date(v: Any) -> datetime.date:
    if type(v) is not str:
        raise DecodeError(f"expected a date string, got {v!r}")
    return datetime.date.fromisoformat(v)


def _exact(t: type) -> _Conv:
    def conv(v: Any) -> Any:
        if type(v) is not t:
            raise DecodeError(f"expected {t.__name__}, got {v!r}")
        return v

    return conv


def _optional(conv: _Conv) -> _Conv:
    return lambda v: None if v is None else conv(v)


def _list(conv: _Conv) -> _Conv:
    def c(v: Any) -> Any:
        if type(v) is not list:
            raise DecodeError(f"expected a list, got {v!r}")
        return [conv(x) for x in v]

    return c


def _converter(tp: Any) -> _Conv:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _optional(_converter(inner))
    if origin in (list, List):
        return _list(_converter(args[0]))
    if tp is Decimal:
        return _decimal
    if tp is datetime.date:
        return _date
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: decode(tp, v)
    if tp in (str, int, bool):
        return _exact(tp)
    raise TypeError(f"no converter for {tp!r}")  # pragma: no cover - a programming error


def _plan(cls: type) -> Dict[str, _Conv]:
    plan = _plans.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}
        _plans[cls] = plan
    return plan


def decode(cls: Type[T], obj: Any) -> T:
    """Builds ``cls`` from the core's JSON value ``obj`` (as ``json.loads`` gives it); raises
    ``DecodeError`` naming the class and field when the JSON does not fit the mirror.

    The reference decoder: ``obj`` is left as it is. :func:`decode_json` gives the same objects
    from the JSON text, faster."""
    if type(obj) is not dict:
        raise DecodeError(f"{cls.__name__}: expected an object, got {type(obj).__name__}")
    plan = _plan(cls)
    values = {}
    for name, v in obj.items():
        conv = plan.get(name)
        if conv is None:
            raise DecodeError(f"the core wrote a field {name!r} unknown to kaoping.{cls.__name__}")
        try:
            values[name] = conv(v)
        except DecodeError as e:
            raise DecodeError(f"{cls.__name__}.{name}: {e}") from None
    return cls(**values)


def decode_json(cls: Type[T], text: str) -> T:
    """Builds ``cls`` from the core's JSON text: the objects :func:`decode` gives for
    ``json.loads(text)``, and the same errors, through the class's compiled decoder.

    Equal decimal strings give one shared ``Decimal`` (and equal date strings one ``date``) per
    call: they are immutable, so only ``is`` can tell."""
    fast = _compiled(cls)
    tree = json.loads(text)
    try:
        obj: T = fast(tree, {}, {})
        return obj
    except Exception:
        pass  # the reference decoder below raises the error, naming the class and field
    # The failed attempt consumed its tree: parse the text again for the reference decoder.
    return decode(cls, json.loads(text))


# ---------------------------------------------------------------- the compiled decoders
#
# For each class, ``_compiled`` writes and ``exec``s a function ``(o0, dc, dd) -> instance``,
# where ``o0`` is the JSON object and ``dc``/``dd`` are this call's caches of the decimal and date
# strings already converted. The objects of a list field are decoded by a loop inlined in the
# function (depth ``d`` uses the names ``o<d>``, ``v<d>``, ``w<d>``, ``i<d>``, ``r<d>``) and
# replace their JSON objects in the JSON list. ``SubjectPeriod``'s decoder, abridged:
#
#     def _d6(o0, dc, dd):
#         dcg = dc.get; ddg = dd.get
#         if type(o0['subject']) is not str: raise _Mismatch
#         ...
#         v0 = o0['monthly']
#         if type(v0) is not list: raise _Mismatch
#         i0 = 0
#         for o1 in v0:                              # MonthTotal, inlined
#             if type(o1['month']) is not str: raise _Mismatch
#             v1 = o1['total']
#             w1 = dcg(v1)                           # dcg = dc.get
#             if w1 is None:
#                 if type(v1) is not str: raise _Mismatch
#                 w1 = dc[v1] = _decimal_of(v1)
#             o1['total'] = w1
#             if 'adjusted' in o1:
#                 v1 = o1.pop('adjusted')
#                 ...                                # None, or checked to be a str
#                 o1['adjusted'] = v1
#             else:
#                 o1['adjusted'] = None
#             if len(o1) != 3: raise _Mismatch
#             r1 = _new(_c7); _s7(r1, o1)
#             v0[i0] = r1; i0 += 1
#         ...
#         if len(o0) != 15: raise _Mismatch
#         r0 = _new(_c6); _s6(r0, o0)
#         return r0
#
# (``fn.__source__`` holds a compiled decoder's text.) Why it is faster than the reference
# decoder: no per-field plan lookups, converter calls or try/except, no function call per list
# element; no second dict per object and no dataclass ``__init__`` (a frozen class's
# ``object.__setattr__`` per field is the dearest part): the converted JSON dict is installed as
# the instance's ``__dict__`` through the ``__dict__`` descriptor's setter (``_sN``); lists are
# converted in place and a list of strings is only checked; and each distinct decimal string is
# converted once per call (a year's monthly totals and scores repeat a lot).
#
# Why it accepts exactly what the reference decoder accepts: every field is read (a missing
# required field is a KeyError; a JSON value that is not an object fails there too, or at the
# explicit ``dict`` check of a class without required fields), every value gets the same
# exact-type check and the same conversion (``Decimal(str)``, ``date.fromisoformat(str)``), an
# absent optional field is set to ``None`` (the classes' only default), and after that the dict
# holds every field, so any other key makes ``len(o)`` exceed the number of fields. The
# instance's ``__dict__`` has the same items as one made by ``__init__``, and in the same order
# for the core's output: required fields as the core writes them (the mirror's order), then the
# optional fields in field order (a present one is moved there). Classes with ``__post_init__``,
# ``__slots__`` or defaults other than ``None`` cannot be built this way, and are refused.

_FastDecoder = Callable[[Any, Dict[str, Decimal], Dict[str, datetime.date]], Any]
_compiled_decoders: Dict[type, _FastDecoder] = {}
_compiled_names: Dict[type, str] = {}
_compile_lock = threading.RLock()
_INLINE_DEPTH = 4  # deeper lists of objects call their class's decoder


class _Mismatch(Exception):
    """A compiled decoder met JSON that does not fit; the reference decoder will say how."""


# The generated functions' globals: ``_Mismatch``, the conversions (those of the reference decoder)
# and ``object.__new__``, then for each class ``N`` the class
# (``_cN``), the setter of its instances' ``__dict__`` (``_sN``) and its decoder (``_dN``), and the
# element functions of unusual list types (``_eN``).
_namespace: Dict[str, Any] = {
    "_Mismatch": _Mismatch,
    "_decimal_of": Decimal,
    "_date_of": datetime.date.fromisoformat,
    "_new": object.__new__,
}
_CHECKED = {str: "str", int: "int", bool: "bool"}  # taken as they are, after an exact-type check


def _compiled(cls: type) -> _FastDecoder:
    """The compiled decoder of ``cls`` (written on first use, with those of the classes it holds)."""
    fn = _compiled_decoders.get(cls)
    if fn is None:
        with _compile_lock:
            _compiled_name(cls)
            fn = _compiled_decoders[cls]
    return fn


def _compiled_name(cls: type) -> str:
    """The name of ``cls``'s decoder in ``_namespace``, compiling it first if need be."""
    name = _compiled_names.get(cls)
    if name is None:
        n = _class_number(cls)
        name = _compiled_names[cls] = f"_d{n}"  # reserved first: a class may hold itself
        try:
            lines = [f"def {name}(o0, dc, dd):", "    dcg = dc.get; ddg = dd.get"]
            lines += _indent(_object_source(cls, 0, "return {r}", (cls,)), 1)
            source = "\n".join(lines) + "\n"
            exec(compile(source, f"<kaoping decoder of {cls.__name__}>", "exec"), _namespace)
        except BaseException:
            del _compiled_names[cls]
            raise
        fn = _namespace[name]
        fn.__source__ = source
        _compiled_decoders[cls] = fn
    return name


_class_numbers: Dict[type, int] = {}


def _class_number(cls: type) -> int:
    """``N`` of ``_cN``/``_sN``/``_dN``: the class and its ``__dict__`` setter go into the namespace."""
    n = _class_numbers.get(cls)
    if n is None:
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            raise TypeError(f"{cls!r} is not a dataclass")  # pragma: no cover - a programming error
        if "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__}: a compiled decoder needs a plain __dict__ and no __post_init__")  # pragma: no cover
        owner = next(k for k in cls.__mro__ if "__dict__" in k.__dict__)  # the class that gave instances a __dict__
        n = _class_numbers[cls] = len(_namespace)
        _namespace[f"_c{n}"] = cls
        _namespace[f"_s{n}"] = owner.__dict__["__dict__"].__set__
    return n


def _object_source(cls: type, d: int, store: str, inlined: typing.Tuple[type, ...]) -> List[str]:
    """Statements decoding the JSON object in ``o<d>`` into a ``cls`` in ``r<d>``, then ``store``
    (with ``{r}`` standing for ``r<d>``). ``inlined``: the classes being decoded around it."""
    n = _class_number(cls)
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    optional = [f for f in fields if f not in required]
    o, v = f"o{d}", f"v{d}"
    lines = [] if required else [f"if type({o}) is not dict: raise _Mismatch"]
    for f in required:
        tp = hints[f.name]
        if tp in _CHECKED:  # the commonest case, without the variable
            lines.append(f"if type({o}[{f.name!r}]) is not {_CHECKED[tp]}: raise _Mismatch")
        else:
            lines.append(f"{v} = {o}[{f.name!r}]")
            lines += _value_source(tp, v, f"{o}[{f.name!r}]", d, inlined)
    for f in optional:
        if f.default is not None:
            raise TypeError(f"{cls.__name__}.{f.name}: a compiled decoder only fills in None")  # pragma: no cover
        lines += [f"if {f.name!r} in {o}:", f"    {v} = {o}.pop({f.name!r})"]
        lines += _indent(_value_source(hints[f.name], v, f"{o}[{f.name!r}]", d, inlined, always_store=True), 1)
        lines += ["else:", f"    {o}[{f.name!r}] = None"]
    lines += [f"if len({o}) != {len(fields)}: raise _Mismatch", f"r{d} = _new(_c{n}); _s{n}(r{d}, {o})"]
    return lines + [store.replace("{r}", f"r{d}")]


def _value_source(tp: Any, var: str, target: str, d: int, inlined: typing.Tuple[type, ...], always_store: bool = False) -> List[str]:
    """Statements checking the JSON value in ``var`` for the type ``tp`` and storing it, converted,
    in ``target`` (left alone when the value is kept as it is, unless ``always_store``)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    keep = [f"{target} = {var}"] if always_store else []
    if origin is typing.Union and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        body = _value_source(inner, var, target, d, inlined, always_store)
        return [f"if {var} is None:", f"    {target} = None" if always_store else "    pass", "else:"] + _indent(body, 1)
    if tp in _CHECKED:
        return [f"if type({var}) is not {_CHECKED[tp]}: raise _Mismatch"] + keep
    if tp is Decimal or tp is datetime.date:
        w = f"w{d}"
        cache, new = ("dc", "_decimal_of") if tp is Decimal else ("dd", "_date_of")
        return [
            f"{w} = {cache}g({var})",
            f"if {w} is None:",  # not converted yet in this call
            f"    if type({var}) is not str: raise _Mismatch",
            f"    {w} = {cache}[{var}] = {new}({var})",
            f"{target} = {w}",
        ]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return [f"{target} = {_compiled_name(tp)}({var}, dc, dd)"]
    if origin in (list, List):
        (item,) = args
        lines = [f"if type({var}) is not list: raise _Mismatch"]
        if item in _CHECKED:  # checked in place: the JSON list is kept
            lines += [f"for e in {var}:", f"    if type(e) is not {_CHECKED[item]}: raise _Mismatch"]
        elif isinstance(item, type) and dataclasses.is_dataclass(item) and item not in inlined and d < _INLINE_DEPTH:
            i = f"i{d}"
            lines += [f"{i} = 0", f"for o{d + 1} in {var}:"]
            lines += _indent(_object_source(item, d + 1, f"{var}[{i}] = {{r}}; {i} += 1", inlined + (item,)), 1)
        else:  # a class decoded around this list, or a list of decimals, of lists…: a call per element
            element = _compiled_name(item) if isinstance(item, type) and dataclasses.is_dataclass(item) else _element_function(item)
            lines += [f"{var} = [{element}(e, dc, dd) for e in {var}]", f"{target} = {var}"]
            return lines
        return lines + keep
    raise TypeError(f"no converter for {tp!r}")  # pragma: no cover - a programming error


def _element_function(tp: Any) -> str:
    name = f"_e{len(_namespace)}"
    _namespace[name] = None  # reserved
    lines = [f"def {name}(v9, dc, dd):", "    dcg = dc.get; ddg = dd.get"] + _indent(_value_source(tp, "v9", "v9", 9, (), always_store=True), 1) + ["    return v9"]
    exec(compile("\n".join(lines) + "\n", f"<kaoping decoder of {tp!r}>", "exec"), _namespace)
    return name


def _indent(lines: List[str], levels: int) -> List[str]:
    pad = "    " * levels
    return [pad + line for line in lines]


# ---------------------------------------------------------------- without JSON
#
# The native module walks the core's value with serde and builds each object as ``__init__``
# would, less the frozen ``__setattr__`` (``object.__new__``, then each field set by
# ``object.__setattr__`` in field order, an absent optional field ``None``), converting decimals
# and dates with the functions the decoders use; equal strings, decimals and dates are shared
# within a call. It needs to know, per class, the fields in order and what each value becomes:
# the plan below, written once per class from the dataclass fields and type hints that ``decode``
# reads.
# A shape is ``"str"``, ``"int"``, ``"bool"``, ``"decimal"``, ``"date"``, ``("optional", shape)``,
# ``("list", shape)`` or ``("class", i)``, ``i`` indexing the plan's classes (the one built first
# at 0). The native builder refuses whatever JSON would not give (see ``objects.rs``), and
# ``build_native`` then decodes the JSON, so that errors are the JSON path's, unchanged.

_native_plans: Dict[type, _kaoping.ObjectPlan] = {}


class NativeResult(Protocol):
    """A result still in the core's hands (``NativePeriod``, ``NativeMonth``)."""

    def build(self, plan: _kaoping.ObjectPlan) -> Any: ...

    def to_json(self) -> str: ...


def native_plan(cls: type) -> _kaoping.ObjectPlan:
    """The plan of ``cls`` and the classes it holds for the native module (made on first use).
    Raises ``TypeError`` for a class that cannot be built that way (the same limits as the
    compiled decoders: a dataclass with a plain ``__dict__``, no ``__post_init__`` or ``__new__``,
    optional fields defaulting to ``None``)."""
    plan = _native_plans.get(cls)
    if plan is None:
        with _compile_lock:
            plan = _native_plans.get(cls)
            if plan is None:
                plan = _native_plans[cls] = _make_native_plan(cls)
    return plan


def _make_native_plan(root: type) -> _kaoping.ObjectPlan:
    classes: List[type] = [root]
    entries: List[Tuple[type, List[Tuple[str, Any, bool]]]] = []
    i = 0
    while i < len(classes):  # classes grows as the fields name new ones
        cls = classes[i]
        _check_buildable(cls)
        hints = typing.get_type_hints(cls)
        fields = []
        for f in dataclasses.fields(cls):
            required = f.default is dataclasses.MISSING
            fields.append((f.name, _shape(hints[f.name], classes), required))
        entries.append((cls, fields))
        i += 1
    return _kaoping.ObjectPlan(entries, Decimal, datetime.date.fromisoformat)


def _check_buildable(cls: type) -> None:
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"{cls!r} is not a dataclass")
    if "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: a native build needs a plain __dict__ and no __post_init__")
    if cls.__new__ is not object.__new__:
        raise TypeError(f"{cls.__name__}: a native build needs object.__new__")
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING or (f.default is not dataclasses.MISSING and f.default is not None):
            raise TypeError(f"{cls.__name__}.{f.name}: a native build only fills in None")


def _shape(tp: Any, classes: List[type]) -> Any:
    """The shape of a field of type ``tp`` (the conversions of ``_converter``)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Union and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return ("optional", _shape(inner, classes))
    if origin in (list, List):
        return ("list", _shape(args[0], classes))
    if tp is Decimal:
        return "decimal"
    if tp is datetime.date:
        return "date"
    if tp in _CHECKED:
        return _CHECKED[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp not in classes:
            classes.append(tp)
        return ("class", classes.index(tp))
    raise TypeError(f"no native shape for {tp!r}")


def build_native(cls: Type[T], native: NativeResult) -> Tuple[T, Optional[str]]:
    """``cls`` built from a native result, and ``None``; or, when it cannot be built that way,
    decoded from the core's JSON (:func:`decode_json`, which raises what :func:`decode` raises),
    and that JSON text."""
    try:
        obj: T = native.build(native_plan(cls))
        return obj, None
    except Exception:
        pass  # the JSON path gives the objects, or the error, of the reference decoder
    text = native.to_json()
    return decode_json(cls, text), text
