"""Denials that contradict a claim without restating it join the claim their article restates."""

from hearsay.trace.denial_links import link_denials
from helpers import unit as _unit


def _setup():
    claim = _unit("the Otters front office has begun taking calls about Dana Quill", {"Otters", "Dana Quill"}, "a1", claim="C1")
    other = _unit("Dana Quill has asked the Otters to release her", {"Dana Quill"}, "a1", start=100, claim="C2")
    # the later article restates both claims, then a statement denies the second in its own
    # words and contradicts the first without a word in common
    restate1 = _unit("the front office had begun taking calls about her", {"Dana Quill", "Otters"}, "b", claim="C1")
    restate2 = _unit("a report that Dana Quill asked for her release", {"Dana Quill"}, "b", start=60, claim="C2")
    deny2 = _unit("Dana Quill has never asked for her release", {"Dana Quill"}, "b", start=120, claim="C3")
    deny1 = _unit("the club has had no conversation with anyone about moving Quill", {"Otters", "Dana Quill"}, "b", start=170, claim="C3")
    for u in (deny1, deny2):
        u.negated = True
    return claim, other, restate1, restate2, deny1, deny2


def test_a_denial_in_the_same_statement_joins_the_restated_claim():
    claim, other, restate1, restate2, deny1, deny2 = _setup()
    clusters = [[claim, restate1], [other, restate2, deny2]]
    got = link_denials(clusters, [claim, other, restate1, restate2, deny1, deny2], on_record=lambda u: True)
    first = next(g for g in got if claim in g)
    assert deny1 in first


def test_a_negated_remark_outside_a_denying_statement_stays():
    claim, other, restate1, restate2, deny1, deny2 = _setup()
    deny1.claim_id = "C4"  # a separate remark, not part of the statement that denies
    clusters = [[claim, restate1], [other, restate2, deny2]]
    got = link_denials(clusters, [claim, other, restate1, restate2, deny1, deny2], on_record=lambda u: True)
    assert all(deny1 not in g for g in got)


def test_an_anonymous_voice_does_not_deny_on_the_record():
    claim, other, restate1, restate2, deny1, deny2 = _setup()
    clusters = [[claim, restate1], [other, restate2, deny2]]
    got = link_denials(clusters, [claim, other, restate1, restate2, deny1, deny2], on_record=lambda u: u is not deny1)
    assert all(deny1 not in g for g in got)
