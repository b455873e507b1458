"""The trace: where a claim came from across a corpus, who repeated, confirmed or denied it.

Reads ledgers, never a spaCy Doc (DESIGN.md); the contract is TRACE-SPEC.md (`hearsay.trace/1`).
"""

from .assemble import trace_corpus, trace_items
from .model import SCHEMA, Trace, json_schema

__all__ = ["SCHEMA", "Trace", "json_schema", "trace_corpus", "trace_items"]
