"""Roles when a claim's first telling and its repeats use other words, and when a citation
only dates an on-the-record voice's words (invented stories)."""

from __future__ import annotations

from helpers import ledger, row

from hearsay.trace import trace_corpus

ORIGIN = ("Brackwater College will scrap its theater program after the spring term, according to three "
          "staff members who asked not to be named. The college would save about $1.4 million a year.")
CITING = ("Brackwater College plans to close its theater program, the Brackwater Lantern reported Tuesday. "
          "Enrollment at the college has fallen for four years.")
CONFIRMING = ("Brackwater College President Ilse Maranne confirmed Friday that the college will close its "
              "theater program, days after the Brackwater Lantern first reported the plan.")
REPORT_CONTENT = ("The stagehands' guild said Friday it had not been consulted, after the Lantern's report "
                  "that the college will close its theater program.")
UNNAMED = ("A trustee who spoke on condition of anonymity said the college will close its theater program, "
           "days after the Brackwater Lantern first reported the plan.")


def _corpus(last: tuple[str, str, str]):
    text, kind, label = last
    span = "the college will close its theater program"
    return [
        (row("b1", "Brackwater Lantern", "2031-02-03T09:00:00Z", ORIGIN),
         ledger(ORIGIN, [("Brackwater College will scrap its theater program after the spring term", "anonymous",
                          "three staff members who asked not to be named"),
                         ("The college would save about $1.4 million a year", "anonymous",
                          "three staff members who asked not to be named")], outlet="Brackwater Lantern")),
        (row("b2", "Eastfold Times", "2031-02-04T09:00:00Z", CITING),
         ledger(CITING, [("Brackwater College plans to close its theater program", "outlet", "Brackwater Lantern")],
                outlet="Eastfold Times")),
        (row("b3", "Eastfold Public Radio", "2031-02-07T17:00:00Z", text),
         ledger(text, [(span, kind, label)], outlet="Eastfold Public Radio")),
    ]


def _program(trace):
    return next(c for c in trace.claims if any("theater program" in a.span.text for a in c.appearances))


def test_the_cited_articles_telling_in_other_words_is_the_origin():
    claim = _program(trace_corpus(_corpus((CONFIRMING, "person", "Ilse Maranne"))))
    assert claim.origin is not None
    assert (claim.origin.article, claim.origin.source.kind) == ("b1", "anonymous")
    assert {(a.article, a.role) for a in claim.appearances} >= {("b1", "origin"), ("b2", "repeat")}


def test_a_citation_that_only_dates_a_named_voice_leaves_its_confirmation():
    claim = _program(trace_corpus(_corpus((CONFIRMING, "person", "Ilse Maranne"))))
    assert claim.independent_confirmations == ["b3"]


def test_what_a_cited_report_said_still_rests_on_the_report():
    claim = _program(trace_corpus(_corpus((REPORT_CONTENT, "organization", "The stagehands' guild"))))
    assert claim.independent_confirmations == []
    assert ("b3", "repeat") in {(a.article, a.role) for a in claim.appearances}


def test_an_unnamed_voice_beside_a_dating_citation_is_still_a_repeat():
    claim = _program(trace_corpus(_corpus((UNNAMED, "anonymous", "A trustee who spoke on condition of anonymity"))))
    assert claim.independent_confirmations == []
