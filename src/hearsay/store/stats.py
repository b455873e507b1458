"""`hearsay stats --store URL`: what a store holds, in counts (text or ``--json``)."""

from __future__ import annotations

import argparse

from sqlalchemy import func, select

from . import tables as t
from ..reports import emit_report
from .store import Store


def store_stats(store: Store, *, top: int = 20) -> dict:
    """Articles, failures, articles per outlet (the ``top`` largest), claims per source kind,
    and claims resting on anonymous sources."""
    a, c = t.articles.c, t.claims.c
    with store.engine.connect() as conn:
        outlets = conn.execute(
            select(a.outlet, func.count().label("n")).group_by(a.outlet).order_by(func.count().desc(), a.outlet).limit(top)
        ).all()
        kinds = conn.execute(select(c.source_kind, func.count()).group_by(c.source_kind).order_by(func.count().desc())).all()
        anonymous_articles = conn.execute(
            select(func.count(func.distinct(c.article_id))).where(c.source_kind == "anonymous")).scalar_one()
        dates = conn.execute(select(func.min(a.published), func.max(a.published))).one()
    by_kind = {k or "unknown": n for k, n in kinds}
    return {
        "articles": store.count("articles"),
        "ledgers": store.count("ledgers"),
        "failures": store.count("failures"),
        "claims": sum(by_kind.values()),
        "claims_on_anonymous_sources": by_kind.get("anonymous", 0),
        "articles_with_anonymous_claims": anonymous_articles,
        "published": {"first": dates[0], "last": dates[1]},
        "by_outlet": {(o or "(no outlet)"): n for o, n in outlets},
        "by_source_kind": by_kind,
    }


def format_stats(stats: dict) -> str:
    lines = [
        f"articles   {stats['articles']}  (ledgers {stats['ledgers']}, failures {stats['failures']})",
        f"published  {stats['published']['first'] or '-'} .. {stats['published']['last'] or '-'}",
        f"claims     {stats['claims']}  ({stats['claims_on_anonymous_sources']} resting on anonymous sources, "
        f"in {stats['articles_with_anonymous_claims']} articles)",
        "by outlet",
        *(f"  {n:>7}  {o}" for o, n in stats["by_outlet"].items()),
        "claims by source kind",
        *(f"  {n:>7}  {k}" for k, n in stats["by_source_kind"].items()),
    ]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="URL", default="hearsay.db", help="the store (default: hearsay.db)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")


def run(args) -> int:
    from . import open_store

    with open_store(args.store) as store:
        stats = store_stats(store)
    emit_report(stats, format_stats, args.json)
    return 0
