"""Consistency checks: short articles that contradict themselves, and articles that do not."""

from __future__ import annotations

import json

import pytest

from conftest import NEWS_GOLD, need
from hearsay.components.checks import check_couples, value_range

PUBLISHED = "2024-05-01"


def conflicts(ledger) -> list:
    return [c for c in ledger.checks if c.status == "conflict"]


@pytest.mark.parametrize(
    "kind, text",
    [
        ("age_vs_birth", "Jane Doe, 42, was born March 9, 1990, in Ohio. She runs a bakery in Dayton."),
        ("age_vs_birth", "Born March 9, 1990, Jane Doe, 42, runs a bakery in Dayton."),
        # every way a story states an age feeds the check: a birthday reached, parentheses,
        # a compound adjective, a relative clause
        ("age_vs_birth", "Jane Doe turned 42 in March. She was born on June 2, 1990, in Ohio."),
        ("age_vs_birth", "Jane Doe, who turned 42 on Sunday, was born in 1990 in Ohio."),
        ("age_vs_birth", "Jane Doe (42) was born in 1990 in Ohio."),
        ("age_vs_birth", "The 42-year-old Jane Doe was born in 1990 in Ohio."),
        ("anniversary_vs_wedding",
         "Anna Berg and Tom Berg married in 2010 in Denver. The couple celebrated their 10th anniversary last week."),
        ("age", "Mark Lee, 35, opened the bakery in 2010. His customers are loyal. Lee, 41, said business was steady."),
        ("anniversary_vs_wedding",
         "On June 1, 2022, Anna Berg and Tom Berg celebrated their 10th wedding anniversary. "
         "The couple married in 2014 in Denver."),
        ("wedding_vs_meeting", "Anna Berg and Tom Berg first met in 2015 at a concert. They married in 2011 in Denver."),
        ("child_vs_meeting",
         "Anna Berg, 40, and Tom Berg, 42, first met in 2015 at a concert. "
         "The couple lives in Denver with their kids Lily, 14, and Max, 9."),
        ("parent_vs_child_age",
         "Gary Lindqvist, 22, spent the winter rewiring the property with his son, Evan, 26."),
        ("event_order", "Sara Kim joined Acme in 2019, after graduating from Yale in 2021. She now leads its design team."),
        ("event_order", "In 2018, Sara Kim moved to Boston. Three years later, in 2016, she opened a shop on Newbury Street."),
        ("event_order", "In 2018, Sara Kim joined Acme. She then moved to Boston in 2016 to open a studio."),
    ],
)
def test_contradiction_is_flagged_with_refs(analyze, kind, text):
    ledger = analyze(text, published=PUBLISHED)
    found = [c for c in conflicts(ledger) if c.kind == kind]
    assert len(found) == 1, [c.message for c in ledger.checks]
    known = {x.id for x in ledger.entities} | {x.id for x in ledger.times} | {x.id for x in ledger.claims} | {x.id for x in ledger.relations}
    assert found[0].refs and set(found[0].refs) <= known
    assert found[0].message


def test_child_older_than_the_meeting_is_named(analyze):
    ledger = analyze(
        "Anna Berg, 40, and Tom Berg, 42, first met in 2015 at a concert. "
        "The couple lives in Denver with their kids Lily, 14, and Max, 9.",
        published=PUBLISHED,
    )
    (conflict,) = conflicts(ledger)
    lily = next(e.id for e in ledger.entities if e.name == "Lily")
    max_ = next(e.id for e in ledger.entities if e.name == "Max")
    assert lily in conflict.refs and max_ not in conflict.refs


@pytest.mark.parametrize(
    "text",
    [
        # consistent versions of the articles above
        "Jane Doe, 34, was born March 9, 1990, in Ohio. She runs a bakery in Dayton.",
        "Anna Berg and Tom Berg first met in 2009 at a concert. They married in 2011 in Denver.",
        "Sara Kim joined Acme in 2021, after graduating from Yale in 2019. She now leads its design team.",
        "In 2014, Sara Kim moved to Boston. Three years later, in 2017, she opened a shop on Newbury Street.",
        "In 2014, Sara Kim joined Acme. She then moved to Boston in 2016 to open a studio.",
        # a child's birth date is not the parent's
        "Chelsea Clinton, 35, spoke of her first child, a girl born Sept. 26, 2014, on Monday.",
        # the date of an embedded clause is not the date of the main one
        "The firm, founded in 2010, collapsed in 2020 after its chief executive left in 2015.",
        # past perfect steps back in time: "then" states no order here
        "In 2020, Sara Kim founded Acme. She had then worked in Boston in 2012 for a rival.",
        # a birthday reached in an earlier year says nothing of today's age; one still to come
        # is not reached; "turned over" a number of things is no birthday
        "Jane Doe turned 40 in 2019. She was born in 1979 in Ohio.",
        "Jane Doe turned 40 last year. She was born in 1983 in Ohio.",
        "Jane Doe turns 40 next week. She was born in 1984 in Ohio.",
        "Jane Doe turned over 40 documents to police. She was born in 1990 in Ohio.",
        "Jane Doe turned 34 in March. She was born in 1990 in Ohio.",
        # a child born before the wedding is no contradiction
        "Anna Berg, 40, and Tom Berg, 42, married in 2020. They live in Denver with their son, Max, 9.",
    ],
)
def test_consistent_facts_give_no_conflict(analyze, text):
    assert conflicts(analyze(text, published=PUBLISHED)) == []


def test_consistent_facts_worth_confirming_give_ok(analyze):
    ledger = analyze("Jane Doe, 34, was born March 9, 1990, in Ohio. She runs a bakery in Dayton.", published=PUBLISHED)
    assert [c.kind for c in ledger.checks] == ["age_vs_birth"] and ledger.checks[0].status == "ok"
    ledger = analyze("Anna Berg and Tom Berg first met in 2009 at a concert. They married in 2011 in Denver.", published=PUBLISHED)
    assert [(c.kind, c.status) for c in ledger.checks] == [("wedding_vs_meeting", "ok")]


def test_anniversary_agreeing_with_the_wedding_is_confirmed(analyze):
    ledger = analyze(
        "On June 1, 2022, Anna Berg and Tom Berg celebrated their 10th wedding anniversary. "
        "The couple married in 2012 in Denver.",
        published=PUBLISHED,
    )
    assert [(c.kind, c.status) for c in ledger.checks] == [("anniversary_vs_wedding", "ok")]


def test_plain_ages_and_dates_give_no_checks_at_all(analyze):
    ledger = analyze(
        "Darnell Pryce, 31, and Kevin Lusk, 27, were arrested Sunday. They return to court April 24.",
        published="2025-04-15",
    )
    assert ledger.checks == []


def test_seed_has_no_conflict_and_few_ok_checks(seed_ledger):
    assert conflicts(seed_ledger) == []
    kinds = sorted(c.kind for c in seed_ledger.checks)
    assert kinds == ["child_vs_meeting", "wedding_vs_meeting"]


def test_news_gold_has_no_false_conflict(analyze):
    gold_dir = need(NEWS_GOLD)
    for article in sorted((gold_dir / "articles").glob("*.txt")):
        gold = json.loads((gold_dir / "gold" / f"{article.stem}.json").read_text(encoding="utf-8"))
        ledger = analyze(article.read_text(encoding="utf-8"), published=gold["published"])
        assert len(conflicts(ledger)) <= len(gold["inconsistencies"]), (article.name, [c.message for c in ledger.checks])


def test_couple_checks_on_hand_built_records():
    people = [
        {"id": "E1", "name": "Ann Cole", "age": 40, "born": None},
        {"id": "E2", "name": "Ben Cole", "age": 42, "born": None},
        {"id": "E3", "name": "Eli", "age": 12, "born": None},
    ]
    rels = [
        {"id": "R1", "type": "spouse", "a": "E1", "b": "E2", "since": "2012-08-04", "claims": ["C1"],
         "dates": [{"value": "2012-08-04", "time": "T2", "how": "anniversary"}, {"value": "2013", "time": "T4", "how": "stated"}]},
        {"id": "R2", "type": "met", "a": "E1", "b": "E2", "since": "2009", "claims": ["C2"], "dates": [{"value": "2009", "time": "T3", "how": "stated"}]},
        {"id": "R3", "type": "child", "a": "E3", "b": "E1", "claims": []},
        {"id": "R4", "type": "child", "a": "E3", "b": "E2", "claims": []},
    ]
    found = {(c["kind"], c["status"]) for c in check_couples(rels, people, [], "2023-08-16")}
    assert found == {("anniversary_vs_wedding", "conflict"), ("wedding_vs_meeting", "ok"), ("child_vs_meeting", "ok")}


def test_value_range():
    assert value_range("2023-02").__repr__() == "(datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))"
    assert value_range("2009")[1].isoformat() == "2009-12-31"
    assert value_range("2023-W32") is None


def test_a_malformed_upstream_record_is_a_warning_when_lenient_and_raises_when_strict(nlp, doc_upto):
    from hearsay.pipeline import run_stages

    malformed = [{"id": "E1", "ages": [{"value": 3, "start": 0, "end": 1}, {"value": 4, "start": 2, "end": 3}]}]
    doc = doc_upto("Anna Berg married Tom Hale in 2015.", "hearsay_claims", published=PUBLISHED)
    doc._.hearsay_entities = malformed
    doc = run_stages(nlp, doc, "lenient", start="hearsay_relations")
    assert not doc._.hearsay_checks
    assert any(w.startswith("stage hearsay_checks failed") for w in doc._.hearsay_warnings)
    assert doc._.hearsay_summary is not None   # the stage after the failure still ran
    doc = doc_upto("Anna Berg married Tom Hale in 2015.", "hearsay_claims", published=PUBLISHED)
    doc._.hearsay_entities = malformed
    with pytest.raises(KeyError, match="name"):   # the entity record lacks its name
        run_stages(nlp, doc, "strict", start="hearsay_relations")


def test_an_anniversary_owned_by_one_spouse_is_checked_against_the_wedding_year(analyze):
    text = ("Bree Calloway celebrated her tenth wedding anniversary this week with a party thrown by her husband, "
            "the architect Julian Frey.\n\nCalloway, who married Frey in {year}, thanked him in a post.")
    led = analyze(text.format(year=2017), published="2025-06-05")
    assert [(c.kind, c.status) for c in led.checks if c.kind == "anniversary_vs_wedding"] == [("anniversary_vs_wedding", "conflict")]
    led = analyze(text.format(year=2015), published="2025-06-05")
    assert [(c.kind, c.status) for c in led.checks if c.kind == "anniversary_vs_wedding"] == [("anniversary_vs_wedding", "ok")]


def test_a_bare_anniversary_of_a_married_couple_is_checked_against_the_wedding(analyze):
    """"marked their fifth anniversary": once the story says they married, a bare anniversary is
    the wedding's, dated from its own clause (not the relative clause's year)."""
    ledger = analyze("Emily Carter, who married James Wilson in 2016, marked their fifth anniversary this week.",
                     published="2025-06-01")
    found = [c for c in conflicts(ledger) if c.kind == "anniversary_vs_wedding"]
    assert len(found) == 1 and "2020" in found[0].message
    fine = analyze("Emily Carter and James Wilson married in 2016. This week the couple marked their ninth anniversary.",
                   published="2025-06-01")
    assert conflicts(fine) == []
    assert conflicts(analyze("Acme Corp. celebrated its 50th anniversary this week.", published="2025-06-01")) == []
