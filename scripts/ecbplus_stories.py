"""Score story detection on an ECB+ build: pairwise precision and recall of "same story".

ECB+ gives each topic two events of one kind; an article's file name says which (``1_10ecb``:
topic 1, first event; ``1_1ecbplus``: topic 1, second event). Stories are recomputed from the
build's ``records.jsonl`` with the current settings, so a threshold can be tried without a
rebuild::

    python scripts/ecbplus_stories.py OUT_DIR [--similarity 0.36]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from claimgraph.graph.settings import Settings
from claimgraph.graph.stories import find_stories
from claimgraph.ingest.records import DocumentRecord


def gold_event(doc_id: str) -> tuple[str, bool]:
    """(topic, second event?) of an ECB+ article id such as ``1_10ecb`` or ``1_1ecbplus``."""
    return doc_id.split("_")[0], doc_id.endswith("plus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="a `claimgraph build` of the ECB+ docs")
    parser.add_argument("--similarity", type=float, default=Settings().story_similarity)
    args = parser.parse_args()
    with open(args.out_dir / "records.jsonl", encoding="utf-8", newline="\n") as fh:
        records = [DocumentRecord.loads(line) for line in fh if line.strip()]
    stories = find_stories(records, Settings(story_similarity=args.similarity))
    story_of = {d: s.key for s in stories for d in s.doc_ids}
    tp = predicted = gold = 0
    for a, b in itertools.combinations(sorted(story_of), 2):
        same_pred = story_of[a] == story_of[b]
        same_gold = gold_event(a) == gold_event(b)
        tp += same_pred and same_gold
        predicted += same_pred
        gold += same_gold
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    events = len({gold_event(d) for d in story_of})
    print(
        f"similarity {args.similarity}: {len(stories)} stories for {events} events; "
        f"pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )


if __name__ == "__main__":
    main()
