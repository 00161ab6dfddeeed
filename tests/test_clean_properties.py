"""Properties of body finding and metadata on arbitrary text: valid ranges, never a crash."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.clean import find_body
from claimgraph.ingest.metadata import extract_metadata

LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "Home » world »",
                "Read more",
                "© 2022 Planet. All rights reserved.",
                "The minister said the talks would go on next week.",
                "1 day ago",
                "2 thoughts on “Talks”",
                "Published February 15,2022",
                "By Jane Doe",
            ]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_body_ranges_are_sorted_disjoint_and_trimmed(lines, sep):
    text = sep.join(lines)
    body = find_body(text)
    last_end = -1
    for s, e in body:
        assert last_end < s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last_end = e


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_metadata_never_invents_a_malformed_date(lines):
    text = "\n".join(lines)
    meta = extract_metadata(text, [list(span) for span in find_body(text)])
    assert set(meta) == {"title", "outlet", "credits", "authors", "dateline", "published"}
    published = meta["published"]
    assert published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", published)
