"""Each stage's contract is true: it reads only the ``hearsay_*`` Doc state it declares in
``requires`` (or assigns itself), and ``docs/components.md`` is what the pipeline says."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from spacy.tokens.underscore import Underscore

from hearsay.extensions import DOC_EXTENSIONS
from hearsay.ingest import from_text
from hearsay.pipeline import PRE_PARSE, STAGES, parse
from hearsay.stage_docs import components_markdown

from conftest import EXAMPLE, ROOT

#: Doc state every stage may use without declaring it: the article's metadata, set by the
#: caller before any stage runs, and the warnings list any stage appends to
ALWAYS = {"hearsay_meta", "hearsay_warnings"}

CONFLICT = """Dana Ruiz, 42, runs the harbor office. She said the ferry would return in May.

Later in the day Ruiz, 45, told reporters the council had met on Tuesday."""


def declared(nlp, name: str) -> set[str]:
    meta = nlp.get_pipe_meta(name)
    return {a[len("doc._."):] for a in meta.requires + meta.assigns if a.startswith("doc._.")} | ALWAYS


def stage_sources(nlp, name: str) -> list[Path]:
    """The files of a stage: its module, or every module of its family's subpackage."""
    path = Path(sys.modules[type(nlp.get_pipe(name)).__module__].__file__)
    return sorted(path.parent.glob("*.py")) if path.name == "component.py" else [path]


@pytest.mark.parametrize("stage", (*PRE_PARSE, *STAGES))
def test_a_stage_names_only_declared_doc_state(nlp, stage):
    used = set()
    for path in stage_sources(nlp, stage):
        used |= set(re.findall(r"\bhearsay_[a-z_]+\b", path.read_text(encoding="utf-8"))) & set(DOC_EXTENSIONS)
    assert used <= declared(nlp, stage), f"{stage} uses undeclared {sorted(used - declared(nlp, stage))}"


def test_a_stage_reads_only_declared_doc_state(nlp, monkeypatch):
    """Run the stages one by one and record every ``doc._.hearsay_*`` read each makes."""
    reads: dict[str, set[str]] = {}
    current: list[str] = []
    original = Underscore.__getattr__

    def spy(self, attr):
        if current and attr.startswith("hearsay_"):
            reads.setdefault(current[-1], set()).add(attr)
        return original(self, attr)

    monkeypatch.setattr(Underscore, "__getattr__", spy)
    for text in (EXAMPLE.read_text(encoding="utf-8"), CONFLICT):
        doc = parse(nlp, text)
        doc._.hearsay_meta = from_text(text, published="2024-03-14").meta()
        for name, proc in nlp.pipeline:
            if name in STAGES:
                current.append(name)
                doc = proc(doc)
                current.pop()
    assert reads, "no reads recorded: the spy is not on the path stages read through"
    for name in STAGES:
        undeclared = reads.get(name, set()) - declared(nlp, name)
        assert not undeclared, f"{name} reads undeclared {sorted(undeclared)}"


def test_a_stage_that_reads_undeclared_state_is_caught(nlp):
    """The static check bites: relations' modules name hearsay_reference, so without that
    declaration the check above would fail."""
    used = set()
    for path in stage_sources(nlp, "hearsay_relations"):
        used |= set(re.findall(r"\bhearsay_[a-z_]+\b", path.read_text(encoding="utf-8"))) & set(DOC_EXTENSIONS)
    assert "hearsay_reference" in used


def test_components_page_is_generated_from_the_pipeline(nlp):
    page = (ROOT / "docs" / "components.md").read_text(encoding="utf-8")
    assert page == components_markdown(nlp), "docs/components.md has drifted: run `make docs`"
