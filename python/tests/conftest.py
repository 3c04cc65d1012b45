"""Shared fixtures: the repository's sample, fixtures and schemas, and the `kaoping` command.

The expected outputs are made at test time by the `kaoping` command built from the same core
(``KAOPING_BIN``, default ``target/debug/kaoping``; scripts/test_python.sh builds it first).
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
from typing import Any, List

import pytest

import kaoping

ROOT = pathlib.Path(os.environ.get("KAOPING_ROOT", pathlib.Path(__file__).resolve().parents[2]))
SAMPLE = ROOT / "examples" / "data" / "county-2026.json"
BAD = ROOT / "tests" / "fixtures" / "bad-dataset.json"
SCHEMAS = ROOT / "schemas"
POLICIES = sorted((ROOT / "core" / "policies").glob("*.json")) + sorted((ROOT / "examples" / "policies").glob("*.json"))


def kaoping_bin() -> pathlib.Path:
    p = pathlib.Path(os.environ.get("KAOPING_BIN", ROOT / "target" / "debug" / "kaoping"))
    if not p.exists():
        pytest.fail(f"the kaoping command is not built at {p}: run `cargo build -p kaoping-cli` (or set KAOPING_BIN)")
    return p


def run_cli(*args: str) -> str:
    """The command's stdout (it must succeed)."""
    r = subprocess.run([str(kaoping_bin()), *args], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, f"kaoping {' '.join(args)} failed ({r.returncode}): {r.stderr}"
    return r.stdout


def load_schema(name: str) -> Any:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def policy() -> kaoping.Policy:
    return kaoping.Policy.builtin()


@pytest.fixture(scope="session")
def sample() -> kaoping.Dataset:
    return kaoping.Dataset.from_file(SAMPLE)


@pytest.fixture(scope="session")
def october(policy: kaoping.Policy, sample: kaoping.Dataset) -> kaoping.PeriodResult:
    return kaoping.evaluate(policy, sample, "2026-10")


@pytest.fixture(scope="session")
def q3(policy: kaoping.Policy, sample: kaoping.Dataset) -> kaoping.PeriodResult:
    return kaoping.evaluate(policy, sample, "2026-Q3")


def strip_none(obj: Any) -> Any:
    """Drops None-valued keys (the core leaves absent optional fields out, or writes null)."""
    if isinstance(obj, dict):
        return {k: strip_none(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [strip_none(v) for v in obj]
    return obj


def as_json_values(obj: Any) -> Any:
    """A typed to_dict() (Decimal, date) as the core's JSON values (decimal and date strings)."""
    import datetime
    from decimal import Decimal

    if isinstance(obj, dict):
        return {k: as_json_values(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [as_json_values(v) for v in obj]
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    return obj


def ids(items: List[Any]) -> List[str]:
    return [i.subject for i in items]
