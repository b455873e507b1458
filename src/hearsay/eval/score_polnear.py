"""PolNeAR-style span scoring: content, source and cue spans, exact and overlap, overall and by
attribution type (content with / without quote marks).

Conventions (also in docs/benchmarks.md):
- A PolNeAR attribution has one cue; hearsay gives one attribution per piece of a quote split by
  its cue, so predicted attributions sharing a cue span are merged into one (their contents
  become fragments of one content) before scoring.
- Overlap: greedy one-to-one on shared characters (any overlap counts).
- Exact: the same fragments after ignoring surrounding whitespace, quote marks and final
  punctuation (``matching.trim_span``).
- Each role is matched on its own (content to content, source to source, cue to cue); "joint"
  measures count a content match only when the same pair's source (or cue) spans overlap too.
- Quoted: the content, widened by one character each side, contains a double quote mark.
"""

from __future__ import annotations

from .matching import PRF, greedy_match, overlap, prf, trim_span

Frags = tuple[tuple[int, int], ...]
ROLES = ("content", "source", "cue")
DOUBLE_QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e"


def frag_overlap(a: Frags, b: Frags) -> int:
    return sum(overlap(x, y) for x in a for y in b)


def trimmed(text: str, frags: Frags) -> Frags:
    out = []
    for f in frags:
        s, e = trim_span(text, f)
        if e > s:
            out.append((s, e))
    return tuple(out)


def is_quoted(text: str, frags: Frags) -> bool:
    for s, e in frags:
        window = text[max(0, s - 1) : min(len(text), e + 1)]
        if any(q in window for q in DOUBLE_QUOTES):
            return True
    return False


def _span(rec) -> tuple[tuple[int, int], ...]:
    if not rec:
        return ()
    return ((int(rec["start"]), int(rec["end"])),)


def predicted_records(ledger: dict) -> list[dict]:
    """Ledger attributions as ``{"content","source","cue"}`` fragment tuples, merged by cue."""
    merged: dict = {}
    out = []
    for att in ledger.get("attributions", []):
        content = _span(att.get("content"))
        if not content:
            continue
        cue = _span(att.get("cue"))
        source = _span(att.get("source_mention"))
        key = cue or None
        if key and key in merged:
            rec = merged[key]
            rec["content"] = tuple(sorted(set(rec["content"] + content)))
            if not rec["source"]:
                rec["source"] = source
            continue
        rec = {"content": content, "source": source, "cue": cue}
        if key:
            merged[key] = rec
        out.append(rec)
    return out


def gold_records(attributions) -> list[dict]:
    return [{"content": tuple(a.content), "source": tuple(a.source), "cue": tuple(a.cue)} for a in attributions]


def score_document(gold: list[dict], pred: list[dict], text: str) -> dict:
    """Counts (PRF) for one text: ``{role: {"exact","overlap"}}``, joint measures, and by type."""
    out: dict = {}
    content_pairs = []
    for role in ROLES:
        g_items = [g[role] for g in gold if g[role]]
        g_idx = [i for i, g in enumerate(gold) if g[role]]
        seen = set()
        p_idx = []
        for i, p in enumerate(pred):
            if p[role] and p[role] not in seen:
                seen.add(p[role])
                p_idx.append(i)
        p_items = [pred[i][role] for i in p_idx]
        ov_pairs = greedy_match(len(g_items), len(p_items), lambda g, p: frag_overlap(g_items[g], p_items[p]))
        g_trim = [trimmed(text, f) for f in g_items]
        p_trim = [trimmed(text, f) for f in p_items]
        ex_pairs = greedy_match(len(g_items), len(p_items), lambda g, p: 1 if g_trim[g] and g_trim[g] == p_trim[p] else 0)
        out[role] = {"overlap": prf(len(ov_pairs), len(p_items), len(g_items)),
                     "exact": prf(len(ex_pairs), len(p_items), len(g_items))}
        if role == "content":
            content_pairs = [(g_idx[g], p_idx[p]) for g, p in ov_pairs]
            exact_pairs = [(g_idx[g], p_idx[p]) for g, p in ex_pairs]
    for role in ("source", "cue"):
        tp = sum(1 for g, p in content_pairs if frag_overlap(gold[g][role], pred[p][role]) > 0
                 or (not gold[g][role] and not pred[p][role]))
        out[f"content+{role}"] = {"overlap": prf(tp, len(pred), len(gold))}
    g_q = [is_quoted(text, g["content"]) for g in gold]
    p_q = [is_quoted(text, p["content"]) for p in pred]
    matched_g = {g for g, _ in content_pairs}
    matched_p = {p for _, p in content_pairs}
    matched_g_ex = {g for g, _ in exact_pairs}
    matched_p_ex = {p for _, p in exact_pairs}
    for quoted, name in ((True, "quoted"), (False, "unquoted")):
        out[name] = {
            "overlap": PRF(tp_pred=sum(1 for p in matched_p if p_q[p] == quoted),
                           tp_gold=sum(1 for g in matched_g if g_q[g] == quoted),
                           n_pred=sum(1 for q in p_q if q == quoted), n_gold=sum(1 for q in g_q if q == quoted)),
            "exact": PRF(tp_pred=sum(1 for p in matched_p_ex if p_q[p] == quoted),
                         tp_gold=sum(1 for g in matched_g_ex if g_q[g] == quoted),
                         n_pred=sum(1 for q in p_q if q == quoted), n_gold=sum(1 for q in g_q if q == quoted)),
        }
    out["_unmatched"] = {"gold": [g for g in range(len(gold)) if g not in matched_g],
                         "pred": [p for p in range(len(pred)) if p not in matched_p]}
    return out


MEASURES = ("content", "source", "cue", "content+source", "content+cue", "quoted", "unquoted")


def aggregate(per_doc: list[dict]) -> dict:
    total: dict = {}
    for doc in per_doc:
        for m in MEASURES:
            for mode, counts in doc[m].items():
                total.setdefault(m, {}).setdefault(mode, PRF()).add(counts)
    return {m: {mode: c.as_dict() for mode, c in modes.items()} for m, modes in total.items()}
