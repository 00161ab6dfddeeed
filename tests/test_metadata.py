"""Metadata of the seed articles: headline, outlet, credits, authors, dateline, date."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.ingest.clean import find_body
from claimgraph.ingest.metadata import extract_metadata, find_dateline, parse_date
from claimgraph.ingest.outlets import (
    canonical_outlet,
    find_outlets,
    outlet_lineage,
    outlet_parent,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# From shared/seeds/expected.json (`documents`); 000 has no year in its text, so its
# publication date is unknown and only the dateline keeps "Feb 16".
EXPECTED = {
    "000_61586ca9e011ee8f": {
        "title": "Russia-Ukraine Crisis Could Be Resolved ‘Peacefully’ : US Tells Moscow",
        "outlet": "BERNAMA",
        "credits": ["BERNAMA", "Anadolu Agency"],
        "authors": ["Adib Mohd"],
        "dateline": "WASHINGTON, Feb 16",
        "published": None,
    },
    "001_d073dbdb77a7620a": {
        "title": "Top Russian, American diplomats talk via telephone about security guarantees",
        "outlet": "Anadolu Agency",
        "credits": ["Anadolu Agency"],
        "authors": [],
        "dateline": None,
        "published": "2022-02-15",
    },
    "002_3696cc33de2c80af": {
        "title": "The US urges Russia to seek a diplomatic solution to the Ukrainian crisis",
        "outlet": None,
        "credits": [],
        "authors": [],
        "dateline": None,
        "published": None,
    },
    "003_8c2f23df7903cec3": {
        "title": "US says Russia should resolve tensions",
        "outlet": "RT",
        "credits": ["RT"],
        "authors": [],
        "dateline": None,
        "published": "2022-02-13T13:34",
    },
    "004_d7777ded38891c13": {
        "title": "US, Russia promise to work to ease Ukraine tensions",
        "outlet": None,
        "credits": [],
        "authors": [],
        "dateline": None,
        "published": None,
    },
}
FIELDS = ("title", "outlet", "credits", "authors", "dateline", "published")


def _meta(doc_id: str) -> dict:
    text = (EXAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8")
    return extract_metadata(text, [list(span) for span in find_body(text)])


@pytest.mark.parametrize(("doc_id", "field"), [(d, f) for d in sorted(EXPECTED) for f in FIELDS])
def test_seed_metadata(doc_id, field):
    assert _meta(doc_id)[field] == EXPECTED[doc_id][field]


def test_photo_credit_in_a_caption_is_not_the_outlet():
    text = (
        "Talks go on\n\nBlinken at a press conference in Honolulu. © Kevin Lamarque/AFP\n\n"
        "The ministers spoke on Saturday about the crisis and agreed to talk again.\n"
    )
    body = [[text.index("The ministers"), len(text) - 1]]
    meta = extract_metadata(text, body)
    assert meta["outlet"] is None
    assert meta["credits"] == []


def test_agency_dateline_names_the_outlet():
    text = "Talks end\n\nMOSCOW (Reuters) - Russia said on Tuesday that talks had ended.\n"
    meta = extract_metadata(text, [[11, len(text) - 1]])
    assert (meta["outlet"], meta["dateline"]) == ("Reuters", "MOSCOW")


def test_byline_gives_the_authors():
    text = "Talks end\nBy Jane Doe and John Roe\n\nThe ministers met in Geneva on Friday.\n"
    meta = extract_metadata(text, [[text.index("The"), len(text) - 1]])
    assert meta["authors"] == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published February 15,2022", "2022-02-15"),
        ("13 Feb, 2022 13:34", "2022-02-13T13:34"),
        ("date 2022-02-13", "2022-02-13"),
        ("Posted on March 3rd, 2021 at 4:05 pm", "2021-03-03T16:05"),
        ("WASHINGTON, Feb 16", None),
        ("on Friday", None),
        ("February 30, 2022", None),
    ],
)
def test_dates_are_read_only_when_complete(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "WASHINGTON, Feb 16 — US Secretary of State Antony Blinken told",
            ("WASHINGTON, Feb 16", None),
        ),
        ("GENEVA (AFP) - The ministers met", ("GENEVA", "AFP")),
        ("Washington and Moscow's top diplomats on Friday agreed", (None, None)),
        ("US Secretary of State Antony Blinken says", (None, None)),
    ],
)
def test_datelines(opening, expected):
    assert find_dateline(opening) == expected


def test_outlet_table_aliases_and_parents():
    assert canonical_outlet("Agence France-Presse") == "AFP"
    assert canonical_outlet("TV-Novosti") == "RT"
    assert canonical_outlet("Bernama") == "BERNAMA"
    assert canonical_outlet("Daily Planet") == "Daily Planet"
    assert canonical_outlet("") is None
    assert outlet_parent("RT") == "TV-Novosti"
    assert outlet_parent("Daily Planet") is None


def test_two_outlets_of_one_parent_are_one_lineage():
    assert outlet_lineage("Sputnik") == outlet_lineage("RIA Novosti") == "Rossiya Segodnya"
    assert outlet_lineage("BERNAMA") != outlet_lineage("Anadolu Agency")


def test_outlet_names_match_as_whole_proper_nouns():
    assert find_outlets("an observer from the guardian council said") == []
    assert [n for _, _, n in find_outlets("according to Anadolu Agency and AFP")] == [
        "Anadolu Agency",
        "AFP",
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "Could rivalry overshadow election?",
        "'My memories of Marley...'",
        "Newcastle 2-1 Bolton",
        "Rivals of the £400 Apple...",
    ],
)
def test_a_headline_on_the_first_line_is_the_title_not_body(headline):
    text = f"{headline}\n\nThe match was played on Saturday in front of a full crowd.\n"
    body = find_body(text)
    assert text[body[0][0] :].startswith("The match")
    assert extract_metadata(text, body)["title"] == headline
