"""Stage `hearsay_attribution_model`: a learned tagger for attribution cues, contents and sources.

The rules find what they were written for precisely (quotes, speech verbs in the lexicon), but
news reports much of what people say, want and believe without quote marks and with verbs no
list foresees ("mocked", "reserved his passion for", "doesn't like"). This stage learns that
from annotated news (trained on PolNeAR, see ``train/``): one softmax per token over combined
BIO tags of three layers (content, cue, source), so a cue or source inside a reported content
keeps both. It listens to the English model's own ``tok2vec`` (frozen in training), so it adds
a small window encoder and a softmax to the parse, and leaves the model's other components
untouched. Its output is span groups; `hearsay_attribution` decides what the ledger keeps
(see ``learned``).

The shipped weights are arrays and tag names only (``hearsay/models/attribution/``): nothing
from the training texts, no vocabulary strings.
"""

from __future__ import annotations

import json
from importlib import resources
from itertools import islice
from typing import Iterable, Optional

import numpy

from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry
from thinc.api import Model, NumpyOps, SequenceCategoricalCrossentropy, chain, with_array
from threadpoolctl import ThreadpoolController

from ...errors import HearsayError
from ...extensions import LEARNED_SPAN_GROUPS

#: the three layers of a tag, in the order their letters appear ("BOO": content begins here)
ROLES = ("content", "cue", "source")
#: span group keys this stage writes (declared with the rest of hearsay's Doc state)
SPAN_KEYS = LEARNED_SPAN_GROUPS
#: where the trained weights live inside the package
WEIGHTS = ("models", "attribution")


# ---------------------------------------------------------------------------------------
# tags <-> spans (pure functions: what the converter, the loss and the decoder share)


def tags_for_spans(n_tokens: int, spans: dict[str, Iterable[tuple[int, int]]]) -> list[str]:
    """Combined BIO tags (one letter per role) for token ranges ``{role: [(start, end), ...]}``.

    Overlapping ranges of one role merge; every range start is a B, so two contents side by side
    (or an inner content starting inside an outer one) stay two spans."""
    letters = {role: ["O"] * n_tokens for role in ROLES}
    for role in ROLES:
        col = letters[role]
        for s, e in sorted(spans.get(role, ())):
            for i in range(max(0, s), min(e, n_tokens)):
                col[i] = "I" if col[i] == "O" else col[i]
            if 0 <= s < n_tokens:
                col[s] = "B"
    return ["".join(letters[role][i] for role in ROLES) for i in range(n_tokens)]


def spans_from_tags(tags: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Token ranges per role from combined tags; an I with no span open starts one."""
    codes = {tag: [_LETTER_CODES.get(tag[k], 0) if len(tag) == len(ROLES) else 0 for k in range(len(ROLES))]
             for tag in set(tags)}
    letters = numpy.array([codes[tag] for tag in tags], dtype=numpy.int8).reshape(len(tags), len(ROLES))
    return {role: ranges_of(letters[:, k]) for k, role in enumerate(ROLES)}


#: a tag letter as a number (what `ranges_of` reads)
_LETTER_CODES = {"O": 0, "B": 1, "I": 2}


def letter_codes(labels: tuple[str, ...]) -> numpy.ndarray:
    """(labels x roles) letters of each tag as numbers: 0 O, 1 B, 2 I."""
    return numpy.array([[_LETTER_CODES[tag[k]] for k in range(len(ROLES))] for tag in labels],
                       dtype=numpy.int8).reshape(len(labels), len(ROLES))


def ranges_of(letters: numpy.ndarray) -> list[tuple[int, int]]:
    """Token ranges of one role from its letters (0 O, 1 B, 2 I), as arrays: a span starts at
    a B or at an I after an O (or at the first token) and runs to the next O or the next start.
    The tagger writes every token of every article, so this runs once per role, not per token."""
    n = len(letters)
    if not n:
        return []
    before = numpy.concatenate(([0], letters[:-1]))
    starts = numpy.flatnonzero((letters == 1) | ((letters == 2) & (before == 0)))
    outs = numpy.flatnonzero(letters == 0)
    next_start = numpy.append(starts[1:], n)
    next_out = numpy.append(outs, n)[numpy.searchsorted(outs, starts, side="right")]
    ends = numpy.minimum(next_start, next_out)
    return list(zip(starts.tolist(), ends.tolist()))


def reference_tags(example: Example) -> list[Optional[str]]:
    """Gold tags of an example, aligned to its predicted tokens (None where alignment fails)."""
    ref = example.reference
    ranges = {}
    for role in ROLES:
        group = ref.spans.get(SPAN_KEYS[role], [])
        aligned = example.get_aligned_spans_y2x(list(group), allow_overlap=True)
        ranges[role] = [(s.start, s.end) for s in aligned]
    return list(tags_for_spans(len(example.predicted), ranges))


def write_spans(doc: Doc, ranges: dict[str, list[tuple[int, int]]], inside: Optional[dict[str, list[float]]] = None) -> None:
    """Span groups per role from token ranges (`spans_from_tags`, `ranges_of`); with
    ``inside`` (per role, each token's probability of lying in a span of that role) every group
    carries ``attrs["scores"]``: each span's mean probability, the confidence a reader of the
    proposals can ask for."""
    for role in ROLES:
        doc.spans[SPAN_KEYS[role]] = [Span(doc, s, e) for s, e in ranges[role]]
        if inside is not None:
            probs = inside[role]
            doc.spans[SPAN_KEYS[role]].attrs["scores"] = [round(sum(probs[s:e]) / (e - s), 4) for s, e in ranges[role]]


def role_probabilities(labels: tuple[str, ...], scores) -> dict[str, list[float]]:
    """Per role, each token's probability of lying inside a span of that role (the softmax
    mass of every tag whose letter for the role is B or I). ``scores`` are the tagger's outputs:
    spaCy's tagger leaves them unnormalized at inference, so they are normalized here."""
    scores = scores - scores.max(axis=1, keepdims=True)
    scores = numpy.exp(scores)
    scores = scores / scores.sum(axis=1, keepdims=True)
    out = {}
    for k, role in enumerate(ROLES):
        cols = [i for i, tag in enumerate(labels) if tag[k] != "O"]
        out[role] = scores[:, cols].sum(axis=1).tolist() if cols else [0.0] * len(scores)
    return out


# ---------------------------------------------------------------------------------------
# the model and the component


@registry.architectures("hearsay.AttributionTagger.v1")
def build_attribution_tagger(tok2vec: Model, width: int, depth: int, window_size: int, nO: Optional[int] = None) -> Model:
    """The upstream token vectors, a small trainable window encoder (wider context than the
    frozen tok2vec's: a content's edges depend on a cue several words away), then a softmax."""
    from spacy.ml.models import build_tagger_model
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder

    encoder = MaxoutWindowEncoder(width=width, depth=depth, window_size=window_size, maxout_pieces=3)
    return build_tagger_model(chain(tok2vec, with_array(encoder)), nO=nO)


def score_attribution_spans(examples: Iterable[Example], **kwargs) -> dict:
    """Exact span P/R/F per role (training's dev score; the ledger's score is `hearsay eval`)."""
    examples = list(examples)
    out = {}
    for role in ROLES:
        key = SPAN_KEYS[role]
        scores = Scorer.score_spans(examples, f"spans_{key}", getter=lambda doc, attr, k=key: list(doc.spans.get(k, [])),
                                    has_annotation=lambda doc, k=key: k in doc.spans, labeled=False, allow_overlap=True)
        out.update({f"attr_{role}_{m}": scores[f"spans_{key}_{m}"] for m in ("p", "r", "f")})
    return out


@registry.scorers("hearsay.attribution_model_scorer.v1")
def make_attribution_scorer():
    return score_attribution_spans


# ---------------------------------------------------------------------------------------
# where the tagger's arithmetic runs
#
# Nearly all of the tagger's time is three matrix products per batch (every token's window of
# 5 x 96 inputs times 480 x 288 weights). thinc multiplies with its bundled blis by default;
# numpy's OpenBLAS does these shapes about 2.5 times faster on one core (measured on the 2-core
# AMD EPYC bench machine: 0.29 s against 0.12 s for 30,000 tokens), which halves the stage. The
# English model's own components keep thinc's default, so `hearsay bench` still compares
# hearsay with spaCy as shipped.


def tagger_ops() -> NumpyOps:
    """thinc's numpy backend with its matrix products done by numpy (``use_blis=False``)."""
    return NumpyOps(use_blis=False)


_BLAS = None


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread. Left alone, OpenBLAS spreads each product
    over every core: on a busy or shared machine (and in the worker processes of `hearsay
    serve`, corpus runs and `hearsay bench --processes 2`, each already one per core) its
    threads contend and spin, costing more CPU time and wall time than one thread; hearsay's
    parallelism is whole articles in separate processes."""
    global _BLAS
    if _BLAS is None:   # found when first needed: the libraries numpy has loaded by then
        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


class AttributionTagger(Tagger):
    """A spaCy tagger whose tags are written as span groups instead of ``token.tag_`` (the
    English model's own tags stay as they are) and learned from span groups."""

    def predict(self, docs):
        """The softmax scores themselves (not only their argmax): the spans keep a confidence."""
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(0, len(self.labels)) for _ in docs]
        with one_blas_thread():
            return self.model.predict(docs)

    def set_annotations(self, docs, batch_scores):
        if isinstance(docs, Doc):
            docs = [docs]
        labels = self.labels
        codes = letter_codes(labels)
        for doc, scores in zip(docs, batch_scores):
            scores = self.model.ops.to_numpy(scores)
            if not len(scores):
                write_spans(doc, {role: [] for role in ROLES})
                continue
            letters = codes[scores.argmax(axis=1)]
            write_spans(doc, {role: ranges_of(letters[:, k]) for k, role in enumerate(ROLES)},
                        role_probabilities(labels, scores))

    def get_loss(self, examples, scores):
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False,
                                                    label_smoothing=self.cfg["label_smoothing"])
        truths = [reference_tags(eg) for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"{self.name}: loss is not a number")
        return float(loss), d_scores

    def initialize(self, get_examples, *, nlp=None, labels=None):
        tags = set(labels or ())
        if labels is None:
            for eg in get_examples():
                tags.update(t for t in reference_tags(eg) if t)
        tags.add("O" * len(ROLES))
        for tag in sorted(tags):
            self.add_label(tag)
        docs, golds = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            golds.append(self.model.ops.asarray([[1.0 if t == g else 0.0 for t in self.labels] for g in reference_tags(eg)],
                                                dtype="float32"))
        self.model.initialize(X=docs, Y=golds)

    # weights only: the arrays and the tag names, never the vocabulary (it would carry strings
    # of whatever texts passed through it)
    def weights_to_bytes(self) -> bytes:
        return self.model.to_bytes()

    def load_weights(self, model_bytes: bytes, labels: list[str]) -> None:
        for tag in labels:
            self.add_label(tag)
        self.model.from_bytes(model_bytes)


DEFAULT_MODEL = {
    "@architectures": "hearsay.AttributionTagger.v1",
    "width": 96,
    "depth": 3,
    "window_size": 2,
    "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"},
}


@Language.factory(
    "hearsay_attribution_model",
    assigns=["doc.spans"],
    default_config={"model": DEFAULT_MODEL, "label_smoothing": 0.0, "weights": "package",
                    "scorer": {"@scorers": "hearsay.attribution_model_scorer.v1"}},
    default_score_weights={"attr_content_f": 0.4, "attr_cue_f": 0.3, "attr_source_f": 0.3},
)
def make_attribution_model(nlp: Language, name: str, model: Model, label_smoothing: float, weights: str, scorer):
    """``weights``: "package" loads the trained weights shipped with hearsay; "none" leaves the
    component untrained (what ``spacy train`` starts from)."""
    if type(model.ops) is NumpyOps:   # on the CPU (a GPU run keeps its own backend)
        ops = tagger_ops()
        for node in model.walk():   # the tagger's own layers (the listener only reads doc.tensor)
            node.ops = ops
    pipe = AttributionTagger(nlp.vocab, model, name, label_smoothing=label_smoothing, scorer=scorer)
    if weights == "package":
        labels, data = read_package_weights()
        pipe.load_weights(data, labels)
    elif weights != "none":
        raise HearsayError(f"hearsay_attribution_model: weights must be 'package' or 'none', not {weights!r}")
    return pipe


def package_weights_dir():
    path = resources.files("hearsay")
    for part in WEIGHTS:
        path = path / part
    return path


def read_package_weights() -> tuple[list[str], bytes]:
    folder = package_weights_dir()
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        data = (folder / "model.bin").read_bytes()
    except FileNotFoundError as exc:
        raise HearsayError("the trained attribution model is missing from the hearsay package (run `make train`)") from exc
    return list(meta["labels"]), data
