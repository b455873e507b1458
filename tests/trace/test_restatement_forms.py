"""Restatements the matcher must see through, and the voices and outlets they are credited to:
figures written other ways, titles capitalised on one side only, a dismissed proposition, a
bare surname on the record, an outlet's generic short form (all invented examples)."""

from __future__ import annotations

from helpers import unit

from hearsay.ledger import Source
from hearsay.trace.identity import EntityNames, OutletIndex
from hearsay.trace.items import as_items
from hearsay.trace.matching import SAME_CLAIM, is_dismissal, lexical_similarity
from hearsay.trace.roles import trace_source
from hearsay.trace.words import TermWeights, content_terms

from helpers import ledger, row


def test_a_figure_reads_as_one_number_however_it_is_written():
    assert "300" in set(content_terms("Three hundred drivers will go")) & set(content_terms("about 300 drivers"))
    money = [set(content_terms(t)) for t in ("a fee of £12 million", "twelve million pounds", "put it at £12m")]
    assert {"12000000", "million"} <= money[0] & money[1] & money[2]
    assert content_terms("$2.5 million a year")[:2] == ["2500000", "million"]
    # a unit word is a digit only before a scale word; figures without one keep their spelling
    assert "1" not in content_terms("one of the drivers said")
    assert "2,000" in content_terms("2,000 drivers") and "2022" in content_terms("since 2022")


def test_a_title_capitalised_on_one_side_only_is_content_not_a_name():
    named = unit("Deputy Governor Lia Marr will resign next month", article="a1")
    described = unit("the province's deputy governor is expected to step down", article="a2")
    weights = TermWeights([named.terms, described.terms, frozenset({"governor"}), frozenset({"month"})])
    assert lexical_similarity(named, described, weights) >= SAME_CLAIM


def test_dismissing_a_proposition_denies_its_content():
    assert is_dismissal('called the idea of moving the presses to Dunmore "plainly wrong."')
    assert is_dismissal("described the suggestion that she will quit as nonsense")
    # judging an act is an opinion of something that happens, not a denial that it does
    assert not is_dismissal("called the closure wrong")
    assert not is_dismissal("called the idea of moving the presses a good one")


def test_an_unlinked_surname_on_the_record_is_the_named_person_not_an_unnamed_voice():
    text = ("Chief executive Ilona Varga denied the report. "
            "There are no layoffs planned, Varga told the station.")
    led = ledger(text, [("Chief executive Ilona Varga denied the report", "person", "Ilona Varga"),
                        ("There are no layoffs planned", "person", "Varga")])
    led.sources[1] = Source(id="S2", kind="person", label="Varga", entity=None)
    items = as_items([(row("v1", "Station Nine", "2031-01-01T00:00:00Z", text), led)])
    names = EntityNames(items)
    u = unit("There are no layoffs planned", article="v1")
    u.item, u.source = items[0], "S2"
    src = trace_source(u, OutletIndex([], ["Station Nine"]), names)
    assert (src.kind, src.entity) == ("person", "Ilona Varga")
    u.source = "S1"
    led.sources.append(Source(id="S3", kind="person", label="Nobody Known", entity=None))
    u.source = "S3"
    assert trace_source(u, OutletIndex([], ["Station Nine"]), names).kind == "anonymous"


def test_a_generic_short_form_is_the_outlet_the_article_named_with_it():
    outlets = OutletIndex(["Post"], publishers=["The Dunmore Post", "The Elsby Post", "Ridge Radio"])
    text = "The Dunmore Post reported Monday that the mill will close. The mill employs 90, the Post said."
    found = [(m.outlet, text[m.start:m.end]) for m in outlets.mentions(text, "Ridge Radio")]
    assert found == [("The Dunmore Post", "The Dunmore Post"), ("The Dunmore Post", "the Post")]
    # with no full name before it, a generic word alone names no outlet of the corpus
    assert all(m.outlet != "The Dunmore Post" for m in outlets.mentions("The mill employs 90, the Post said.", "Ridge Radio"))


def test_article_linkage_leaves_out_an_article_that_restates_and_denies():
    """A claim's group and a second group of the same claim often share the articles that both
    restate and deny it; two clauses of one article are never compared, and counting them as
    0 kept the two groups apart. Two claims told in one article still count 0 there."""
    from hearsay.trace.matching import _article_linkage

    units = [unit("Norvik Foods will lay off about 120 packers", article="a1"),
             unit("There are no layoffs planned at Elmdale", article="a2"),
             unit("about 120 packers would lose their jobs", article="a2", claim="C2"),
             unit("Norvik was cutting 120 packers", article="a3")]
    units[1].negated = True
    sims = {(0, 2): 0.7, (0, 3): 0.7, (1, 3): 0.2}
    assert _article_linkage([0, 1], [2, 3], units, sims) == (0.7 + 0.7 + 0.2) / 3
    units[1].negated = False
    assert _article_linkage([0, 1], [2, 3], units, sims) == (0.7 + 0.7 + 0.0 + 0.2) / 4
    # two claims of opposite polarity, each as its group first told it ("the relationship has
    # soured" / "the two have not spoken"), are two claims, not a claim and its denial
    units[2].negated = units[3].negated = True
    assert _article_linkage([0, 1], [2, 3], units, sims) == (0.7 + 0.7 + 0.0 + 0.2) / 4


def test_short_words_lose_their_silent_e_like_their_longer_forms():
    from hearsay.trace.words import stem

    assert stem("move") == stem("moving") == stem("moved")
    assert stem("vote") == stem("voting") and stem("fee") == "fee"


def test_idioms_and_contract_wording_read_as_the_plain_words():
    assert "eliminat" in content_terms("the firm is getting rid of 80 drivers")
    assert {"sign", "contract"} <= set(content_terms("she put pen to paper on a two-year deal"))
    assert "contract" in set(content_terms("a two-year contract")) & set(content_terms("a two-year deal"))


def test_a_report_noun_on_this_site_is_a_self_citation_and_put_it_at_cites():
    from hearsay.trace.citations import CitationFinder
    from hearsay.trace.items import TraceItem

    outlets = OutletIndex(["Harbor Wire"], publishers=["Dune Notes", "Harbor Wire"])
    text = ("Correction: An Oct. 3 post on this site said the ferry would stop. "
            "Harbor Wire had put it at $4m.")
    item = TraceItem("d2", "Dune Notes", "2031-10-05T00:00:00Z", None, None, text, ledger(text))
    found = {(o, s.text) for o, s in CitationFinder(outlets).find(item)}
    assert ("Dune Notes", "An Oct. 3 post on this site") in found
    assert ("Harbor Wire", "Harbor Wire had put it at") in found


def test_hundreds_restates_a_figure_in_its_range():
    from hearsay.trace.matching import shared_terms

    vague = unit("the firm will cut hundreds of jobs at its Elmdale depot", article="a1")
    exact = unit("Norvik will cut about 450 jobs at its Elmdale depot", article="a2")
    other = unit("Norvik will cut about 45 jobs at its Elmdale depot", article="a3")
    assert "hundred" in shared_terms(vague, exact)
    assert "hundred" not in shared_terms(vague, other)


def test_a_month_is_content_not_a_name():
    from hearsay.trace.words import name_terms

    assert name_terms("the ward would close by June") == frozenset()
    assert "brennan" in name_terms("St. Brennan will close the ward in June")


def test_a_citation_phrase_and_a_dismissals_frame_are_not_claim_content():
    from hearsay.trace.matching import claim_units

    text = ('Harbor Wire had put it at $4m. Varga called the idea of moving the presses to Dunmore '
            '"simply wrong."')
    led = ledger(text, [("Harbor Wire had put it at $4m.", "author", None),
                        ('called the idea of moving the presses to Dunmore "simply wrong."', "person", "Ilona Varga")])
    items = as_items([(row("c1", "Dune Notes", "2031-01-01T00:00:00Z", text), led)])
    cite = text.index("Harbor Wire had put it at")
    units = claim_units(items, None, {"c1": [(cite, cite + len("Harbor Wire had put it at"))]})
    figure, dismissal = units
    assert figure.terms == {"4000000", "million"}
    assert dismissal.negated and dismissal.terms == set(content_terms("moving the presses to Dunmore"))
