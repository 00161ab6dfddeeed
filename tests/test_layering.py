"""Each stage imports only the one before it: ingest → graph → exports; the face sees all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "ingest": {"graph", "exports", "claimgraph"},
    "graph": {"exports", "claimgraph", "dask", "distributed"},  # no cluster in graph/
    "exports": {"claimgraph"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level >= 2:  # from ..graph import x
                found.add(mod.split(".")[0])
            elif node.level == 0:
                parts = mod.split(".")
                found.add(parts[1] if parts[0] == "claimgraph" and len(parts) > 1 else parts[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                found.add(parts[1] if parts[0] == "claimgraph" and len(parts) > 1 else parts[0])
    return found


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_only_earlier_stages(stage):
    for path in sorted((ROOT / stage).glob("*.py")):
        bad = _imports(path) & FORBIDDEN[stage]
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
