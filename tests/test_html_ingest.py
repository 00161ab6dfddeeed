"""Reading news web pages: the article, not the furniture around it; the publisher as declared.

The article text is an ECB+ excerpt (Cybulska & Vossen 2014, CC BY 3.0: topic 18, the 2007
Troy, Michigan office shooting); the markup around it is the generic furniture of news pages.
"""

from __future__ import annotations

import pytest

from claimgraph.ingest.clean import find_body
from claimgraph.ingest.html import clean_authors, clean_outlet, read_html
from claimgraph.ingest.pipeline import prepare
from claimgraph.ingest.read import RawDocument, read_inputs

pytest.importorskip("trafilatura")

LEAD = (
    "A Michigan man shot to death one person and injured two others Monday at the suburban "
    "Detroit accounting firm from which he was fired last week, police said."
)
SECOND = (
    "The suspect, 38-year-old Anthony LaCalamita, was deliberately seeking out these "
    "individuals, according to Troy police Lt. Gerry Scherlinck."
)
REST = (
    "Police said the gunman walked into the office shortly after noon and opened fire on "
    "employees he had worked with for several years, then fled in a car before officers "
    "arrived.",
    "He was arrested about an hour later at a restaurant a few miles away and was being held "
    "without bond on Tuesday while prosecutors reviewed the case, police said.",
)


def _page(*, head: str = "", before: str = "", after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEAD, SECOND, *REST))
    return (
        f"<html><head><title>Office shooting kills 1</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/us">U.S.</a></nav>'
        f"{before}<article><h1>Office shooting kills 1, injures 2</h1>{paragraphs}</article>"
        f"{after}<footer>© 2007 The Planet. All rights reserved.</footer></body></html>"
    )


def _slides(n: int) -> str:
    slides = "".join(
        f'<div class="slide"><img src="{i}.jpg"><p>Photo {i} of {n}: Mourners gather outside '
        f"the office building on a cold afternoon in the suburb.</p></div>"
        for i in range(1, n + 1)
    )
    return f'<div class="photo-gallery slideshow">{slides}</div>'


def test_a_fifty_slide_gallery_is_no_part_of_the_article():
    page = read_html(_page(after=_slides(50)))
    assert LEAD in page.text and REST[1] in page.text
    assert "Mourners gather" not in page.text


def test_video_player_text_is_dropped():
    player = (
        '<div class="video-js vjs-paused"><div class="vjs-modal-dialog" role="dialog">'
        "<p>This is a modal window.</p><p>Beginning of dialog window. Escape will cancel and "
        "close the window.</p></div></div>"
    )
    page = read_html(_page(before=player))
    assert LEAD in page.text
    assert "modal window" not in page.text and "dialog window" not in page.text


def test_a_feed_of_other_stories_after_the_article_is_dropped():
    teasers = "".join(
        f'<li class="feed-item"><a href="/s{i}">Story {i}</a><p>A county board approved a new '
        f"budget for road repairs on its {i}th vote of the year after a long debate.</p></li>"
        for i in range(15)
    )
    page = read_html(_page(after=f'<section class="more-stories"><h2>You Might Also Like</h2>'
                                 f"<ul>{teasers}</ul></section>"))
    assert REST[1] in page.text
    assert "county board" not in page.text and "You Might Also Like" not in page.text


def test_an_element_named_like_furniture_that_holds_the_article_is_kept():
    html = _page().replace("<article>", '<article class="story-feed">')
    assert LEAD in read_html(html).text


def test_the_outlet_is_what_the_page_declares():
    head = '<meta property="og:site_name" content="The Planet">'
    assert read_html(_page(head=head)).found["outlet"] == "The Planet"
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
          '{"@type": "Organization", "name": "Planet News"}, "author": {"name": '
          '"Jane Roe"}}</script>')
    page = read_html(_page(head=ld))
    assert page.found["outlet"] == "Planet News"
    assert page.found["authors"] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("declared", "url", "expected"),
    [
        ("Hosted", None, None),
        ("https://www.nj.com/politics/", None, "nj.com"),
        ("Nj", "https://www.nj.com/politics/2016/09/story.html", "nj.com"),
        ("NBC News", "https://www.nbcnews.com/politics/x", "NBC News"),
        ("  ", None, None),
    ],
)
def test_outlet_placeholders_are_normalised(declared, url, expected):
    assert clean_outlet(declared, url=url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Phil Helsel is a reporter for NBC News.", ["Phil Helsel"]),
        ("Username", []),
        ("By Jane Roe and John Doe, Staff Writers", ["Jane Roe", "John Doe"]),
        ("jane.roe@example.com", []),
        ("Maria de la Cruz", ["Maria de la Cruz"]),
    ],
)
def test_author_strings_are_cleaned(raw, expected):
    assert clean_authors(raw) == expected


def test_a_page_whose_text_is_mostly_elsewhere_is_warned_about(tmp_path, caplog):
    caption = "<figure><figcaption>Police tape outside the office on Monday.</figcaption></figure>"
    comments = "".join(
        f'<div class="comment-thread"><span>Reader {i} wrote about the shooting, the suspect and '
        f"the police response in the suburb, asking why nobody saw it coming.</span></div>"
        for i in range(40)
    )
    html = (f"<html><head><title>Photos</title></head><body>{caption}"
            f"<div>{comments}</div></body></html>")
    path = tmp_path / "photos.html"
    path.write_text(html, encoding="utf-8")
    with caplog.at_level("WARNING"):
        (doc,) = list(read_inputs([path]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Police tape outside the office on Monday."
    assert doc.warnings == [
        "main text is 41 of the page's 4,831 characters of text; the article may be missing "
        "(a gallery, a video page or markup the extractor could not read)"
    ]
    assert any(doc.warnings[0] in r.getMessage() for r in caplog.records)  # on stderr
    assert doc.warnings[0] in prepare(doc).errors  # in report.json


def test_an_article_page_gives_no_warning():
    assert read_html(_page()).warnings == []


def test_a_short_label_line_never_cuts_the_lead():
    text = "\n".join(
        ["Office shooting kills 1, injures 2", LEAD, SECOND, "More:",
         "Suburb mourns victims of workplace shooting", *REST, *REST]
    )
    body = " ".join(text[s:e] for s, e in find_body(text))
    assert LEAD in body and SECOND in body and REST[1] in body
    assert "More:" not in body and "Suburb mourns" not in body
