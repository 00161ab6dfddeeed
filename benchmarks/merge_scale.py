"""Time and peak memory of the cross-document merge (``build_graph``) on 10,000 to 100,000 articles.

Usage::

    claimgraph extract ../shared/corpora/bbc -o /tmp/bbc.jsonl          # once: the real records
    python benchmarks/merge_scale.py /tmp/bbc.jsonl --sizes 10000 30000 100000 \\
        --work /tmp/merge-scale --json benchmarks/merge_scale_results.json

The synthetic corpora are made of the real records, copied. Copy ``c`` of an article is the
same article in another world, with the offsets of every span kept (each word is replaced by
one of the same length, in the text and in every string read off it):

* names: every word of a PERSON or ORG entity anywhere in the corpus (first names, countries,
  titles, known organisations and every word the graph stage's word tables hold excepted) is
  renamed the same way in all articles of a world (``--share`` copies), so each world is a
  corpus of its own people and organisations that resolution, stories and claims must keep
  apart, while inside a world they meet across articles as the real ones do;
* words: a share (``--rate``) of the other words of four letters or more (cue words, stopwords
  and the word tables excepted) is replaced per copy, so copies are not syndicated duplicates
  of each other and the claim blocks see new rare words;
* ids get a ``~cNNN`` suffix, publication dates are shifted by ``c`` weeks (articles without
  one are dated from 2005-01-03) and the SHA-256 is that of the new text.

Each size is built from the first N synthetic records (copy 0 of every article, then copy 1,
…), written once as JSON Lines under ``--work`` and merged in a fresh process, which reports
the seconds of ``build_graph`` (wall clock, and the process's CPU time, which other jobs on a
shared machine do not inflate as much) and its peak resident memory (``ru_maxrss``: records
and graph together). The table gives the per-article cost relative to the smallest size; a
power law ``t = a·n^b`` fitted to the points projects the time of 1,000,000 articles, and
memory is projected linearly.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import json
import math
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from importlib import resources as ir
from pathlib import Path

from claimgraph.ingest.records import ClaimMention, DocumentRecord, Quantity

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS, _CONSONANTS = "aeiou", "bcdfghklmnprstvz"
_NAMED = ("PERSON", "ORG")
_START = date(2005, 1, 3)


def load(path: Path) -> list[DocumentRecord]:
    with path.open(encoding="utf-8") as fh:
        return [DocumentRecord.loads(line) for line in fh if line.strip()]


def protected_words(records: Iterable[DocumentRecord]) -> frozenset[str]:
    """Words never replaced: the graph stage's word tables, stopwords and every cue word."""
    words: set[str] = set()
    data = ir.files("claimgraph.graph") / "data"
    for entry in data.iterdir():
        if entry.name.endswith((".txt", ".tsv")):
            words.update(w.casefold() for w in _WORD.findall(entry.read_text(encoding="utf-8")))
    for r in records:
        for m in r.claims:
            for s, e in m.cue:
                words.update(w.casefold() for w in _WORD.findall(r.text[s:e]))
    return frozenset(words)


def name_words(records: Iterable[DocumentRecord], protected: frozenset[str]) -> frozenset[str]:
    """Capitalised words of PERSON and ORG entities: the names a world renames."""
    return frozenset(
        w
        for r in records
        for ent in r.entities
        if ent.label in _NAMED
        for w in _WORD.findall(ent.text)
        if w[:1].isupper() and w.casefold() not in protected
    )


def pseudo_word(word: str, seed: str) -> str:
    """A pronounceable word of ``word``'s length and letter case, fixed by ``seed`` and ``word``.

    >>> w = pseudo_word("Blair", "w1"); len(w), w[0].isupper(), w == pseudo_word("Blair", "w1")
    (5, True, True)
    """
    digest = hashlib.blake2b(f"{seed}\x1f{word}".encode(), digest_size=32).digest()
    out = []
    for i, ch in enumerate(word):
        pool = _CONSONANTS if i % 2 == 0 else _VOWELS
        letter = pool[digest[i % len(digest)] % len(pool)]
        out.append(letter.upper() if ch.isupper() else letter)
    return "".join(out)


class Renamer:
    """The word replacement of one copy: names by world, other words by copy."""

    def __init__(
        self,
        copy: int,
        *,
        names: frozenset[str],
        protected: frozenset[str],
        rate: float,
        share: int,
    ) -> None:
        self.world = f"world{copy // share}"
        self.copy = f"copy{copy}"
        self.names, self.protected = names, protected
        self.threshold = int(rate * 2**32)
        self.cache: dict[str, str] = {}

    def word(self, word: str) -> str:
        out = self.cache.get(word)
        if out is None:
            out = self.cache[word] = self._replace(word)
        return out

    def _replace(self, word: str) -> str:
        if word in self.names:
            return pseudo_word(word, self.world)
        if len(word) < 4 or word.casefold() in self.protected:
            return word
        h = int.from_bytes(hashlib.blake2b(f"{self.copy}\x1f{word}".encode()).digest()[:4], "big")
        return pseudo_word(word, self.copy) if h < self.threshold else word

    def text(self, text: str | None) -> str | None:
        return None if text is None else _WORD.sub(lambda m: self.word(m.group(0)), text)


def _mention(m: ClaimMention, t: Callable[[str | None], str | None]) -> ClaimMention:
    return dataclasses.replace(
        m,
        speaker_name=t(m.speaker_name),
        text=t(m.text),
        speaker_role=t(m.speaker_role),
        relayed_by=t(m.relayed_by),
        phrase=t(m.phrase),
        part_phrases=[t(p) for p in m.part_phrases],
        key_phrases=[t(p) for p in m.key_phrases],
        quantities=[
            Quantity(q.value, t(q.unit), q.bound, t(q.text), q.low, q.high, q.span)
            for q in m.quantities
        ],
    )


def synthetic_copy(record: DocumentRecord, copy: int, renamer: Renamer) -> DocumentRecord:
    """Copy ``copy`` of ``record``: same spans, renamed words, new id, date and hash."""
    t = renamer.text
    text = t(record.text)
    assert text is not None and len(text) == len(record.text)
    published = record.published
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        day = date.fromisoformat(published[:10]) + timedelta(weeks=copy)
        published = day.isoformat() + published[10:]
    else:
        published = (_START + timedelta(weeks=copy)).isoformat()
    return dataclasses.replace(
        record,
        id=f"{record.id}~c{copy:03d}",
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        path=f"{record.path}~c{copy:03d}" if record.path else None,
        url=f"{record.url}?copy={copy}" if record.url else None,
        title=t(record.title),
        published=published,
        authors=[t(a) for a in record.authors],
        dateline=t(record.dateline),
        credits=[t(c) for c in record.credits],
        entities=[dataclasses.replace(e, text=t(e.text)) for e in record.entities],
        claims=[_mention(m, t) for m in record.claims],
    )


def synthesise(
    records: list[DocumentRecord], n: int, *, rate: float = 0.2, share: int = 3
) -> Iterator[DocumentRecord]:
    """The first ``n`` synthetic records: copy 0 of every record, then copy 1, …"""
    protected = protected_words(records)
    names = name_words(records, protected)
    made = 0
    for copy in range(math.ceil(n / len(records))):
        renamer = Renamer(copy, names=names, protected=protected, rate=rate, share=share)
        for r in records:
            if made == n:
                return
            yield synthetic_copy(r, copy, renamer)
            made += 1


def corpus_file(base: Path, work: Path, n: int, rate: float, share: int) -> Path:
    """The synthetic corpus of ``n`` records, written once."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"synthetic-{n}-r{rate}-s{share}.jsonl"
    if not path.exists():
        records = load(base)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for r in synthesise(records, n, rate=rate, share=share):
                fh.write(r.dumps() + "\n")
        tmp.replace(path)
    return path


def merge_once(path: Path) -> dict:
    """Load ``path`` and merge it in this process: seconds, memory and graph size."""
    from claimgraph.graph.build import build_graph

    records = load(path)
    gc.collect()
    loaded_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start, cpu = time.perf_counter(), time.process_time()
    kg = build_graph(records)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    stats = kg.stats()
    return {
        "n": len(records),
        "mentions": sum(len(r.claims) for r in records),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "loaded_mib": loaded_mib,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        **{k: stats[k] for k in ("sources", "stories", "speakers", "claims")},
        "mention_nodes": stats["mentions"],
    }


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """``(a, b)`` of the least-squares line ``log t = log a + b log n``."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return math.exp(my - b * mx), b


def summarise(rows: list[dict], rate: float) -> dict:
    """Print the table, the fits and the projection to 1,000,000 articles; the report."""
    first = rows[0]
    print(
        f"{'n':>8} {'mentions':>9} {'seconds':>8} {'ms/art':>7} {'growth':>6} "
        f"{'cpu s':>8} {'growth':>6} {'peak MiB':>9}"
    )
    for r in rows:
        r["growth"] = (r["seconds"] / r["n"]) / (first["seconds"] / first["n"])
        r["cpu_growth"] = (r["cpu_seconds"] / r["n"]) / (first["cpu_seconds"] / first["n"])
        print(
            f"{r['n']:>8} {r['mention_nodes']:>9} {r['seconds']:>8.1f} "
            f"{1000 * r['seconds'] / r['n']:>7.2f} {r['growth']:>6.2f} "
            f"{r['cpu_seconds']:>8.1f} {r['cpu_growth']:>6.2f} {r['peak_mib']:>9.0f}"
        )
    if len({r["n"] for r in rows}) < 2:
        print("one size: no fit (give two sizes or more to project)")
        return {"rows": rows, "rate": rate}
    a, b = fit([(r["n"], r["seconds"]) for r in rows])
    ca, cb = fit([(r["n"], r["cpu_seconds"]) for r in rows])
    last = rows[-1]
    per_article_mib = (last["peak_mib"] - first["peak_mib"]) / (last["n"] - first["n"])
    million = {
        "seconds": a * 1e6**b,
        "cpu_seconds": ca * 1e6**cb,
        "peak_mib": last["peak_mib"] + per_article_mib * (1e6 - last["n"]),
    }
    for name, (x, y), t in (("wall", (a, b), "seconds"), ("cpu", (ca, cb), "cpu_seconds")):
        print(f"{name}: t = {x:.3g} * n^{y:.3f};  1,000,000 articles: {million[t] / 60:.0f} min")
    gib = million["peak_mib"] / 1024
    print(f"peak at 1,000,000: {gib:.1f} GiB (linear in n through the first and last sizes)")
    return {
        "rows": rows,
        "fit": {"a": a, "b": b},
        "cpu_fit": {"a": ca, "b": cb},
        "million": million,
        "rate": rate,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", type=Path, help="records.jsonl of the real articles")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/merge-scale"))
    ap.add_argument("--rate", type=float, default=0.2, help="share of other words replaced")
    ap.add_argument("--share", type=int, default=3, help="copies per world of names")
    ap.add_argument("--json", type=Path, help="write the rows and the fit here")
    ap.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # one merge, in a child
    args = ap.parse_args(argv)
    if args.run:
        print(json.dumps(merge_once(args.run)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        path = corpus_file(args.records, args.work, n, args.rate, args.share)
        out = subprocess.run(
            [sys.executable, __file__, str(args.records), "--run", str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    report = summarise(rows, args.rate)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
