"""The package surface: version, CLI entry points, schema drift, ingest errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import hearsay
from hearsay.cli import main
from hearsay.errors import InputError
from hearsay.ingest import iter_articles
from hearsay.ledger import json_schema

ROOT = Path(__file__).resolve().parents[1]


def test_version_and_module_entry():
    out = subprocess.run([sys.executable, "-m", "hearsay", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"hearsay {hearsay.__version__}"


def test_committed_schema_matches_models():
    committed = json.loads((ROOT / "docs" / "ledger.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "docs/ledger.schema.json is stale: run `hearsay schema > docs/ledger.schema.json`"


def test_invalid_utf8_names_file_and_line():
    with pytest.raises(InputError) as err:
        list(iter_articles(b"fine line\nbad \xff byte", "story.txt"))
    assert "story.txt" in str(err.value) and "line 2" in str(err.value) and "UTF-8" in str(err.value)


def test_binary_is_refused_clearly():
    with pytest.raises(InputError, match="binary"):
        list(iter_articles(b"\x00\x01\x02PNG", "photo.png"))


def test_jsonl_batch_reports_broken_record_and_keeps_the_rest():
    data = b'{"text": "The mayor said the bridge would reopen."}\n{broken\n{"title": "no text"}\n{"text": "Police said two men were arrested."}\n'
    items = list(iter_articles(data, "batch.jsonl"))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if not isinstance(i, InputError)]
    assert len(articles) == 2 and len(errors) == 2
    assert "batch.jsonl, line 2" in str(errors[0]) and "line 3" in str(errors[1])


def test_bad_published_date_is_an_input_error():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(iter_articles(b"Some text.", "a.txt", published="16/08/2023"))


def test_cli_batch_skips_broken_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("The mayor said the bridge would reopen in May.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    code = main(["analyze", str(bad), str(good), "--format", "jsonl", "--published", "2024-01-10"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "bad.txt" in err and "UTF-8" in err
    ledger = json.loads(out.strip().splitlines()[0])
    assert ledger["schema"] == "hearsay.ledger/1"
    assert ledger["document"]["text"].startswith("The mayor")


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n\t  ", "No quotes at all here. Just two sentences.", 'He said "this never closes.', "Der Bürgermeister sagte, die Brücke werde im Mai wieder geöffnet."],
)
def test_odd_inputs_do_not_crash(analyze, text):
    ledger = analyze(text, published="2024-01-10")
    assert ledger.document.text == text


def test_large_article_does_not_crash(analyze):
    """A 5 MB article: news prose around a long pasted data dump (few, long tokens), so the size
    limits and every stage's linearity are exercised without minutes of parsing."""
    prose = "The council said on Tuesday that the harbor would reopen. \"It is safe,\" the mayor said.\n\n" * 300
    dump = ("row " + "x9" * 120 + "\n") * 20_000
    text = (prose + dump + prose)[:5_000_000]
    text = text + "." * (5_000_000 - len(text))
    ledger = analyze(text, published="2024-01-10")
    assert len(ledger.document.text) == 5_000_000
    assert len(ledger.claims) >= 300
