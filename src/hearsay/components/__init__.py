"""hearsay's analysis stages, one module per stage; importing this registers the factories."""

from . import paragraphs, quotes, mentions, attribution, attribution_model, hedging, temporal, claims, relations, checks, summary  # noqa: F401
