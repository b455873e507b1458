"""Scoring a trace against a cascade corpus in the format of ``datasets/cascades-dev``
(``gold.json`` + ``articles/NNN.json``; README there gives the rules).

Each gold mention is located in its article and assigned to the traced claim whose appearance
overlaps it most; the rest follows from that assignment: clustering is pairwise F1 over gold
mentions, and a traced claim stands for the gold claim most of its located mentions belong to.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

from ..errors import InputError
from ..trace.model import Trace
from .matching import prf

_KIND_OF = {"ANONYMOUS": "anonymous", "REPORTS": "reports", "OUTLET": "outlet", "DOCUMENT": "document"}


def load_gold(path: str) -> dict:
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}, line {exc.lineno}", f"not valid JSON ({exc.msg})") from exc
    for key in ("claims", "citations", "syndicated", "uncited_repeats"):
        if key not in gold:
            raise InputError(path, f'no "{key}" key', "a cascade gold file (see datasets/cascades-dev/README.md)")
    return gold


def gold_kind(source: str) -> str:
    head = source.split(":", 1)[0]
    return _KIND_OF.get(head, "named")


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else None


def assign_mentions(trace: Trace, gold: dict, texts: dict[str, str]) -> tuple[list[dict], list[str]]:
    """Every gold mention (and denial span) with the traced claim it landed in (or None)."""
    problems = []
    out = []
    for claim in gold["claims"]:
        for kind in ("mentions", "denials"):
            for m in claim.get(kind, []):
                text = texts.get(m["article"])
                span = _locate(text, m["text"]) if text is not None else None
                if span is None:
                    problems.append(f'{claim["id"]}: "{m["text"][:40]}" not found in article {m["article"]}')
                    continue
                best, best_ov = None, 0
                for c in trace.claims:
                    for a in c.appearances:
                        if a.article == m["article"]:
                            ov = min(span[1], a.span.end) - max(span[0], a.span.start)
                            if ov > best_ov:
                                best, best_ov = c.id, ov
                out.append({"gold": claim["id"], "article": m["article"], "pred": best, "kind": kind})
    return out, problems


def score(trace: Trace, gold: dict, texts: dict[str, str]) -> dict:
    mentions, problems = assign_mentions(trace, gold, texts)
    # clustering: pairwise over gold mentions
    tp = pred_pairs = gold_pairs = 0
    for a, b in combinations(mentions, 2):
        same_gold = a["gold"] == b["gold"]
        same_pred = a["pred"] is not None and a["pred"] == b["pred"]
        tp += same_gold and same_pred
        pred_pairs += same_pred
        gold_pairs += same_gold
    clustering = prf(tp, pred_pairs, gold_pairs).as_dict()
    # which traced claim stands for each gold claim
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m["pred"]:
            votes.setdefault(m["gold"], Counter())[m["pred"]] += 1
    rep = {g: v.most_common(1)[0][0] for g, v in votes.items()}
    by_id = {c.id: c for c in trace.claims}
    distractors = set(gold.get("distractors", []))
    attached = sorted({(rep_id, a.article) for rep_id in set(rep.values()) for a in by_id[rep_id].appearances if a.article in distractors})
    # origin
    origins = []
    for g in gold["claims"]:
        c = by_id.get(rep.get(g["id"], ""))
        got = c.origin if c else None
        want_kind = gold_kind(g["origin"]["source"])
        ok_article = bool(got and got.article == g["origin"]["article"])
        got_kind = got.source.kind if got else None
        ok_kind = bool(got and (got_kind == want_kind or (want_kind == "named" and got_kind in ("person", "organization"))))
        origins.append({"claim": g["id"], "article_ok": ok_article, "kind_ok": ok_kind,
                        "got": got.article if got else None, "got_kind": got_kind})
    # citations: same citing article, overlapping phrase, same cited article
    gold_cits = gold["citations"]
    used = set()
    cit_tp = 0
    for gc in gold_cits:
        span = _locate(texts.get(gc["from"], ""), gc["text"])
        for n, pc in enumerate(trace.citations):
            if n in used or pc.from_ != gc["from"] or span is None:
                continue
            if min(span[1], pc.span.end) > max(span[0], pc.span.start) and pc.to_article == gc["to_article"]:
                used.add(n)
                cit_tp += 1
                break
    citations = prf(cit_tp, len(trace.citations), len(gold_cits)).as_dict()
    # copies
    want_copies = sorted(sorted(g) for g in gold["syndicated"])
    got_copies = sorted(sorted(g) for g in trace.copies)
    # article-level roles for the traced claims standing for gold claims
    gold_conf = {(g["id"], a) for g in gold["claims"] for a in g.get("independent_confirmations", [])}
    gold_den = {(g["id"], d["article"]) for g in gold["claims"] for d in g.get("denials", [])}
    got_conf, got_den, got_uncited = set(), set(), set()
    for g, cid in rep.items():
        c = by_id[cid]
        got_conf |= {(g, a) for a in c.independent_confirmations}
        got_den |= {(g, a) for a in c.denials}
        cited = {a.article for a in c.appearances if a.via and a.via.how == "citation"}
        roles_by_article: dict[str, set] = {}
        for a in c.appearances:
            roles_by_article.setdefault(a.article, set()).add(a.role)
        for a in c.appearances:
            if a.via and a.via.how == "uncited" and a.article not in cited and roles_by_article[a.article] <= {"repeat"}:
                got_uncited.add(a.article)
    want_uncited = set(gold["uncited_repeats"])
    return {
        "articles": len(texts),
        "gold_claims": len(gold["claims"]),
        "traced_claims": len(trace.claims),
        "clustering": clustering,
        "mentions_located": sum(1 for m in mentions if m["pred"]),
        "mentions": len(mentions),
        "distractor_attachments": [list(x) for x in attached],
        "distractor_attachment_count": len(attached),
        "origin_article_accuracy": _acc(o["article_ok"] for o in origins),
        "origin_source_accuracy": _acc(o["kind_ok"] for o in origins),
        "origins": origins,
        "citations": citations,
        "copies_exact": want_copies == got_copies,
        "copies_exact_score": 1.0 if want_copies == got_copies else 0.0,
        "copies": {"gold": want_copies, "predicted": got_copies},
        "uncited_repeats": prf(len(got_uncited & want_uncited), len(got_uncited), len(want_uncited)).as_dict(),
        "confirmations": prf(len(got_conf & gold_conf), len(got_conf), len(gold_conf)).as_dict(),
        "denials": prf(len(got_den & gold_den), len(got_den), len(gold_den)).as_dict(),
        "problems": problems,
    }


def _acc(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0
