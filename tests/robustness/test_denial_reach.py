"""How far a denial reaches: in a long repetitive text the dispute links grow with the text, not
with its square (counted, not timed), while within one story every claim stays in reach."""

from __future__ import annotations

from hearsay.components.denials import link_denials
from hearsay.extensions import get_list
from hearsay.lexicon import load_lexicon
from hearsay.pipeline import parse, run_stages

VAGUE = ("People familiar with the plans said the mill would close in June. "
         "The company denied the reports.\n\n")
SPECIFIC = ("Sources said the mill would close in June. "
            "The company denied that the mill would close.\n\n")


def _links(nlp, text: str, reach: int | None = None) -> int:
    """Dispute links `link_denials` makes over ``text`` (through the real pipeline up to the
    claims stage), with ``reach_chars`` set to ``reach`` when given."""
    doc = run_stages(nlp, parse(nlp, text), "strict", until="hearsay_claims")
    claims = get_list(doc, "hearsay_claims")
    for c in claims:
        c.pop("disputed_by", None)
    lexicon = dict(load_lexicon("denials"))
    if reach is not None:
        lexicon["reach_chars"] = reach
    link_denials(doc, claims, get_list(doc, "hearsay_attributions"), get_list(doc, "hearsay_sources"), lexicon)
    return sum(len(c.get("disputed_by", [])) for c in claims)


def test_a_voice_that_keeps_denying_the_reports_answers_the_new_ones_each_time(nlp):
    short, long = _links(nlp, VAGUE * 10), _links(nlp, VAGUE * 30)
    assert 0 < short and long <= 3.3 * short, (short, long)


def test_denials_reach_a_bounded_window_so_links_grow_linearly(nlp):
    reach = 4 * len(SPECIFIC)
    in_reach = 2 * 4 + 1   # copies of the story a denial can see
    links = {n: _links(nlp, SPECIFIC * n, reach) for n in (10, 30)}
    assert all(0 < links[n] <= n * in_reach for n in links), links
    # the same text with everything in reach links every denial to every copy: the square
    assert _links(nlp, SPECIFIC * 30) > 30 * in_reach


def test_within_one_story_a_denial_reaches_every_claim(nlp):
    """A denial at the end of a story still answers its first claims: the default reach is
    longer than a news story."""
    story = ("Sources said the mill would close in June. " + "The weather was mild that week. " * 60
             + "The company denied that the mill would close.")
    assert len(story) > 1500 and _links(nlp, story) == 1
    assert _links(nlp, story, reach=500) == 0
