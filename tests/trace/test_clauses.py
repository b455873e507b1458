"""Clause units: one claim sentence that carries several claims is matched clause by clause."""

from hearsay.trace.matching import clauses


def _pieces(text):
    return [text[lo:hi] for lo, hi in clauses(text)]


def test_appositive_consequence_is_its_own_clause():
    text = "The brewery plans to shut its plant in Harlow by the end of May, a decision that would cut about 90 jobs"
    got = _pieces(text)
    assert len(got) == 2 and got[0].startswith("The brewery plans to shut its plant in Harlow")
    assert got[1] == "that would cut about 90 jobs"


def test_reported_that_clauses_part():
    text = "The paper retracted its claims that the mayor resigned, that the council voted and that the budget failed"
    got = _pieces(text)
    assert "the council voted" not in got  # two content terms: too short to stand alone
    assert got[0].startswith("The paper retracted")
    assert any(p.startswith("that the budget failed") or p.endswith("the budget failed") for p in got)


def test_list_items_stay_with_their_clause():
    text = "The mill makes coated paper for catalogs, magazines and inserts"
    assert _pieces(text) == [text]


def test_irregular_participles_meet_their_base_form():
    from hearsay.trace.words import content_terms

    assert set(content_terms("the two have not spoken since")) & set(content_terms("they are not speaking"))
    assert "begin" in set(content_terms("the office had begun taking calls")) & set(content_terms("the office begins taking calls"))


def test_a_double_s_is_no_plural_and_contractions_leave_no_stub():
    from hearsay.trace.words import content_terms

    assert content_terms("discuss") == content_terms("discussed") == content_terms("discusses")
    assert content_terms("we won't") == [] and content_terms("they can't") == []


def test_posts_match_on_the_words_of_their_tags_not_their_links():
    from hearsay.trace.words import content_terms, social_plain

    assert "Australian Fires" in social_plain("surviving the #AustralianFires?")
    assert "t.co" not in social_plain("see https://t.co/CsHG8R9cHp now")
    terms = set(content_terms("Butterflies survive the #AustralianFires pic.twitter.com/0eJtwJyS1J"))
    assert {"australian", *content_terms("fire")} <= terms and not any("0ejtw" in t for t in terms)
    assert social_plain("the mill will close") == "the mill will close"


def test_a_clause_is_shown_without_the_seam_it_was_cut_at():
    from hearsay.trace.matching import trim_edges

    def shown(t):
        lo, hi = trim_edges(t, 0, len(t))
        return t[lo:hi]

    assert shown("and declined to answer questions") == "declined to answer questions"
    assert shown("the state would help workers with job searches, retraining and claims, and") == (
        "the state would help workers with job searches, retraining and claims")
    assert shown("Sales rose, but") == "Sales rose"
    # a conjunction inside the clause, a word that only looks like a joint, and a lone word stay
    assert shown("bread and butter sales rose") == "bread and butter sales rose"
    assert shown("Andrea said sales rose;") == "Andrea said sales rose"
    assert shown("and") == "and"
