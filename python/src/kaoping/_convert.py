"""Python values → the JSON text the core parses.

Only conversion: the core reads the text and checks everything (fields, ranges, references). The
numbers policy, decided once here:

* ``decimal.Decimal`` and ``int`` are written as JSON numbers digit for digit (``Decimal("2.50")``
  → ``2.50``); the core reads JSON numbers exactly.
* ``float`` is written as its shortest round-trip text (``repr``), the digits a person typed into
  a spreadsheet or CSV: ``2.5`` → ``2.5``, ``0.1`` → ``0.1`` (never the binary expansion
  ``0.1000000000000000055…``); an integral float is written as an integer (``40.0`` → ``40``), so
  a pandas column made float by a missing value still fills integer fields. NaN and ±infinity
  are rejected with a :class:`~kaoping.ValidationError` naming the place.
* ``datetime.date`` (and a midnight ``datetime`` / ``pandas.Timestamp``) → ``"YYYY-MM-DD"``;
  ``pandas.Period`` → its text (``"2026-10"``).
* numpy scalars are taken as the Python number they hold.
"""

from __future__ import annotations

import datetime
import json
import math
import numbers
from decimal import Decimal
from typing import Any, List, Mapping

from ._errors import Problem, ValidationError

__all__ = ["encode", "join_path"]


def join_path(base: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else str(key)


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def _float(x: float, path: str, problems: List[Problem]) -> str:
    if not math.isfinite(x):
        problems.append(Problem("invalid", path, f"{x!r} is not a number the core can read; use a finite value, or leave the field out"))
        return "null"
    if x.is_integer() and abs(x) < 2**53:
        return str(int(x))
    return repr(x)


def _decimal(d: Decimal, path: str, problems: List[Problem]) -> str:
    if not d.is_finite():
        problems.append(Problem("invalid", path, f"Decimal({str(d)!r}) is not a number the core can read"))
        return "null"
    return format(d, "f")


def _date_like(v: Any, path: str, problems: List[Problem]) -> str:
    if isinstance(v, datetime.datetime):
        if (v.hour, v.minute, v.second, v.microsecond) != (0, 0, 0, 0) or v.tzinfo is not None:
            problems.append(Problem("invalid", path, f"expected a date (YYYY-MM-DD), got the date-time {v.isoformat()}"))
        return _string(v.date().isoformat())
    return _string(v.isoformat())


def _encode(v: Any, path: str, problems: List[Problem], out: List[str]) -> None:
    if v is None:
        out.append("null")
    elif type(v).__name__ in ("NaTType", "NAType"):  # pandas.NaT, pandas.NA
        problems.append(Problem("invalid", path, f"{v!r} (a missing value) is not a value the core can read; leave the field out"))
        out.append("null")
    elif isinstance(v, str):
        out.append(_string(v))
    elif isinstance(v, bool) or type(v).__name__ == "bool_":
        out.append("true" if v else "false")
    elif isinstance(v, numbers.Integral):
        out.append(str(int(v)))
    elif isinstance(v, Decimal):
        out.append(_decimal(v, path, problems))
    elif isinstance(v, numbers.Real):
        out.append(_float(float(v), path, problems))
    elif isinstance(v, datetime.date):
        out.append(_date_like(v, path, problems))
    elif isinstance(v, Mapping):
        out.append("{")
        for i, (k, x) in enumerate(v.items()):
            if not isinstance(k, str):
                problems.append(Problem("invalid", path, f"keys must be strings, got {k!r}"))
                k = str(k)
            if i:
                out.append(",")
            out.append(_string(k))
            out.append(":")
            _encode(x, join_path(path, k), problems, out)
        out.append("}")
    elif isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray":
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(",")
            _encode(x, join_path(path, i), problems, out)
        out.append("]")
    elif type(v).__name__ == "Period" and hasattr(v, "freqstr"):  # pandas.Period("2026-10", "M")
        out.append(_string(str(v)))
    elif type(v).__name__ == "datetime64":  # numpy.datetime64
        import pandas as pd

        _encode(pd.Timestamp(v), path, problems, out)
    else:
        problems.append(Problem("invalid", path, f"a {type(v).__name__} cannot be written as JSON"))
        out.append("null")


def encode(value: Any, document: str) -> str:
    """The JSON text of ``value`` for the core; raises ``ValidationError`` for what JSON cannot hold."""
    problems: List[Problem] = []
    out: List[str] = []
    _encode(value, "", problems, out)
    if problems:
        raise ValidationError.of(document, problems)
    return "".join(out)
