"""Hostile input: every unusable file is skipped with its reason, every good one survives intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

import claimgraph
from claimgraph.api import BuildReport
from claimgraph.ingest.nlp import MAX_PARSE_CHARS

GOOD = (
    "Moscow has massed more than 100,000 troops near the border, officials said.\n\n"
    '"We will not invade," Foreign Minister Sergey Lavrov told reporters on Friday.\n'
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))

BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n   ", "only whitespace"),
    "image.txt": (PNG, "binary data"),
    "truncated-utf16.txt": ("\ufeffhalf".encode("utf-16-le") + b"\x41", "invalid utf-16"),
    "broken.jsonl": (b'{"text": "fine article text here"}\n{"text": \n', "invalid JSON"),
}
GOOD_FILES = {
    "utf16.txt": ("\ufeff" + GOOD).encode("utf-16-le"),
    "latin1.txt": ("Caf\xe9 owners said prices would rise. " + GOOD).encode("latin-1"),
    "quotes.txt": ('He said "this never closes. ' + GOOD).encode(),
    "page.html": b"<html><body><article><p>" + GOOD.encode() + b"</p><div><p>unclosed",
    "noise.txt": b"x" * 1_000_000,
    "long.txt": (GOOD * (MAX_PARSE_CHARS // len(GOOD) + 40)).encode(),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    for name, (data, _why) in BAD.items():
        (d / name).write_bytes(data)
    for name, data in GOOD_FILES.items():
        (d / name).write_bytes(data)
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    report = BuildReport()
    records = {r.id: r for r in claimgraph.extract([str(d)], report=report, jobs=1)}
    return d, records, report


def test_each_bad_file_is_skipped_with_its_reason(hostile):
    _d, _records, report = hostile
    reasons = {os.path.basename(e["path"]).split(":")[0]: e["error"] for e in report.errors}
    for name, (_data, why) in BAD.items():
        assert why.lower() in reasons[name].lower(), (name, reasons.get(name))
    assert "gone.txt" in reasons  # a dangling link: cannot read


def test_a_bad_jsonl_line_skips_only_that_line(hostile):
    _d, records, _report = hostile
    assert "broken-1" in records  # the good first line of broken.jsonl


def test_good_articles_survive_among_bad_ones(hostile):
    _d, records, _report = hostile
    for stem in ("good", "utf16", "latin1", "quotes", "page", "noise", "long"):
        assert stem in records, stem
    assert records["utf16"].encoding == "utf-16"
    assert records["latin1"].encoding == "cp1252"
    assert records["good"].claims


def test_good_article_comes_out_as_it_would_alone(hostile, tmp_path):
    d, records, _report = hostile
    (alone,) = claimgraph.extract([str(d / "good.txt")], jobs=1)
    assert alone.to_json() == records["good"].to_json() | {"path": alone.path}


def test_long_text_is_cut_and_the_cut_reported(hostile):
    _d, records, report = hostile
    long = records["long"]
    assert long.truncated_at == MAX_PARSE_CHARS
    assert all(s < MAX_PARSE_CHARS for c in long.claims for s, _e in c.content)
    assert any("only the first" in w["warning"] for w in report.warnings)


def test_unbalanced_quote_does_not_lose_the_rest(hostile):
    _d, records, _report = hostile
    texts = " ".join(c.text for c in records["quotes"].claims)
    assert "We will not invade" in texts


def test_input_ids_cannot_escape_the_output_dir(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "../../etc/passwd", "text": GOOD}) + "\n")
    (rec,) = claimgraph.extract([str(src)], jobs=1)
    assert "/" not in rec.id and ".." not in rec.id


def test_a_killed_build_leaves_the_previous_outputs_whole(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    for i in range(30):
        (articles / f"a{i:02d}.txt").write_text(GOOD.replace("Friday", f"day {i}"))
    out = tmp_path / "out"
    claimgraph.build_to_dir([str(articles / "a00.txt")], out, jobs=1)
    before = claimgraph.load(out).stats()
    cmd = [
        sys.executable,
        "-m",
        "claimgraph",
        "build",
        str(articles),
        "--out",
        str(out),
        "--no-cache",
        "-j",
        "1",
    ]
    for delay in (1.0, 2.5, 4.0):
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = claimgraph.load(out)  # whatever moment it died, the outputs load
        assert after.stats()["sources"] in (before["sources"], 30)
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_outputs_are_ordinary_files_not_private_temp_files(tmp_path):
    from claimgraph.exports.atomic import atomic_write_text

    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "x.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "x.txt").stat().st_mode & 0o777 == 0o644
