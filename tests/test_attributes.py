"""The attribute table annotates exactly as spaCy's AttributeRuler with the model's own rules."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from claimgraph.ingest.attributes import AttributeTable, UnsupportedRule, use_attribute_table
from claimgraph.ingest.nlp import MODEL_CANDIDATES, load_pipeline

from .conftest import EXAMPLES, SHARED

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

#: Sentences that reach the rare rules: two-token lemmas, "there is", auxiliaries, "i"/"you"/"it"
#: by role, determiners as pronouns, whitespace tokens.
RARE = [
    "Y'all gonna let's see, c'mon, it ain't over: gotta go.",
    "There are    two of them and that is what you told it.\n\nI did it; they do not.",
    "He gets what he got, but does nothing; we have had enough of those.",
]


@pytest.fixture(scope="module")
def pair():
    """spaCy's pipeline as it ships, and the same model with the table in place of its ruler."""
    for name in MODEL_CANDIDATES:
        try:
            bare, table = spacy.load(name), spacy.load(name)
        except OSError:
            continue
        assert use_attribute_table(table)
        return bare, table
    pytest.skip("no English model installed")


def _same(pair, texts: list[str]) -> None:
    bare, table = pair
    for text, a, b in zip(texts, bare.pipe(texts), table.pipe(texts), strict=True):
        diff = (a.to_array(COLUMNS) != b.to_array(COLUMNS)).any(axis=1).nonzero()[0]
        assert not len(diff), f"{text[:40]!r}: token {a[int(diff[0])]!r} differs"


def test_the_table_annotates_as_the_ruler_on_the_bundled_articles(pair):
    _same(pair, [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))])


def test_the_table_annotates_as_the_ruler_where_the_rare_rules_apply(pair):
    _same(pair, RARE)
    doc = pair[1](RARE[0])
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na", "'s", "ai")] == [
        "go",
        "to",
        "us",
        "be",
    ]


def test_the_pipeline_of_a_build_uses_the_table():
    assert isinstance(load_pipeline().get_pipe("attribute_ruler"), AttributeTable)


def test_rules_beyond_the_table_keep_the_ruler(pair):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    with pytest.raises(UnsupportedRule, match="LENGTH"):
        AttributeTable.from_ruler(ruler)
    assert not use_attribute_table(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_an_empty_text_is_left_alone(pair):
    assert len(pair[1]("")) == 0


@pytest.mark.slow
def test_the_table_annotates_as_the_ruler_on_bbc_articles(pair):
    if SHARED is None:
        pytest.skip("needs ../shared")
    files = sorted((SHARED / "corpora" / "bbc").rglob("*.txt"))[::20]
    _same(pair, [p.read_text(encoding="utf-8", errors="replace") for p in files])
