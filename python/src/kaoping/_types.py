"""Typed views of the core's results.

Each class mirrors one type of ``kaoping-core`` (``core/src/result.rs``, ``core/src/period.rs``)
field for field, with the same names as the JSON the core writes. Scores and points are
``decimal.Decimal`` (read from the core's decimal strings, digit for digit), dates are
``datetime.date``, months are ``"YYYY-MM"`` strings, enums are their snake_case codes. An absent
optional field is ``None``.

The objects are decoded from the core's JSON by :func:`decode`, which fails loudly when the core
writes a field these classes do not know (so the mirror cannot silently drift).
"""

from __future__ import annotations

import dataclasses
import datetime
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional, Type, TypeVar

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
    """Points before caps."""
    points: Decimal
    """Points that counted."""
    detail: str
    record: Optional[str] = None
    cut: Optional[str] = None
    """Why fewer points counted than ``raw`` (a reason code such as ``month_cap``)."""


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
    ``DecodeError`` naming the class and field when the JSON does not fit the mirror."""
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
