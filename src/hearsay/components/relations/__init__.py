"""The relations family: who is whose spouse, partner, parent or employee, on whose word and
since when (stage ``hearsay_relations``).

``component`` is the spaCy stage; ``patterns`` reads kinship and couple sentences, ``titles``
employment ("its chief executive, Dana Ruiz"), and ``index`` maps tokens to the entities the
mentions stage found. Other stages (the consistency checks) use only the names exported here.
"""

from .component import find_relations, load_relation_lexicon, make_hearsay_relations
from .index import EntityIndex
from .patterns import trigger_positions

__all__ = ["EntityIndex", "find_relations", "load_relation_lexicon", "make_hearsay_relations", "trigger_positions"]
