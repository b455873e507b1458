"""Helpers every stage family shares: syntax (subjects, governing verbs, token -> character
ranges), the per-token layout of a doc (sentence, paragraph, quote) and the token -> entity
index. Private to ``hearsay.components`` (like spaCy's ``pipeline/_parser_internals``): the
families import from here, never from each other's modules.
"""
