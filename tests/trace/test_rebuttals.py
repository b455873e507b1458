"""A reply told right after the restatement it answers denies that claim (invented story)."""

from __future__ import annotations

from helpers import ledger, row

from hearsay.trace import trace_corpus

ORIGIN = ("Marrow Foods will cut about 60 jobs at its Dunmore bakery, according to two employees who "
          "asked not to be named.")
REPLY = ("The Ridge Record reported Monday that about 60 jobs would be cut at the Dunmore bakery. "
         "Chief executive Tove Lindqvist said no layoffs were on the table.\n\nThe bakery opened in 1988.")
BEFORE = ("The bakers' union said no layoffs were on the table, after the Ridge Record's report that "
          "about 60 jobs would be cut at the Dunmore bakery.")
APART = ("The Ridge Record reported Monday that about 60 jobs would be cut at the Dunmore bakery.\n\n"
         "Chief executive Tove Lindqvist said no layoffs were on the table.")


def _trace(text: str, voice: tuple[str, str]):
    kind, label = voice
    return trace_corpus([
        (row("c1", "Ridge Record", "2031-06-01T09:00:00Z", ORIGIN),
         ledger(ORIGIN, [("Marrow Foods will cut about 60 jobs at its Dunmore bakery", "anonymous",
                          "two employees who asked not to be named")], outlet="Ridge Record")),
        (row("c2", "Dunmore Weekly", "2031-06-02T09:00:00Z", text),
         ledger(text, [("about 60 jobs would be cut at the Dunmore bakery", "outlet", "Ridge Record"),
                       ("no layoffs were on the table", kind, label)], outlet="Dunmore Weekly")),
    ])


def _jobs(trace):
    return next(c for c in trace.claims if "60 jobs" in c.text)


def test_a_reply_right_after_the_restatement_denies_it():
    assert _jobs(_trace(REPLY, ("person", "Tove Lindqvist"))).denials == ["c2"]


def test_a_negated_remark_before_the_restatement_is_no_rebuttal():
    assert _jobs(_trace(BEFORE, ("organization", "The bakers' union"))).denials == []


def test_a_reply_in_another_paragraph_is_no_rebuttal():
    assert _jobs(_trace(APART, ("person", "Tove Lindqvist"))).denials == []


def test_an_unnamed_reply_is_no_denial_on_the_record():
    assert _jobs(_trace(REPLY, ("anonymous", "a manager"))).denials == []
