"""Speed and memory of ``claimgraph build`` as ratios against bare spaCy in the same run.

    python benchmarks/build_speed.py ../shared/corpora/bbc --sizes 100 400
    python benchmarks/build_speed.py ../shared/corpora/bbc --sizes 2225 --memory
    python benchmarks/build_speed.py ../shared/corpora/bbc/politics --first --sizes 400 \
        --repeat 3 --no-extras

For each size N it takes N articles spread evenly over the corpus (every k-th file in sorted
order; with ``--first``, the first N in sorted order) and times, in this one process:

* baseline: ``nlp.pipe`` over the raw texts with the same model exactly as ``spacy.load`` gives
  it (none of claimgraph's changes to the pipeline), one process, loaded afresh for each pair
  before the clock starts (so its caches are as cold as the build's workers');
  it runs with the numeric libraries' default threads, as a bare spaCy program does (OpenBLAS
  starts one per core); ``OPENBLAS_NUM_THREADS=1 python benchmarks/build_speed.py …`` holds it
  to one thread, the strictest baseline (the build's workers run one thread each either way);
* build: ``build_to_dir`` (read, clean, parse with worker processes, extract, merge, write every
  output) into a fresh directory with no cache;
* rebuild: the same build again, now answered by the record cache;
* update: a build of the first N-10 articles, then ``update_dir`` with the last 10.

It prints seconds and the ratios: ``speed`` = baseline / build (≥ 1.0 means the whole build is at
least as fast as bare parsing), per-article cost growth against the smallest N (``growth``, and
``growth_vs_parse``: the same for build / baseline, which cancels the load of a shared machine
and the length of the sampled articles), rebuild / build, and update cost / (bare parse of the
10 new articles + the merge of all records), and the build's own stage times (``read``,
``extract``, ``merge``, ``write``, from report.json). With ``--repeat R`` each size runs R
baseline/build pairs, one after the other; the row shows the median pair and ``speed_min`` /
``speed_max`` the spread.
``--memory`` adds the peak memory of a separate ``claimgraph build`` of the same files (the
build process, its parsing workers and its forked writers, sampled from /proc every 0.2 s):
``peak_mib`` sums their proportional set sizes (a page shared by k processes counts 1/k in
each), ``peak_rss_sum_mib`` their resident sizes (shared pages counted in every process).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from claimgraph.api import build_records, build_to_dir, update_dir
from claimgraph.ingest.nlp import MODEL_CANDIDATES
from claimgraph.ingest.read import read_inputs
from claimgraph.outputs import read_records


def sample(corpus: Path, n: int, *, first: bool = False) -> list[str]:
    files = sorted(str(p) for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
    if n >= len(files) or first:
        return files[:n]
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def timed(fn, *args, **kw) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - start, out


def bare_pipeline():
    """The model as spaCy loads it: the baseline every ratio is taken against."""
    for name in MODEL_CANDIDATES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit(f"no spaCy model installed (tried {', '.join(MODEL_CANDIDATES)})")


def parse(nlp, texts: list[str]) -> int:
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))


def _memory_kib(pid: Path) -> tuple[int, int]:
    """``(RSS, PSS)`` of one process in KiB. PSS shares each page among the processes that
    map it: the forked workers and writers share most of their pages with their parent, and
    RSS would count those once per process."""
    rss = pss = 0
    for line in (pid / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    try:
        for line in (pid / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pss = rss
    return rss, pss


def _tree_memory_kib(root: int) -> tuple[int, int]:
    """RSS and PSS of ``root`` and all its descendants, summed, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            r, p = _memory_kib(Path("/proc") / str(pid))
        except OSError:
            continue
        rss, pss = rss + r, pss + p
        todo.extend(children.get(pid, []))
    return rss, pss


def peak_build_memory_mib(paths: list[str], jobs: int | None) -> tuple[float, float]:
    """Peak memory of a ``claimgraph build`` process and its workers, summed: (PSS, RSS)."""
    with tempfile.TemporaryDirectory(prefix="cg-mem-") as tmp:
        listing = Path(tmp) / "inputs"
        listing.mkdir()
        for i, p in enumerate(paths):
            link = listing / f"{i:05d}_{Path(p).parent.name}_{Path(p).name}"
            link.symlink_to(Path(p).resolve())
        cmd = [
            sys.executable,
            "-m",
            "claimgraph",
            "-q",
            "build",
            str(listing),
            "--out",
            str(Path(tmp) / "out"),
            "--no-cache",
        ]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        proc = subprocess.Popen(cmd)
        peak_rss = peak_pss = 0
        while proc.poll() is None:
            rss, pss = _tree_memory_kib(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.2)
        if proc.returncode:
            sys.exit(f"build failed with exit code {proc.returncode}")
        return peak_pss / 1024, peak_rss / 1024


def pair(paths: list[str], texts: list[str], jobs: int | None) -> dict[str, float]:
    """One bare parse and one fresh build of the same articles, back to back.

    The baseline pipeline is loaded anew for every pair (loading is not timed): spaCy keeps
    per-pipeline caches (lemmas), and a baseline that had parsed the same texts in an earlier
    pair would be timed warm against a build whose workers start cold."""
    nlp = bare_pipeline()
    t_base, _ = timed(parse, nlp, texts)
    tmp = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    try:
        t_build, (_, report) = timed(build_to_dir, paths, tmp / "out", jobs=jobs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stages = {k: v for k, v in report.timings.items() if "." not in k}
    return {"baseline_s": t_base, "build_s": t_build, "speed": t_base / t_build, **stages}


def extras(nlp, paths: list[str], texts: list[str], jobs: int | None) -> dict[str, float]:
    """Rebuild (answered by the cache) and update (10 new articles) costs."""
    tmp = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    try:
        t_build, _ = timed(build_to_dir, paths, tmp / "out", jobs=jobs)
        t_again, _ = timed(build_to_dir, paths, tmp / "out", jobs=jobs)
        head, tail = paths[:-10], paths[-10:]
        build_to_dir(head, tmp / "upd", jobs=jobs)
        t_upd, _ = timed(update_dir, tmp / "upd", tail, jobs=1)
        t_tail, _ = timed(parse, nlp, texts[-10:])
        records = read_records(tmp / "upd" / "records.jsonl")
        t_merge, _ = timed(build_records, records)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "rebuild_ratio": t_again / t_build,
        "update_s": t_upd,
        "update_over_parse_merge": t_upd / (t_tail + t_merge),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    ap.add_argument("--first", action="store_true", help="the first N files, not spread")
    ap.add_argument("--repeat", type=int, default=1, help="baseline/build pairs per size")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: auto)")
    ap.add_argument("--memory", action="store_true", help="report peak RSS")
    ap.add_argument("--no-extras", action="store_true", help="skip rebuild and update runs")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: not a directory")
    nlp = bare_pipeline()
    rows = []
    for n in args.sizes:
        paths = sample(args.corpus, n, first=args.first)
        texts = [d.text for d in read_inputs(paths) if hasattr(d, "text")]
        pairs = [pair(paths, texts, args.jobs) for _ in range(args.repeat)]
        for k, p in enumerate(pairs, 1):
            print(f"n={len(paths)} pair {k}: " + "  ".join(f"{a}={b:.2f}" for a, b in p.items()))
        speeds = sorted(p["speed"] for p in pairs)
        row = {"n": len(paths), **sorted(pairs, key=lambda p: p["speed"])[len(pairs) // 2]}
        row["speed_min"], row["speed_max"] = speeds[0], speeds[-1]
        row["per_article_ms"] = 1000 * row["build_s"] / len(paths)
        if not args.no_extras:
            row.update(extras(nlp, paths, texts, args.jobs))
        if args.memory:
            row["peak_mib"], row["peak_rss_sum_mib"] = peak_build_memory_mib(paths, args.jobs)
        rows.append(row)
    base = rows[0]
    cols = [*rows[0], "growth", "growth_vs_parse"]
    print("  ".join(f"{c:>15}" for c in cols))
    for r in rows:
        r["growth"] = r["per_article_ms"] / base["per_article_ms"]
        r["growth_vs_parse"] = (r["build_s"] / r["baseline_s"]) / (
            base["build_s"] / base["baseline_s"]
        )
        print(
            "  ".join(
                f"{r.get(c, float('nan')):>15.3f}" if c != "n" else f"{r[c]:>15d}" for c in cols
            )
        )


if __name__ == "__main__":
    main()
