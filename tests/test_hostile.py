"""Hostile inputs, faults and neighbours: one test per probe, with its exact input and outcome.

Each probe once lost data, crashed a batch, printed a traceback or reached out to the network.
What must hold instead: a document is the unit of failure (one line, skipped, the rest as it
would be alone); a build's outputs change together or not at all; every failure is one line on
stderr with the documented exit code; a local query never leaves the machine.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import claimgraph
from claimgraph.api import BuildReport, build_to_dir, update_dir
from claimgraph.cli import app
from claimgraph.exports.atomic import output_lock
from claimgraph.exports.push import Auth, push, select
from claimgraph.exports.store import nquads_digest
from claimgraph.ingest import read as read_module
from claimgraph.ingest.errors import ExportError, QueryError
from claimgraph.ingest.read import ReadError, read_inputs
from claimgraph.outputs import read_records

runner = CliRunner()

LAVROV = '"We will not invade," Foreign Minister Sergey Lavrov told reporters on Friday.\n'
TROOPS = "Moscow has massed more than 100,000 troops near the border, officials said.\n"
PRICES = "Prices rose by five percent last year, the central bank said on Monday.\n"
TALKS = "The minister said the talks would resume next week in Geneva.\n"
TEXTS = [LAVROV, TROOPS, PRICES, TALKS, "Officials said the border would stay open.\n"]


def _dir(path: Path, files: dict[str, str | bytes]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    return path


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _cli(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def _one_error_line(result, code: int) -> str:
    """The run's one stderr line, which must start with ``error:``; no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in result.output
    return lines[0]


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _consistent(out: Path) -> int:
    """Check that the files of ``out`` come from one build; return its number of sources."""
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    sources = [n for n in graph["nodes"] if n["kind"] == "source"]
    nq = (out / "graph.nq").read_bytes()
    assert graph["graph"]["nquads_sha256"] == nquads_digest(nq)
    assert (out / "store.sha256").read_text().strip() == nquads_digest(nq)
    doc_graphs = {line.rsplit(" ", 2)[-2] for line in nq.decode().splitlines()}
    assert len([g for g in doc_graphs if "graph/doc/" in g]) == len(sources)
    records = read_records(out / "records.jsonl")
    assert {(r.id, r.sha256) for r in records} >= {(s["doc_id"], s["sha256"]) for s in sources}
    assert _report(out)["counts"]["sources"] == len(sources)
    store = ox.Store.read_only(str(out / "store"))
    assert len(store) == len(nq.splitlines())
    return len(sources)


# -- data silently lost or corrupted ---------------------------------------------------------
def test_u2028_in_an_article_is_read_back_by_stats_update_and_the_next_build(tmp_path):
    src = _dir(tmp_path / "in", {"ls.txt": "Officials said\u2028the talks would go on.\n" + TROOPS})
    out = tmp_path / "out"
    assert _cli("build", src, "--out", out).exit_code == 0
    (record,) = read_records(out / "records.jsonl")
    assert "\u2028" in record.text
    assert _cli("stats", out).exit_code == 0
    more = _dir(tmp_path / "more", {"prices.txt": PRICES})
    assert _cli("build", more, "--update", out).exit_code == 0
    assert len(read_records(out / "records.jsonl")) == 2
    assert _cli("build", src, "--out", out).exit_code == 0


def test_u2028_inside_a_jsonl_text_keeps_all_three_articles(tmp_path):
    rows = [{"id": f"a{i}", "text": t} for i, t in enumerate(TEXTS[:3])]
    rows[1]["text"] = "Officials said\u2028the talks\u2029would go on.\x85 " + TROOPS
    docs = list(read_inputs([_jsonl(tmp_path / "in.jsonl", rows)]))
    assert [d.id for d in docs] == ["a0", "a1", "a2"]
    assert docs[1].text == rows[1]["text"]


def test_colliding_jsonl_ids_are_renamed_in_input_order_and_reported(tmp_path):
    rows = [{"id": i, "text": t} for i, t in zip(["a", "a", "a/b", "a_b"], TEXTS, strict=False)]
    report = BuildReport()
    kg = claimgraph.build([_jsonl(tmp_path / "four.jsonl", rows)], jobs=1, report=report)
    assert sorted(r.id for r in kg.records) == ["a", "a-2", "a_b", "a_b-2"]
    assert kg.stats()["sources"] == 4
    renamed = [w["warning"] for w in report.warnings if "is taken" in w["warning"]]
    assert renamed == [
        "id 'a' is taken by another article; this one is 'a-2'",
        "id 'a_b' is taken by another article; this one is 'a_b-2'",
    ]


def test_identical_records_are_one_source_and_every_duplicate_is_reported(tmp_path):
    rows = [
        {"id": "a", "text": LAVROV},
        {"id": "a", "text": LAVROV},
        {"id": "b", "text": TROOPS, "url": "https://example.org/1"},
        {"id": "c", "text": PRICES, "url": "https://example.org/1"},
    ]
    out = tmp_path / "out"
    kg, report = build_to_dir([_jsonl(tmp_path / "in.jsonl", rows)], out, jobs=1)
    assert kg.stats()["sources"] == 2
    assert len(read_records(out / "records.jsonl")) == 4  # no record is lost
    assert _report(out)["duplicates"] == [
        {"id": "a-2", "path": f"{tmp_path}/in.jsonl:2", "duplicate_of": "a", "reason": "same text"},
        {
            "id": "c",
            "path": f"{tmp_path}/in.jsonl:4",
            "duplicate_of": "b",
            "reason": "same URL, another text",
        },
    ]
    assert "2 duplicates counted once" in report.summary()


def test_update_with_files_whose_stems_clash_never_drops_a_record(tmp_path):
    old = _dir(tmp_path / "old", {"a.txt": LAVROV, "b.txt": TROOPS, "c.txt": PRICES})
    new = _dir(tmp_path / "new", {"a.txt": TALKS, "b.txt": TEXTS[4]})
    out = tmp_path / "out"
    build_to_dir([old], out, jobs=1)
    kg, report = update_dir(out, [new], jobs=1)
    records = read_records(out / "records.jsonl")
    assert sorted(r.id for r in records) == ["a", "a-2", "b", "b-2", "c"]
    assert {r.text for r in records} == {LAVROV, TROOPS, PRICES, TALKS, TEXTS[4]}
    assert kg.stats()["sources"] == 5 and _consistent(out) == 5
    assert sum("is taken" in w["warning"] for w in report.warnings) == 2


def test_update_with_a_changed_file_replaces_only_its_own_record(tmp_path):
    src = _dir(tmp_path / "in", {"a.txt": LAVROV, "b.txt": TROOPS})
    out = tmp_path / "out"
    build_to_dir([src], out, jobs=1)
    (src / "a.txt").write_text(TALKS, encoding="utf-8")
    _kg, report = update_dir(out, [src], jobs=1)
    records = {r.id: r.text for r in read_records(out / "records.jsonl")}
    assert records == {"a": TALKS, "b": TROOPS}
    assert [w["warning"] for w in report.warnings] == [
        "a new text of this input replaces its record"
    ]


def test_an_output_directory_inside_the_input_directory_is_never_read(tmp_path):
    src = _dir(tmp_path / "in", {f"a{i}.txt": t for i, t in enumerate(TEXTS)})
    for _ in range(2):
        result = _cli("build", src, "--out", src / "out")
        assert result.exit_code == 0, result.output
        assert _report(src / "out")["articles"] == 5
    other = tmp_path / "in" / "older-build"
    assert _cli("build", src, "--out", other).exit_code == 0  # a build dir beside: left out too
    assert _report(other)["articles"] == 5
    (item,) = read_inputs([src / "out" / "records.jsonl"], exclude=[src / "out"])
    assert isinstance(item, ReadError) and "inside the output directory" in item.reason


def test_a_full_disk_during_a_build_leaves_the_previous_build_whole(tmp_path, monkeypatch):
    src = _dir(tmp_path / "in", {f"a{i}.txt": t for i, t in enumerate(TEXTS)})
    out = tmp_path / "out"
    build_to_dir([src / "a0.txt", src / "a1.txt", src / "a2.txt"], out, jobs=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def disk_full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("claimgraph.outputs.write_html", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        build_to_dir([src], out, jobs=1)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before and _consistent(out) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_second_build_into_the_same_out_is_refused_with_one_line(tmp_path):
    src = _dir(tmp_path / "in", {"a.txt": LAVROV})
    out = tmp_path / "out"
    with output_lock(out):
        result = _cli("build", src, "--out", out)
    line = _one_error_line(result, 1)
    assert line == (
        f"error: {out}: another build is writing there (pid {os.getpid()}); "
        "wait for it to finish or choose another --out"
    )
    assert not out.exists()


def _build_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "claimgraph", *map(str, args)]


def test_two_builds_started_at_once_leave_outputs_of_one_build(tmp_path):
    first = _dir(tmp_path / "one", {f"a{i}.txt": t for i, t in enumerate(TEXTS[:2])})
    second = _dir(tmp_path / "two", {f"b{i}.txt": t for i, t in enumerate(TEXTS)})
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            _build_cmd("build", src, "--out", out, "-j", "1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for src in (first, second)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 1])
    for code, err in results:
        if code == 1:
            assert "another build is writing there" in err and "Traceback" not in err
    assert _consistent(out) in (2, 5)


def test_the_bbc_duplicate_texts_are_reported_not_silently_merged(shared):
    from claimgraph.ingest.records import DocumentRecord
    from claimgraph.sources import distinct_sources

    bbc = shared / "corpora" / "bbc"
    if not bbc.is_dir():
        pytest.skip("../shared/corpora/bbc is not present")
    docs = [d for d in read_inputs([bbc]) if not isinstance(d, ReadError)]
    records = [DocumentRecord(id=d.id, sha256=d.sha256, text=d.text, path=d.path) for d in docs]
    kept, duplicates = distinct_sources(records)
    assert (len(records), len(kept), len(duplicates)) == (2225, 2127, 98)
    assert {d["reason"] for d in duplicates} == {"same text"}
    by_id = {r.id: r for r in records}
    assert all(by_id[d["id"]].text == by_id[d["duplicate_of"]].text for d in duplicates)


def _leftovers(tmp_path: Path, out: Path) -> list[str]:
    inside = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")] if out.exists() else []
    beside = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    return inside + beside


def test_sigterm_leaves_no_temp_files_and_says_so_in_one_line(tmp_path):
    body = "".join(TEXTS) * 3
    src = _dir(tmp_path / "in", {f"a{i:03d}.txt": f"Day {i}.\n" + body for i in range(300)})
    out = tmp_path / "out"
    build_to_dir([src / "a000.txt"], out, jobs=1)
    before = (out / "graph.nq").read_bytes()
    stopped = 0
    for delay in (2.0, 4.0, 6.0):
        proc = subprocess.Popen(
            _build_cmd("build", src, "--out", out, "--no-cache", "-j", "1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=300)
        assert "Traceback" not in err, err
        assert _leftovers(tmp_path, out) == []
        if "→" in err:  # the build had finished before the signal came
            before = (out / "graph.nq").read_bytes()
            continue
        stopped += 1
        assert proc.returncode == 143, err
        assert err.strip().splitlines()[-1] == "error: terminated"
        assert (out / "graph.nq").read_bytes() == before
        _consistent(out)
    assert stopped


def test_what_a_killed_build_left_is_removed_by_the_next_build(tmp_path):
    src = _dir(tmp_path / "in", {"a.txt": LAVROV})
    out = tmp_path / "out"
    build_to_dir([src], out, jobs=1)
    (out / ".graph.json.k2j3h4.tmp").write_text("{half")
    (out / ".graph.nq.x8c7v6.tmp").write_text("<a> <b>")
    (out / ".store-abc.tmp").mkdir()
    staging = tmp_path / ".out.build-q1w2e3.tmp"
    _dir(staging, {"graph.json": "{}", "mine.graphml": "kept"})
    (out / "mine.graphml").unlink(missing_ok=True)
    build_to_dir([src], out, jobs=1, base="http://example.org/kg/")
    assert _leftovers(tmp_path, out) == []
    assert (out / "mine.graphml").read_text() == "kept"  # a user's file comes back


def test_sigint_at_start_is_one_line_not_a_traceback(tmp_path):
    src = _dir(tmp_path / "in", {"a.txt": LAVROV})
    for delay in (0.1, 0.3, 0.6):
        proc = subprocess.Popen(
            _build_cmd("build", src, "--out", tmp_path / "out"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        if proc.returncode != 0:
            assert proc.returncode == 130 and err.strip().splitlines() == ["error: interrupted"]


def _corrupt(entry: Path, how: str) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    if how == "span of the wrong type":
        data["claims"][0]["content"][0] = ["0", 5]
    elif how == "empty claims list":
        data["claims"] = []
    elif how == "offsets past the text":
        data["claims"][0]["content"] = [[10_000, 10_050]]
    elif how == "not JSON":
        entry.write_bytes(b"\x00\xff{")
        return
    entry.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "how", ["span of the wrong type", "empty claims list", "offsets past the text", "not JSON"]
)
def test_a_corrupt_cache_entry_is_discarded_and_the_article_parsed_again(tmp_path, how):
    src = _dir(tmp_path / "in", {"a.txt": LAVROV, "b.txt": TROOPS})
    clean, _ = build_to_dir([src], tmp_path / "clean", cache=False, jobs=1)
    out = tmp_path / "out"
    build_to_dir([src], out, jobs=1)
    sha = hashlib.sha256(LAVROV.encode()).hexdigest()
    (entry,) = (out / "cache").rglob(f"{sha}.json")
    _corrupt(entry, how)
    (src / "c.txt").write_text(PRICES, encoding="utf-8")  # a new input: the build runs again
    kg, report = build_to_dir(
        [src / "a.txt", src / "b.txt"], tmp_path / "again", cache=out / "cache", jobs=1
    )
    assert (report.cached, report.parsed) == (1, 1)
    assert kg.nquads() == clean.nquads()
    assert json.loads(entry.read_text(encoding="utf-8"))["claims"]  # rewritten whole


# -- one bad article never stops the batch ---------------------------------------------------
def test_a_lone_surrogate_in_one_text_or_outlet_stops_nothing(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "s1", "text": "Officials said \\ud800 the talks would go on."}\n'
        '{"id": "s2", "text": "'
        + TROOPS.strip()
        + '", "outlet": "Daily \\udfff News"}\n'
        + json.dumps({"id": "s3", "text": PRICES})
        + "\n",
        encoding="ascii",
    )
    out = tmp_path / "out"
    result = _cli("build", path, "--out", out)
    assert result.exit_code == 0, result.output
    records = {r.id: r for r in read_records(out / "records.jsonl")}
    assert records["s1"].text == "Officials said \ufffd the talks would go on."
    assert records["s2"].outlet == "Daily \ufffd News"
    assert records["s3"].text == PRICES
    assert any("surrogate" in e for e in records["s1"].errors)
    for fmt in ("graphml", "gexf", "ttl", "jsonld", "html"):
        assert _cli("export", out, "--format", fmt).exit_code == 0, fmt


def test_an_article_the_extractor_fails_on_is_reported_and_the_rest_is_as_alone(
    tmp_path, monkeypatch
):
    from claimgraph.ingest import pipeline

    real = pipeline.extract_claims

    def fragile(doc, body):
        if "BOOM" in doc.text:
            raise ValueError("extractor tripped")
        return real(doc, body)

    monkeypatch.setattr(pipeline, "extract_claims", fragile)
    src = _dir(tmp_path / "in", {"a.txt": LAVROV, "b.txt": "BOOM. " + TROOPS, "c.txt": PRICES})
    records = {r.id: r for r in claimgraph.extract([src], jobs=1)}
    (alone,) = claimgraph.extract([src / "a.txt"], jobs=1)
    assert records["a"].claims == alone.claims and records["a"].claims
    assert records["c"].claims
    assert records["b"].claims == [] and records["b"].errors == [
        "claim extraction failed (ValueError: extractor tripped); no claims"
    ]


def test_nul_and_control_characters_give_well_formed_graphml_and_gexf(tmp_path):
    text = "Officials\x00 said\x01 the\x0b talks\x1f would go on.\x7f " + TROOPS
    out = tmp_path / "out"
    build_to_dir([_jsonl(tmp_path / "in.jsonl", [{"id": "c", "text": text}])], out, jobs=1)
    for fmt in ("graphml", "gexf"):
        result = _cli("export", out, "--format", fmt)
        assert result.exit_code == 0, result.output
        root = ElementTree.parse(out / f"graph.{fmt}").getroot()  # well-formed XML
        values = [el.text or "" for el in root.iter()] + [
            v for el in root.iter() for v in el.attrib.values()
        ]
        assert any("\ufffd" in v for v in values), fmt
        assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", v) for v in values), fmt
    assert _cli("validate", out).exit_code == 0
    (record,) = read_records(out / "records.jsonl")
    assert record.text == text  # the record keeps every character


def test_special_files_are_refused_not_read(tmp_path):
    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    (tmp_path / "in" / "a.txt").write_text(LAVROV, encoding="utf-8")
    start = time.monotonic()
    items = list(read_inputs(["/dev/zero", str(fifo), str(tmp_path / "in")]))
    assert time.monotonic() - start < 5
    reasons = {i.path: i.reason for i in items if isinstance(i, ReadError)}
    assert reasons == {
        "/dev/zero": "not a regular file (a character device); not read",
        str(fifo): "not a regular file (a FIFO); not read",
    }
    assert [i.id for i in items if not isinstance(i, ReadError)] == ["a"]


def test_reading_is_bounded_for_files_and_stdin(tmp_path, monkeypatch):
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text(LAVROV * 100, encoding="utf-8")

    class Endless:
        def read(self, n: int = -1) -> bytes:
            assert n > 0, "stdin must be read with a bound"
            return b"a" * n

    items = list(read_inputs([tmp_path / "big.txt", "-"], stdin=Endless()))
    assert [i.reason for i in items] == [
        "file too large (7,900 bytes; the limit is 1,000)",
        "file too large (more than 1,000 bytes; the limit is 1,000)",
    ]


WRONG_TYPES = [
    ({"text": 123}, "field 'text' is a number, not a string"),
    ({"id": [], "text": LAVROV}, "field 'id' is a list, not a string or an integer"),
    ({"text": LAVROV, "outlet": {"n": 1}}, "field 'outlet' is an object, not a string"),
    ({"text": LAVROV, "authors": 5}, "field 'authors' must be a string or a list of strings"),
    ({"text": LAVROV, "published": True}, "field 'published' is a boolean, not a string"),
    ({"text": LAVROV, "url": 7}, "field 'url' is a number, not a string"),
]


def test_jsonl_fields_of_the_wrong_type_skip_their_line_with_one_reason(tmp_path):
    rows = [row for row, _ in WRONG_TYPES] + [{"id": 42, "text": TROOPS, "authors": "A. Writer"}]
    out = tmp_path / "out"
    result = _cli("build", _jsonl(tmp_path / "in.jsonl", rows), "--out", out)
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert skipped == [
        f"skipped {tmp_path}/in.jsonl:{i}: {why}; line skipped"
        for i, (_row, why) in enumerate(WRONG_TYPES, 1)
    ]
    (record,) = read_records(out / "records.jsonl")
    assert (record.id, record.authors) == ("42", ["A. Writer"])
    assert _cli("validate", out).exit_code == 0


# -- one line where a traceback was -----------------------------------------------------------
@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("small")
    src = _dir(d / "in", {"a.txt": LAVROV, "b.txt": TROOPS})
    build_to_dir([src], d / "out", jobs=1)
    return d


@pytest.mark.parametrize(
    ("base", "why"),
    [
        ("", "it is not an absolute IRI (scheme:…)"),
        ("not an iri", "it is not an absolute IRI (scheme:…)"),
        (
            "http://example.org/kg#",
            "it holds '#'; a base ends in / or : and has no fragment or query",
        ),
        ("http://example.org/a b/", "it holds ' ', which an IRI cannot"),
    ],
)
def test_a_bad_base_iri_is_one_line_exit_2(small_build, tmp_path, base, why):
    result = _cli("build", small_build / "in", "--out", tmp_path / "o", "--base-iri", base)
    assert _one_error_line(result, 2) == f"error: --base-iri {base!r} is invalid: {why}"


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("bin.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        ("quote.csv", b'name,aliases,type,id\n"Sergey Lavrov,Lavrov,person,\n', "bad CSV"),
        ("id.csv", b"name,aliases,type,id\nSergey Lavrov,Lavrov,person,not an iri\n", "id 'not an"),
        ("type.json", b'[{"name": "Lavrov", "type": 5}]', "type"),
        ("list.json", b'[{"name": "Lavrov", "aliases": 5}]', "not an entity file"),
    ],
)
def test_a_bad_entities_file_is_one_line(small_build, tmp_path, name, data, why):
    path = tmp_path / name
    path.write_bytes(data)
    result = _cli("build", small_build / "in", "--out", tmp_path / "o", "--entities", path)
    line = _one_error_line(result, 1)
    assert line.startswith(f"error: {path}") and why in line, line


def test_a_corrupt_store_is_one_warning_and_the_query_still_answers(small_build, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(small_build / "out", out)
    for f in (out / "store").iterdir():
        f.write_bytes(b"\x00garbage" * 10)
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    done = subprocess.run(
        _build_cmd("query", out, query, "-f", "json"), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["n"] > 50
    (warning,) = done.stderr.strip().splitlines()
    opening = f"WARNING claimgraph.views: {out}/store: cannot open the Oxigraph store"
    assert warning.startswith(opening)
    assert warning.endswith("querying the graph in memory")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("[1, 2]", "not a claimgraph graph (a JSON object with a list of nodes)"),
        ('{"nodes": [{"id": 1}], "edges": [{"source": 1}]}', "not a claimgraph graph"),
        ('{"nodes": 5}', "not a claimgraph graph"),
        ("{half", "invalid graph JSON"),
    ],
)
def test_a_graph_json_that_is_not_a_graph_is_one_line(small_build, tmp_path, content, why):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(small_build / "out", out)
    (out / "graph.json").write_text(content)
    for command in (
        ["stats", out],
        ["export", out, "--format", "graphml"],
        ["query", out, "--contradictions"],
    ):
        line = _one_error_line(_cli(*command), 1)
        assert line.startswith(f"error: {out}/graph.json: {why}"), line


@pytest.mark.parametrize(
    ("name", "command", "why"),
    [
        ("graph.nq", "push", "error: graph.nq is not valid N-Quads (Parser error at line 1"),
        ("graph.trig", "validate", "error: {out}/graph.trig: not valid TriG ("),
    ],
)
def test_a_corrupt_rdf_file_is_one_line(small_build, tmp_path, name, command, why):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(small_build / "out", out)
    (out / name).write_text("garbage <x> <y\n")
    extra = ["--endpoint", "http://127.0.0.1:9/store"] if command == "push" else []
    line = _one_error_line(_cli(command, out, *extra), 1)
    assert line.startswith(why.format(out=out)), line


def test_out_under_a_regular_file_is_one_line(small_build, tmp_path):
    (tmp_path / "file").write_text("x")
    result = _cli("build", small_build / "in", "--out", tmp_path / "file" / "out")
    line = _one_error_line(result, 1)
    where = f"{tmp_path}/file"
    assert line == f"error: {where}/out: cannot create it, {where} is a file, not a directory"


def test_an_out_that_cannot_be_created_is_one_line(small_build):
    target = Path("/sys/fs/claimgraph-out")  # sysfs: no new directory can be made there
    try:
        target.mkdir()
    except OSError:
        pass
    else:
        target.rmdir()
        pytest.skip("no unwritable file system here")
    line = _one_error_line(_cli("build", small_build / "in", "--out", target), 1)
    assert line.startswith(f"error: {target}: cannot")


@pytest.mark.slow
def test_an_unreachable_dask_scheduler_is_one_line(small_build, tmp_path):
    pytest.importorskip("dask.distributed")
    start = time.monotonic()
    result = _cli(
        "build", small_build / "in", "--out", tmp_path / "o", "--dask", "tcp://127.0.0.1:1"
    )
    line = _one_error_line(result, 1)
    assert line.startswith("error: --dask tcp://127.0.0.1:1: cannot reach the scheduler within 10s")
    assert time.monotonic() - start < 25


# -- security: nothing reaches out, credentials stay home, every wait ends -------------------
class _Server:
    """A loopback HTTP server whose handler is a function of the request; records requests."""

    def __init__(self, respond) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                server.requests.append((self.command, self.path, dict(self.headers)))
                respond(self, len(server.requests))

            do_GET = do_POST = do_PUT = _any

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _answer(handler, code: int = 200, body: bytes = b"", headers: dict | None = None) -> None:
    handler.send_response(code)
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


RESULTS = json.dumps(
    {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "7"}}]}}
).encode()


@pytest.fixture
def server():
    servers: list[_Server] = []

    def start(respond) -> _Server:
        servers.append(_Server(respond))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


@pytest.mark.parametrize(
    "service",
    ["SERVICE <{url}/sparql>", "service silent <{url}/sparql>", "\\u0053ERVICE <{url}/sparql>"],
)
def test_a_local_query_never_reaches_the_network(small_build, server, service):
    srv = server(lambda h, n: _answer(h, 200, RESULTS))
    query = "SELECT * WHERE { " + service.format(url=srv.url) + " { ?s ?p ?o } }"
    line = _one_error_line(_cli("query", small_build / "out", query), 1)
    assert line.startswith("error: SERVICE is refused")
    with pytest.raises(QueryError, match="SERVICE is refused"):
        claimgraph.load(small_build / "out").query(query)
    assert srv.requests == []


def test_credentials_never_follow_a_redirect_to_another_origin(server):
    other = server(lambda h, n: _answer(h, 200, RESULTS))
    here = server(lambda h, n: _answer(h, 302, headers={"Location": other.url + "/sparql"}))
    result = _cli(
        "query", "--endpoint", here.url + "/q", "--user", "u", "--password", "p", "SELECT ?n {}"
    )
    assert result.exit_code == 0, result.output
    assert "Authorization" in here.requests[0][2]
    assert [r[0] for r in other.requests] == ["GET"]
    assert "Authorization" not in other.requests[0][2]


def test_credentials_follow_a_redirect_on_the_same_origin(server):
    srv = server(
        lambda h, n: (
            _answer(h, 302, headers={"Location": "/moved"}) if n == 1 else _answer(h, 200, RESULTS)
        )
    )
    rows = select(srv.url + "/q", "SELECT ?n {}", auth=Auth("u", "p"))
    assert rows == [{"n": "7"}]
    assert [("Authorization" in r[2]) for r in srv.requests] == [True, True]


def test_a_push_stopped_by_http_500_names_the_graph_and_what_landed(seed_build, server):
    _kg, _report, out = seed_build
    srv = server(lambda h, n: _answer(h, 204) if n <= 2 else _answer(h, 500, b"disk full"))
    with pytest.raises(ExportError) as err:
        push(out, srv.url + "/store")
    graphs = [urllib_graph(r[1]) for r in srv.requests]
    message = str(err.value)
    assert f"push stopped at graph 3 of 8 <{graphs[2]}> after 2 graphs (" in message
    assert message.startswith(f"{srv.url}/store: HTTP 500")


def urllib_graph(path: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(path).query)["graph"][0]


def test_a_server_killed_mid_push_is_one_line_with_what_landed(seed_build, server):
    _kg, _report, out = seed_build

    def respond(handler, n):
        if n <= 3:
            _answer(handler, 204)
        else:
            handler.close_connection = True
            handler.connection.shutdown(2)

    srv = server(respond)
    result = _cli("push", out, "--endpoint", srv.url + "/store")
    line = _one_error_line(result, 1)
    assert "push stopped at graph 4 of 8" in line and "after 3 graphs" in line


def test_query_endpoint_without_a_build_directory(server):
    srv = server(lambda h, n: _answer(h, 200, RESULTS))
    result = _cli(
        "query", "--endpoint", srv.url + "/sparql", "SELECT ?n WHERE { ?s ?p ?n }", "-f", "json"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": "7"}]


def _drip(handler, _n) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    handler.wfile.flush()
    for _ in range(100):  # one byte every 0.1 s: each read is quick, the answer never ends
        try:
            handler.wfile.write(b"X")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


@pytest.mark.parametrize("command", ["push", "query"])
def test_a_server_answering_one_byte_at_a_time_cannot_hold_a_run(seed_build, server, command):
    _kg, _report, out = seed_build
    srv = server(_drip)
    start = time.monotonic()
    if command == "push":
        with pytest.raises(ExportError, match=r"no answer within 1s \(timeout\)"):
            push(out, srv.url + "/store", timeout=1)
    else:
        with pytest.raises(ExportError, match=r"no answer within 1s \(timeout\)"):
            select(srv.url + "/sparql", "SELECT * {}", timeout=1)
    assert time.monotonic() - start < 3
