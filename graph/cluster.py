"""Cluster claim mentions into claims: one claim node per claim, one mention per occurrence.

Two mentions are the same claim when

1. their texts are equal after folding quote marks, punctuation, case, spelling variants
   (``-ise``/``-ize``, ``-our``/``-or``) and trimming (any speaker), or
2. they have the same speaker, the same mode (a denial only joins denials; a negated statement
   only joins negated ones), no incompatible quantities, and the shorter one's *features* are
   mostly found in the longer one: features are content words, lightly stemmed and mapped
   through a small synonym lexicon (:data:`LEXICON`:
   "window"/"path"/"way" → one class, "severe"/"serious" → another), weighted by rarity. At least
   three features must be shared ("A diplomatic path to resolving this crisis… remains open" is
   part of "we remain committed to the diplomatic path and believe that a window remains to
   resolve the crisis peacefully"), or
3. they are denials by the same speaker of the same event type ("denied it is preparing to
   invade", "denying it plans to invade"); a denial with no event word of its own ("denying any
   such plans") joins that speaker's main denial.

Claims that are related but not the same (the same speaker, a weaker overlap of at least two
non-actor features) are returned by :func:`related_clusters` and become ``corroborates`` edges.

Comparisons happen only inside blocks keyed by (speaker, rare feature); each mention enters a
few blocks and a block is capped, so the work grows near-linearly with the number of mentions,
never with all pairs. No model, no parse: this is lexical evidence and is trusted as such.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

__all__ = [
    "MentionRef",
    "claim_text_key",
    "content_words",
    "features",
    "stem",
    "cluster_mentions",
    "related_clusters",
    "is_denial",
    "event_concepts",
    "STOPWORDS",
    "LEXICON",
    "ACTOR_FEATURES",
    "central_wording",
    "directive_action",
]

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "than",
        "then",
        "so",
        "such",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "very",
        "just",
        "also",
        "about",
        "into",
        "over",
        "after",
        "before",
        "between",
        "through",
        "during",
        "against",
        "despite",
        "although",
        "though",
        "while",
        "because",
        "whether",
        "within",
        "without",
        "among",
        "across",
        "toward",
        "towards",
        "upon",
        "until",
        "since",
        "amid",
        "even",
        "yet",
        "ago",
        "now",
        "already",
        "ever",
        "again",
        "said",
        "says",
        "say",
        "told",
        "tell",
    ]
)

_QUOTES = str.maketrans({c: " " for c in "\"“”„‟«»‹›‘’'`´"})
_PUNCT = re.compile(r"[^\w\s]+")
_SPELLING = (
    (re.compile(r"(\w{3,})is(e|es|ed|ing|ation)\b"), r"\1iz\2"),
    (re.compile(r"(\w{2,})our\b"), r"\1or"),
)


def claim_text_key(text: str) -> str:
    """The exact-merge key of a claim text: what remains after folding form, not content.

    >>> claim_text_key("“Emphasised the need,”") == claim_text_key('emphasized the need')
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _PUNCT.sub(" ", text)
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def content_words(text: str) -> list[str]:
    return [w for w in claim_text_key(text).split() if w not in STOPWORDS and len(w) > 1]


#: Speech and attribution verbs: they say how something was said, not what.
SPEECH_WORDS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tell",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "reiterated",
        "reiterates",
        "stressed",
        "stresses",
        "underscored",
        "underscores",
        "emphasised",
        "emphasized",
        "emphasises",
        "emphasizes",
        "insisted",
        "insists",
        "stated",
        "states",
        "explained",
        "explains",
        "reported",
        "reports",
        "according",
        "claimed",
        "claims",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "also",
        "still",
        "further",
        "statement",
        "quoted",
        "asked",
        "asks",
        "hope",
        "hopes",
        "warn",
        "warns",
        "warned",
        "warning",
        "warnings",
        "renewed",
        "renews",
        "repeated",
        "repeats",
    ]
)

#: Words that frame a claim without being its content: aspect and light verbs ("decides to
#: continue"), evaluation and degree ("the best way", "is simple").
LIGHT_WORDS = frozenset(
    [
        "decide",
        "decides",
        "decided",
        "continue",
        "continues",
        "continued",
        "start",
        "starts",
        "started",
        "begin",
        "begins",
        "try",
        "tries",
        "keep",
        "keeps",
        "best",
        "better",
        "simple",
        "clear",
        "actually",
        "really",
        "rather",
        "only",
    ]
)

#: The small synonym lexicon of paraphrase: a stem → its class. Stems are what :func:`stem`
#: makes of a word. Classes group words that news paraphrase swaps for one another.
LEXICON: dict[str, str] = {
    # remedies and outcomes
    "sever": "severe",
    "serious": "severe",
    "harsh": "severe",
    "tough": "severe",
    "respons": "response",
    "respond": "response",
    "consequenc": "response",
    "repris": "response",
    "reprisal": "response",
    "repercussion": "response",
    "penalt": "response",
    "retali": "response",
    "repercuss": "response",
    "penalti": "response",
    # ways out
    "path": "avenue",
    "way": "avenue",
    "window": "avenue",
    "rout": "avenue",
    "door": "avenue",
    "opportun": "avenue",
    "opportunit": "avenue",
    "channel": "avenue",
    "diplomac": "diplomacy",
    "diplomat": "diplomacy",
    "talk": "diplomacy",
    "dialogu": "diplomacy",
    "negoti": "diplomacy",
    "resolv": "resolve",
    "resolut": "resolve",
    "settl": "resolve",
    "settlement": "resolve",
    "solv": "resolve",
    "solut": "resolve",
    "solution": "resolve",
    "resolution": "resolve",
    "settle": "resolve",
    "defus": "resolve",
    "avoid": "resolve",
    "avert": "resolve",
    "peac": "peace",
    "peaceful": "peace",
    # force
    "invad": "attack",
    "invas": "attack",
    "attack": "attack",
    "aggress": "attack",
    "offens": "attack",
    "offensiv": "attack",
    "incur": "attack",
    "conflict": "conflict",
    "war": "conflict",
    "confront": "conflict",
    "hostil": "conflict",
    "hostilit": "conflict",
    "wars": "conflict",
    "deescal": "deescalate",
    "deescalat": "deescalate",
    "withdraw": "deescalate",
    "pullback": "deescalate",
    "troop": "troops",
    "forc": "troops",
    "soldier": "troops",
    "amass": "amass",
    "mass": "amass",
    "deploy": "amass",
    "buildup": "amass",
    "border": "border",
    "frontier": "border",
    "crisi": "crisis",
    "standoff": "crisis",
    "tension": "crisis",
    "plan": "plan",
    "prepar": "plan",
    "intend": "plan",
    "intent": "plan",
    "intention": "plan",
    "plann": "plan",
    "join": "join",
    "admit": "join",
    "membership": "join",
    "access": "join",
    "guarant": "guarantee",
    "guarante": "guarantee",
    "assur": "guarantee",
    "assuranc": "guarantee",
    # sides
    "alli": "allies",
    "transatlant": "allies",
    "western": "allies",
    "west": "allies",
    "partner": "allies",
    "russia": "russia",
    "russian": "russia",
    "moscow": "russia",
    "kremlin": "russia",
    "us": "us",
    "washington": "us",
    "american": "us",
    "ukrain": "ukraine",
    "ukrainian": "ukraine",
    "kiev": "ukraine",
    "kyiv": "ukraine",
}

#: Feature classes that name the parties rather than what is claimed about them.
ACTOR_FEATURES = frozenset(["russia", "us", "ukraine", "allies"])

_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "ic",
    "al",
    "s",
    "e",
    "y",
)

_DENIAL = re.compile(
    r"^(?:has\s+|have\s+|had\s+|also\s+|consistently\s+|repeatedly\s+|strongly\s+)*"
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_NEGATED_CUE = re.compile(r"\b(?:not|never|n't)\b", re.IGNORECASE)

#: Event words → event type, for denials and contradictions.
EVENTS: dict[str, str] = {
    "attack": "attack",
    "conflict": "attack",
}


def stem(word: str) -> str:
    """A light stem: the longest listed suffix removed while four letters remain.

    >>> [stem(w) for w in ("resolving", "resolve", "diplomatic", "invasion", "troops")]
    ['resolv', 'resolv', 'diplomat', 'invas', 'troop']
    """
    if word.endswith("sion") and len(word) > 6:
        return word[:-3]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def features(text: str) -> frozenset[str]:
    """The comparable content of a claim: stems of content words through :data:`LEXICON`.

    >>> sorted(features("A diplomatic path to resolving this crisis… remains open"))
    ['avenue', 'crisis', 'diplomacy', 'open', 'remain', 'resolve']
    """
    return frozenset(_concepts(text))


def _concepts(text: str) -> list[str]:
    """The feature of each content word of ``text``, in text order (repeats kept)."""
    text = re.sub(r"(?i)\bde-?escalat", "deescalat", text)
    text = re.sub(r"(?i)\bbuild-up", "buildup", text)
    text = re.sub(r"(?i)\bpull(?:ing|ed|s)? back", "pullback", text)
    out = []
    for w in content_words(text):
        if w in SPEECH_WORDS or w in LIGHT_WORDS or w.isdigit():
            continue
        s = stem(w)
        out.append(LEXICON.get(s, LEXICON.get(w, s)))
    return out


#: Words that ask for something: "should", "must", "the need to", "urged", "called on" ….
#: Not "should Russia invade" (a condition) nor "suggests that" (evidence).
_DIRECTIVE = re.compile(
    r"(?i)\b(?:should(?!\s+(?-i:[A-Z])|\s+(?:it|they|he|she|we|you|there|this|that)\s)"
    r"|must|ought\s+to|need(?:s|ed)?\s+to|the\s+need\s+(?:to|for)"
    r"|ha(?:s|ve|d)\s+to|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)"
    r"|demand(?:s|ed|ing)?|suggest(?:s|ed|ing)?(?!\s+that)|ask(?:s|ed|ing)?\s+\w+\s+to)\b"
)

#: What a directive asks for, by which the same demand is recognised across wordings.
ACTIONS = frozenset(["deescalate", "resolve", "diplomacy", "join", "guarantee", "attack"])


def directive_action(text: str, cue: str = "") -> str | None:
    """The action a directive asks for: the first action word after its directive word.

    >>> directive_action("it should de-escalate, rather than escalate")
    'deescalate'
    >>> directive_action("the need to see verifiable, credible, meaningful de-escalation")
    'deescalate'
    >>> directive_action("Russia has the capacity to launch an invasion") is None
    True
    """
    found = _DIRECTIVE.search(text)
    if found is None:
        if not _DIRECTIVE.search(cue):
            return None
        rest = text
    else:
        rest = text[found.end() :]
    return next((c for c in _concepts(rest) if c in ACTIONS), None)


def central_wording(texts: Sequence[str]) -> int:
    """Index of the wording that shares the most features with the others (ties: shortest).

    A merged claim is shown by its most typical wording, not its longest, whose extra clauses
    are what the other outlets left out.

    >>> central_wording(["a window remains to resolve the crisis peacefully, he said",
    ...                  "a diplomatic path to resolving this crisis remains open",
    ...                  "the best way to avoid the crisis is by diplomacy"])
    1
    """
    feats = [features(t) for t in texts]
    score = [sum(len(f & g) for j, g in enumerate(feats) if j != i) for i, f in enumerate(feats)]
    return min(range(len(texts)), key=lambda i: (-score[i], len(texts[i]), texts[i]))


def event_concepts(text: str) -> set[str]:
    """Event types a text names ("invade", "aggression" → ``attack``)."""
    return {EVENTS[f] for f in features(text) if f in EVENTS}


def is_denial(cue: str) -> bool:
    """Whether a cue denies ("has denied", "denying", "rejected"), not "has not rejected".

    >>> is_denial("has denied"), is_denial("has not rejected"), is_denial("said")
    (True, False, False)
    """
    cue = " ".join(cue.split())
    return bool(_DENIAL.match(cue)) and not _NEGATED_CUE.search(cue)


@dataclass(frozen=True)
class MentionRef:
    """What clustering needs of a mention: an id, its text and its resolved speaker key.

    ``cue`` tells denials from assertions; ``quantities`` are ``(unit, low, high)`` triples,
    so mentions with incompatible numbers never merge.
    """

    id: Hashable
    text: str
    speaker: str | None
    cue: str = ""
    quantities: tuple[tuple[str, float, float], ...] = field(default=())


Quantities = tuple[tuple[str, float, float], ...]


class _UnionFind:
    """Clusters of mentions; two clusters whose numbers conflict are never joined.

    The check is on whole clusters, so "limit casinos to 24" cannot join "limit casinos to
    eight" through a third wording that names no number.
    """

    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}
        self.quantities: dict[Hashable, Quantities] = {}

    def add(self, x: Hashable, quantities: Quantities = ()) -> None:
        self.parent.setdefault(x, x)
        self.quantities.setdefault(x, quantities)

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        qa, qb = self.quantities.get(ra, ()), self.quantities.get(rb, ())
        if _clash(qa, qb):
            return
        keep, gone = min(ra, rb, key=repr), max(ra, rb, key=repr)
        self.parent[gone] = keep
        self.quantities[keep] = qa + tuple(q for q in qb if q not in qa)
        self.quantities.pop(gone, None)


class _Weights:
    """Inverse document frequency of features over the mentions being clustered."""

    def __init__(self, feats: Sequence[frozenset[str]]) -> None:
        self.n = max(len(feats), 1)
        self.df: Counter[str] = Counter(f for fs in feats for f in fs)

    def __call__(self, f: str) -> float:
        return math.log(1 + self.n / (1 + self.df[f]))

    def containment(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
        """Weighted share of the smaller feature set found in the other, and the count."""
        shared = a & b
        small = min(sum(map(self, a)), sum(map(self, b)))
        return (sum(map(self, shared)) / small if small else 0.0), len(shared)


def _mention_features(m: MentionRef) -> frozenset[str]:
    """Features of the text, plus the cue's when the cue carries content ("guarantees")."""
    feats = features(m.text)
    if m.cue and not is_denial(m.cue):
        feats |= features(m.cue)
    return feats


_NEGATION = re.compile(r"\b(?:not|no|never|n't|nothing|without)\b|n't\b", re.IGNORECASE)


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _quantities_clash(a: MentionRef, b: MentionRef) -> bool:
    return _clash(a.quantities, b.quantities)


def _clash(qa: Quantities, qb: Quantities) -> bool:
    """Whether two quantity lists count the same unit with intervals that do not meet."""
    for ua, la, ha in qa:
        for ub, lb, hb in qb:
            if ua == ub and (ha < lb or hb < la):
                return True
    return False


def _blocks(
    mentions: Sequence[MentionRef],
    feats: dict[Hashable, frozenset[str]],
    weights: _Weights,
    block_words: int,
    cap: int,
) -> dict[tuple[str | None, str], list[MentionRef]]:
    blocks: dict[tuple[str | None, str], list[MentionRef]] = defaultdict(list)
    for m in mentions:
        if m.speaker is None:
            continue
        keys = sorted(
            (f for f in feats[m.id] if f not in ACTOR_FEATURES),
            key=lambda f: (weights.df[f], f),
        )[:block_words]
        for f in keys:
            block = blocks[(m.speaker, f)]
            if len(block) < cap:
                block.append(m)
    return blocks


def cluster_mentions(
    mentions: Sequence[MentionRef],
    *,
    threshold: float = 88.0,
    containment: float = 0.6,
    min_shared: int = 3,
    block_words: int = 40,
    cap: int = 40,
) -> list[list[MentionRef]]:
    """Group mentions that express the same claim; clusters come out in input order.

    Args:
        mentions: the mentions, each with its resolved speaker (or ``None``).
        threshold: fuzzy ratio (0–100) from which two same-speaker wordings are one claim.
        containment: weighted share of the smaller feature set that must be found in the
            larger for a paraphrase merge.
        min_shared: features two paraphrases must share at least.
        block_words: features per mention (rarest first) used as blocking keys.
        cap: largest block compared pairwise (keeps the cost linear on big corpora).
    """
    uf = _UnionFind()
    by_key: dict[str, Hashable] = {}
    feats = {m.id: _mention_features(m) for m in mentions}
    weights = _Weights(list(feats.values()))
    for m in mentions:
        uf.add(m.id, m.quantities)
        key = claim_text_key(m.text)
        if not key:
            continue
        if key in by_key:
            uf.union(by_key[key], m.id)
        else:
            by_key[key] = m.id
    # Paraphrases by the same speaker, inside blocks; each pair is compared once.
    compared: set[tuple[Hashable, Hashable]] = set()
    for members in _blocks(mentions, feats, weights, block_words, cap).values():
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if uf.find(a.id) == uf.find(b.id) or (a.id, b.id) in compared:
                    continue
                compared.add((a.id, b.id))
                if _same_claim(a, b, feats, weights, threshold, containment, min_shared):
                    uf.union(a.id, b.id)
    # Denials by the same speaker of the same event type.
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
    for groups in denials.values():
        for members in groups.values():
            for other in members[1:cap]:
                uf.union(members[0].id, other.id)
    for m in vague:
        groups = denials.get(m.speaker or "", {})
        if groups:
            main = max(groups.values(), key=lambda g: (len(g), repr(g[0].id)))
            uf.union(main[0].id, m.id)
    for group in _directive_groups(mentions, feats):
        for other in group[1:]:
            uf.union(group[0].id, other.id)
    clusters: dict[Hashable, list[MentionRef]] = {}
    for m in mentions:
        clusters.setdefault(uf.find(m.id), []).append(m)
    return list(clusters.values())


def _directive_groups(
    mentions: Sequence[MentionRef], feats: dict[Hashable, frozenset[str]]
) -> list[list[MentionRef]]:
    """Directives by one speaker asking for one action of the same parties, one group each.

    "the need to see … de-escalation", "it should de-escalate", "suggesting Moscow start by
    de-escalating" share a single content word, yet all say Russia must de-escalate. A
    directive names no party or the same ones (one naming no party joins only when a single
    party is asked); a denial or a negation never joins.
    """
    by_key: dict[tuple[str, str, bool], list[MentionRef]] = defaultdict(list)
    for m in mentions:
        if m.speaker is None or is_denial(m.cue):
            continue
        action = directive_action(m.text, m.cue)
        if action is not None:
            by_key[(m.speaker, action, _negated(m.text))].append(m)
    out: list[list[MentionRef]] = []
    for members in by_key.values():
        named: list[tuple[set[str], list[MentionRef]]] = []
        unnamed: list[MentionRef] = []
        for m in members:
            actors = set(feats[m.id] & ACTOR_FEATURES)
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
        else:  # no party named anywhere, or several: an unnamed demand cannot be placed
            groups.append(unnamed)
        out.extend(g for g in groups if len(g) > 1)
    return out


def _same_claim(
    a: MentionRef,
    b: MentionRef,
    feats: dict[Hashable, frozenset[str]],
    weights: _Weights,
    threshold: float,
    containment: float,
    min_shared: int,
) -> bool:
    if a.speaker != b.speaker or is_denial(a.cue) != is_denial(b.cue):
        return False
    if _quantities_clash(a, b) or _negated(a.text) != _negated(b.text):
        return False
    ka, kb = " ".join(content_words(a.text)), " ".join(content_words(b.text))
    if not ka or not kb:
        return False
    shorter, longer = sorted((len(ka), len(kb)))
    if shorter / longer >= 0.6 and (
        fuzz.token_set_ratio(ka, kb) >= threshold and fuzz.ratio(ka, kb) >= threshold - 20
    ):
        return True
    share, n = weights.containment(feats[a.id], feats[b.id])
    topical = len((feats[a.id] & feats[b.id]) - ACTOR_FEATURES)
    return n >= min_shared and topical >= min_shared - 1 and share >= containment


def related_clusters(
    clusters: Sequence[Sequence[MentionRef]],
    *,
    containment: float = 0.25,
    min_shared: int = 2,
    block_words: int = 40,
    cap: int = 40,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` of clusters that support each other without being one claim.

    Two clusters are related when they share a speaker, the same mode (denial or not), at
    least ``min_shared`` features that are not just the parties named, and a weighted
    containment of at least ``containment``.
    """
    info = []
    for c in clusters:
        feats = frozenset().union(*(_mention_features(m) for m in c))
        speakers = {m.speaker for m in c if m.speaker}
        info.append((feats, speakers, any(is_denial(m.cue) for m in c)))
    weights = _Weights([f for f, _, _ in info])
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for idx, (feats, speakers, _deny) in enumerate(info):
        rare = sorted(
            (f for f in feats if f not in ACTOR_FEATURES), key=lambda f: (weights.df[f], f)
        )[:block_words]
        for sp in speakers:
            for f in rare:
                if len(blocks[(sp, f)]) < cap:
                    blocks[(sp, f)].append(idx)
    out: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in out or info[i][2] != info[j][2]:
                    continue
                share, _n = weights.containment(info[i][0], info[j][0])
                topical = len((info[i][0] & info[j][0]) - ACTOR_FEATURES)
                if topical >= min_shared and share >= containment:
                    out[(i, j)] = round(share, 3)
    return sorted((i, j, s) for (i, j), s in out.items())
