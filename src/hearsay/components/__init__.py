"""hearsay's analysis stages, one module per stage; importing this registers the factories."""

from . import paragraphs, quotes, mentions, attribution, hedging, temporal, claims, relations, checks, summary  # noqa: F401
