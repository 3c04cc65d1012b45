"""kaoping 考评: score the windows (窗口) and staff of a government service hall against a
published performance measure — exactly (decimal arithmetic) and explainably.

A thin layer over the Rust core ``kaoping-core``: every number comes from the core; this package
converts arguments and results (scores as ``decimal.Decimal``) and adds pandas DataFrames.

>>> import kaoping
>>> policy = kaoping.Policy.builtin()
>>> ds = kaoping.Dataset.from_file("examples/data/county-2026.json")   # doctest: +SKIP
>>> q3 = kaoping.evaluate(policy, ds, "2026-Q3")                       # doctest: +SKIP
>>> q3.windows[0].score, q3.award("model_window").awarded              # doctest: +SKIP
"""

from ._api import Dataset, MonthResult, PeriodResult, Policy, evaluate, read_records, report_workbook, to_excel, validate
from ._errors import Problem, ValidationError
from ._kaoping import CORE_VERSION as _CORE_VERSION
from ._kaoping import SCHEMA_NAMES as _SCHEMA_NAMES
from ._kaoping import schema as _schema
from ._pandas import RENAMED_COLUMNS, Frames
from ._types import (
    AwardResult,
    CategoryResult,
    Charge,
    DaysLink,
    DepartmentEntry,
    DepartmentFeedback,
    Flag,
    Line,
    MonthTotal,
    RecordOutcome,
    ResultWarning,
    Standing,
    SubjectMonth,
    SubjectPeriod,
)

__version__: str = _CORE_VERSION
SCHEMA_NAMES = tuple(_SCHEMA_NAMES)


def schema(name: str) -> str:
    """A published JSON Schema as the core generates it (``schemas/<name>.schema.json``):
    one of ``policy``, ``dataset``, ``result``, ``year_result``, ``period_result``, ``errors``."""
    return _schema(name)


__all__ = [
    "__version__",
    "Policy",
    "Dataset",
    "evaluate",
    "validate",
    "read_records",
    "report_workbook",
    "to_excel",
    "MonthResult",
    "PeriodResult",
    "SubjectMonth",
    "CategoryResult",
    "Line",
    "Flag",
    "DaysLink",
    "RecordOutcome",
    "Charge",
    "ResultWarning",
    "SubjectPeriod",
    "MonthTotal",
    "AwardResult",
    "Standing",
    "DepartmentFeedback",
    "DepartmentEntry",
    "ValidationError",
    "Problem",
    "Frames",
    "RENAMED_COLUMNS",
    "schema",
    "SCHEMA_NAMES",
]
