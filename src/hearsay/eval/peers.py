"""Peer tools scored in the same run as hearsay (optional extras ``[bench]``, never runtime deps).

Each peer's output is turned into a ledger-shaped dict (only the parts the scorers read), so
one scorer serves every system. A peer that fails on a text scores that text as all misses.
"""

from __future__ import annotations

import sys
from typing import Iterable

from ..errors import HearsayError


def _fail(problems: list[str], peer: str, where: int, exc: BaseException) -> None:
    msg = f"{peer} failed on text {where + 1}: {type(exc).__name__}: {str(exc)[:120]}"
    problems.append(msg)
    print(f"hearsay eval: {msg}", file=sys.stderr)


def _empty(text: str) -> dict:
    return {"document": {"text": text}, "entities": [], "sources": [], "attributions": [], "times": [],
            "relations": [], "claims": [], "checks": [], "summary": {"anonymous_sources": 0}}


# ---------------------------------------------------------------- textacy
def textacy_ledger(doc, text: str) -> dict:
    """textacy's ``direct_quotations`` as attributions: speaker tokens are the source, the cue
    verb the cue, the quoted span (without its marks) the content."""
    from textacy.extract.triples import direct_quotations

    led = _empty(text)
    for i, dq in enumerate(direct_quotations(doc), 1):
        speaker = list(dq.speaker)
        cue = list(dq.cue)
        content = list(dq.content)
        if not content:
            continue
        c0, c1 = content[0].idx, content[-1].idx + len(content[-1].text)
        # textacy's content includes the quote marks; the gold's does not
        while c0 < c1 and text[c0] in "\"\u201c\u201d'\u2018\u2019":
            c0 += 1
        while c1 > c0 and text[c1 - 1] in "\"\u201c\u201d'\u2018\u2019":
            c1 -= 1
        sid = f"S{i}"
        span = None
        if speaker:
            s0, s1 = speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)
            span = {"start": s0, "end": s1, "text": text[s0:s1]}
        label = span["text"] if span else ""
        kind = "anonymous" if label.lower().startswith(("a ", "an ", "the ", "some ", "one ")) else "person"
        led["sources"].append({"id": sid, "kind": kind, "label": label, "entity": None,
                               "mentions": [span] if span else []})
        cspan = None
        if cue:
            q0, q1 = cue[0].idx, cue[-1].idx + len(cue[-1].text)
            cspan = {"start": q0, "end": q1, "text": text[q0:q1]}
        led["attributions"].append({"id": f"A{i}", "source": sid, "type": "direct", "source_mention": span,
                                    "cue": cspan, "content": {"start": c0, "end": c1, "text": text[c0:c1]}})
    return led


def textacy_ledgers(texts: list[str], problems: list[str]) -> list[dict]:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        raise HearsayError(f"peer textacy is not installed (pip install -e '.[bench]'): {exc}") from None
    from ..pipeline import load_base

    nlp = load_base()
    out = []
    for i, (text, doc) in enumerate(zip(texts, nlp.pipe(texts, batch_size=16))):
        try:
            out.append(textacy_ledger(doc, text))
        except Exception as exc:  # textacy raises on some texts: a miss, never a crash
            _fail(problems, "textacy", i, exc)
            out.append(_empty(text))
    return out


# ---------------------------------------------------------------- times
def peer_times(peer: str, items: Iterable[tuple[str, str | None]], problems: list[str]) -> list[list[dict]]:
    """Per text, ``[{"start","end","value","type"}]`` from a time-tagging peer."""
    from .peer_times import dateparser_times, heideltime_batch

    if peer == "heideltime":
        return heideltime_batch(list(items), problems)
    fn = {"dateparser": dateparser_times}[peer]
    out = []
    for i, (text, dct) in enumerate(items):
        try:
            out.append(fn(text, dct))
        except HearsayError:
            raise
        except Exception as exc:
            _fail(problems, peer, i, exc)
            out.append([])
    return out


def peer_ledgers(peer: str, items: list[tuple[str, str | None]], problems: list[str], task: str) -> list[dict]:
    if task == "attribution":
        if peer != "textacy":
            raise HearsayError(f"{peer} is not an attribution peer (choose textacy)")
        return textacy_ledgers([t for t, _ in items], problems)
    raise HearsayError(f"unknown peer task {task}")
