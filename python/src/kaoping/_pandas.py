"""pandas in and out: DataFrames ↔ the dataset document, results → tidy DataFrames.

Conversion only. A dataset built from DataFrames is the same JSON document the core parses from a
file (one row is one JSON object; a missing cell — None, NaN, NaT, pd.NA — is a field left out),
so the core checks it exactly as it checks a file, and its problem paths (``records[17].points``)
count rows by position in the frame. The column names are documented in ``docs/readme-python.md``
and in :meth:`kaoping.Dataset.from_pandas`.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

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

_Spec = Tuple[List[Dict[str, Any]], List[str], List[str]]  # rows, columns, decimal columns


def _finish(specs: Dict[str, _Spec], floats: bool, date_cols: Mapping[str, Sequence[str]] = {}) -> Dict[str, Any]:
    pd = _pd()
    out = {}
    for name, (rows, columns, decimal_cols) in specs.items():
        data: Dict[str, Any] = {}
        for c in columns:
            col = [r.get(c) for r in rows]
            if c in decimal_cols:
                data[c] = pd.Series([float("nan") if v is None else float(v) for v in col], dtype="float64") if floats else pd.Series(col, dtype=object)
            elif c in date_cols.get(name, ()):
                data[c] = pd.to_datetime(pd.Series([None if v is None else v.isoformat() for v in col], dtype=object), format="%Y-%m-%d")
            else:
                data[c] = pd.Series(col, dtype=object) if any(v is None for v in col) or not rows else pd.Series(col)
        out[name] = pd.DataFrame(data, columns=columns)
    return out


@functools.lru_cache(maxsize=None)
def _label(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    from ._kaoping import reason_labels

    return reason_labels(code)[0]


def _month_specs(results: Sequence["MonthResult"], scores_name: str) -> Dict[str, _Spec]:
    scores, categories, lines, records, flags = [], [], [], [], []
    for r in results:
        subjects: List["SubjectMonth"] = list(r.windows) + list(r.staff)
        for s in subjects:
            key = {"month": r.month, "kind": s.kind, "subject": s.subject}
            scores.append({**key, "name": s.name, "department": s.department, "base": s.base, "bonus": s.bonus, "total": s.total, "grade": s.grade, "grade_forced_by": s.grade_forced_by})
            for ctype, cats in (("deduction", s.categories), ("bonus", s.bonuses)):
                for c in cats:
                    categories.append({**key, "type": ctype, "category": c.code, "category_name": c.name, "max": c.max, "points": c.points, "score": c.score, "zeroed_by": c.zeroed_by})
                    for ln in c.lines:
                        lines.append({**key, "type": ctype, "category": c.code, "rule": ln.rule, "record": ln.record, "occurrences": ln.occurrences, "raw": ln.raw, "points": ln.points, "cut": ln.cut, "cut_label": _label(ln.cut), "detail": ln.detail})
            for f in s.flags:
                flags.append({**key, "code": f.code, "period": f.period, "rule": f.rule, "record": f.record, "category": f.category, "detail": f.detail})
        for o in r.records:
            records.append({"month": r.month, "record": o.record, "rule": o.rule, "subject": o.subject, "date": o.date, "status": o.status, "outcome": o.outcome, "occurrences": o.occurrences, "counted_occurrences": o.counted_occurrences, "points": o.points, "reason": o.reason, "reason_label": _label(o.reason), "detail": o.detail})
    return {
        scores_name: (scores, ["month", "kind", "subject", "name", "department", "base", "bonus", "total", "grade", "grade_forced_by"], ["base", "bonus", "total"]),
        "categories": (categories, ["month", "kind", "subject", "type", "category", "category_name", "max", "points", "score", "zeroed_by"], ["max", "points", "score"]),
        "lines": (lines, ["month", "kind", "subject", "type", "category", "rule", "record", "occurrences", "raw", "points", "cut", "cut_label", "detail"], ["raw", "points"]),
        "records": (records, ["month", "record", "rule", "subject", "date", "status", "outcome", "occurrences", "counted_occurrences", "points", "reason", "reason_label", "detail"], ["points"]),
        "flags": (flags, ["month", "kind", "subject", "code", "period", "rule", "record", "category", "detail"], []),
    }


def month_frames(result: "MonthResult", floats: bool) -> Dict[str, Any]:
    return _finish(_month_specs([result], "scores"), floats, {"records": ["date"]})


def period_frames(result: "PeriodResult", floats: bool) -> Dict[str, Any]:
    scores, monthly, disq, awards, award_lists, departments = [], [], [], [], [], []
    for s in list(result.windows) + list(result.staff):
        key = {"period": result.period, "kind": s.kind, "subject": s.subject}
        scores.append({**key, "name": s.name, "department": s.department, "rank": s.rank, "department_rank": s.department_rank, "score": s.score, "grade": s.grade, "grade_forced_by": s.grade_forced_by, "months_evaluated": s.months_evaluated, "deductions": s.deductions, "bonus": s.bonus, "complaints": s.complaints})
        for m in s.monthly:
            monthly.append({**key, "month": m.month, "total": m.total, "adjusted": m.adjusted})
        for f in s.disqualifications:
            disq.append({**key, "code": f.code, "lost": f.period, "rule": f.rule, "record": f.record, "detail": f.detail})
    for a in result.awards:
        award_lists.append({"period": result.period, "award": a.award, "name": a.name, "kind": a.subject, "participants": a.participants, "base": a.base, "quota": a.quota, "quota_detail": a.quota_detail, "awarded": len(a.awarded), "tied_at_line": len(a.tied_at_line)})
        for st in a.standings:
            awards.append({"period": result.period, "award": a.award, "name": a.name, "kind": a.subject, "subject": st.subject, "rank": st.rank, "score": st.score, "status": st.status, "detail": st.detail})
    for d in result.departments:
        departments.append({"period": result.period, "department": d.department, "name": d.name, "windows": len(d.windows), "staff": len(d.staff), "indicator": d.indicator})
    specs: Dict[str, _Spec] = {
        "scores": (scores, ["period", "kind", "subject", "name", "department", "rank", "department_rank", "score", "grade", "grade_forced_by", "months_evaluated", "deductions", "bonus", "complaints"], ["score", "deductions", "bonus"]),
        "monthly": (monthly, ["period", "kind", "subject", "month", "total", "adjusted"], ["total"]),
        "disqualifications": (disq, ["period", "kind", "subject", "code", "lost", "rule", "record", "detail"], []),
        "awards": (awards, ["period", "award", "name", "kind", "subject", "rank", "score", "status", "detail"], ["score"]),
        "award_lists": (award_lists, ["period", "award", "name", "kind", "participants", "base", "quota", "quota_detail", "awarded", "tied_at_line"], []),
        "departments": (departments, ["period", "department", "name", "windows", "staff", "indicator"], ["indicator"]),
    }
    specs.update(_month_specs(result.month_results, "month_scores"))
    return _finish(specs, floats, {"records": ["date"]})

