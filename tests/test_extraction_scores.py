"""Extraction precision on annotated news, as the shared scorers measure it: a regression guard.

PolNeAR dev: ``../shared/eval/run.sh`` (attribution P/R/F1 of ``claimgraph extract``);
ECB+ dev: ``../shared/eval/ecbplus/run.sh`` (the coverage line: the share of mentions in the
annotated sentences that land on a reporting event, and the share of reporting events that
keep a mention). The floors are the goals these rules were written to: PolNeAR precision 0.86 at
F1 0.70, ECB+ 0.80 of mentions on a reporting event while 0.78 of reporting events keep one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED

pytestmark = pytest.mark.slow

#: (metric, floor) measured on dev: precision must not fall, F1 and recall must hold.
POLNEAR_FLOORS = {"precision": 0.86, "f1": 0.70}
ECB_FLOORS = {"precision_vs_reporting_in_annotated_sentences": 0.80,
              "extraction_recall_reporting": 0.78}


def _command() -> str:
    exe = Path(sys.executable).with_name("claimgraph")
    if not exe.exists():
        pytest.skip("the claimgraph command is not installed beside this Python")
    return str(exe)


def _run(script: Path, *args: str, tmp: Path, **env: str) -> dict:
    scores = tmp / "scores.json"
    subprocess.run(
        ["bash", str(script), *args], check=True, capture_output=True, text=True,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
             "SCORES": str(scores), **env},
        timeout=1200,
    )
    return json.loads(scores.read_text(encoding="utf-8"))


def test_polnear_dev_attribution_precision(tmp_path):
    if SHARED is None or not (SHARED / "eval" / "run.sh").exists():
        pytest.skip("../shared/eval is not present")
    res = _run(SHARED / "eval" / "run.sh", str(SHARED / "eval" / "polnear_dev.jsonl"),
               _command(), tmp=tmp_path)
    att = res["attribution"]
    assert att["precision"] >= POLNEAR_FLOORS["precision"], att
    assert att["f1"] >= POLNEAR_FLOORS["f1"], att


def test_ecbplus_dev_coverage(tmp_path):
    if SHARED is None or not (SHARED / "eval" / "ecbplus" / "run.sh").exists():
        pytest.skip("../shared/eval/ecbplus is not present")
    res = _run(SHARED / "eval" / "ecbplus" / "run.sh", _command(), tmp=tmp_path,
               OUT=str(tmp_path / "build"))
    cov = res["coverage"]
    for key, floor in ECB_FLOORS.items():
        assert cov[key] >= floor, (key, cov)
