"""The installed package: the built wheel (not the source folder), its public surface and stubs."""

from __future__ import annotations

import ast
import inspect
import pathlib
import sysconfig
from typing import Dict, Optional, Set

import kaoping
import kaoping._kaoping as native


def test_imports_the_installed_wheel_with_an_abi3_module() -> None:
    site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
    pkg = pathlib.Path(kaoping.__file__).resolve().parent
    assert pkg.parent == site, f"kaoping imported from {pkg}, not from the venv's site-packages {site}"
    assert pathlib.Path(native.__file__).name.endswith(".abi3.so"), native.__file__
    assert (pkg / "py.typed").exists()
    assert (pkg / "_kaoping.pyi").exists()


def test_public_names() -> None:
    for name in kaoping.__all__:
        assert hasattr(kaoping, name), name
    assert issubclass(kaoping.ValidationError, ValueError)
    assert kaoping.__version__ == native.CORE_VERSION
    assert set(kaoping.SCHEMA_NAMES) == {"policy", "dataset", "result", "year_result", "period_result", "errors"}


def test_stubs_match_the_native_module() -> None:
    """Every name in _kaoping.pyi exists in the native module with the same members, and back."""
    stub = ast.parse((pathlib.Path(kaoping.__file__).parent / "_kaoping.pyi").read_text(encoding="utf-8"))
    declared: Dict[str, Optional[Set[str]]] = {}
    for node in stub.body:
        if isinstance(node, ast.ClassDef):
            # public members (a constructor's ``__new__`` is checked by stubtest)
            declared[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
        elif isinstance(node, ast.FunctionDef):
            declared[node.name] = None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared[node.target.id] = None
    actual = {n for n in dir(native) if not n.startswith("_")}
    # private names (the test hook ``_panic_in_core_for_tests``) are checked by stubtest
    assert {n for n in declared if not n.startswith("_")} == actual
    for name, members in declared.items():
        if members is not None:
            obj = getattr(native, name)
            real = {n for n, _ in inspect.getmembers(obj) if not n.startswith("_")}
            assert members == real, name
