"""The corpus store: articles, ledgers and query tables in SQLite or PostgreSQL.

``open_store(url)`` is the one way in; see docs/store.md for the tables and example queries.
This package never imports spaCy (the store holds ledgers, not Docs).
"""

from __future__ import annotations

from .engine import StoreError
from .store import ArticleRow, Store, article_id, content_hash, open_store

__all__ = ["open_store", "Store", "ArticleRow", "StoreError", "article_id", "content_hash"]
