"""Restatements in another wording: light-verb idioms, spelled-out numbers, bare references,
and clauses that name nobody (all invented examples)."""

from types import SimpleNamespace

from helpers import unit as _unit

from hearsay.trace.matching import SAME_CLAIM, _participants, event_similarity, is_bare_reference
from hearsay.trace.words import TermWeights, content_terms


def test_light_verb_idiom_reads_as_the_plain_verb():
    idiom = set(content_terms("They have not said a word to each other since"))
    plain = set(content_terms("The two have not spoken since"))
    assert "speak" in idiom & plain
    assert "word" not in idiom
    lose = set(content_terms("About 60 drivers would lose their jobs"))
    laid = set(content_terms("about 60 drivers would be laid off"))
    assert {"60", "eliminat"} <= lose & laid
    assert "eliminat" in content_terms("the depot lost 60 jobs")


def test_light_verb_needs_its_object_close_by():
    """Only function words (or a figure) may stand between the verb and its noun."""
    assert "speak" not in content_terms("She said the deal was her word")
    assert "eliminat" not in content_terms("the club will lose its best players and jobs fair")


def test_spelled_out_number_reads_as_its_digits():
    assert "40" in set(content_terms("Forty welders are losing their jobs")) & set(content_terms("40 welders"))
    assert "1" not in content_terms("one of the welders said")  # one to nine stay words


def test_bare_definite_noun_phrase_is_no_claim():
    assert is_bare_reference("the plan")
    assert is_bare_reference("this decision.")
    assert not is_bare_reference("the plan was approved on Friday")


def _item(text):
    return SimpleNamespace(id="a1", text=text)


def test_clause_that_names_nobody_is_about_whom_the_paragraph_named_last():
    text = ('Ana Ruiz and coach Tom Bell argued at practice, the source said. "It got loud in there. '
            'They have not said a word since."\n\nThey will meet Friday.')
    mentions = [(0, 8, "Ana Ruiz"), (19, 27, "Tom Bell")]
    clause = "They have not said a word since."
    start = text.index(clause)
    about, distant = _participants(_item(text), clause, start, start + len(clause), mentions, None)
    assert about == {"Ana Ruiz", "Tom Bell"} and distant
    # a new paragraph starts afresh: nobody named before it in its paragraph
    later = text.index("They will meet")
    about, _ = _participants(_item(text), "They will meet Friday.", later, len(text), mentions, None)
    assert about == frozenset()


def test_one_word_clause_with_distant_participants_needs_all_of_them():
    thin = _unit("They have not said a word since.", {"Ana Ruiz", "Tom Bell"}, article="a1")
    thin.distant_entities = True
    same = _unit("Ana Ruiz and coach Tom Bell have not spoken since the argument", {"Ana Ruiz", "Tom Bell"}, article="a2")
    other = _unit("Ruiz has not spoken with any other club about a transfer", {"Ana Ruiz"}, article="a3")
    w = TermWeights([u.terms for u in (thin, same, other)] + [frozenset(content_terms("the team won the game"))])
    assert event_similarity(thin, same, w) >= SAME_CLAIM
    assert event_similarity(thin, other, w) == 0.0
    thin.distant_entities = False  # named in the sentence before: the ordinary event match
    assert event_similarity(thin, other, w) > 0.0


def test_told_a_short_form_of_the_publishers_own_name_is_its_channel():
    from hearsay.trace.citations import CitationFinder
    from hearsay.trace.identity import OutletIndex

    text = "The mayor denied it. \"There is no deal,\" she told Channel 9. She told the Harbor Post the same."
    finder = CitationFinder(OutletIndex(["Channel 9", "Harbor Post"], publishers=["WQRS Channel 9"]))
    found = finder.find(SimpleNamespace(text=text, outlet="WQRS Channel 9"))
    assert [(outlet, span.text) for outlet, span in found] == [("Harbor Post", "told the Harbor Post")]


def test_possessive_name_cut_short_is_the_full_name():
    from hearsay.trace.identity import EntityNames

    def item(*names):
        return SimpleNamespace(ledger=SimpleNamespace(entities=[SimpleNamespace(type="ORG", name=n) for n in names]))

    names = EntityNames([item("St. Lucan’s Harbour Hospital"), item("St. Lucan's Harbour Hospital", "St. Lucan")])
    assert names.canonical("St. Lucan") == names.canonical("St. Lucan's Harbour Hospital") == "St. Lucan's Harbour Hospital"
    assert names.canonical("St. Lucan’s Harbour Hospital") == "St. Lucan's Harbour Hospital"


def test_what_a_report_says_is_not_negated_by_the_rest_of_the_sentence():
    from hearsay.trace.matching import clauses, is_report_content

    s = "the union said it has not been told of any cuts, after the Post's report that 60 drivers would lose their jobs"
    cut = [(s[lo:hi], is_report_content(s, lo)) for lo, hi in clauses(s)]
    assert cut[-1] == ("that 60 drivers would lose their jobs", True)
    assert not any(flag for _, flag in cut[:-1])
    assert not is_report_content("he said that he has never asked for a trade", len("he said "))
