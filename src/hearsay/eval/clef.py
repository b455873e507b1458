"""CLEF 2020 CheckThat! Task 2 (verified claim retrieval) with the trace's claim matcher:
`hearsay eval match --clef2020 SPLIT`. SPLIT holds ``tweets.queries.tsv`` and
``tweet-vclaim-pairs.qrels``; the verified claims are ``verified_claims.docs.tsv`` beside it."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .tables import table

DEPTH = 5


def read_qrels(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise InputError(f"{path}, line {n}", "expected `query 0 doc relevance`")
        if parts[3] != "0":
            out.setdefault(parts[0], set()).add(parts[2])
    return out


def evaluate(split: str, run_out: str | None = None, matcher: str | None = None) -> dict:
    """MAP@5 and MRR of ``matcher`` (None: this install's default, see
    ``trace.retrieval.resolve_matcher``) on a CLEF 2020 split."""
    from ..trace.retrieval import rank_claims, resolve_matcher
    from ..trace_command import read_claim_fields, read_claims_tsv

    folder = Path(split)
    need = [folder / "tweets.queries.tsv", folder / "tweet-vclaim-pairs.qrels", folder.parent / "verified_claims.docs.tsv"]
    for p in need:
        if not p.exists():
            raise InputError(str(p), "missing", "the CLEF 2020 layout (see datasets/clef2020-claims/README.md)")
    queries = read_claims_tsv(str(need[0]))
    qrels = read_qrels(need[1])
    claims = read_claim_fields(str(need[2]))
    matcher = resolve_matcher(matcher)
    ranked_all = rank_claims(queries, claims, matcher)
    ap5 = rr = 0.0
    lines = []
    scored = 0
    for qid in queries:
        ranked = ranked_all.get(qid, [])
        for rank, (cid, s) in enumerate(ranked, 1):
            lines.append(f"{qid} Q0 {cid} {rank} {s:.4f} hearsay-{matcher}")
        rel = qrels.get(qid)
        if not rel:
            continue
        scored += 1
        hits, prec = 0, 0.0
        for rank, (cid, _) in enumerate(ranked[:DEPTH], 1):
            if cid in rel:
                hits += 1
                prec += hits / rank
        ap5 += prec / min(len(rel), DEPTH)
        first = next((rank for rank, (cid, _) in enumerate(ranked, 1) if cid in rel), None)
        rr += 1.0 / first if first else 0.0
    if run_out:
        Path(run_out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"split": split, "queries": scored, "claims": len(claims), "matcher": matcher,
            "map@5": round(ap5 / scored, 4) if scored else 0.0, "mrr": round(rr / scored, 4) if scored else 0.0}


def render(report: dict) -> str:
    return f"== claim matching: CLEF 2020 {report['split']} ({report['queries']} queries, {report['claims']} verified claims) ==\n" + table(
        ["matcher", "MAP@5", "MRR"], [[report["matcher"], report["map@5"], report["mrr"]]])
