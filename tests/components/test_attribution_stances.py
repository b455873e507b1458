"""Stances and report edges the rules read off the parse: predicative adjectives of stance
("was adamant that ..."), verbs whose lemma the lemmatizer misreads ("hopes" as "hop"), a
"though" clause that belongs to the report, and a second "that" clause after "said in a
statement that ...". The rules alone are run (the learned tagger would hide a rule's gap)."""

from __future__ import annotations

import hearsay
import pytest


@pytest.fixture(scope="module")
def rules():
    nlp = hearsay.load_pipeline(attribution="rules")

    def run(text: str):
        led = hearsay.analyze(text, nlp=nlp)
        labels = {s.id: s.label for s in led.sources}
        return [(labels[a.source], a.cue.text if a.cue else None, a.content.text, a.cue_class, a.polarity)
                for a in led.attributions]

    return run


def test_a_predicative_adjective_of_stance_reports_its_that_clause(rules):
    assert rules("Councillor Mara Voss was adamant that the ferry service would survive the cuts.") == [
        ("Councillor Mara Voss", "was adamant", "the ferry service would survive the cuts", "neutral", "asserted")]
    assert rules("The growers remained confident that the frost had spared the orchards.") == [
        ("The growers", "remained confident", "the frost had spared the orchards", "cognition", "asserted")]


def test_a_negated_adjective_of_stance_denies_and_a_question_reports_nothing(rules):
    assert rules("Inspector Hal Brenner was not convinced that the alarm had failed.") == [
        ("Hal Brenner", "was not convinced", "the alarm had failed", "cognition", "denied")]
    assert rules("The engineers were not sure whether the dam would hold.") == []
    assert rules("It is certain that the vote will be close.") == []
    assert rules("It is doubtful that the mayor Eva Lind foresaw the flood.") == []


def test_an_adjective_of_resolve_reports_its_infinitive(rules):
    assert rules("Mayor Lena Hart is determined to reopen the east wing by spring.") == [
        ("Lena Hart", "is determined", "to reopen the east wing by spring", "cognition", "asserted")]
    # a state made by someone else is no stance: "made the crews ready to ..."
    assert rules("The drills made the crews ready to sail at dawn.") == []


def test_a_verb_the_lemmatizer_misreads_is_still_a_cue(rules):
    got = rules("Odile Ferrand hopes the museum will extend its hours. Ferrand hoped to win the grant. "
                "Ferrand is hoping that the board agrees.")
    assert [(g[1], g[2]) for g in got] == [("hopes", "the museum will extend its hours"), ("hoped", "to win the grant"),
                                          ("hoping", "the board agrees")]


def test_a_though_clause_about_others_stays_in_the_report_but_the_speakers_own_does_not(rules):
    got = rules("One of the agents said a signing could happen on Monday, though the clubs were still arguing over bonuses.")
    assert [g[2] for g in got] == ["a signing could happen on Monday, though the clubs were still arguing over bonuses"]
    got = rules("Officials said the tunnel would close, though they did not say for how long.")
    assert [g[2] for g in got] == ["the tunnel would close"]


def test_a_second_that_clause_after_said_in_a_statement_continues_the_report(rules):
    got = rules("The ministry said in a statement that lorries would be allowed through from next Monday, "
                "but that buses would wait until April.")
    assert got == [("The ministry", "said",
                    "lorries would be allowed through from next Monday, but that buses would wait until April", "neutral", "asserted")]


def test_a_verb_casting_its_object_as_something_reports_that_portrayal(rules):
    got = rules("Senator Ada Munroe attacked the budget as a giveaway to landlords. "
                "Munroe portrayed the governor as a friend of the utilities.")
    assert [(g[1], g[2], g[3]) for g in got] == [
        ("attacked", "the budget as a giveaway to landlords", "speech_act"),
        ("portrayed", "the governor as a friend of the utilities", "speech_act")]
    # without "as" it is an act, not a statement
    assert rules("Rebels attacked the garrison for hours. Cole painted the barn in May.") == []


def test_as_someone_put_it_credits_the_clause_it_frames(rules):
    got = rules("The only test is a clean record, as the inspector Rosa Kemp put it. "
                "As Kemp put it in a letter last May, the depot needs a new roof.")
    assert [(g[0], g[1], g[2]) for g in got] == [("Rosa Kemp", "put", "The only test is a clean record"),
                                                 ("Rosa Kemp", "put", "the depot needs a new roof")]
    assert rules("Kemp put it on the shelf. As Kemp put the box down, the phone rang.") == []


def test_expressing_or_voicing_a_stance_reports_it_but_a_reflexive_object_does_not(rules):
    got = rules("Council members Ivo Stenz and Pia Lund have expressed concern that the new levy could close small shops. "
                "Several growers voiced misgivings about the water plan.")
    assert [(g[1], g[2]) for g in got] == [
        ("expressed", "concern that the new levy could close small shops"),
        ("voiced", "misgivings about the water plan")]
    assert rules("The dancer Lia Ormond expressed herself through movement.") == []
    # a reflexive with what it is called says something: "calls himself a champion"
    assert [(g[1], g[2]) for g in rules("The boxer Tal Brody calls himself a champion.")] == [("calls", "himself a champion")]
