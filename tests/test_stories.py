"""Stories: articles about one event are one story; two events of one kind are two.

ECB+ (CC BY 3.0) topic 1 holds two rehab check-ins reported by many outlets: Tara Reid's
(files ``1_*ecb``) and Lindsay Lohan's (``1_*ecbplus``). Read from ``../shared`` by id.
"""

from __future__ import annotations

from collections import Counter

import pytest

import claimgraph
from claimgraph.graph.stories import find_stories
from claimgraph.ingest.records import DocumentRecord

from .conftest import SHARED

DOCS = SHARED / "eval" / "ecbplus" / "docs" if SHARED else None


@pytest.fixture(scope="module")
def topic_one() -> list[DocumentRecord]:
    if DOCS is None or not DOCS.is_dir():
        pytest.skip("../shared/eval/ecbplus is not present")
    files = sorted(str(p) for p in DOCS.glob("1_*.txt"))
    return list(claimgraph.extract(files, jobs=1))


@pytest.mark.slow
def test_two_rehab_check_ins_are_two_stories_each_holding_its_own_articles(topic_one):
    stories = find_stories(topic_one)
    event = {r.id: "Reid" if r.id.endswith("ecb") else "Lohan" for r in topic_one}
    for story in stories:
        assert len({event[d] for d in story.doc_ids}) == 1, story.doc_ids
    sizes = Counter(event[s.doc_ids[0]] for s in stories if len(s.doc_ids) >= 5)
    assert sizes == {"Reid": 1, "Lohan": 1}


def test_an_article_alone_is_a_story_of_its_own():
    (story,) = find_stories([DocumentRecord("a", "x", "Police said a man was hurt.")])
    assert story.doc_ids == ("a",)


def test_articles_dated_to_different_years_never_share_a_story():
    from claimgraph.ingest.records import Entity

    text = "An earthquake struck southern Iran near Bandar Abbas, officials said."
    iran = [
        Entity(text.index("Iran"), text.index("Iran") + 4, "Iran", "GPE"),
        Entity(text.index("Bandar"), text.index("Bandar") + 12, "Bandar Abbas", "GPE"),
    ]
    recs = [
        DocumentRecord(
            f"d{i}", f"h{i}", text, entities=iran, body=[[0, len(text)]], published=f"{year}-11-27"
        )
        for i, year in enumerate((2005, 2005, 2013, 2013))
    ]
    groups = sorted(s.doc_ids for s in find_stories(recs))
    assert groups == [("d0", "d1"), ("d2", "d3")]
