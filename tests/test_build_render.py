"""Doc → Ledger and the renderers: timeline placement, formats, and the import boundary."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from hearsay.build import build_timeline, timeline_date
from hearsay.ledger import Claim, DateRange, Span, Time
from hearsay.render import render

SRC = Path(__file__).resolve().parents[1] / "src" / "hearsay"


def _time(tid, start, value, rng=None, type_="DATE"):
    return Time(id=tid, span=Span(start=start, end=start + 1, text="x"), type=type_, value=value,
                range=DateRange(start=rng[0], end=rng[1]) if rng else None)


def test_timeline_date_prefers_a_narrower_range():
    assert timeline_date(_time("T1", 0, "2023-08", ("2023-08-05", "2023-08-11"))) == "2023-08-05"
    assert timeline_date(_time("T1", 0, "2023-05", ("2023-05-01", "2023-05-31"))) == "2023-05"
    assert timeline_date(_time("T1", 0, "2009", ("2009-01-01", "2009-12-31"))) == "2009"
    assert timeline_date(_time("T1", 0, "P3D", type_="DURATION")) is None
    assert timeline_date(_time("T1", 0, "PAST_REF")) is None


def test_timeline_keeps_every_date_of_a_claim_sorted_by_start():
    times = [_time("T1", 3, "2022-08-04"), _time("T2", 40, "2012-08-04"), _time("T3", 80, "2023-03")]
    claims = [
        Claim(id="C1", span=Span(start=0, end=60, text="a" * 60), source="S1", times=["T2", "T1"]),
        Claim(id="C2", span=Span(start=70, end=90, text="b" * 20), source="S1", times=["T3"]),
        Claim(id="C3", span=Span(start=95, end=99, text="cccc"), source="S1"),
    ]
    timeline = build_timeline(claims, times)
    assert [(e.date, e.claim, e.time) for e in timeline] == [
        ("2012-08-04", "C1", "T2"),
        ("2022-08-04", "C1", "T1"),
        ("2023-03", "C2", "T3"),
    ]
    assert [(e.start, e.end) for e in timeline][-1] == ("2023-03-01", "2023-03-31")


def test_seasons_and_weeks_sort_by_their_first_day_among_months():
    times = [
        _time("T1", 0, "2022-06"),
        _time("T2", 10, "2022-SP", ("2022-03-01", "2022-05-31")),
        _time("T3", 20, "2022-W10", ("2022-03-07", "2022-03-13")),
        _time("T4", 30, "2022-02-10"),
    ]
    claims = [Claim(id=f"C{i}", span=Span(start=i * 10, end=i * 10 + 5, text="x" * 5), source="S1", times=[f"T{i}"]) for i in range(1, 5)]
    timeline = build_timeline(claims, times, {"S1": "anonymous"}, "2022-07-01")
    assert [e.label for e in timeline] == ["10 February 2022", "spring 2022", "week of 7 March 2022", "June 2022"]
    assert {e.source_kind for e in timeline} == {"anonymous"}


@pytest.fixture(scope="module")
def example(analyze):
    from conftest import EXAMPLE

    return analyze(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-14")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "md", "table", "terminal"])
def test_every_format_renders(example, fmt):
    out = render(example, fmt)
    assert out.strip()
    if fmt in ("json", "jsonl"):
        assert json.loads(out)["schema"] == "hearsay.ledger/1"
    if fmt == "jsonl":
        assert out.count("\n") == 1


def test_terminal_view_shows_the_verdict_first(example):
    lines = [l for l in render(example, "table").splitlines() if l.strip()]
    assert example.summary.verdict.split(";")[0][:40] in " ".join(lines[:4])


def test_markdown_escapes_table_cells(analyze):
    ledger = analyze('The mayor said the vote was 3|2 in favour. "It passed," she said.', published="2024-01-02")
    for line in render(ledger, "md").splitlines():
        if line.startswith("| ") and "3" in line:
            assert "3\\|2" in line


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_renderers_and_web_never_import_spacy():
    paths = list((SRC / "render").glob("*.py")) + [p for p in (SRC / "web.py", SRC / "store.py") if p.exists()]
    paths += list((SRC / "web").glob("*.py")) if (SRC / "web").is_dir() else []
    for path in paths:
        assert "spacy" not in _imports(path), f"{path.name} imports spaCy; it must work from Ledger objects only"


def test_birth_range_from_age_uses_the_inferred_reference_date(analyze):
    text = (
        "Dolores Pike, 81, sat in the third row on Friday, May 9, 2025. "
        "She said she would come back the next night."
    )
    ledger = analyze(text)
    assert ledger.document.published_basis == "inferred"
    pike = next(e for e in ledger.entities if e.name == "Dolores Pike")
    assert pike.age == 81 and pike.born is not None
    assert pike.born.latest[:4] in ("1943", "1944")


def test_format_terminal_is_the_terminal_view_even_when_piped(tmp_path, capsys):
    from hearsay.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Mayor Ana Ruiz said that the bridge would reopen on Monday.", encoding="utf-8")
    assert main(["analyze", str(article), "--format", "terminal", "--published", "2024-05-08"]) == 0
    out = capsys.readouterr().out  # captured: stdout is not a terminal here
    assert "\x1b[" in out and not out.lstrip().startswith("{")
    assert "The one attributed claim rests on a named source." in out
    assert main(["analyze", str(article), "--published", "2024-05-08"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("{")


def test_terminal_rows_lead_with_claim_ids_and_cues_do_not_wrap(analyze):
    from hearsay.render.terminal import to_text

    ledger = analyze(
        "The ferry will stop running in October, according to a long-serving harbour official who asked "
        "not to be named because the plan has not been announced publicly.",
        published="2024-05-08",
    )
    out = to_text(ledger, color=False, width=80)
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert any(row.split("│")[1].strip() == "C1" for row in rows)
    assert any("according to" in row for row in rows), "the cue is split over two lines"
