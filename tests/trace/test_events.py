"""Event-level claim matching: participants, nominalized acts and back-references."""

from helpers import unit as _unit

from hearsay.trace.matching import SAME_CLAIM, cluster_units, event_similarity, resolve_back_references
from hearsay.trace.words import TermWeights, content_terms


def _weights(units):
    return TermWeights([u.terms for u in units] + [frozenset(content_terms(t)) for t in (
        "the council approved the budget", "the mayor said the road is open", "the team won the game")])


def test_nominalization_reads_as_its_verb():
    assert set(content_terms("the sale of the plant")) & set(content_terms("plans to sell the plant")) >= {"sell"}
    assert "ask" in set(content_terms("made the request")) & set(content_terms("has asked"))


def test_short_restatement_matches_on_the_same_act_by_the_same_person():
    long = _unit("Dana Quill has asked the Otters to release her before the deadline", {"Dana Quill", "Otters"})
    short = _unit("Quill has asked out.", {"Dana Quill"}, article="a2")
    w = _weights([long, short])
    assert event_similarity(long, short, w) >= SAME_CLAIM


def test_no_common_participant_no_event_match():
    a = _unit("The union has asked the company for a meeting", {"Local 12"})
    b = _unit("The county has asked the state for a response team", {"Orly County"}, article="a2")
    assert event_similarity(a, b, _weights([a, b])) == 0.0


def test_support_verb_back_reference_retells_the_act():
    text = "Dana Quill has asked the Otters to release her. She made the request in person to the owner."
    first = _unit("Dana Quill has asked the Otters to release her", {"Dana Quill"}, claim="C1")
    second = _unit("She made the request in person to the owner", (), start=text.index("She"), claim="C2")
    resolve_back_references([first, second])
    assert second.retells is first
    assert "Dana Quill" in second.entities


def test_back_reference_that_says_something_new_keeps_its_own_claim():
    first = _unit("Brill Foods will close its bakery in Orly", {"Brill Foods"}, claim="C1")
    second = _unit("the closure would eliminate 90 jobs", (), start=60, claim="C2")
    resolve_back_references([first, second])
    assert second.retells is None
    assert second.entities == {"Brill Foods"}  # about the company that closes


def test_article_that_tells_a_claim_in_two_clauses_counts_once():
    """Two clauses of one article that re-tell one act join a cascade as one article."""
    a1 = _unit("Dana Quill has asked the Otters to release her before the deadline", {"Dana Quill"}, "a1", claim="C1")
    a2 = _unit("She delivered the request in person to the owner Ivo Brandt", {"Ivo Brandt"}, "a1", start=80, claim="C2")
    b1 = _unit("Dana Quill has asked the Otters to release her", {"Dana Quill"}, "b", claim="C1")
    c1 = _unit("Otters guard Dana Quill has requested a release", {"Dana Quill"}, "c", claim="C1")
    c2 = _unit("Quill made the request to owner Ivo Brandt in person", {"Dana Quill", "Ivo Brandt"}, "c", start=60, claim="C2")
    resolve_back_references([a1, a2])
    resolve_back_references([c1, c2])
    groups = cluster_units([a1, a2, b1, c1, c2], _weights([a1, a2, b1, c1, c2]))
    assert len(groups) == 1 and len(groups[0]) == 5


def test_conditional_claims_are_not_matched():
    from hearsay.trace.matching import is_conditional

    assert is_conditional("If Dana Quill has really asked out, the Otters must move fast")
    assert is_conditional("“Unless the plant closes, nothing changes”".replace("“", ""))
    assert not is_conditional("Dana Quill has asked out")


def test_stopped_talking_is_a_negated_restatement():
    from hearsay.trace.words import is_negated

    a = _unit("he and Ivo Brandt stopped talking to each other two weeks ago", {"Dana Quill", "Ivo Brandt"})
    b = _unit("The two have not spoken since a heated argument", {"Dana Quill", "Ivo Brandt"}, article="a2")
    assert is_negated(a.text) and is_negated(b.text)
    assert event_similarity(a, b, _weights([a, b])) >= SAME_CLAIM


def test_denial_of_the_report_as_a_whole():
    from hearsay.trace.matching import is_report_denial

    assert is_report_denial("the original report as fiction")  # the ledger content of "described ... as fiction"
    assert is_report_denial("called the story false")
    assert not is_report_denial("the report said the plant would not close")
    assert not is_report_denial("the original report was fiction about the mayor's trip")


def test_report_denial_joins_the_claim_its_article_restates_first():
    """"Called the report fiction" in a later article denies the claim that article relays."""
    claim = _unit("Dana Quill has asked the Otters to release her", {"Dana Quill"}, "a1", claim="C1")
    relay = _unit("a report that Dana Quill had asked the Otters to release her", {"Dana Quill"}, "b", claim="C1")
    other = _unit("The Otters won again on Sunday night at home", {"Otters"}, "b", start=80, claim="C2")
    fiction = _unit("her agent called the report fiction", (), "b", start=140, claim="C3")
    fiction.report_denial = True
    fiction.negated = True
    units = [claim, relay, other, fiction]
    groups = cluster_units(units, _weights(units))
    assert len(groups) == 1 and {id(u) for u in groups[0]} == {id(claim), id(relay), id(fiction)}


def test_embedding_signal_counts_only_between_clauses_about_a_common_participant(monkeypatch):
    """The optional MiniLM signal: a close cosine without a shared participant never counts."""
    import numpy as np

    from hearsay.trace import embed
    from hearsay.trace.matching import EMBED_SAME, embedding_scores

    monkeypatch.setattr(embed, "encode", lambda texts: np.ones((len(texts), 2)) / np.sqrt(2))
    a = _unit("Dana Quill wants out", {"Dana Quill"})
    b = _unit("Dana Quill has requested a release", {"Dana Quill"}, article="a2")
    c = _unit("Ivo Brandt wants out", {"Ivo Brandt"}, article="a3")
    got = embedding_scores([a, b, c], [(0, 1), (0, 2)])
    assert set(got) == {(0, 1)} and got[(0, 1)] >= EMBED_SAME


def test_a_rounded_figure_is_the_same_figure():
    from hearsay.trace.matching import shared_terms

    a = _unit("the closure would eliminate about 280 jobs", {"Brill Foods"})
    b = _unit("lay off 284 jobs", {"Brill Foods"}, article="a2")
    assert "284" in shared_terms(b, a)
    year_a, year_b = _unit("opened the plant in 2023", ()), _unit("opened the plant in 2024", (), article="a2")
    assert not ({"2023", "2024"} & shared_terms(year_a, year_b))


def test_and_joining_two_predicates_parts_the_clauses():
    from hearsay.trace.matching import clauses

    text = "Brill Foods will permanently close its Orly bakery and lay off 284 employees"
    got = [text[lo:hi] for lo, hi in clauses(text)]
    assert got[0] == "Brill Foods will permanently close its Orly bakery"
    assert got[1].endswith("lay off 284 employees")
    one = "Dana Quill and coach Ivo Brandt have not spoken since"
    assert clauses(one) == [(0, len(one))]  # "Dana Quill" alone is too short to be a clause


def test_a_name_cut_short_is_the_longer_name_it_opens():
    from hearsay.trace.identity import EntityNames
    from helpers import ledger, row
    from hearsay.trace.items import as_items

    a = ledger("Brill & Sons Bakery Co. will close.", entities=[("E9", "ORG", "Brill & Sons Bakery Co.")])
    b = ledger("Brill & Sons said so.", entities=[("E9", "ORG", "Brill & Sons")])
    names = EntityNames(as_items([(row("a", "X", "2031-01-01", a.document.text), a), (row("b", "Y", "2031-01-02", b.document.text), b)]))
    assert names.canonical("Brill & Sons") == "Brill & Sons Bakery Co."
    assert names.known("Brill & Sons") == "Brill & Sons Bakery Co."


def test_a_source_that_does_not_say_it_makes_no_appearance():
    from hearsay.ledger import Attribution
    from hearsay.trace.matching import _negated_cue

    def attribution(cue):
        return Attribution(id="A1", source="S1", type="indirect", cue={"start": 0, "end": len(cue), "text": cue},
                           content={"start": 0, "end": 3, "text": "any"})

    assert _negated_cue(attribution("has not announced"))
    assert _negated_cue(attribution("wouldn't confirm"))
    assert not _negated_cue(attribution("denied"))  # a denial is an appearance (its stance is read apart)
    assert not _negated_cue(attribution("announced"))
