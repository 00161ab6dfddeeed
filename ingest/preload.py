"""Imported once by the fork server the parsing workers are forked from: loads the model there.

Each worker is a fork of that server, so it starts with the pipeline already loaded (its pages
shared, copy-on-write) instead of importing spaCy and reading the model again. A failure is
left to the workers, which report it with the usual message (:func:`.nlp.load_pipeline`).

Before anything imports numpy, the server asks its BLAS and OpenMP libraries for one thread
each (unless the user chose a number): the workers already fill every core, and a BLAS that
also starts a thread per core makes them wait on each other. The parse of 400 BBC articles on
two workers took 7% less time so; the parent process keeps its own settings.
"""

from __future__ import annotations

import contextlib
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from .nlp import load_pipeline  # noqa: E402 - after the thread settings, which numpy reads once

with contextlib.suppress(Exception):
    load_pipeline()
