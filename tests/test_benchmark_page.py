"""`python benchmarks/make_docs.py --render-only`: the page is rebuilt from every stored result
(a section per result, none crashing on an older report's fields) and names files relative to
the repository or ../shared, never by the absolute paths they were measured on."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "benchmarks" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_render_only_writes_every_stored_section_without_absolute_paths(tmp_path):
    docs = make_docs()
    out = tmp_path / "benchmarks.md"
    assert docs.main(["--render-only", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    stored = [(step, title) for step, title, _ in docs.SECTIONS if (docs.RESULTS / f"{step}.json").exists()]
    assert stored, "no stored results in benchmarks/results"
    for step, title in stored:
        section = page.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
        assert "Not measured yet" not in section, step
        assert json.loads((docs.RESULTS / f"{step}.json").read_text(encoding="utf-8"))["_run"]["command"] in section, step
    absolute = re.findall(r"(?:^|[\s(`'\"\[])(/[\w.-]+/[\w./-]+)", page, flags=re.M)
    assert absolute == [], absolute[:5]


def test_portable_paths():
    docs = make_docs()
    assert docs.portable(f"{docs.ROOT}/eval/baseline.json and /srv/data/shared/datasets/x") == \
        "eval/baseline.json and ../shared/datasets/x"
