"""Speaker resolution: one speaker per real person or body, junk spans are no speakers."""

from __future__ import annotations

import json

import pytest

from claimgraph.graph.build import build_graph
from claimgraph.graph.candidates import COMMENTER
from claimgraph.graph.names import clean_role
from claimgraph.graph.speakers import KnownEntity, load_known_entities, resolve_speakers
from claimgraph.ingest.errors import InputError
from claimgraph.ingest.records import ClaimMention, DocumentRecord, Entity


def mention(text: str, content: str, speaker: str = "", name=None, role=None, cue="said"):
    """A mention whose spans are found in ``text`` (first occurrence)."""
    s = text.index(content)
    spans = {"content": [[s, s + len(content)]]}
    if speaker:
        k = text.index(speaker)
        spans["speaker"] = [[k, k + len(speaker)]]
    if cue and cue in text:
        c = text.index(cue)
        spans["cue"] = [[c, c + len(cue)]]
    return ClaimMention(text=content, speaker_name=name, speaker_role=role, **spans)


def record(doc_id: str, text: str, claims, persons=(), body=None) -> DocumentRecord:
    ents = [Entity(text.index(p), text.index(p) + len(p), p, "PERSON") for p in persons]
    return DocumentRecord(doc_id, doc_id, text, claims=list(claims), entities=ents, body=body or [])


def names(resolution) -> dict[tuple[str, int], str]:
    return {k: sp.name for k, sp in resolution.assignment.items()}


# -- people ---------------------------------------------------------------------------------


def test_two_people_called_johnson_stay_apart_and_context_picks_the_right_one():
    a = "Prime Minister Boris Johnson said taxes will fall."
    b = "House Speaker Mike Johnson said the vote is on. Nancy Pelosi disagreed."
    c = "Johnson said the vote will pass. Nancy Pelosi was not convinced."
    d = "Johnson said the economy is strong."
    e = "Johnson said it was a good day."
    res = resolve_speakers(
        [
            record(
                "a",
                a,
                [
                    mention(
                        a,
                        "taxes will fall",
                        "Prime Minister Boris Johnson",
                        "Boris Johnson",
                        "Prime Minister",
                    )
                ],
                ["Boris Johnson"],
            ),
            record(
                "b",
                b,
                [
                    mention(
                        b,
                        "the vote is on",
                        "House Speaker Mike Johnson",
                        "Mike Johnson",
                        "House Speaker",
                    )
                ],
                ["Mike Johnson", "Nancy Pelosi"],
            ),
            record(
                "c",
                c,
                [mention(c, "the vote will pass", "Johnson", "Johnson")],
                ["Johnson", "Nancy Pelosi"],
            ),
            record(
                "d",
                d,
                [mention(d, "the economy is strong", "Johnson", "Johnson", "Prime Minister")],
                ["Johnson"],
            ),
            record("e", e, [mention(e, "it was a good day", "Johnson", "Johnson")], ["Johnson"]),
        ]
    )
    got = names(res)
    assert got[("a", 0)] == "Boris Johnson"
    assert got[("b", 0)] == "Mike Johnson"
    assert got[("c", 0)] == "Mike Johnson"  # Nancy Pelosi occurs around Mike Johnson
    assert got[("d", 0)] == "Boris Johnson"  # the role says which one
    assert got[("e", 0)] == "Johnson"  # no evidence: neither of them
    people = {s.name for s in res.speakers}
    assert {"Boris Johnson", "Mike Johnson"} <= people


def test_spelling_variants_of_one_name_are_one_speaker_named_as_most_articles_do():
    texts = {
        "1": "Russian Foreign Minister Sergey Lavrov said talks were useful.",
        "2": "Sergey Lavrov said the talks were frank.",
        "3": "Foreign Minister Sergei Lavrov said NATO must stop.",
    }
    recs = [
        record(
            "1",
            texts["1"],
            [
                mention(
                    texts["1"],
                    "talks were useful",
                    "Russian Foreign Minister Sergey Lavrov",
                    "Sergey Lavrov",
                    "Russian Foreign Minister",
                )
            ],
        ),
        record(
            "2",
            texts["2"],
            [mention(texts["2"], "the talks were frank", "Sergey Lavrov", "Sergey Lavrov")],
        ),
        record(
            "3",
            texts["3"],
            [
                mention(
                    texts["3"], "NATO must stop", "Foreign Minister Sergei Lavrov", "Sergei Lavrov"
                )
            ],
        ),
    ]
    res = resolve_speakers(recs)
    assert set(names(res).values()) == {"Sergey Lavrov"}
    lavrov = next(s for s in res.speakers if s.name == "Sergey Lavrov")
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= lavrov.aliases
    assert lavrov.roles == {"Russian Foreign Minister"}
    assert lavrov.affiliation == "Russia"


def test_a_mistranslated_name_in_the_article_becomes_an_alias():
    t = "The US Secretary of State, Antony Blink, spoke. Blinken said war must be avoided."
    u = "US Secretary of State Antony Blinken said the path is open."
    recs = [
        record(
            "t",
            t,
            [mention(t, "war must be avoided", "Blinken", "Blinken")],
            ["Antony Blink", "Blinken"],
        ),
        record(
            "u",
            u,
            [
                mention(
                    u,
                    "the path is open",
                    "US Secretary of State Antony Blinken",
                    "Antony Blinken",
                    "US Secretary of State",
                )
            ],
            ["Antony Blinken"],
        ),
    ]
    kg = build_graph(recs)
    sid = kg.find_speaker("Antony Blink")
    assert sid and kg.node(sid)["name"] == "Antony Blinken"
    assert kg.find_speaker("Secretary Blinken") == sid


def test_a_role_resolves_in_the_article_then_across_articles():
    t = "US Secretary of State Antony Blinken said the path is open."
    u = "“Diplomacy is best,” the Secretary of State told reporters."
    v = "Lavrov spoke. The Russian leader stressed the situation is tense."
    w = "Russian Foreign Minister Sergey Lavrov said NATO must stop."
    res = resolve_speakers(
        [
            record(
                "t",
                t,
                [
                    mention(
                        t,
                        "the path is open",
                        "US Secretary of State Antony Blinken",
                        "Antony Blinken",
                        "US Secretary of State",
                    )
                ],
            ),
            record(
                "u",
                u,
                [mention(u, "Diplomacy is best", "the Secretary of State", "State", cue="told")],
            ),
            record(
                "v",
                v,
                [
                    mention(v, "Lavrov spoke", "Lavrov", "Lavrov", cue=""),
                    mention(
                        v, "the situation is tense", "The Russian leader", "Russian", cue="stressed"
                    ),
                ],
            ),
            record(
                "w",
                w,
                [
                    mention(
                        w,
                        "NATO must stop",
                        "Russian Foreign Minister Sergey Lavrov",
                        "Sergey Lavrov",
                        "Russian Foreign Minister",
                    )
                ],
            ),
        ]
    )
    got = names(res)
    assert got[("u", 0)] == "Antony Blinken"
    assert got[("v", 1)] == "Sergey Lavrov"


# -- governments, organisations, anonymous sources ----------------------------------------


@pytest.mark.parametrize(
    ("surface", "name", "expected", "type_"),
    [
        ("Washington", "Washington", "United States", "government"),
        ("the US", "US", "United States", "government"),
        ("the Biden administration", "Joe Biden", "United States", "government"),
        ("Moscow", "Moscow", "Russia", "government"),
        ("the Kremlin", "Kremlin", "Russia", "government"),
        ("The Russian foreign ministry", "Russian", "Russian Foreign Ministry", "organisation"),
        ("Romania's foreign ministry", "Romania", "Romanian Foreign Ministry", "organisation"),
        ("the State Department", "State Department", "US State Department", "organisation"),
        (
            "a statement by the Russian Foreign Ministry",
            None,
            "Russian Foreign Ministry",
            "organisation",
        ),
        ("US officials", "US", "US officials", "anonymous"),
        ("Ukrainian officials and NATO", "Ukrainian", "Ukrainian officials", "anonymous"),
        ("NATO", "NATO", "NATO", "organisation"),
        # every UN member state is in graph/data/countries.tsv, not only those of one story
        ("N'Djamena", "N'Djamena", "Chad", "government"),
        ("Abu Dhabi", "Abu Dhabi", "United Arab Emirates", "government"),
        ("the Palestinian Authority", "Palestinian Authority", "Palestine", "government"),
        ("Chilean officials", "Chilean", "Chilean officials", "anonymous"),
    ],
)
def test_metonyms_organisations_and_anonymous_sources(surface, name, expected, type_):
    text = f"{surface} said the talks had failed."
    res = resolve_speakers(
        [record("x", text, [mention(text, "the talks had failed", surface, name)])]
    )
    sp = res.assignment[("x", 0)]
    assert (sp.name, sp.type) == (expected, type_)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("the “serious consequences“that", None),
        ("its core concern", None),
        ("it", "Transatlantic"),
        ("they", "Russian"),
        ("that", None),
        ("", "Ukrainian"),
        ("\nand the rest", None),  # an "and" that joins nothing (a line break before it)
    ],
)
def test_spans_that_name_no_one_are_not_speakers(surface, name):
    text = f"Earlier, {surface} announced the drills would go ahead."
    res = resolve_speakers(
        [
            record(
                "x",
                text,
                [mention(text, "the drills would go ahead", surface, name, cue="announced")],
            )
        ]
    )
    assert res.assignment == {}
    assert len(res.dropped) == 1


def test_an_invalid_name_falls_back_to_the_speaker_of_the_same_words_earlier():
    t = "“We ask Russia to respect Ukraine,” said the Secretary of State. “No war,” he added."
    u = "US Secretary of State Antony Blinken said the path is open."
    res = resolve_speakers(
        [
            record(
                "t",
                t,
                [
                    mention(
                        t, "We ask Russia to respect Ukraine", "the Secretary of State", "State"
                    ),
                    mention(t, "No war", "", "State", cue="added"),
                ],
            ),
            record(
                "u",
                u,
                [
                    mention(
                        u,
                        "the path is open",
                        "US Secretary of State Antony Blinken",
                        "Antony Blinken",
                        "US Secretary of State",
                    )
                ],
            ),
        ]
    )
    assert names(res)[("t", 1)] == "Antony Blinken"


def test_a_spokesman_relays_his_principal():
    t = (
        "“He underscored that diplomacy works,” State Department spokesman Ned Price said. "
        "“Secretary Blinken reiterated our concerns,” said Price. Antony Blinken spoke."
    )
    m1 = mention(
        t,
        "He underscored that diplomacy works",
        "State Department spokesman Ned Price",
        "Antony Blinken",
        "State Department spokesman",
    )
    m1.relayed_by = "Ned Price"
    m2 = mention(t, "Secretary Blinken reiterated our concerns", "Price", "Ned Price")
    m2.kind = m1.kind = "direct"
    kg = build_graph([record("t", t, [m1, m2], ["Ned Price", "Antony Blinken"])])
    blinken, price = kg.find_speaker("Antony Blinken"), kg.find_speaker("Ned Price")
    assert kg.G.has_edge(price, blinken, key="relays")
    assert kg.node(price)["roles"] == ["State Department spokesman"]
    relayed = [m for m in kg.nodes("mention") if m["relayed_by"] == "Ned Price"]
    assert len(relayed) == 2 and all(m["speaker"] == blinken for m in relayed)


def test_an_organisation_relays_the_claim_it_reports():
    t = (
        "US Secretary of State Antony Blinken told Lavrov that the crisis could be resolved, "
        "according to the State Department. “He noted our concerns,” the State Department said."
    )
    m1 = mention(
        t,
        "that the crisis could be resolved",
        "US Secretary of State Antony Blinken",
        "Antony Blinken",
        "US Secretary of State",
        cue="told",
    )
    m1.relayed_by = "State Department"
    m2 = mention(t, "He noted our concerns", "the State Department", "State Department")
    m1.kind, m2.kind = "indirect", "direct"
    kg = build_graph([record("t", t, [m1, m2], ["Antony Blinken"])])
    blinken, dept = kg.find_speaker("Antony Blinken"), kg.find_speaker("State Department")
    assert kg.node(dept)["name"] == "US State Department"
    assert kg.node(dept)["type"] == "organisation"
    assert kg.G.has_edge(dept, blinken, key="relays")
    assert kg.node(blinken)["roles"] == ["US Secretary of State"]
    assert kg.node(dept)["roles"] == []
    by_text = {m["exact"]: m for m in kg.nodes("mention")}
    assert by_text["that the crisis could be resolved"]["speaker"] == blinken
    assert by_text["that the crisis could be resolved"]["relayed_by"] == "US State Department"
    # the organisation's own statement stays its own: no spokesman quoting his principal
    assert by_text["He noted our concerns"]["speaker"] == dept


def test_text_outside_the_body_is_a_commenters_never_a_news_speakers():
    t = "Lavrov said Russia wants peace.\n\nReader: great that the focus seems to be no conflict"
    body = [[0, 31]]
    comment = mention(t, "great that the focus seems to be no conflict", "", "Sergei Lavrov")
    res = resolve_speakers([record("t", t, [comment], ["Lavrov"], body=body)])
    assert res.assignment[("t", 0)].name == COMMENTER
    assert res.assignment[("t", 0)].type == "anonymous"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("the US Secretary of State", "US Secretary of State"),
        ("State Department spokesman", "State Department spokesman"),
        ("however", None),
        ("The", None),
        ("No conflict”", None),
        ("disaster for Russia' -", None),
        (None, None),
    ],
)
def test_roles_are_kept_clean(role, expected):
    assert clean_role(role) == expected


# -- known entities -------------------------------------------------------------------------


def test_known_entities_seed_resolution_and_give_same_as(tmp_path):
    csv_file = tmp_path / "entities.csv"
    csv_file.write_text(
        "name,aliases,type,id\n"
        "Antony Blinken,Tony Blinken|the Secretary,person,http://www.wikidata.org/entity/Q7519\n"
        "Russia,the Kremlin|Moscow,government,\n",
        encoding="utf-8",
    )
    known = load_known_entities(csv_file)
    assert known[0] == KnownEntity(
        "Antony Blinken",
        ("Tony Blinken", "the Secretary"),
        "person",
        "http://www.wikidata.org/entity/Q7519",
    )
    t = "Tony Blinken said the door is open. The Kremlin said no."
    recs = [
        record(
            "t",
            t,
            [
                mention(t, "the door is open", "Tony Blinken", "Tony Blinken"),
                mention(t, "no", "The Kremlin", "Kremlin"),
            ],
        )
    ]
    kg = build_graph(recs, known_entities=known)
    sid = kg.find_speaker("Tony Blinken")
    assert kg.node(sid)["name"] == "Antony Blinken"
    assert kg.node(sid)["same_as"] == "http://www.wikidata.org/entity/Q7519"
    assert kg.node(kg.find_speaker("the Kremlin"))["name"] == "Russia"

    json_file = tmp_path / "entities.json"
    json_file.write_text(
        json.dumps([{"name": "NATO", "aliases": ["the Alliance"], "type": "organisation"}]),
        encoding="utf-8",
    )
    assert load_known_entities(json_file) == [
        KnownEntity("NATO", ("the Alliance",), "organisation")
    ]


def test_an_entity_file_without_names_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"aliases": ["x"]}]), encoding="utf-8")
    with pytest.raises(InputError, match="no 'name'"):
        load_known_entities(bad)


# -- what kind of speaker ---------------------------------------------------------------------


def _typed(text: str, speaker: str, content: str, entities) -> tuple[str, str]:
    rec = record("t", text, [mention(text, content, speaker)])
    rec.entities = [
        Entity(text.index(t), text.index(t) + len(t), t, label) for t, label in entities
    ]
    (sp,) = resolve_speakers([rec]).assignment.values()
    return sp.name, sp.type


def test_a_speaker_the_tagger_knows_as_an_organisation_is_one():
    text = "Unilever said sales had risen by a tenth."
    assert _typed(text, "Unilever", "sales had risen by a tenth", [("Unilever", "ORG")]) == (
        "Unilever",
        "organisation",
    )


def test_names_ending_in_an_organisation_word_are_no_people():
    text = "Menatep Group said the sale was illegal."
    assert _typed(text, "Menatep Group", "the sale was illegal", []) == (
        "Menatep Group",
        "organisation",
    )


def test_people_stay_people_when_the_tagger_says_organisation():
    a = "Rachel Lomax said inflation was under control."
    b = "Ms Lomax said rates would stay put."  # an honorific makes a person
    c = "Rachel Lomax spoke first. Lomax said growth was strong."  # a surname of the article
    recs = [
        record(
            "a", a, [mention(a, "inflation was under control", "Rachel Lomax")], ["Rachel Lomax"]
        ),
        record("b", b, [mention(b, "rates would stay put", "Ms Lomax")]),
        record("c", c, [mention(c, "growth was strong", "Lomax")], ["Rachel Lomax"]),
    ]
    recs[1].entities = [Entity(0, 8, "Ms Lomax", "ORG")]
    recs[2].entities.append(Entity(26, 31, "Lomax", "ORG"))
    res = resolve_speakers(recs)
    assert {(sp.name, sp.type) for sp in res.assignment.values()} == {("Rachel Lomax", "person")}
    assert len(res.assignment) == 3


def test_honorifics_and_dangling_words_are_no_roles():
    assert clean_role("Mr") is None and clean_role("Mrs") is None
    assert clean_role("spokeswoman for the") == "spokeswoman"
    assert clean_role("Chief Executive of") == "Chief Executive"


@pytest.mark.parametrize(
    ("speaker", "name", "role"),
    [
        (
            "Kurt Barnard, president of Barnard's Retail Consulting Group",
            "Kurt Barnard",
            "president of Barnard's Retail Consulting Group",
        ),
        ("Nigel McCune from the Musicians' Union", "Nigel McCune", None),
    ],
)
def test_a_name_in_apposition_is_the_person_not_the_organisation(speaker, name, role):
    text = f"{speaker} said prices would rise."
    res = resolve_speakers([record("t", text, [mention(text, "prices would rise", speaker)])])
    (sp,) = res.assignment.values()
    assert (sp.name, sp.type) == (name, "person")
    assert sorted(sp.roles) == ([role] if role else [])


# -- names, honorifics, generations, roles beside names, datelines -----------------------------


def _resolve(*docs):
    return names(resolve_speakers([record(*d) for d in docs]))


def test_an_honorific_must_agree_with_the_person_a_surname_names():
    text = (
        "Bill Clinton and Hillary Clinton arrived. Mrs. Clinton said the plan works. "
        "Mr. Clinton said it was late."
    )
    got = _resolve(
        (
            "a",
            text,
            [
                mention(text, "the plan works", "Mrs. Clinton", "Clinton"),
                mention(text, "it was late", "Mr. Clinton", "Clinton"),
            ],
            ["Bill Clinton", "Hillary Clinton"],
        )
    )
    assert got == {("a", 0): "Hillary Clinton", ("a", 1): "Bill Clinton"}


def test_a_bare_surname_is_the_person_of_that_name_in_its_article():
    a = "Donald Trump spoke in Ohio. Trump said the economy is strong."
    b = "Hillary Clinton spoke in Iowa. Clinton said the economy is weak."
    got = _resolve(
        ("a", a, [mention(a, "the economy is strong", "Trump", "Trump")], ["Donald Trump"]),
        ("b", b, [mention(b, "the economy is weak", "Clinton", "Clinton")], ["Hillary Clinton"]),
    )
    assert got == {("a", 0): "Donald Trump", ("b", 0): "Hillary Clinton"}


def test_a_son_of_the_same_name_is_another_person():
    a = "Donald Trump said the rally was huge."
    b = "Donald Trump Jr. said the meeting was short."
    res = resolve_speakers(
        [
            record("a", a, [mention(a, "the rally was huge", "Donald Trump")], ["Donald Trump"]),
            record(
                "b",
                b,
                [mention(b, "the meeting was short", "Donald Trump Jr.")],
                ["Donald Trump Jr."],
            ),
        ]
    )
    got = names(res)
    assert got == {("a", 0): "Donald Trump", ("b", 0): "Donald Trump Jr."}
    father = next(s for s in res.speakers if s.name == "Donald Trump")
    assert not any("Jr" in alias for alias in father.aliases)


def test_a_role_belongs_to_the_name_beside_it_not_to_a_possessor():
    text = "Trump's campaign manager Kellyanne Conway said the polls were wrong."
    res = resolve_speakers(
        [
            record(
                "a",
                text,
                [
                    mention(
                        text, "the polls were wrong", "Trump's campaign manager Kellyanne Conway"
                    )
                ],
                ["Trump", "Kellyanne Conway"],
            )
        ]
    )
    assert names(res) == {("a", 0): "Kellyanne Conway"}
    assert "Trump" not in {s.name for s in res.speakers}


@pytest.mark.parametrize(
    "speaker, person",
    [
        ("Lohan lawyer Mark Heller", "Mark Heller"),
        ("U.S. Attorney James Kennedy Jr.", "James Kennedy Jr."),
        ("Red Sox owner John Henry", "John Henry"),
        ("Lohan's attorney, Shawn Holley", "Shawn Holley"),
    ],
)
def test_the_person_named_in_a_speaker_phrase_is_the_speaker(speaker, person):
    text = f"{speaker} said the case was closed."
    got = _resolve(("a", text, [mention(text, "the case was closed", speaker)], [person]))
    assert got == {("a", 0): person}


def test_a_dateline_never_speaks():
    text = "BERLIN (AP) — Germany will send aid, officials said on Monday."
    claim = ClaimMention(
        content=[[text.index("Germany"), text.index(",")]], speaker=[[0, 6]], text="Germany will"
    )
    rec = DocumentRecord("a", "a", text, claims=[claim], dateline="BERLIN (AP)")
    assert resolve_speakers([rec]).assignment == {}


def test_her_rep_is_the_person_the_story_names_as_her_rep():
    # ECB+ 1_3ecb, 1_10ecb (CC BY 3.0): one article names the rep, another only says "her rep".
    a = "Tara Reid has checked into rehab, according to her publicist, Jack Ketsoyan."
    b = "Tara Reid checked herself into Promises Treatment Center, her rep told People."
    res = resolve_speakers(
        [
            record(
                "a",
                a,
                [mention(a, "Tara Reid has checked into rehab", "her publicist, Jack Ketsoyan")],
                ["Tara Reid", "Jack Ketsoyan"],
            ),
            record(
                "b",
                b,
                [
                    mention(
                        b,
                        "Tara Reid checked herself into Promises Treatment Center",
                        "her rep",
                        cue="told",
                    )
                ],
                ["Tara Reid"],
            ),
        ],
        stories={"a": "s", "b": "s"},
    )
    assert names(res) == {("a", 0): "Jack Ketsoyan", ("b", 0): "Jack Ketsoyan"}


def test_unnamed_police_are_one_speaker_per_story_and_the_named_force_where_there_is_one():
    a = "A man was shot on Friday, police said."
    b = "The gunman fled, police said."
    c = "Vancouver Police said a man was charged. Police said he was 61."
    d = "A boat sank, police said."
    recs = [
        record("a", a, [mention(a, "A man was shot on Friday", "police")]),
        record("b", b, [mention(b, "The gunman fled", "police")]),
        record(
            "c",
            c,
            [
                mention(c, "a man was charged", "Vancouver Police"),
                mention(c, "he was 61", "Police"),
            ],
        ),
        record("d", d, [mention(d, "A boat sank", "police")]),
    ]
    recs[2].entities.append(Entity(0, 16, "Vancouver Police", "ORG"))
    res = resolve_speakers(recs, stories={"a": "s", "b": "s", "c": "t", "d": "u"})
    keys = {k: sp.key for k, sp in res.assignment.items()}
    assert keys[("a", 0)] == keys[("b", 0)]
    assert keys[("a", 0)] != keys[("d", 0)]
    assert res.assignment[("c", 1)].name == "Vancouver Police" == res.assignment[("c", 0)].name
    assert res.assignment[("a", 0)].name == "police"


def test_an_acronym_meets_its_full_name_inside_a_story():
    a = "The Hollywood Reporter says the director is in talks."
    b = "THR is reporting that the talks are tense."
    recs = [
        record(
            "a", a, [mention(a, "the director is in talks", "The Hollywood Reporter", cue="says")]
        ),
        record("b", b, [mention(b, "the talks are tense", "THR", cue="reporting")]),
    ]
    recs[0].entities.append(Entity(0, 22, "The Hollywood Reporter", "ORG"))
    recs[1].entities.append(Entity(0, 3, "THR", "ORG"))
    res = resolve_speakers(recs, stories={"a": "s", "b": "s"})
    assert res.assignment[("a", 0)] is res.assignment[("b", 0)]
