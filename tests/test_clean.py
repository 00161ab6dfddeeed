"""Body finding: the seed articles lose their furniture, clean articles stay whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.ingest.clean import find_body, find_repeated_furniture, furniture_cue, is_prose
from claimgraph.ingest.read import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None
)

# The `documents` section of shared/seeds/expected.json: body boundaries and furniture.
DOCUMENTS = {
    "000_61586ca9e011ee8f": (
        "WASHINGTON, Feb 16 — US Secretary of State Antony Blinken told",
        "“in parallel with the United States.”",
        [
            "Recent Posts",
            "Toshiba Turns 95",
            "Read More",
            "1 day ago",
            "This website uses cookies.",
            "POCO F7",
        ],
    ),
    "001_d073dbdb77a7620a": (
        "Russian Foreign Minister Sergey Lavrov and US Secretary of State Antony Blinken stressed",
        '"in parallel with the United States."',
        ["Contact Us", "Subscribe", "Published February 15,2022"],
    ),
    "002_3696cc33de2c80af": (
        "The US Secretary of State, Antony Blink, has reiterated",
        "“into a platform for confrontation” against Moscow.",
        [
            "Home » world »",
            "Related news",
            "1 thought on",
            "if it takes a war i prefer to be dead",
            "Leave a Comment",
            "Akismet",
        ],
    ),
    "003_8c2f23df7903cec3": (
        "US Secretary of State Antony Blinken says there is still an opportunity",
        "violate the ceasefire agreements with the breakaway regions of eastern Ukraine.",
        [
            "bookmark-bicon",
            "HomeRussia & FSU",
            "Read more",
            "Top stories",
            "How Chechen terrorists",
            "RT News App",
            "Accept cookies",
            "© Kevin Lamarque/AFP",
        ],
    ),
    "004_d7777ded38891c13": (
        "Washington and Moscow's top diplomats on Friday agreed",
        "talks with Britain, France and Germany in Berlin.",
        [
            "You may also like",
            "Our Mission",
            "Subscribe my Newsletter",
            "Laest News",
            "All Right Reserved",
            "EMPEROROSFT",
        ],
    ),
}


def _seed(doc_id: str) -> str:
    return (EXAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_seed_body_starts_at_the_first_paragraph(doc_id):
    text = _seed(doc_id)
    body = find_body(text)
    assert body, "a body is found"
    assert text[body[0][0] :].startswith(DOCUMENTS[doc_id][0])


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_seed_body_ends_at_the_last_paragraph(doc_id):
    text = _seed(doc_id)
    body = find_body(text)
    assert text[: body[-1][1]].endswith(DOCUMENTS[doc_id][1])


@pytest.mark.parametrize(
    ("doc_id", "snippet"),
    [(d, s) for d, (_, _, snippets) in sorted(DOCUMENTS.items()) for s in snippets],
)
def test_seed_furniture_is_not_body(doc_id, snippet):
    text = _seed(doc_id)
    assert snippet in text
    assert not any(snippet in text[s:e] for s, e in find_body(text))


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_seed_body_ranges_are_sorted_disjoint_and_trimmed(doc_id):
    text = _seed(doc_id)
    body = find_body(text)
    assert body == sorted(body)
    for (_, e1), (s2, _) in zip(body, body[1:], strict=False):
        assert e1 < s2
    for s, e in body:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()


def test_inline_teaser_inside_the_article_is_cut_out():
    text = _seed("003_8c2f23df7903cec3")
    kept = "\n".join(text[s:e] for s, e in find_body(text))
    assert "Putin and Macron discuss Ukrainian crisis" not in kept
    assert "Earlier on Saturday, the US ordered the evacuation" in kept


def test_documents_table_matches_expected_json():
    if SHARED is None or not (SHARED / "seeds" / "expected.json").exists():
        pytest.skip("../shared is not present")
    expected = json.loads((SHARED / "seeds" / "expected.json").read_text(encoding="utf-8"))
    for doc_id, e in expected["documents"].items():
        assert DOCUMENTS[doc_id] == (e["body_starts_with"], e["body_ends_with"], e["not_body"])


def test_plain_article_is_kept_whole_without_its_title():
    text = (
        "Ad sales boost profit\n\n"
        "Quarterly profits at the media group jumped 76% to $1.13bn for the three months.\n\n"
        "The firm benefited from sales of high-speed internet connections and adverts.\n"
    )
    assert [text[s:e] for s, e in find_body(text)] == [text[23:].strip()]


def test_trailing_results_table_stays_in_the_article():
    text = (
        "Seeds named for the open\n\n"
        "The top seeds for next week's tournament were announced on Monday.\n\n"
        "1 Roger Federer (Switzerland)\n\n2 Andy Roddick (US)\n\n3 Lleyton Hewitt (Australia)\n"
    )
    body = find_body(text)
    assert text[body[-1][1] - len("(Australia)") : body[-1][1]] == "(Australia)"


def test_comment_section_ends_the_article():
    text = (
        "Talks end\n\nThe ministers met for ninety minutes in Geneva on Friday afternoon.\n\n"
        "They agreed to meet again next week, officials said.\n\n"
        "2 thoughts on “Talks end”\n\nThis is a reader comment that reads like prose.\n"
    )
    kept = "".join(text[s:e] for s, e in find_body(text))
    assert "officials said." in kept
    assert "reader comment" not in kept


def test_text_without_prose_has_no_body():
    assert find_body("Home\nNews\nSport\nContact Us\n") == []
    assert find_body("") == []


@pytest.mark.parametrize(
    "line",
    [
        "You may also like",
        "Recent Posts",
        "Top stories",
        "Leave a Comment",
        "Read more",
        "This website uses cookies. Read our privacy policy.",
        "1 day ago",
        "@2011 – All Right Reserved.",
        "Home » world » Story",
        "Sources: BERNAMA",
    ],
)
def test_generic_furniture_cues(line):
    assert furniture_cue(line)


@pytest.mark.parametrize(
    "line",
    [
        "Russia has denied it is preparing to invade.",
        "More than 100 people were hurt.",
        "Homegrown reality programmes dominated that category.",
    ],
)
def test_prose_is_not_a_cue(line):
    assert is_prose(line)
    assert not furniture_cue(line)


def test_lines_repeated_across_a_site_are_furniture():
    pages = [
        f"Site Menu\nStory {i} happened today in the city.\nFollow the Daily Planet"
        for i in range(4)
    ]
    assert find_repeated_furniture(pages) == {"Site Menu", "Follow the Daily Planet"}
    text = pages[0]
    kept = [text[s:e] for s, e in find_body(text, furniture={"Follow the Daily Planet"})]
    assert kept == ["Story 0 happened today in the city."]


def _bbc_keep_shares() -> list[tuple[float, str]]:
    root = SHARED / "corpora" / "bbc"
    shares = []
    for path in sorted(root.glob("*/*.txt")):
        text, _ = decode_bytes(path.read_bytes())
        start = text.find("\n") + 1
        want = sum(1 for ch in text[start:] if not ch.isspace())
        mask = bytearray(len(text))
        for s, e in find_body(text):
            mask[s:e] = b"\x01" * (e - s)
        got = sum(1 for i in range(start, len(text)) if mask[i] and not text[i].isspace())
        shares.append((got / want if want else 1.0, str(path.relative_to(root))))
    return shares


def test_bbc_articles_keep_98_percent_of_their_body():
    if SHARED is None or not (SHARED / "corpora" / "bbc").is_dir():
        pytest.skip("../shared/corpora/bbc is not present")
    shares = _bbc_keep_shares()
    assert len(shares) == 2225
    worst = sorted(shares)[:5]
    assert worst[0][0] >= 0.98, worst
