"""The attribution family: who says what, on whose word (stage ``hearsay_attribution``).

``component`` is the spaCy stage; ``cues`` reads cue verbs and their content, ``sources``
turns speakers into source records, ``context`` holds the per-document state the passes
share, ``direct`` credits quotations and ``phrases`` the cue phrases that are not verbs
("according to", "declined to comment"). ``model`` is the learned tagger (stage
``hearsay_attribution_model``, trained by ``make train``) and ``learned`` turns its spans into
attributions beside the rules'. Other stages use only the names exported here.
"""

from .component import find_attributions, load_attribution_lexicon, make_hearsay_attribution
from .model import make_attribution_model

__all__ = ["find_attributions", "load_attribution_lexicon", "make_hearsay_attribution", "make_attribution_model"]
