"""The parsing workers' server asks numeric libraries for one thread, unless the user chose."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = (
    "import sys; import claimgraph.ingest.preload, os; "
    "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])"
)


def _probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_worker_server_runs_one_blas_thread_per_worker():
    assert _probe() == "1 1"


def test_a_thread_count_the_user_set_is_kept():
    assert _probe(OPENBLAS_NUM_THREADS="4") == "4 1"
