"""The mentions family: the people and organisations an article names, and every mention of
each (stage ``hearsay_mentions``).

``component`` is the spaCy stage; ``names`` finds and clusters proper names, ``descriptors``
the descriptions that stand for them ("the actress", "her husband"), ``coref`` resolves
pronouns and descriptions to a cluster, ``ages`` reads stated ages and birth dates, and
``tokens`` holds the token columns the scans read. Other stages use only the names exported here.
"""

from .ages import born_from_age, parse_birth_date
from .component import find_entities, make_hearsay_mentions, resolve_pronoun_at

__all__ = ["born_from_age", "find_entities", "make_hearsay_mentions", "parse_birth_date", "resolve_pronoun_at"]
