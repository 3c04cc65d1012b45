"""The one exception of the package: ``ValidationError``, a ``ValueError`` carrying every problem.

The core rejects a document with any problem as a whole and lists every problem it found, each
with its place (``records[17].points``), the record id and rule code when there are any, and a
message. The native module raises this class with the core's problems; the Python half raises it
too when a value cannot be written as JSON (a NaN, an unsupported type).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["Problem", "ValidationError"]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input document (the core's ``Problem``).

    ``kind`` is one of ``syntax``, ``invalid``, ``unknown_reference``, ``duplicate``,
    ``unknown_kind``, ``unsupported``; ``path`` is the JSON path of the offending value
    (``records[0].points``, empty for the whole document).
    """

    kind: str
    path: str
    message: str
    record: Optional[str] = None
    rule: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The problem as the core writes it (absent record and rule left out)."""
        d: Dict[str, Any] = {"kind": self.kind, "path": self.path}
        if self.record is not None:
            d["record"] = self.record
        if self.rule is not None:
            d["rule"] = self.rule
        d["message"] = self.message
        return d

    def __str__(self) -> str:
        s = self.path or "(document)"
        if self.record is not None:
            s += f" [record {self.record}]"
        if self.rule is not None:
            s += f" [rule {self.rule}]"
        return f"{s}: {self.message}"


class ValidationError(ValueError):
    """An input document (``dataset``, ``policy``, ``request``, or a filled ``sheet`` read by
    :func:`kaoping.read_records`) was rejected.

    ``str(error)`` is the core's text (what the ``kaoping`` command prints); ``problems`` holds
    every problem as :class:`Problem`; ``errors()``, ``error_count()`` and ``json()`` give them
    as data (``json()`` validates against ``schemas/errors.schema.json``).
    """

    document: str
    problems: Tuple[Problem, ...]

    def __init__(self, message: str, document: str, problems: Sequence[Problem]) -> None:
        super().__init__(message, document, tuple(problems))
        self.document = document
        self.problems = tuple(problems)

    def __str__(self) -> str:
        return str(self.args[0])

    def __repr__(self) -> str:
        return f"ValidationError(document={self.document!r}, problems={len(self.problems)})"

    def errors(self) -> List[Dict[str, Any]]:
        """Every problem as a dict: kind, path, record and rule (when any), message."""
        return [p.to_dict() for p in self.problems]

    def error_count(self) -> int:
        return len(self.problems)

    def json(self, *, indent: Optional[int] = None) -> str:
        """The core's ``Errors`` document: ``{"document": ..., "problems": [...]}``."""
        return json.dumps({"document": self.document, "problems": self.errors()}, ensure_ascii=False, indent=indent)

    @classmethod
    def of(cls, document: str, problems: Sequence[Problem]) -> "ValidationError":
        """Builds the error with the core's wording of the message."""
        n = len(problems)
        lines = [f"the {document} has {n} problem{'' if n == 1 else 's'}:"]
        lines += [f"  - {p}" for p in problems]
        return cls("\n".join(lines), document, problems)
