"""Nothing in the package unpickles, evaluates code, or reaches the network: user input and user-given paths
are read as data only (the Dask engine's cluster traffic is dask.distributed's, on an address the user
gives, or 127.0.0.1 for a local cluster)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tppo_extract"
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "joblib", "urllib",
                     "http", "requests", "httpx", "socket", "ftplib", "smtplib", "subprocess"}  # fmt: skip
FORBIDDEN_CALLS = {"eval", "exec", "__import__", "compile"}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_unpickles_evaluates_or_fetches(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module.split(".")[0]]
        else:
            names = []
        assert not set(names) & FORBIDDEN_MODULES, f"{path.name}:{node.lineno} imports {names}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}()"
