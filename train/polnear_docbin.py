"""Convert a PolNeAR-format split (brat standoff) into a spaCy DocBin for `make train`.

    python train/polnear_docbin.py SPLIT_DIR OUT.spacy

Each text is tokenized by the pinned English model's tokenizer (the one the ledger runs), and
its attributions become three span groups (content, cue, source; discontinuous spans give one
span per fragment). The DocBin holds the corpus text, so it goes to an ignored build folder and
is never committed; what ships is the trained weights (see ``export_weights.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import DocBin

from hearsay.components.attribution.model import ROLES, SPAN_KEYS
from hearsay.eval.polnear import read_split
from hearsay.pipeline import load_base


def to_doc(nlp, doc_rec):
    doc = nlp.make_doc(doc_rec.text)
    groups = {role: [] for role in ROLES}
    seen = {role: set() for role in ROLES}
    for att in doc_rec.attributions:
        for role, frags in (("content", att.content), ("cue", att.cue), ("source", att.source)):
            for s, e in frags:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or len(span) == 0 or (span.start, span.end) in seen[role]:
                    continue
                seen[role].add((span.start, span.end))
                groups[role].append(span)
    for role in ROLES:
        doc.spans[SPAN_KEYS[role]] = sorted(groups[role], key=lambda sp: (sp.start, sp.end))
    return doc


def convert(split: str, out: str) -> int:
    nlp = load_base()
    docs, problems = read_split(split)
    for p in problems:
        print(f"polnear_docbin: {p}", file=sys.stderr)
    if not docs:
        raise SystemExit(f"polnear_docbin: {split}: no texts with annotations")
    bin_ = DocBin(attrs=["ORTH", "SPACY"], store_user_data=False)
    for rec in docs:
        bin_.add(to_doc(nlp, rec))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(out)
    print(f"polnear_docbin: {len(docs)} texts from {split} -> {out}")
    return len(docs)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    convert(sys.argv[1], sys.argv[2])
