"""What makes two articles the same article, in one place for the store and the web page.

An article is its text *and* the details that change its analysis or its place in a trace: the
publication date anchors every relative time and orders a cascade, the outlet and URL tell a
syndicated copy from its original, the title is shown and exported beside it. So the same
record sent twice is one article (runs stay idempotent), while the same text with a fixed date,
or carried by another outlet, is another article with its own content-derived id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

#: the details that are part of an article's identity, beside its text
IDENTITY_FIELDS = ("title", "outlet", "url", "published")


def iso_date(value) -> str | None:
    """A date as the store keeps it: ``YYYY-MM-DD`` from a date, a string as given, None for none."""
    if value is None or value == "":
        return None
    return value.isoformat()[:10] if isinstance(value, (dt.date, dt.datetime)) else str(value)


def identity_hash(text: str, *, title=None, outlet=None, url=None, published=None) -> str:
    """SHA-256 (hex) of the text and the identity details as canonical JSON; an empty detail is
    the same as a missing one, and a date is compared as ``YYYY-MM-DD``."""
    canonical = json.dumps(
        {"text": text, "title": title or None, "outlet": outlet or None, "url": url or None,
         "published": iso_date(published)},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
