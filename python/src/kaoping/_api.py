"""The public classes: Policy, Dataset, MonthResult, PeriodResult, and evaluate().

Each call converts its arguments, calls the core through the native module and converts the
answer; the core computes every number (and holds no lock on the interpreter while it does).
Results are built by the native module straight from the core's values (``_types.build_native``;
the JSON decoders of ``_types`` when a value does not fit). A result keeps its native handle
(``_native``): its JSON is written on the first ``to_json()`` and kept (``_json``). A result of
:func:`evaluate` also keeps its ``Policy`` (``_policy``), whose rule names label its DataFrames.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Union

from . import _convert, _kaoping
from ._types import (
    AwardResult,
    DepartmentFeedback,
    RecordOutcome,
    ResultWarning,
    SubjectMonth,
    SubjectPeriod,
    _Record,
    build_native,
)

if TYPE_CHECKING:  # pragma: no cover
    from ._pandas import Frames

__all__ = ["Policy", "Dataset", "MonthResult", "PeriodResult", "evaluate", "validate", "read_records", "report_workbook", "to_excel"]

PathLike = Union[str, "os.PathLike[str]"]
PeriodLike = Union[str, int]


def _read(path: PathLike) -> bytes:
    # the file's bytes go to the core as they are: it checks them (UTF-8, a BOM allowed) without
    # Python decoding them to a str and encoding them back
    with open(os.fspath(path), "rb") as f:
        return f.read()


class Policy:
    """A performance measure as data (a policy document), checked and compiled by the core.

    ``Policy.builtin()`` is the county measure the core ships; ``from_json``/``from_file``/
    ``from_dict`` load another county's. Invalid documents raise :class:`kaoping.ValidationError`
    listing every problem (``rules[3].params.points``, …).
    """

    __slots__ = ("_native",)

    def __init__(self, native: _kaoping.NativePolicy) -> None:
        if not isinstance(native, _kaoping.NativePolicy):
            raise TypeError("use Policy.builtin(), Policy.from_json(), Policy.from_file() or Policy.from_dict()")
        self._native = native

    @classmethod
    def builtin(cls) -> "Policy":
        return cls(_kaoping.NativePolicy.builtin())

    @classmethod
    def from_json(cls, text: Union[str, bytes, bytearray]) -> "Policy":
        """From the document's text, or its bytes as read from a file (UTF-8, a BOM allowed)."""
        return cls(_kaoping.NativePolicy.from_json(text))

    @classmethod
    def from_file(cls, path: PathLike) -> "Policy":
        return cls.from_json(_read(path))

    @classmethod
    def from_dict(cls, obj: Mapping[str, Any]) -> "Policy":
        return cls.from_json(_convert.encode(obj, "policy"))

    def with_lang(self, lang: str) -> "Policy":
        """The same policy writing the texts of results (details, reasons, flags, warnings, award
        standings) in ``lang``: ``"zh-CN"`` or ``"en"`` (the default). Numbers are the same."""
        return Policy(self._native.with_lang(lang))

    @property
    def lang(self) -> str:
        """The language of the texts of results: ``"zh-CN"`` or ``"en"``."""
        return self._native.lang

    @property
    def id(self) -> str:
        return self._native.id

    @property
    def name(self) -> str:
        return self._native.name

    def to_json(self) -> str:
        """The policy document as the core writes it (pretty JSON; decimals as strings)."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The policy document as JSON values (decimals as the core's strings, such as ``"0.10"``)."""
        doc: Dict[str, Any] = json.loads(self.to_json())
        return doc

    def validate(self, dataset: "Dataset") -> None:
        """Checks ``dataset`` against this policy; raises ``ValidationError`` with every problem."""
        self._native.validate(_dataset(dataset)._native)

    def evaluate(self, dataset: "Dataset", period: PeriodLike) -> "PeriodResult":
        """Same as :func:`kaoping.evaluate` (``policy.evaluate(dataset, "2026-Q3")``)."""
        return evaluate(self, dataset, period)

    def to_pandas(self, *, exact: bool = False) -> "Frames":
        """The policy as DataFrames: ``rules`` (one row per rule item: ``rule``, ``rule_name``
        (Chinese), ``rule_name_en``, ``kind`` (``window``/``staff``), ``category``,
        ``category_name``, ``type`` (``deduction``/``bonus``), ``rule_kind`` (``per_occurrence``,
        …), ``cite`` (the measure's article), ``cap_month``, ``cap_year``, ``requires_evidence``,
        ``reading``) and ``categories`` (``kind, category, category_name, category_name_en, type,
        max, cite``), read from the document the core wrote (:meth:`to_json`). Caps and maxima are
        ``float64`` unless ``exact=True`` (``Decimal``; or ``frames.exact("rules")``)."""
        from . import _pandas

        return _pandas.policy_frames(self.to_json(), exact)

    def __repr__(self) -> str:
        return f"Policy(id={self.id!r}, name={self.name!r})"

    def __reduce__(self) -> Any:
        return (Policy.from_json, (self.to_json(),))


class Dataset:
    """One hall's data for one calendar year: roster, records and monthly metrics.

    From a file or JSON text, from a dict of JSON values, or from pandas DataFrames
    (:meth:`from_pandas`); the core parses it in every case, so the same document gives the same
    dataset and the same problems whatever way it came in.
    """

    __slots__ = ("_native",)

    def __init__(self, native: _kaoping.NativeDataset) -> None:
        if not isinstance(native, _kaoping.NativeDataset):
            raise TypeError("use Dataset.from_json(), from_file(), from_dict() or from_pandas()")
        self._native = native

    @classmethod
    def from_json(cls, text: Union[str, bytes, bytearray]) -> "Dataset":
        """From the document's text, or its bytes as read from a file (UTF-8, a BOM allowed)."""
        return cls(_kaoping.NativeDataset.from_json(text))

    @classmethod
    def from_file(cls, path: PathLike) -> "Dataset":
        return cls.from_json(_read(path))

    @classmethod
    def from_dict(cls, obj: Mapping[str, Any]) -> "Dataset":
        """From JSON-like values. Decimals may be ``Decimal``, ``str``, ``int`` or ``float`` (a float
        is read as its shortest text, ``2.5`` → 2.5; NaN is refused); dates may be
        ``datetime.date`` or ``"YYYY-MM-DD"``."""
        return cls.from_json(_convert.encode(obj, "dataset"))

    @classmethod
    def from_pandas(
        cls,
        *,
        records: Any = None,
        staff: Any = None,
        windows: Any = None,
        terms: Any = None,
        departments: Any = None,
        metrics: Any = None,
        targets: Optional[Mapping[str, Any]] = None,
        hall: Optional[Mapping[str, str]] = None,
        year: Optional[int] = None,
        base: Union["Dataset", Mapping[str, Any], None] = None,
    ) -> "Dataset":
        """A dataset from DataFrames: one row per JSON object, a missing cell is a field left out.

        * ``records``: ``id, rule, subject, date`` and optionally ``count, minutes, points, units,
          level, key, aggravated, status, evidence, note``;
        * ``staff``: one row per assignment: ``id, name, department, window, from, to`` (a member
          without assignments: one row with no window);
        * ``windows``: ``id, name, department, opened, closed``, and optionally ``head`` (the staff
          id of a head for the whole year);
        * ``terms``: dated heads and chief representatives: ``window, role`` (``head`` or
          ``chief_representative``) ``, staff, name, from, to``;
        * ``departments``: ``id, name``;
        * ``metrics``: ``window, month, cases`` and a column ``rates.<name>`` / ``values.<name>``
          per rate or value.

        ``hall`` (``{"id": ..., "name": ...}``), ``year`` and ``targets`` complete the document;
        ``base`` (a Dataset or dict) supplies every part not given. The core checks the result as
        it checks a file: ``records[17].points`` is the row at position 17 of ``records``.
        """
        from . import _pandas

        base_doc: Optional[Dict[str, Any]]
        if isinstance(base, Dataset):
            base_doc = base.to_dict()
        else:
            base_doc = dict(base) if base is not None else None
        doc = _pandas.dataset_document(
            base=base_doc, hall=hall, year=year, departments=departments, windows=windows, terms=terms,
            staff=staff, metrics=metrics, records=records, targets=targets,
        )
        return cls.from_dict(doc)

    @property
    def hall(self) -> Dict[str, str]:
        return {"id": self._native.hall_id, "name": self._native.hall_name}

    @property
    def year(self) -> int:
        return self._native.year

    def to_json(self) -> str:
        """The dataset as the core writes it (pretty JSON; decimals as strings)."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The dataset document as JSON values (decimals as the core's strings)."""
        doc: Dict[str, Any] = json.loads(self.to_json())
        return doc

    def to_pandas(self) -> Dict[str, Any]:
        """The dataset as DataFrames ``departments, windows, terms, staff, metrics, records`` (the
        columns :meth:`from_pandas` reads; decimals as ``Decimal``, dates as ``datetime64``).
        ``Dataset.from_pandas(base=ds, **ds.to_pandas())`` gives ``ds`` back."""
        from . import _pandas

        return _pandas.dataset_frames(self.to_dict())

    def __repr__(self) -> str:
        return f"Dataset(hall={self._native.hall_id!r}, year={self.year})"

    def __reduce__(self) -> Any:
        return (Dataset.from_json, (self.to_json(),))


def _dataset(d: Any) -> Dataset:
    if not isinstance(d, Dataset):
        raise TypeError(f"expected a kaoping.Dataset, got {type(d).__name__}")
    return d


def _policy(p: Any) -> Policy:
    if not isinstance(p, Policy):
        raise TypeError(f"expected a kaoping.Policy, got {type(p).__name__}")
    return p


@dataclass(frozen=True)
class MonthResult(_Record):
    """One month: every evaluated window and staff member, and the outcome of every record dated
    in the month (the core's ``MonthResult``)."""

    policy: str
    hall: str
    month: str
    windows: List[SubjectMonth]
    staff: List[SubjectMonth]
    records: List[RecordOutcome]
    warnings: List[ResultWarning]

    @classmethod
    def _from_native(cls, native: _kaoping.NativeMonth) -> "MonthResult":
        r, text = build_native(cls, native)
        object.__setattr__(r, "_native", native)
        if text is not None:
            object.__setattr__(r, "_json", text)
        return r

    def subject(self, subject: str) -> Optional[SubjectMonth]:
        return next((s for s in self.windows + self.staff if s.subject == subject), None)

    def record(self, record: str) -> Optional[RecordOutcome]:
        return next((r for r in self.records if r.record == record), None)

    def explain(self, subject: str) -> str:
        """The core's account of how each point of the subject's month was lost or won."""
        native: _kaoping.NativeMonth = self.__dict__["_native"]
        text = native.explain(subject)
        if text is None:
            raise KeyError(f"{subject} was not evaluated in {self.month}")
        return text

    def to_json(self) -> str:
        """The core's JSON: the bytes ``kaoping score FILE --month M --format json`` prints, less
        the final newline."""
        return _result_json(self)

    def to_pandas(self, *, exact: bool = False, floats: Optional[bool] = None) -> "Frames":
        """Tidy DataFrames (a dict): ``scores`` (one row per subject), ``categories``, ``lines``
        (every deduction and bonus line, with rule code and name, record id and the reason points
        were cut), ``records`` (every record's outcome, with Chinese labels of its status, outcome
        and reason), ``flags`` and ``rules`` (the policy's rule items).

        Scores, points and maxima are ``float64`` columns, so pandas treats them as numbers
        (``describe``, ``nsmallest``, ``plot``, ``groupby().mean()``); ``frames.exact("scores")``
        is the same frame with the core's ``Decimal`` values, and ``exact=True`` makes every frame
        so. ``floats=`` is deprecated (``floats=False`` is ``exact=True``)."""
        from . import _pandas

        return _pandas.month_frames(self, _pandas.exact_flag(exact, floats))


@dataclass(frozen=True)
class PeriodResult(_Record):
    """A month, quarter or year: scores, hall and department ranks, award lists and department
    feedback (the core's ``PeriodResult``), with the detail of every month of the period in
    :attr:`month_results`."""

    policy: str
    hall: str
    period: str
    kind: str
    months: List[str]
    #: the period's months with no record and no metrics (most likely not recorded yet): they
    #: are scored as clean months, so ranks and award lists are provisional while any is listed
    months_without_data: List[str]
    windows: List[SubjectPeriod]
    staff: List[SubjectPeriod]
    awards: List[AwardResult]
    departments: List[DepartmentFeedback]

    @property
    def month_results(self) -> List[MonthResult]:
        """Every month of the period in full detail (decoded on first use)."""
        cached = self.__dict__.get("_month_results")
        if cached is None:
            cached = [MonthResult._from_native(m) for m in self.__dict__["_native_months"]]
            policy = self.__dict__.get("_policy")
            if policy is not None:
                for m in cached:
                    object.__setattr__(m, "_policy", policy)
            object.__setattr__(self, "_month_results", cached)
        return list(cached)

    def month(self, month: PeriodLike) -> MonthResult:
        """A month of the period: ``"2026-10"`` or ``10``."""
        key = _month_key(month, self.months)
        for m in self.month_results:
            if m.month == key:
                return m
        raise KeyError(f"month {month!r} is not in the period {self.period} ({', '.join(self.months)})")

    def subject(self, subject: str) -> Optional[SubjectPeriod]:
        return next((s for s in self.windows + self.staff if s.subject == subject), None)

    def award(self, award: str, kind: Optional[str] = None) -> Optional[AwardResult]:
        """An award list by id (``model_window``), and kind (``window``/``staff``) when ids repeat."""
        return next((a for a in self.awards if a.award == award and (kind is None or a.subject == kind)), None)

    def ranking(self, kind: str = "window") -> List[SubjectPeriod]:
        """Windows (``kind="window"``) or staff (``"staff"``) in hall rank order."""
        if kind not in ("window", "staff"):
            raise ValueError(f"kind must be 'window' or 'staff', got {kind!r}")
        return list(self.windows if kind == "window" else self.staff)

    def explain(self, subject: str, month: Optional[PeriodLike] = None) -> str:
        """The core's explanation of a subject's month (``month`` may be left out for a month period)."""
        if month is None:
            if len(self.months) != 1:
                raise TypeError(f"the period {self.period} has {len(self.months)} months: say which, explain({subject!r}, month='{self.months[-1]}')")
            month = self.months[0]
        return self.month(month).explain(subject)

    def to_json(self) -> str:
        """The core's JSON: the bytes ``kaoping score FILE --period P --format json`` prints, less
        the final newline."""
        return _result_json(self)

    def to_pandas(self, *, exact: bool = False, floats: Optional[bool] = None) -> "Frames":
        """Tidy DataFrames (a dict): ``scores`` (one row per subject with rank and grade),
        ``monthly``, ``disqualifications``, ``awards`` (every standing), ``award_lists``,
        ``departments``, the months' detail: ``month_scores``, ``categories``, ``lines``,
        ``records``, ``flags``, and ``rules`` (the policy's rule items).

        Scores, points and indicators are ``float64`` columns, so pandas treats them as numbers
        (``describe``, ``nsmallest``, ``plot``, ``groupby().mean()``); ``frames.exact("scores")``
        is the same frame with the core's ``Decimal`` values, and ``exact=True`` makes every frame
        so. ``floats=`` is deprecated (``floats=False`` is ``exact=True``)."""
        from . import _pandas

        return _pandas.period_frames(self, _pandas.exact_flag(exact, floats))


def _result_json(result: Any) -> str:
    """The core's JSON of a result: written by its native handle on first use, then kept."""
    d = result.__dict__
    text: Optional[str] = d.get("_json")
    if text is None:
        native = d.get("_native")
        if native is None:  # not made by kaoping (dataclasses.replace, decode)
            raise KeyError("_json")
        text = native.to_json()
        object.__setattr__(result, "_json", text)
    return text


def _month_key(month: PeriodLike, months: List[str]) -> str:
    if isinstance(month, int) and not isinstance(month, bool):
        for m in months:
            if int(m[5:7]) == month:
                return m
        return f"{months[0][:4]}-{month:02d}" if months else str(month)
    return str(month)


def evaluate(policy: Policy, dataset: Dataset, period: PeriodLike) -> PeriodResult:
    """Scores ``dataset`` under ``policy`` for a month ``"2026-10"``, a quarter ``"2026-Q3"`` or a
    year ``"2026"`` (or ``2026``). Raises ``ValidationError`` when the dataset does not fit the
    policy or the period is not in the dataset's year."""
    native, months = _policy(policy)._native.evaluate(_dataset(dataset)._native, str(period))
    r, text = build_native(PeriodResult, native)
    # The months first: a pickle or deepcopy of the result fails on them, as it always did.
    object.__setattr__(r, "_native_months", months)
    object.__setattr__(r, "_native", native)
    object.__setattr__(r, "_policy", policy)  # its rule names label the frames of to_pandas()
    if text is not None:
        object.__setattr__(r, "_json", text)
    return r


def validate(policy: Policy, dataset: Dataset) -> None:
    """Checks ``dataset`` against ``policy``; raises ``ValidationError`` listing every problem."""
    _policy(policy).validate(dataset)


def read_records(
    path: PathLike,
    roster: Dataset,
    policy: Optional[Policy] = None,
    *,
    replace: bool = False,
    sheet: Optional[str] = None,
) -> Dataset:
    """Reads a clerk's filled records sheet exactly as ``kaoping import`` does (the same Rust
    importer): the template's workbook (xlsx, xls, ods: ``sheet``, else its 记录 sheet, else its
    first) or a CSV file in UTF-8 or GBK, by the file's extension; Chinese headers, the date forms
    (``2026/10/9``, ``10月9日``), ``S037 杨健`` from the drop-downs. Returns ``roster`` with the
    sheet's records after its own (or instead of them with ``replace=True``), validated under
    ``policy`` (the built-in county measure by default). Raises ``ValidationError`` (document
    ``sheet``) with one problem per bad cell, addressed as ``记录!D7``, in the policy's language
    (English by default; ``Policy.builtin().with_lang("zh-CN")`` for the command's Chinese); a
    name typed instead of an id is refused with the id it may mean (``杨健 is S037?``,
    ``杨健 是 S037?``), never mapped silently. English and Chinese headers are both read."""
    p = _policy(policy) if policy is not None else Policy.builtin()
    native, _imported, _kept, _dropped = _kaoping.read_records(
        os.fspath(path), p._native, _dataset(roster)._native, replace=replace, sheet=sheet
    )
    return Dataset(native)


def report_workbook(policy: Policy, dataset: Dataset, period: PeriodLike, *, lang: str = "zh-CN") -> bytes:
    """The report's workbook of ``period`` (``"2026-10"``, ``"2026-Q3"``, ``"2026"``) as bytes: the
    same workbook as ``kaoping report FILE --period P -o FILE.xlsx`` (the command's own writer),
    its results' texts in ``lang`` — Chinese by default, as the command writes them."""
    p = _policy(policy).with_lang(lang)
    return _kaoping.report_workbook(p._native, _dataset(dataset)._native, str(period))


def to_excel(policy: Policy, dataset: Dataset, period: PeriodLike, path: PathLike, *, lang: str = "zh-CN") -> None:
    """Writes the report's workbook of ``period`` to ``path`` (see :func:`report_workbook`)."""
    data = report_workbook(policy, dataset, period, lang=lang)
    with open(os.fspath(path), "wb") as f:
        f.write(data)

