"""What is not a claim never becomes one: real news sentences that must yield no claim, each with
its reason, beside real sentences that must.

PolNeAR dev sentences the annotators marked as no attribution, and BBC sentences, are read from
``../shared`` by document and offsets (their text is not copied here; a hash of each sentence
checks the offsets); the tests skip when ``../shared`` is absent. ECB+ dev excerpts are quoted
(ECB+, Cybulska & Vossen, LREC 2014, CC BY 3.0).
"""

from __future__ import annotations

import functools
import hashlib
import json

import pytest

from claimgraph.ingest.read import decode_bytes

from .conftest import SHARED, spans_text

# (PolNeAR dev id, start, end, sha1 prefix of the sentence, why it holds no claim)
POLNEAR_NO_CLAIM = [
    ("usa-today_2016-09-22_derelict-obama-and-clinton-trump", 2508, 2573, "ac41f8064a",
     "attack with a plain object is an act: they attacked a ship"),
    ("usa-today_2016-09-22_derelict-obama-and-clinton-trump", 3031, 3048, "079d720318",
     "the content would be a bare name: an imperative, nobody's claim"),
    ("wash-post_2016-09-08_virginian-could-make-history-aga", 8356, 8528, "f3cdc36a9d",
     "campaigned for a candidate: a name is a target, not a proposition"),
    ("wash-post_2016-09-21_mixed-messages-on-trump-leave-pl", 2371, 2456, "1d8b1d3bc2",
     "a plan 'rejected' a group: no speaker, a bare noun phrase"),
    ("wash-post_2016-09-25_federal-court-rules-against-ohio", 2659, 2880, "cd1faf3d99",
     "a suit challenging a law: challenge with a plain object is an act"),
    ("west-journal_2016-09-29_gold-star-mom-corners-obama-on-h", 241, 312, "b4a58af6ce",
     "had a question for someone: the question comes later; a person is no proposition"),
    ("nyt_2016-09-20_examining-the-u-n-s-record-on-ur", 4375, 4560, "701ac5a12a",
     "find oneself somewhere: find with a plain (reflexive) object is no cognition"),
    ("nyt_2016-09-24_small-steps-toward-college-savin", 2873, 3074, "40255de2ff",
     "need to find money: find with a plain object"),
    ("nyt_2016-10-02_a-curious-plan-to-fight-climate-", 20894, 21101, "ddd42b86eb",
     "projecting big profits: a bare noun phrase is no proposition"),
    ("nyt_2016-10-04_in-avoiding-tax-trump-is-merely-", 5220, 5312, "64071f0d6a",
     "'not that we know about': know with no clause"),
    ("usa-today_2016-09-08_with-two-months-to-go-trump-stil", 105, 156, "b101378dd0",
     "'do you know …': the writer addresses the reader"),
    ("huff-post_2016-10-07_ava-duvernay-s-th-explores-the-e", 4208, 4527, "fe5f6eb694",
     "'as shown in a case': a participle of showing with no one showing a proposition"),
    ("nyt_2016-09-19_obama-sees-personal-insult-if-bl", 6882, 7177, "04314cb34d",
     "a quoted event name is a title; 'will seek to engage' is an intention, no claim"),
    ("nyt_2016-09-24_small-steps-toward-college-savin", 2088, 2195, "fb2c564389",
     "'anyone wanting to learn more': an intention of no one, no claim"),
    ("wash-post_2016-09-08_virginian-could-make-history-aga", 2433, 2627, "63a3fb05ce",
     "'a majority to confirm justices': an act with no one named to hold it, not a claim"),
    ("huff-post_2016-09-10_trump-s-east-european-achilles-h", 4757, 5036, "7fdfeefaf6",
     "'a vote for admitting countries to NATO': an act, and the content is names"),
    ("usa-today_2016-09-08_laws-don-t-apply-equially-to-cli", 1520, 1577, "7e6c49fd65",
     "'now tell us …': an imperative, the writer addresses the reader"),
    ("usa-today_2016-09-29_can-you-imagine-if-trump-were-a-", 203, 347, "5f2ac41234",
     "'ask would you vote …': an imperative; 'said and did the same things' names no content"),
]

# (BBC file, start, end, sha1 prefix, why it holds no claim)
BBC_NO_CLAIM = [
    ("business/109.txt", 504, 630, "2bf344eda1",
     "showed signs of recovery: show with a plain object is no claim"),
    ("business/409.txt", 3353, 3457, "fad722e399",
     "encouraged the growth of credit: an act, not a judgement"),
    ("entertainment/187.txt", 489, 623, "3ffdde29c4",
     "bookmakers offering odds: offer with a plain object is a transaction"),
    ("politics/377.txt", 1043, 1138, "975e87bce7",
     "casinos offer free food: offer with a plain object"),
    ("politics/377.txt", 291, 431, "0b15bf2aee",
     "released to encourage gambling: encourage with a plain object, a purpose"),
    ("politics/305.txt", 1599, 1792, "984b042925",
     "a meeting to discuss strategy: the content is a bare noun phrase"),
    ("politics/233.txt", 190, 336, "18873e8f5b",
     "the power to demand information: a bare noun phrase, no one demands yet"),
    ("sport/104.txt", 1973, 2141, "d83b678a69",
     "a player denied another with a tackle: the content is a name"),
    ("business/097.txt", 1042, 1197, "8166fc6962",
     "a deficit weighing on the dollar: weigh on is no 'weigh in on'"),
    ("business/001.txt", 871, 1047, "b2b7fee51a",
     "by offering a service: offer with a plain object"),
    ("tech/243.txt", 144, 288, "67252d54d9",
     "printers offered a better deal: a deal is a transaction, not a message to judge"),
    ("tech/336.txt", 2830, 2981, "37614d6bf1",
     "'it is worth remembering that …': the writer's aside, no one is reported"),
    ("tech/125.txt", 2002, 2133, "f46a8205e2",
     "'it is worth noting though that …': the writer's aside"),
]

# (ECB+ dev document, excerpt, why it holds no claim)
ECB_NO_CLAIM = [
    ("12_19ecb", "An Indian warship, INS Mysore deployed in the Gulf of Aden attacked two boats "
     "of pirates after receiving signals from a ship that the pirates were trying to hijack.",
     "attacked two boats: an act"),
    ("12_1ecb", "The Indian Navy on Saturday prevented pirates from attacking a merchant vessel "
     "flying an Ethiopian flag in the Gulf of Aden and took 23 into custody.",
     "attacking a vessel: an act"),
    ("7_9ecb", "Wladimir Klitschko defended his WBO and IBF heavyweight titles in Germany today "
     "with a lopsided victory over the American Hasim Rahman, winning by TKO in the seventh "
     "round.", "defended titles: sport, not a defence of a claim"),
    ("7_10ecb", "Wladimir Klitschko defended his IBF heavyweight crown by stopping Hasim Rahman "
     "in the seventh round at SAP Arena on Saturday.", "defended a crown: sport"),
    ("7_1ecb", "Wladimir Klitschko (52-3, 46 KOs) blasted a sluggish Hasim Rahman (45-7-2, 36 "
     "KOs) in Mannheim, Germany on Saturday night to retain the IBF, WBO and IBO world "
     "heavyweight titles.", "blasted an opponent: a punch, not criticism"),
    ("12_6ecbplus", "Indian Naval Ship Sukanya, presently deployed on anti-piracy patrols in the "
     "Gulf of Aden under the operational control of the Western Naval Command, found herself "
     "once again in the thick of things, thwarting a multiple-boat piracy attack on 10 Nov 11.",
     "found herself: no cognition"),
    ("5_1ecbplus", "Jim O'Brien was shown the door after a single tumultuous season.",
     "shown the door: an idiom with a plain object"),
    ("13_7ecbplus", "Shortly after 3:30 Tuesday morning someone called 911.",
     "called a number: call with a plain object"),
    ("16_9ecbplus", "Jose Luis Orozco showed almost no emotion throughout the three-week trial.",
     "showed no emotion: show with a plain object"),
    ("2_6ecb", "As word got out Friday that Hugh Jackman will be this year's Oscar host, a clip "
     "from the 2004 Tony telecast of his performance from “The Boy From Oz” made the rounds.",
     "a quoted show title is no quotation"),
    ("1_7ecb", "Reid became famous from her 1999 role in “American Pie” and had her own reality "
     "show “Taradise” in 2005.", "a year is a date, no amount the outlet asserts; the quotes "
     "are titles"),
    ("21_7ecbplus", "Raj Chohan was hit by a 2013 gray Camry near 117th Street and 97th Avenue "
     "in Richmond Hill.", "a model year is no amount"),
    ("13_14ecbplus", "As many of you undoubtedly know there was a rather suspicious fire that "
     "burned the old Matanuska Maid Creamery to the ground.",
     "'many of you know': the writer addresses the reader"),
    ("22_3ecb", "Staunton police on Friday arrested a 60-year-old, terminally ill woman in the "
     "1967 killings of two young women at a local ice cream stand, ending an agonizing 41-year "
     "odyssey for the victims' families.", "a year, an age and a span of years are no amounts"),
]

# Intentions: attributions, extracted as kind "intention" and never as claims.
# (source, locator or excerpt, expected intention content)
INTENTIONS = [
    ("ecb", "Turkeminstan's CEC plans to hold elections on December 15 2013.",
     "to hold elections on December 15 2013"),
    ("ecb", "The actress, who shot to fame in 1999 movie American Pie, decided to check in last "
     "week.", "to check in last week"),
    ("ecb", "Perpetual mess Tara Reid has finally decided to try and shed her drunk-girl image.",
     "to try and shed her drunk-girl image"),
    ("bbc", ("politics/365.txt", 253, 356, "87964c8e3f"),
     "to axe 104,000 jobs to free up money for education, health, defence, housing and "
     "overseas aid"),
    ("bbc", ("entertainment/235.txt", 1439, 1478, "454d125f9e"), "to take Fightstar on tour"),
    ("bbc", ("politics/113.txt", 1488, 1613, "1689c880d0"),
     "to remain anonymous for the sake of her adoptive father and her children"),
    ("bbc", ("business/313.txt", 1480, 1548, "16ad03a3d3"),
     "to double Iraq's output by the end of the decade"),
    ("polnear", ("nyt_2016-10-02_a-curious-plan-to-fight-climate-", 14284, 14439, "ca1c4f1ab4"),
     "to reforest a million acres in the southern Mississippi River Valley and sell the carbon "
     "offsets to companies to reach pollution-reduction goals"),
    ("polnear", ("usa-today_2016-10-03_my-father-would-have-loved-trump", 520, 672,
                 "ea753820a4"), "to take refuge when everything fell apart"),
]

# Real sentences that must yield a claim: (source, locator or excerpt, kind, content)
CLAIMS = [
    # "X is expected to …" is no one's intention (an economy intends nothing): what is expected
    # of the subject, by no one named, so the subject is part of the content
    ("bbc", ("business/409.txt", 3031, 3091, "79e7de268d"), "indirect",
     "South Korea's economy | to grow by 4.5% this year"),
    ("polnear", ("nyt_2016-09-08_obama-on-climate-change-the-tren", 13037, 13133, "ab08c1cb1c"),
     "indirect", "The final international accord on the chemicals | to be ratified next month in "
     "Rwanda"),
    ("ecb", "A Michigan man shot to death one person and injured two others Monday at the "
     "suburban Detroit accounting firm from which he was fired last week, police said.",
     "indirect", "A Michigan man shot to death one person and injured two others Monday at the "
     "suburban Detroit accounting firm from which he was fired last week"),
    ("ecb", "Williams died early Thursday in her sleep, according to her longtime publicist "
     "Harlan Boll.", "according_to", "Williams died early Thursday in her sleep"),
    ("ecb", "Cooley said Jose Luis Orozco was charged with murdering the 35-year-old deputy on "
     "June 24 outside a Hawaiian Gardens apartment.", "indirect",
     "Jose Luis Orozco was charged with murdering the 35-year-old deputy on June 24 outside a "
     "Hawaiian Gardens apartment"),
    ("bbc", ("politics/197.txt", 1071, 1151, "b4e0da4b4b"), "indirect",
     "global warming is taking place"),
    ("bbc", ("politics/317.txt", 230, 311, "a7b78e86ca"), "indirect",
     "they would rather go to jail"),
    ("bbc", ("politics/389.txt", 2511, 2622, "9f9c5a7c52"), "mixed",
     'political give and take would replace more "rigid" rules'),
]


@functools.cache
def _polnear() -> dict[str, str]:
    path = SHARED / "eval" / "polnear_dev.jsonl"
    return {d["id"]: d["text"] for d in map(json.loads, path.open(encoding="utf-8"))}


def _sentence(source: str, where) -> str:
    """The sentence at ``where``: an excerpt as given, or read from ../shared and checked."""
    if source == "ecb":
        return where
    if SHARED is None:
        pytest.skip("../shared is not present")
    name, start, end, digest = where
    if source == "polnear":
        text = _polnear()[name]
    else:
        text = decode_bytes((SHARED / "corpora" / "bbc" / name).read_bytes())[0]
    sentence = text[start:end]
    assert hashlib.sha1(sentence.encode()).hexdigest()[:10] == digest, "offsets moved"
    return sentence


NO_CLAIM = (
    [("polnear", r[:4], r[4]) for r in POLNEAR_NO_CLAIM]
    + [("bbc", r[:4], r[4]) for r in BBC_NO_CLAIM]
    + [("ecb", r[1], r[2]) for r in ECB_NO_CLAIM]
)


def test_the_table_is_large_enough():
    assert len(NO_CLAIM) >= 40


@pytest.mark.parametrize(("source", "where", "reason"), NO_CLAIM,
                         ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(NO_CLAIM)])
def test_sentence_yields_no_claim(claims_of, source, where, reason):
    text = _sentence(source, where)
    found = [(c.kind, spans_text(text, c.content)) for c in claims_of(text)
             if c.kind != "intention"]
    assert found == [], reason


@pytest.mark.parametrize(("source", "where", "content"), INTENTIONS,
                         ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(INTENTIONS)])
def test_intention_is_extracted_as_an_intention_and_no_claim(claims_of, source, where, content):
    text = _sentence(source, where)
    found = [(c.kind, spans_text(text, c.content)) for c in claims_of(text)]
    assert found == [("intention", content)]


@pytest.mark.parametrize(("source", "where", "kind", "content"), CLAIMS,
                         ids=[f"{s}-{i}" for i, (s, *_rest) in enumerate(CLAIMS)])
def test_sentence_yields_its_claim(claims_of, source, where, kind, content):
    text = _sentence(source, where)
    found = [(c.kind, spans_text(text, c.content)) for c in claims_of(text)]
    assert (kind, content) in found
