"""pandas in and out: DataFrames ↔ the dataset document, results and policies → tidy DataFrames.

Conversion only. A dataset built from DataFrames is the same JSON document the core parses from a
file (one row is one JSON object; a missing cell — None, NaN, NaT, pd.NA — is a field left out),
so the core checks it exactly as it checks a file, and its problem paths (``records[17].points``)
count rows by position in the frame. The column names are documented in ``docs/readme-python.md``
and in :meth:`kaoping.Dataset.from_pandas`.
"""

from __future__ import annotations

import functools
import json
import warnings
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ._errors import Problem, ValidationError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._api import MonthResult, PeriodResult
    from ._types import SubjectMonth

# ------------------------------------------------------------------ column names

RECORD_COLUMNS = ["id", "rule", "subject", "date", "count", "minutes", "points", "units", "level", "key", "aggravated", "status", "evidence", "note"]
STAFF_COLUMNS = ["id", "name", "department", "window", "from", "to"]
WINDOW_COLUMNS = ["id", "name", "department", "opened", "closed"]
TERM_COLUMNS = ["window", "role", "staff", "name", "from", "to"]
DEPARTMENT_COLUMNS = ["id", "name"]
METRIC_COLUMNS = ["window", "month", "cases"]  # then rates.<name> and values.<name>
ROLES = {"head": "heads", "chief_representative": "chief_representatives"}
_ASSIGNMENT_FIELDS = ("window", "from", "to")
_TERM_FIELDS = ("staff", "name", "from", "to")


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("kaoping's DataFrame functions need pandas: pip install pandas") from e
    return pd


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, (str, bytes, list, tuple, dict, Decimal, bool)):
        return False
    try:
        r = _pd().isna(v)
    except (TypeError, ValueError):
        return False
    return bool(r) if isinstance(r, bool) or type(r).__name__ == "bool_" else False


def _rows(df: Any, name: str) -> List[Dict[str, Any]]:
    """The frame's rows as dicts without their missing cells (a missing cell = a field left out)."""
    pd = _pd()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    cols = [str(c) for c in df.columns]
    if len(set(cols)) != len(cols):
        raise ValidationError.of("dataset", [Problem("duplicate", name, f"the {name} frame has a column twice: {cols}")])
    out = []
    for values in df.itertuples(index=False, name=None):
        out.append({c: v for c, v in zip(cols, values) if not _missing(v)})
    return out


# ------------------------------------------------------------------ DataFrames → dataset document


def dataset_document(
    *,
    base: Optional[Dict[str, Any]],
    hall: Any,
    year: Any,
    departments: Any,
    windows: Any,
    terms: Any,
    staff: Any,
    metrics: Any,
    records: Any,
    targets: Any,
) -> Dict[str, Any]:
    doc: Dict[str, Any] = dict(base) if base is not None else {}
    problems: List[Problem] = []
    if hall is not None:
        doc["hall"] = dict(hall)
    if year is not None:
        doc["year"] = year
    if departments is not None:
        doc["departments"] = _rows(departments, "departments")
    if windows is not None:
        doc["windows"] = _windows(_rows(windows, "windows"))
    if terms is not None:
        doc["windows"] = _apply_terms(doc.get("windows", []), _rows(terms, "terms"), replace=windows is None, problems=problems)
    if staff is not None:
        doc["staff"] = _staff(_rows(staff, "staff"), problems)
    if metrics is not None:
        doc["metrics"] = [_metric(r) for r in _rows(metrics, "metrics")]
    if records is not None:
        doc["records"] = _rows(records, "records")
    if targets is not None:
        doc["targets"] = dict(targets.items()) if hasattr(targets, "items") else dict(targets)
    if problems:
        raise ValidationError.of("dataset", problems)
    # Key order as the core writes it (not needed by the parser; kept for readable JSON).
    order = ["hall", "year", "departments", "windows", "staff", "targets", "metrics", "records"]
    return {k: doc[k] for k in sorted(doc, key=lambda k: order.index(k) if k in order else len(order))}


def _windows(rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    out = []
    for r in rows:
        head = r.pop("head", None)
        w = dict(r)
        w.setdefault("heads", [])
        if head is not None:
            w["heads"] = [{"staff": head}] + list(w["heads"])
        out.append(w)
    return out


def _apply_terms(windows: List[Dict[str, Any]], rows: List[Dict[str, Any]], *, replace: bool, problems: List[Problem]) -> List[Dict[str, Any]]:
    windows = [dict(w) for w in windows]
    by_id = {w.get("id"): w for w in windows}
    if replace:  # terms given without windows: they replace the base's heads and chief representatives
        for w in windows:
            w["heads"] = []
            w.pop("chief_representatives", None)
    for i, row in enumerate(rows):
        term = dict(row)
        wid = term.pop("window", None)
        role = term.pop("role", "head")
        if role not in ROLES:
            problems.append(Problem("invalid", f"terms[{i}].role", f"role {role!r}: expected one of {sorted(ROLES)}"))
            continue
        window = by_id.get(wid)
        if window is None:
            problems.append(Problem("unknown_reference", f"terms[{i}].window", f"no window {wid!r} in the windows"))
            continue
        window.setdefault(ROLES[role], []).append(term)
    return windows


def _staff(rows: List[Dict[str, Any]], problems: List[Problem]) -> List[Dict[str, Any]]:
    members: Dict[Any, Dict[str, Any]] = {}
    for i, row in enumerate(rows):
        r = dict(row)
        assignment = {k: r.pop(k) for k in _ASSIGNMENT_FIELDS if k in r}
        sid = r.get("id")
        m = members.get(sid)
        if m is None:
            m = members[sid] = {**r, "assignments": []}
        else:
            for k, v in r.items():
                if k in m and m[k] != v:
                    problems.append(Problem("invalid", f"staff row {i}.{k}", f"staff member {sid!r} has {k} {m[k]!r} on an earlier row and {v!r} here"))
                m.setdefault(k, v)
        if assignment:
            if "window" not in assignment:
                problems.append(Problem("invalid", f"staff row {i}.window", f"staff member {sid!r}: a row with from/to needs a window"))
            m["assignments"].append(assignment)
    return list(members.values())


def _metric(r: Dict[str, Any]) -> Dict[str, Any]:
    m: Dict[str, Any] = {}
    for k, v in r.items():
        group, dot, name = k.partition(".")
        if dot and group in ("rates", "values"):
            m.setdefault(group, {})[name] = v
        else:
            m[k] = v
    m.setdefault("rates", {})
    return m


# ------------------------------------------------------------------ dataset document → DataFrames


def _dates(df: Any, cols: Iterable[str]) -> Any:
    pd = _pd()
    for c in cols:
        if c in df.columns:
            df[c] = pd.to_datetime(df[c], format="%Y-%m-%d")
    return df


def _decimals(values: Iterable[Any]) -> List[Optional[Decimal]]:
    return [None if v is None else Decimal(str(v)) for v in values]


def _frame(rows: List[Dict[str, Any]], columns: Sequence[str], *, ints: Sequence[str] = (), decimals: Sequence[str] = (), dates: Sequence[str] = ()) -> Any:
    pd = _pd()
    data: Dict[str, Any] = {}
    for c in columns:
        col = [r.get(c) for r in rows]
        if c in decimals:
            data[c] = pd.Series(_decimals(col), dtype=object)
        elif c in ints:
            data[c] = pd.Series(col, dtype="Int64")
        elif c in dates:
            data[c] = pd.to_datetime(pd.Series(col, dtype=object), format="%Y-%m-%d")
        else:
            data[c] = pd.Series(col, dtype=object)
    return pd.DataFrame(data, columns=list(columns))


def dataset_frames(doc: Dict[str, Any]) -> Dict[str, Any]:
    windows = doc.get("windows", [])
    terms = []
    for w in windows:
        for role, key in ROLES.items():
            for t in w.get(key, []):
                terms.append({"window": w["id"], "role": role, **t})
    staff_rows = []
    for s in doc.get("staff", []):
        member = {k: v for k, v in s.items() if k != "assignments"}
        if not s.get("assignments"):
            staff_rows.append(member)
        for a in s.get("assignments", []):
            staff_rows.append({**member, **a})
    metric_rows = []
    rate_cols: List[str] = []
    for m in doc.get("metrics", []):
        row = {k: v for k, v in m.items() if k not in ("rates", "values")}
        for group in ("rates", "values"):
            for name, v in m.get(group, {}).items():
                col = f"{group}.{name}"
                if col not in rate_cols:
                    rate_cols.append(col)
                row[col] = v
        metric_rows.append(row)
    return {
        "departments": _frame(doc.get("departments", []), DEPARTMENT_COLUMNS),
        "windows": _frame(windows, WINDOW_COLUMNS, dates=("opened", "closed")),
        "terms": _frame(terms, TERM_COLUMNS, dates=("from", "to")),
        "staff": _frame(staff_rows, STAFF_COLUMNS, dates=("from", "to")),
        "metrics": _frame(metric_rows, METRIC_COLUMNS + rate_cols, ints=("cases",), decimals=rate_cols),
        "records": _frame(
            doc.get("records", []), RECORD_COLUMNS, ints=("count", "minutes"), decimals=("points", "units"), dates=("date",)
        ),
    }


# ------------------------------------------------------------------ results → tidy DataFrames
#
# Decimal columns (scores, points, maxima, caps, indicators) are float64 by default: pandas then
# treats them as numbers (describe, nsmallest, plot, groupby-mean, select_dtypes("number")),
# which object columns of Decimal and ArrowDtype(decimal128) columns are not (the measurement is
# in docs/readme-python.md). Each float is float(Decimal) of the core's value, the nearest double.
# The core's exact values are one call away: ``frames.exact(name)`` (or ``to_pandas(exact=True)``)
# gives the same frame — same rows, index and columns — with those columns holding the typed
# results' ``Decimal`` objects.

#: Columns renamed so that one concept has one name in every frame (docs/readme-python.md).
#: ``{frame: {old name: new name}}`` (``scores``: a month's; a period's was already ``score``), so
#: that ``df.rename(columns=RENAMED_COLUMNS[name])`` brings a frame kept from before to today's names.
RENAMED_COLUMNS: Dict[str, Dict[str, str]] = {
    "scores": {"total": "score"},
    "month_scores": {"total": "score"},
    "monthly": {"total": "score"},
    "categories": {"score": "category_score"},
    "awards": {"name": "award_name"},
    "award_lists": {"name": "award_name", "base": "quota_base"},
    "flags": {"period": "lost"},
    "departments": {"name": "department_name"},
}


@functools.lru_cache(maxsize=None)
def _status_label(group: str, code: Optional[str]) -> Optional[str]:
    """The core's Chinese label of a record's status, a record's outcome or an award standing's
    status (the same the command's report writes)."""
    if code is None:
        return None
    from ._kaoping import status_labels

    return status_labels(group, code)[0]


_Spec = Tuple[List[Dict[str, Any]], List[str], List[str]]  # rows, columns, decimal columns
_DATE_COLUMNS: Mapping[str, Sequence[str]] = {"records": ["date"]}


def _float(v: Any) -> float:
    return float("nan") if v is None else float(v)


def _finish(specs: Dict[str, _Spec], exact: bool) -> Dict[str, Any]:
    pd = _pd()
    out = {}
    for name, (rows, columns, decimal_cols) in specs.items():
        data: Dict[str, Any] = {}
        for c in columns:
            col = [r.get(c) for r in rows]
            if c in decimal_cols:
                data[c] = pd.Series(col, dtype=object) if exact else pd.Series([_float(v) for v in col], dtype="float64")
            elif c in _DATE_COLUMNS.get(name, ()):
                data[c] = pd.to_datetime(pd.Series([None if v is None else v.isoformat() for v in col], dtype=object), format="%Y-%m-%d")
            else:
                data[c] = pd.Series(col, dtype=object) if any(v is None for v in col) or not rows else pd.Series(col)
        out[name] = pd.DataFrame(data, columns=columns)
    return out


class Frames(Dict[str, Any]):
    """The tidy DataFrames of a result: a ``dict`` of frame name → ``DataFrame``, with the core's
    exact values one call away.

    ``frames["scores"]`` holds scores, points, maxima, caps and indicators as ``float64`` (or, made
    with ``to_pandas(exact=True)``, as ``Decimal``). ``frames.exact("scores")`` is the same frame —
    the same rows, index and columns — with those columns holding the typed results' ``Decimal``
    objects, so the exact values of any filtered or sorted view ``v`` of a frame are
    ``frames.exact("scores").loc[v.index, "score"]``. ``frames.decimal_columns["scores"]`` names
    the columns that differ."""

    decimal_columns: Dict[str, List[str]]

    def __init__(self, frames: Dict[str, Any], decimal_columns: Dict[str, List[str]], exact: Optional[Callable[[], Dict[str, Any]]]) -> None:
        super().__init__(frames)
        self.decimal_columns = decimal_columns
        self._make_exact = exact  # None: these frames are exact already
        self._exact: Optional[Dict[str, Any]] = None

    def exact(self, name: str) -> Any:
        """Frame ``name`` with its decimal columns as the core's ``Decimal`` values (a new frame;
        the same rows, index and columns as ``self[name]``)."""
        if name not in self:
            raise KeyError(f"no frame {name!r}: one of {', '.join(self)}")
        if self._make_exact is None:
            return self[name].copy()
        if self._exact is None:
            self._exact = self._make_exact()
        return self._exact[name].copy()

    def __reduce__(self) -> Any:  # pickled (and deep-copied) as the plain dict of frames
        return (dict, (dict(self),))


def frames_of(specs_of: Callable[[], Dict[str, _Spec]], exact: bool) -> Frames:
    specs = specs_of()
    decimal_columns = {name: list(spec[2]) for name, spec in specs.items()}
    return Frames(_finish(specs, exact), decimal_columns, None if exact else (lambda: _finish(specs_of(), True)))


def exact_flag(exact: bool, floats: Optional[bool]) -> bool:
    """``to_pandas``'s ``exact``, given the deprecated ``floats`` (``floats=False`` meant Decimal)."""
    if floats is None:
        return exact
    warnings.warn(
        "to_pandas(floats=...) is deprecated: decimal columns are float64 by default, and "
        "to_pandas(exact=True) or frames.exact(name) gives the core's Decimal values",
        FutureWarning,
        stacklevel=3,
    )
    if exact and floats:
        raise ValueError("to_pandas(exact=True, floats=True): choose one")
    return exact or not floats


@functools.lru_cache(maxsize=None)
def _label(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    from ._kaoping import reason_labels

    return reason_labels(code)[0]


# ------------------------------------------------------------------ the policy's rules


@functools.lru_cache(maxsize=8)
def _policy_doc(text: str) -> Dict[str, Any]:
    doc: Dict[str, Any] = json.loads(text)
    return doc


RULE_COLUMNS = ["rule", "rule_name", "rule_name_en", "kind", "category", "category_name", "type", "rule_kind", "cite", "cap_month", "cap_year", "requires_evidence", "reading"]
CATEGORY_COLUMNS = ["kind", "category", "category_name", "category_name_en", "type", "max", "cite"]


def _policy_specs(doc: Mapping[str, Any]) -> Dict[str, _Spec]:
    """The policy document's rules and categories, as the core wrote them (decimals as its strings)."""
    categories: List[Dict[str, Any]] = []
    by_code: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for kind in ("window", "staff"):
        for c in doc.get(kind, {}).get("categories", []):
            row = {"kind": kind, "category": c["code"], "category_name": c.get("name_zh"), "category_name_en": c.get("name_en") or None,
                   "type": "bonus" if c.get("bonus") else "deduction", "max": Decimal(c["max"]), "cite": c.get("cite")}
            categories.append(row)
            by_code[(kind, c["code"])] = row
    rules = []
    for r in doc.get("rules", []):
        cat = by_code.get((r["subject"], r["category"]), {})
        caps = r.get("caps", {})
        rules.append({
            "rule": r["code"], "rule_name": r["name_zh"], "rule_name_en": r.get("name_en") or None, "kind": r["subject"],
            "category": r["category"], "category_name": cat.get("category_name"), "type": cat.get("type"), "rule_kind": r["kind"],
            "cite": r.get("cite"), "cap_month": _decimal_or_none(caps.get("month")), "cap_year": _decimal_or_none(caps.get("year")),
            "requires_evidence": bool(r.get("requires_evidence", False)), "reading": r.get("reading"),
        })
    return {
        "rules": (rules, RULE_COLUMNS, ["cap_month", "cap_year"]),
        "categories": (categories, CATEGORY_COLUMNS, ["max"]),
    }


def _decimal_or_none(v: Any) -> Optional[Decimal]:
    return None if v is None else Decimal(str(v))


def policy_frames(policy_json: str, exact: bool) -> Frames:
    return frames_of(lambda: _policy_specs(_policy_doc(policy_json)), exact)


def _rule_names(policy_json: Optional[str]) -> Dict[str, str]:
    if policy_json is None:
        return {}
    return {r["code"]: r["name_zh"] for r in _policy_doc(policy_json).get("rules", [])}


def _result_policy(result: Any) -> Optional[str]:
    """The JSON of the policy a result was evaluated with (kept by ``evaluate``), if known."""
    policy = result.__dict__.get("_policy")
    return None if policy is None else policy.to_json()


# ------------------------------------------------------------------ the results' frames


def _month_specs(results: Sequence["MonthResult"], scores_name: str, rule_names: Mapping[str, str]) -> Dict[str, _Spec]:
    scores, categories, lines, records, flags = [], [], [], [], []
    for r in results:
        subjects: List["SubjectMonth"] = list(r.windows) + list(r.staff)
        for s in subjects:
            key = {"month": r.month, "kind": s.kind, "subject": s.subject}
            scores.append({**key, "name": s.name, "department": s.department, "base": s.base, "bonus": s.bonus, "score": s.total, "grade": s.grade, "grade_forced_by": s.grade_forced_by})
            for ctype, cats in (("deduction", s.categories), ("bonus", s.bonuses)):
                for c in cats:
                    categories.append({**key, "type": ctype, "category": c.code, "category_name": c.name, "max": c.max, "points": c.points, "category_score": c.score, "zeroed_by": c.zeroed_by})
                    for ln in c.lines:
                        lines.append({**key, "type": ctype, "category": c.code, "rule": ln.rule, "rule_name": rule_names.get(ln.rule), "record": ln.record, "occurrences": ln.occurrences, "raw": ln.raw, "points": ln.points, "cut": ln.cut, "cut_label": _label(ln.cut), "detail": ln.detail})
            for f in s.flags:
                flags.append({**key, "code": f.code, "lost": f.period, "rule": f.rule, "record": f.record, "category": f.category, "detail": f.detail})
        for o in r.records:
            records.append({"month": r.month, "record": o.record, "rule": o.rule, "rule_name": rule_names.get(o.rule), "subject": o.subject, "date": o.date,
                            "status": o.status, "status_label": _status_label("status", o.status), "outcome": o.outcome, "outcome_label": _status_label("outcome", o.outcome),
                            "occurrences": o.occurrences, "counted_occurrences": o.counted_occurrences, "points": o.points, "reason": o.reason, "reason_label": _label(o.reason), "detail": o.detail})
    return {
        scores_name: (scores, ["month", "kind", "subject", "name", "department", "base", "bonus", "score", "grade", "grade_forced_by"], ["base", "bonus", "score"]),
        "categories": (categories, ["month", "kind", "subject", "type", "category", "category_name", "max", "points", "category_score", "zeroed_by"], ["max", "points", "category_score"]),
        "lines": (lines, ["month", "kind", "subject", "type", "category", "rule", "rule_name", "record", "occurrences", "raw", "points", "cut", "cut_label", "detail"], ["raw", "points"]),
        "records": (records, ["month", "record", "rule", "rule_name", "subject", "date", "status", "status_label", "outcome", "outcome_label", "occurrences", "counted_occurrences", "points", "reason", "reason_label", "detail"], ["points"]),
        "flags": (flags, ["month", "kind", "subject", "code", "lost", "rule", "record", "category", "detail"], []),
    }


def _rules_spec(policy_json: Optional[str]) -> Dict[str, _Spec]:
    if policy_json is None:
        return {"rules": ([], RULE_COLUMNS, ["cap_month", "cap_year"])}
    return {"rules": _policy_specs(_policy_doc(policy_json))["rules"]}


def month_frames(result: "MonthResult", exact: bool) -> Frames:
    policy_json = _result_policy(result)

    def specs() -> Dict[str, _Spec]:
        out = _month_specs([result], "scores", _rule_names(policy_json))
        out.update(_rules_spec(policy_json))
        return out

    return frames_of(specs, exact)


def _period_specs(result: "PeriodResult", policy_json: Optional[str]) -> Dict[str, _Spec]:
    scores, monthly, disq, awards, award_lists, departments = [], [], [], [], [], []
    for s in list(result.windows) + list(result.staff):
        key = {"period": result.period, "kind": s.kind, "subject": s.subject}
        scores.append({**key, "name": s.name, "department": s.department, "rank": s.rank, "department_rank": s.department_rank, "score": s.score, "grade": s.grade, "grade_forced_by": s.grade_forced_by, "months_evaluated": s.months_evaluated, "deductions": s.deductions, "bonus": s.bonus, "complaints": s.complaints})
        for m in s.monthly:
            monthly.append({**key, "month": m.month, "score": m.total, "adjusted": m.adjusted})
        for f in s.disqualifications:
            disq.append({**key, "code": f.code, "lost": f.period, "rule": f.rule, "record": f.record, "detail": f.detail})
    for a in result.awards:
        award_lists.append({"period": result.period, "award": a.award, "award_name": a.name, "kind": a.subject, "participants": a.participants, "quota_base": a.base, "quota": a.quota, "quota_detail": a.quota_detail, "awarded": len(a.awarded), "tied_at_line": len(a.tied_at_line)})
        for st in a.standings:
            awards.append({"period": result.period, "award": a.award, "award_name": a.name, "kind": a.subject, "subject": st.subject, "rank": st.rank, "score": st.score, "status": st.status, "status_label": _status_label("award", st.status), "detail": st.detail})
    for d in result.departments:
        departments.append({"period": result.period, "department": d.department, "department_name": d.name, "windows": len(d.windows), "staff": len(d.staff), "indicator": d.indicator})
    specs: Dict[str, _Spec] = {
        "scores": (scores, ["period", "kind", "subject", "name", "department", "rank", "department_rank", "score", "grade", "grade_forced_by", "months_evaluated", "deductions", "bonus", "complaints"], ["score", "deductions", "bonus"]),
        "monthly": (monthly, ["period", "kind", "subject", "month", "score", "adjusted"], ["score"]),
        "disqualifications": (disq, ["period", "kind", "subject", "code", "lost", "rule", "record", "detail"], []),
        "awards": (awards, ["period", "award", "award_name", "kind", "subject", "rank", "score", "status", "status_label", "detail"], ["score"]),
        "award_lists": (award_lists, ["period", "award", "award_name", "kind", "participants", "quota_base", "quota", "quota_detail", "awarded", "tied_at_line"], []),
        "departments": (departments, ["period", "department", "department_name", "windows", "staff", "indicator"], ["indicator"]),
    }
    specs.update(_month_specs(result.month_results, "month_scores", _rule_names(policy_json)))
    specs.update(_rules_spec(policy_json))
    return specs


def period_frames(result: "PeriodResult", exact: bool) -> Frames:
    policy_json = _result_policy(result)
    return frames_of(lambda: _period_specs(result, policy_json), exact)
