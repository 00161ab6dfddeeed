"""Imported once by the fork server the parsing workers are forked from: loads the model there.

Each worker is a fork of that server, so it starts with the pipeline already loaded (its pages
shared, copy-on-write) instead of importing spaCy and reading the model again. A failure is
left to the workers, which report it with the usual message (:func:`.nlp.load_pipeline`).
"""

from __future__ import annotations

import contextlib

from .nlp import load_pipeline

with contextlib.suppress(Exception):
    load_pipeline()
