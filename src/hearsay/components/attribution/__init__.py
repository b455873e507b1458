"""The attribution family: who says what, on whose word (stage ``hearsay_attribution``).

``component`` is the spaCy stage; ``cues`` reads cue verbs and their content, ``sources``
turns speakers into source records, ``context`` holds the per-document state the passes
share, ``direct`` credits quotations and ``phrases`` the cue phrases that are not verbs
("according to", "declined to comment"). Other stages use only the names exported here.
"""

from .component import find_attributions, load_attribution_lexicon, make_hearsay_attribution

__all__ = ["find_attributions", "load_attribution_lexicon", "make_hearsay_attribution"]
