"""Cluster claim mentions into claims: one node per claim, one mention per occurrence.

Two mentions are one claim when

1. their texts are equal after folding quote marks, punctuation, case and spelling variants,
   the text says something (two content words at least: "it", "that" or "911" alone never
   merge) and they are in one story or have one speaker;
2. they have the same speaker, the same mode (a denial only joins denials, a negated
   statement only negated ones), no incompatible quantities, and the shorter one's features
   (:mod:`.claimtext`) are mostly found in the longer one (weighted containment of at least
   :attr:`Settings.claim_containment`, with :attr:`Settings.claim_min_shared` shared);
3. inside one story, the same speaker reports one event in words that share rare content
   (:attr:`Settings.story_claim_containment`, :attr:`Settings.story_claim_min_shared`): five
   outlets retelling one police statement each keep a different part of it;
4. inside one story, a mention whose speaker stays unknown joins another on stronger wording
   evidence (:attr:`Settings.unattributed_containment`);
5. they are denials by the same speaker of the same event type, or demands by the same speaker
   for the same action of the same parties.

Comparisons happen only inside blocks keyed by (speaker or story, rare feature); each mention
enters a few blocks and a block is capped, so the work grows near-linearly.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from .claimtext import (
    claim_text_key,
    content_words,
    directive_action,
    event_concepts,
    features,
    is_actor,
    is_denial,
    is_negated,
)
from .settings import DEFAULT, Settings

__all__ = [
    "ClaimUnion",
    "MentionRef",
    "Weights",
    "claim_blocks",
    "claim_features",
    "claim_pairs",
    "cluster_mentions",
    "grouped_clusters",
    "join_claim_pairs",
    "related_clusters",
    "same_text_clusters",
]

Quantities = tuple[tuple[str, float, float], ...]


@dataclass(frozen=True, slots=True)
class MentionRef:
    """What clustering needs of a mention: an id, its text, speaker key and story.

    ``cue`` tells denials from assertions; ``quantities`` are ``(unit, low, high)`` triples,
    so mentions with incompatible numbers never merge. One per mention: no instance dict.
    """

    id: Hashable
    text: str
    speaker: str | None
    cue: str = ""
    quantities: Quantities = field(default=())
    story: str | None = None


class ClaimUnion:
    """Clusters of mentions; two clusters whose numbers conflict are never joined, nor two
    whose known speakers differ (a mention of unknown speaker cannot chain one speaker's
    claim to another's), unless the wording is identical."""

    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}
        self.quantities: dict[Hashable, Quantities] = {}
        self.speakers: dict[Hashable, frozenset[str]] = {}
        self._alone: dict[str | None, frozenset[str]] = {None: frozenset()}  # one per speaker

    def add(self, x: Hashable, quantities: Quantities = (), speaker: str | None = None) -> None:
        self.parent.setdefault(x, x)
        self.quantities.setdefault(x, quantities)
        alone = self._alone.get(speaker or None)
        if alone is None:
            alone = self._alone[speaker] = frozenset([speaker])
        self.speakers.setdefault(x, alone)

    def find(self, x: Hashable) -> Hashable:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def joined(self, a: Hashable, b: Hashable) -> bool:
        return self.find(a) == self.find(b)

    def union(self, a: Hashable, b: Hashable, *, same_words: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        qa, qb = self.quantities.get(ra, ()), self.quantities.get(rb, ())
        sa, sb = self.speakers[ra], self.speakers[rb]
        if clash(qa, qb) or (not same_words and sa and sb and not sa & sb):
            return
        keep, gone = min(ra, rb, key=repr), max(ra, rb, key=repr)
        self.parent[gone] = keep
        self.quantities[keep] = qa + tuple(q for q in qb if q not in qa)
        self.speakers[keep] = sa | sb
        self.quantities.pop(gone, None)
        self.speakers.pop(gone, None)


class Weights:
    """Inverse document frequency of features over the mentions being clustered."""

    def __init__(self, feats: Sequence[frozenset[str]]) -> None:
        self.n = max(len(feats), 1)
        self.df: Counter[str] = Counter(f for fs in feats for f in fs)

    def restricted(self, features: Iterable[str]) -> Weights:
        """The same weights, holding only ``features``: what judging some mentions needs."""
        out = Weights([])
        out.n = self.n
        out.df = Counter({f: self.df[f] for f in features if f in self.df})
        return out

    def __call__(self, f: str) -> float:
        return math.log(1 + self.n / (1 + self.df[f]))

    def containment(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
        """Weighted share of the smaller feature set found in the other, and the count."""
        shared = a & b
        small = min(sum(map(self, a)), sum(map(self, b)))
        return (sum(map(self, shared)) / small if small else 0.0), len(shared)


def mention_features(m: MentionRef) -> frozenset[str]:
    """Features of the text, plus the cue's when the cue carries content ("guarantees")."""
    feats = features(m.text)
    if m.cue and not is_denial(m.cue):
        feats |= features(m.cue)
    return feats


def clash(qa: Quantities, qb: Quantities) -> bool:
    """Whether two quantity lists count the same unit with intervals that do not meet."""
    for ua, la, ha in qa:
        for ub, lb, hb in qb:
            if ua == ub and (ha < lb or hb < la):
                return True
    return False


_WITHHELD = re.compile(r"(?i)\b(?:not|n't|never|refus\w*|declin\w*|wo?uldn't|won't)\b")


class Mode(StrEnum):
    """How a cue reports what it reports; only mentions of one mode are one claim."""

    ASSERT = "assert"
    DENY = "deny"  # "has denied", "rejected"
    WITHHOLD = "withhold"  # "refused to disclose", "would not say"


def mode(cue: str) -> Mode:
    """The :class:`Mode` of a cue.

    >>> mode("said"), mode("has denied"), mode("refused to disclose")
    (<Mode.ASSERT: 'assert'>, <Mode.DENY: 'deny'>, <Mode.WITHHOLD: 'withhold'>)
    """
    if is_denial(cue):
        return Mode.DENY
    return Mode.WITHHOLD if _WITHHELD.search(cue) else Mode.ASSERT


def _says_something(text: str) -> bool:
    return len(content_words(text)) >= 2


class _Scopes(dict[tuple[str, str], str]):
    """``"t:" + story`` and ``"s:" + speaker``, each made once: a story's key names all its
    articles, so a copy per mention would cost the size of the story per mention."""

    def __missing__(self, key: tuple[str, str]) -> str:
        self[key] = scope = key[0] + key[1]
        return scope


def claim_blocks(
    mentions: Sequence[MentionRef],
    feats: dict[Hashable, frozenset[str]],
    weights: Weights,
    settings: Settings,
) -> dict[tuple[str, str], list[MentionRef]]:
    """Blocks keyed by (speaker, feature) and, for unknown speakers, (story, feature).

    The blocks come in the order their keys are first met, the order pairs are compared in;
    inside a block, mentions keep their input order.
    """
    blocks: dict[tuple[str, str], list[MentionRef]] = defaultdict(list)
    scopes = _Scopes()
    for m in mentions:
        owners = [scopes["s:", m.speaker]] if m.speaker else []
        if m.story is not None:
            owners.append(scopes["t:", m.story])
        keys = sorted(
            (f for f in feats[m.id] if not is_actor(f)), key=lambda f: (weights.df[f], f)
        )[: settings.block_words]
        keys = [f for f in keys if weights.df[f] > 1]  # a feature of one mention pairs none
        for owner in owners:
            for f in keys:
                block = blocks[(owner, f)]
                if len(block) < settings.block_cap:
                    block.append(m)
    return blocks


def cluster_mentions(
    mentions: Sequence[MentionRef], settings: Settings = DEFAULT
) -> list[list[MentionRef]]:
    """Group mentions that express the same claim; clusters come out in input order."""
    feats, weights = claim_features(mentions)
    uf = same_text_clusters(mentions)
    index = {m.id: i for i, m in enumerate(mentions)}
    blocks = enumerate(claim_blocks(mentions, feats, weights, settings).values())
    join_claim_pairs(uf, claim_pairs(blocks, feats, weights, settings, index, joined=uf.joined))
    return grouped_clusters(mentions, feats, settings, uf)


def claim_features(
    mentions: Sequence[MentionRef],
) -> tuple[dict[Hashable, frozenset[str]], Weights]:
    """The features of each mention and their weights over all of them."""
    feats = {m.id: mention_features(m) for m in mentions}
    return feats, Weights(list(feats.values()))


def same_text_clusters(mentions: Sequence[MentionRef]) -> ClaimUnion:
    """Every mention alone, then those of one text joined in one story or of one speaker."""
    uf = ClaimUnion()
    by_key: dict[tuple[str, str], Hashable] = {}
    scopes = _Scopes()
    for m in mentions:
        uf.add(m.id, m.quantities, m.speaker)
    for m in mentions:
        key = claim_text_key(m.text)
        if not key or not _says_something(m.text):
            continue
        for scope in (
            scopes["t:", m.story] if m.story else None,
            scopes["s:", m.speaker] if m.speaker else None,
        ):
            if scope is None:
                continue
            if (scope, key) in by_key:
                uf.union(by_key[(scope, key)], m.id, same_words=True)
            else:
                by_key[(scope, key)] = m.id
    return uf


#: An accepted pair: the number of the block it was met in, and the two mention ids.
Pair = tuple[int, Hashable, Hashable]


def claim_pairs(
    blocks: Iterable[tuple[int, Sequence[MentionRef]]],
    feats: dict[Hashable, frozenset[str]],
    weights: Weights,
    settings: Settings,
    index: Mapping[Hashable, int],
    *,
    joined: Callable[[Hashable, Hashable], bool] | None = None,
    blocks_of: Mapping[Hashable, AbstractSet[int]] | None = None,
) -> Iterator[Pair]:
    """The pairs of numbered blocks that :func:`same_claim` accepts, in block order.

    A pair is judged once, where first met; ``joined`` may say which pairs are one claim
    already, so they are not judged. ``index`` numbers the mentions (pairs are kept as
    ``i * n + j``: a fraction of the memory of id tuples). The judgement reads only the
    pair, so the blocks may be split between callers whose pairs are merged back into block
    order; ``blocks_of``, the numbers of every block each mention is in, then tells a caller
    which pairs another judges in an earlier block.
    """
    n = len(index)
    compared: set[int] = set()
    for number, members in blocks:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = index[a.id] * n + index[b.id]
                if pair in compared or (joined is not None and joined(a.id, b.id)):
                    continue
                compared.add(pair)
                if blocks_of is not None and min(blocks_of[a.id] & blocks_of[b.id]) < number:
                    continue
                if same_claim(a, b, feats, weights, settings):
                    yield number, a.id, b.id


def join_claim_pairs(uf: ClaimUnion, pairs: Iterable[Pair]) -> None:
    """Join accepted pairs in the order given, each once, where it was first met.

    The union refuses clusters whose numbers clash or whose known speakers differ, so the
    order decides; a pair met again later is not tried again (a union refused once could
    pass once the clusters have grown, which the comparison of each pair once never does).
    """
    tried: set[tuple[Hashable, Hashable]] = set()
    for _number, a, b in pairs:
        if (a, b) not in tried:
            tried.add((a, b))
            uf.union(a, b)


def grouped_clusters(
    mentions: Sequence[MentionRef],
    feats: dict[Hashable, frozenset[str]],
    settings: Settings,
    uf: ClaimUnion,
) -> list[list[MentionRef]]:
    """Denials and directives of one speaker joined (rule 5), then the clusters in input order."""
    for group in _denial_groups(mentions, feats, settings) + _directive_groups(mentions, feats):
        for other in group[1:]:
            uf.union(group[0].id, other.id)
    clusters: dict[Hashable, list[MentionRef]] = {}
    for m in mentions:
        clusters.setdefault(uf.find(m.id), []).append(m)
    return list(clusters.values())


def same_claim(
    a: MentionRef,
    b: MentionRef,
    feats: dict[Hashable, frozenset[str]],
    weights: Weights,
    settings: Settings = DEFAULT,
) -> bool:
    """Whether two mentions express one claim (rules 2–4 of the module docstring)."""
    if mode(a.cue) != mode(b.cue) or clash(a.quantities, b.quantities):
        return False
    if is_negated(a.text) != is_negated(b.text):
        return False
    if not _says_something(a.text) or not _says_something(b.text):
        return False
    fa, fb = feats[a.id], feats[b.id]
    share, n = weights.containment(fa, fb)
    topical = len({f for f in fa & fb if not is_actor(f)})
    same_story = a.story is not None and a.story == b.story
    if a.speaker is not None and a.speaker == b.speaker:
        if _near_identical(a.text, b.text, settings.claim_fuzzy):
            return True
        if (
            n >= settings.claim_min_shared
            and topical >= settings.claim_min_shared - 1
            and (share >= settings.claim_containment)
        ):
            return True
        rare = sum(1 for f in fa & fb if not is_actor(f) and _rare(weights, f))
        return (
            same_story
            and rare >= settings.story_claim_min_shared
            and share >= settings.story_claim_containment
        )
    if not same_story or (a.speaker is not None and b.speaker is not None):
        return False
    return topical >= settings.claim_min_shared and share >= settings.unattributed_containment


def _rare(weights: Weights, feature: str) -> bool:
    """Whether a feature is rare: found in at most one mention in twenty (or in two)."""
    return weights.df[feature] <= max(2, weights.n / 20)


def _near_identical(a: str, b: str, threshold: float) -> bool:
    ka, kb = " ".join(content_words(a)), " ".join(content_words(b))
    if not ka or not kb:
        return False
    shorter, longer = sorted((len(ka), len(kb)))
    return shorter / longer >= 0.6 and (
        fuzz.token_set_ratio(ka, kb) >= threshold and fuzz.ratio(ka, kb) >= threshold - 20
    )


def _denial_groups(
    mentions: Sequence[MentionRef], feats: dict[Hashable, frozenset[str]], settings: Settings
) -> list[list[MentionRef]]:
    """Denials by one speaker of one event type; a vague denial joins the speaker's main one."""
    denials: dict[str, dict[str, list[MentionRef]]] = defaultdict(lambda: defaultdict(list))
    vague: list[MentionRef] = []
    for m in mentions:
        if m.speaker is None or not is_denial(m.cue):
            continue
        events = event_concepts(m.text)
        for e in sorted(events):
            denials[m.speaker][e].append(m)
        if not events and len(feats[m.id]) <= 3:
            vague.append(m)
    groups = [ms[: settings.block_cap] for g in denials.values() for ms in g.values()]
    for m in vague:
        by_event = denials.get(m.speaker or "", {})
        if by_event:
            main = max(by_event.values(), key=lambda g: (len(g), repr(g[0].id)))
            groups.append([main[0], m])
    return [g for g in groups if len(g) > 1]


def _directive_groups(
    mentions: Sequence[MentionRef], feats: dict[Hashable, frozenset[str]]
) -> list[list[MentionRef]]:
    """Directives by one speaker asking for one action of the same parties, one group each.

    A directive naming no party joins only when a single party is asked; a denial or a
    negation never joins.
    """
    by_key: dict[tuple[str, str, bool], list[MentionRef]] = defaultdict(list)
    for m in mentions:
        if m.speaker is None or is_denial(m.cue):
            continue
        action = directive_action(m.text, m.cue)
        if action is not None:
            by_key[(m.speaker, action, is_negated(m.text))].append(m)
    out: list[list[MentionRef]] = []
    for members in by_key.values():
        named: list[tuple[set[str], list[MentionRef]]] = []
        unnamed: list[MentionRef] = []
        for m in members:
            actors = {f for f in feats[m.id] if is_actor(f)}
            if not actors:
                unnamed.append(m)
                continue
            home = next((g for g in named if g[0] & actors), None)
            if home is None:
                named.append((actors, [m]))
            else:
                home[0].update(actors)
                home[1].append(m)
        groups = [g for _a, g in named]
        if len(groups) == 1:
            groups[0].extend(unnamed)
        else:
            groups.append(unnamed)
        out.extend(g for g in groups if len(g) > 1)
    return out


def related_clusters(
    clusters: Sequence[Sequence[MentionRef]], settings: Settings = DEFAULT
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` of clusters of one story that support each other.

    Two clusters are related when they share a speaker and a story, the same reporting
    :class:`Mode` (a denial or a withheld answer corroborates no assertion), at least
    :attr:`Settings.corroboration_min_shared` features that are not just the parties named,
    and a weighted containment of at least :attr:`Settings.corroboration_containment`.
    """
    info = []
    for c in clusters:
        feats = frozenset().union(*(mention_features(m) for m in c))
        owners = {(m.speaker, m.story) for m in c if m.speaker and m.story is not None}
        info.append((feats, owners, frozenset(mode(m.cue) for m in c)))
    weights = Weights([f for f, _, _ in info])
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for idx, (feats, owners, _deny) in enumerate(info):
        rare = sorted((f for f in feats if not is_actor(f)), key=lambda f: (weights.df[f], f))
        for owner in owners:
            for f in rare[: settings.block_words]:
                if len(blocks[(owner, f)]) < settings.block_cap:
                    blocks[(owner, f)].append(idx)
    out: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in out or info[i][2] != info[j][2]:
                    continue
                share, _n = weights.containment(info[i][0], info[j][0])
                topical = len({f for f in info[i][0] & info[j][0] if not is_actor(f)})
                if topical >= settings.corroboration_min_shared and (
                    share >= settings.corroboration_containment
                ):
                    out[(i, j)] = round(share, 3)
    return sorted((i, j, s) for (i, j), s in out.items())
