"""The command line: exit codes, one-line errors, results on stdout, messages on stderr."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimgraph.cli import app

runner = CliRunner()
GOOD = (
    "Moscow has massed more than 100,000 troops near the border, officials said. "
    '"We will not invade," Foreign Minister Sergey Lavrov told reporters on Friday.\n'
)


def _articles(tmp_path, **files: bytes):
    d = tmp_path / "in"
    d.mkdir()
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


def test_build_with_a_bad_file_completes_and_reports_it(tmp_path):
    d = _articles(tmp_path, **{"good.txt": GOOD.encode(), "empty.txt": b""})
    result = runner.invoke(app, ["build", str(d), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "empty.txt: empty file" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["articles"] == 1 and report["skipped"] == 1
    assert report["errors"][0]["path"].endswith("empty.txt")


def test_strict_turns_a_skipped_file_into_exit_1(tmp_path):
    d = _articles(tmp_path, **{"good.txt": GOOD.encode(), "empty.txt": b""})
    result = runner.invoke(app, ["build", str(d), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1


def test_nothing_readable_is_exit_1_with_one_line(tmp_path):
    d = _articles(tmp_path, **{"blank.txt": b"   \n\n  "})
    result = runner.invoke(app, ["build", str(d), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: no article could be read")


def test_empty_directory_is_exit_1(tmp_path):
    (tmp_path / "none").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "none"), "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "holds no readable articles" in result.stderr


def test_bad_usage_is_exit_2(tmp_path):
    assert runner.invoke(app, ["build", "x.txt"]).exit_code == 2  # neither --out nor --update
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def test_extract_writes_jsonl_to_stdout(tmp_path):
    d = _articles(tmp_path, **{"good.txt": GOOD.encode()})
    result = runner.invoke(app, ["extract", str(d)])
    assert result.exit_code == 0
    (line,) = result.stdout.strip().splitlines()
    record = json.loads(line)
    assert record["id"] == "good" and record["claims"]


def test_query_and_stats_on_a_build(tmp_path):
    d = _articles(tmp_path, **{"good.txt": GOOD.encode()})
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(d), "--out", str(out)]).exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", str(out)]).stdout)
    assert stats["sources"] == 1
    rows = runner.invoke(app, ["query", str(out), "--speaker", "Lavrov", "-f", "json"])
    assert rows.exit_code == 0
    assert any("invade" in r["claim"] for r in json.loads(rows.stdout))


def test_export_graphml_and_unknown_format(tmp_path):
    d = _articles(tmp_path, **{"good.txt": GOOD.encode()})
    out = tmp_path / "out"
    runner.invoke(app, ["build", str(d), "--out", str(out)])
    ok = runner.invoke(app, ["export", str(out), "--format", "graphml"])
    assert ok.exit_code == 0 and (out / "graph.graphml").exists()
    bad = runner.invoke(app, ["export", str(out), "--format", "pdf"])
    assert bad.exit_code == 2 and "unknown format 'pdf'" in bad.stderr


def test_update_adds_only_new_articles(tmp_path):
    d = _articles(tmp_path, **{"a.txt": GOOD.encode()})
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(d), "--out", str(out)]).exit_code == 0
    extra = tmp_path / "b.txt"
    extra.write_text('"Talks were useful," US Secretary of State Antony Blinken said.\n')
    result = runner.invoke(app, ["build", "--update", str(out), str(extra), str(d / "a.txt")])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["articles"] == 2 and report["parsed"] == 1
    ids = [json.loads(x)["id"] for x in (out / "records.jsonl").read_text().splitlines()]
    assert sorted(ids) == ["a", "b"]


def test_a_second_build_of_the_same_inputs_has_nothing_to_do(tmp_path):
    d = _articles(tmp_path, **{"a.txt": GOOD.encode()})
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(d), "--out", str(out)]).exit_code == 0
    stamp = (out / "graph.trig").stat().st_mtime_ns
    again = runner.invoke(app, ["build", str(d), "--out", str(out)])
    assert again.exit_code == 0 and "already up to date" in again.stderr
    assert (out / "graph.trig").stat().st_mtime_ns == stamp
    (d / "a.txt").write_text(GOOD + "\nA new paragraph, officials said.\n")
    changed = runner.invoke(app, ["build", str(d), "--out", str(out)])
    assert "up to date" not in changed.stderr
    assert (out / "graph.trig").stat().st_mtime_ns != stamp
    (out / "graph.html").unlink()
    runner.invoke(app, ["build", str(d), "--out", str(out)])
    assert (out / "graph.html").exists()


def test_export_of_a_build_writes_the_bytes_the_build_wrote(tmp_path):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    out = tmp_path / "out"
    base = "http://example.org/kg/"
    built = runner.invoke(app, ["build", str(examples), "--out", str(out), "--base-iri", base])
    assert built.exit_code == 0, built.output
    for fmt, name in (("nq", "graph.nq"), ("trig", "graph.trig"), ("ttl", "graph.ttl")):
        again = tmp_path / f"again.{fmt}"
        result = runner.invoke(app, ["export", str(out), "--format", fmt, "-o", str(again)])
        assert result.exit_code == 0, result.output
        assert again.read_bytes() == (out / name).read_bytes(), fmt
    assert base in (out / "graph.nq").read_text(encoding="utf-8")
    assert "urn:claimgraph:" not in (out / "graph.nq").read_text(encoding="utf-8")
