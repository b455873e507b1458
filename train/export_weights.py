"""Copy the trained tagger's weights out of a `spacy train` output into the hearsay package.

    python train/export_weights.py build/attribution/run/model-best

Writes ``src/hearsay/models/attribution/model.bin`` (the component's thinc weights: arrays
only) and ``meta.json`` (its tag names, the training config's digest and dev scores). Nothing
else leaves the training folder: not the vocabulary (it holds strings of the training texts),
not the tokenizer, not the tok2vec (the English model's own, which the ledger already has).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import spacy

NAME = "hearsay_attribution_model"
OUT = Path(__file__).resolve().parent.parent / "src" / "hearsay" / "models" / "attribution"
CONFIG = Path(__file__).resolve().parent / "attribution.cfg"


def export(trained: str) -> None:
    nlp = spacy.load(trained)
    pipe = nlp.get_pipe(NAME)
    data = pipe.weights_to_bytes()
    meta_in = json.loads((Path(trained) / "meta.json").read_text(encoding="utf-8"))
    meta = {
        "component": NAME,
        "labels": list(pipe.labels),
        "trained_on": "PolNeAR v1.0.0 train split (weights only; no text, examples or strings from it)",
        "config_sha256": hashlib.sha256(CONFIG.read_bytes()).hexdigest(),
        "dev_scores": {k: v for k, v in (meta_in.get("performance") or {}).items() if k.startswith("attr_")},
        "weights_sha256": hashlib.sha256(data).hexdigest(),
        "weights_bytes": len(data),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "model.bin").write_bytes(data)
    (OUT / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"export_weights: {len(data)} bytes of weights, {len(meta['labels'])} tags -> {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    export(sys.argv[1])
