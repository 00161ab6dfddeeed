"""Readers: every kind of input, every encoding, every kind of bad file, stable ids."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimgraph.ingest.read import RawDocument, ReadError, decode_bytes, read_inputs, safe_id

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
ARTICLE = "Lavrov said Russia does not want “any conflict” — café talks, £5.\n"


def _read(*inputs, stdin=None) -> list[RawDocument | ReadError]:
    return list(read_inputs([str(i) for i in inputs], stdin=stdin))


def _one(path: Path) -> RawDocument | ReadError:
    (item,) = _read(path)
    return item


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_are_decoded_and_named(tmp_path, data, encoding):
    (tmp_path / "a.txt").write_bytes(data)
    doc = _one(tmp_path / "a.txt")
    assert isinstance(doc, RawDocument)
    assert (doc.text, doc.encoding, doc.id) == (ARTICLE, encoding, "a")


def test_latin1_text_falls_back_to_cp1252(tmp_path):
    text = "Café owners paid £5 for the “right” to trade.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    doc = _one(tmp_path / "a.txt")
    assert (doc.text, doc.encoding) == (text, "cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    assert decode_bytes(b"Caf\xe9 \x81 ok") == ("Café \x81 ok", "latin-1")


def test_utf16_without_bom_is_recognised():
    text = "Plain ASCII article text, saved as UTF-16 without a mark.\n"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16")


def test_the_bbc_latin1_article_is_read(tmp_path):
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
    if not (shared / "sport" / "199.txt").exists():
        pytest.skip("../shared/corpora/bbc is not present")
    doc = _one(shared / "sport" / "199.txt")
    assert doc.encoding in ("cp1252", "latin-1")
    assert "\ufffd" not in doc.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file (0 bytes)"),
        (b"  \n\t\n  ", "only whitespace, no text"),
        (PNG, "binary data (NUL bytes), not text"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08abc" * 20, "binary data (control characters), not text"),
        (b"\xff\xfeA\x00B", "invalid utf-16-le after its byte-order mark (truncated data)"),
        (
            b"\xef\xbb\xbfok \xff\xfe",
            "invalid UTF-8 after its byte-order mark (invalid start byte)",
        ),
    ],
)
def test_bad_files_become_one_line_read_errors(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    err = _one(path)
    assert isinstance(err, ReadError)
    assert err.reason == reason
    assert str(err) == f"{path}: {reason}"
    assert "\n" not in str(err)


def test_missing_path_is_a_read_error(tmp_path):
    err = _one(tmp_path / "nope.txt")
    assert isinstance(err, ReadError)
    assert err.reason == "no such file or directory"


def test_empty_directory_is_a_read_error(tmp_path):
    err = _one(tmp_path)
    assert isinstance(err, ReadError)
    assert err.reason.startswith("directory holds no readable articles")


def test_glob_matching_nothing_is_a_read_error(tmp_path):
    err = _one(tmp_path / "*.txt")
    assert isinstance(err, ReadError)
    assert err.reason == "glob matches no files"


def test_directories_are_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "README.TXT").write_text("About this corpus.", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    assert [d.id for d in _read(tmp_path)] == ["a", "two"]


def test_globs_are_expanded(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Article {name}.", encoding="utf-8")
    assert [d.id for d in _read(tmp_path / "x*.txt")] == ["x1", "x2"]


def test_seed_examples_are_read_with_their_file_stems():
    docs = _read(EXAMPLES)
    assert [d.id for d in docs] == [p.stem for p in sorted(EXAMPLES.glob("*.txt"))]
    assert all(d.encoding == "utf-8" for d in docs)


def test_clashing_ids_get_numbered_in_input_order(tmp_path):
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story from {sub}.", encoding="utf-8")
    first = [(d.id, d.text) for d in _read(tmp_path)]
    assert first == [
        ("story", "Story from a."),
        ("story-2", "Story from b."),
        ("story-3", "Story from c."),
    ]
    assert [(d.id, d.text) for d in _read(tmp_path)] == first


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../x", "x"),
        ("..\\..\\etc\\passwd", "etc_passwd"),
        ("/abs/path", "abs_path"),
        ("..", None),
        ("a b/c", "a_b_c"),
        ("001_d073dbdb77a7620a", "001_d073dbdb77a7620a"),
        ("slug-ending-in-", "slug-ending-in-"),
    ],
)
def test_ids_cannot_escape_a_directory(raw, expected):
    got = safe_id(raw)
    assert "/" not in got and "\\" not in got and ".." not in got and got
    if expected is not None:
        assert got == expected


def _jsonl(tmp_path: Path, lines: list[str], name: str = "batch.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_lines_become_articles_with_given_metadata(tmp_path):
    path = _jsonl(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "rt-1",
                    "text": "Lavrov spoke.",
                    "url": "https://example.org/1",
                    "title": "Given title",
                    "outlet": "RT",
                    "published": "2022-02-13",
                }
            ),
            json.dumps({"text": "No id here."}),
        ],
    )
    a, b = _read(path)
    assert (a.id, a.text, a.url) == ("rt-1", "Lavrov spoke.", "https://example.org/1")
    assert a.given == {"title": "Given title", "outlet": "RT", "published": "2022-02-13"}
    assert (b.id, b.given, b.url) == ("batch-2", {}, None)
    assert a.path == f"{path}:1"


def test_a_bad_jsonl_line_skips_only_that_line(tmp_path):
    path = _jsonl(
        tmp_path,
        [
            json.dumps({"id": "one", "text": "First."}),
            '{"id": "two", "text": ',
            json.dumps({"id": "three"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "five", "text": "Fifth."}),
        ],
    )
    items = _read(path)
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["one", "five"]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert errors == [
        f"{path}:2: invalid JSON (Expecting value); line skipped",
        f"{path}:3: no 'text' field with article text; line skipped",
        f"{path}:4: not a JSON object; line skipped",
    ]


def test_jsonl_ids_are_made_safe_and_unique(tmp_path):
    path = _jsonl(
        tmp_path,
        [json.dumps({"id": "../../x", "text": "A."}), json.dumps({"id": "x", "text": "B."})],
    )
    assert [d.id for d in _read(path)] == ["x", "x-2"]


def test_json_array_and_single_object_files(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(
        json.dumps([{"id": "a", "text": "A."}, {"id": "b", "text": "B."}]), encoding="utf-8"
    )
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"id": "c", "text": "C."}, indent=2), encoding="utf-8")
    assert [d.id for d in _read(arr, obj)] == ["a", "b", "c"]


def test_empty_jsonl_is_a_read_error(tmp_path):
    path = _jsonl(tmp_path, ["", "  "])
    (err,) = _read(path)
    assert isinstance(err, ReadError) and err.reason == "empty file (no JSON lines)"


def test_stdin_text_and_jsonl():
    (doc,) = _read("-", stdin=io.BytesIO(b"An article on stdin."))
    assert (doc.id, doc.text, doc.path) == ("stdin", "An article on stdin.", "<stdin>")
    lines = io.BytesIO(b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n')
    assert [d.id for d in _read("-", stdin=lines)] == ["s1", "s2"]


def test_html_gives_main_text_and_page_metadata(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "talks.html"
    page.write_text(
        "<html><head><title>Talks end | Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2022-02-15T10:00:00Z"></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
        "<h1>Talks end</h1><p>The ministers met for ninety minutes in Geneva on Friday and "
        "agreed to keep talking about the crisis.</p><p>They agreed to meet again next week, "
        "officials said, and promised a written answer.</p></article>"
        "<footer>© 2022 Daily Planet. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    doc = _one(page)
    assert isinstance(doc, RawDocument)
    assert "The ministers met for ninety minutes in Geneva" in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.found["outlet"] == "Daily Planet"
    assert doc.found["authors"] == ["Jane Doe"]
    assert doc.found["published"].startswith("2022-02-15")


def test_html_without_text_is_a_read_error(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    err = _one(page)
    assert isinstance(err, ReadError)
    assert err.reason == "no article text found in the HTML"
