"""Hostile inputs, generated at test time: each is one clear InputError naming the file (and
record or line), never a traceback, and the rest of a batch is still read and analysed."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from hearsay.cli import main
from hearsay.errors import InputError
from hearsay.ingest import check_length, from_text, iter_articles, read_capped, read_path

GOOD = "The mayor said on Tuesday that the bridge would reopen in May."
PROSE = "The mayor said the bridge would reopen soon, and the council agreed with her. " * 20


def split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def one_line(err: InputError) -> str:
    text = str(err)
    assert "\n" not in text and "Traceback" not in text
    return text


# --- files that cannot be read ---------------------------------------------------------------


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # root reads any file, so the denial is simulated
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    code = main(["analyze", str(locked), str(good), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "locked.txt: permission denied" in err and "Traceback" not in err
    assert json.loads(out.strip().splitlines()[0])["document"]["text"] == GOOD


def test_endless_stream_is_read_with_a_byte_cap():
    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buf):
            buf[:] = b"a" * len(buf)
            return len(buf)

    with pytest.raises(InputError, match="more than 1,000,000 bytes") as err:
        read_capped(Endless(), "<stdin>", 1_000_000)
    assert one_line(err.value).startswith("<stdin>:")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a /dev/zero device")
def test_a_device_is_refused_after_a_bounded_read():
    with pytest.raises(InputError, match="/dev/zero: more than 4,096 bytes"):
        list(read_path("/dev/zero", max_bytes=4096))


def test_a_directory_and_a_missing_file_name_themselves(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        list(read_path(str(tmp_path)))
    with pytest.raises(InputError, match="nope.txt: no such file"):
        list(read_path(str(tmp_path / "nope.txt")))


def test_an_over_long_article_is_refused_by_the_cli(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    code = main(["analyze", str(big), str(small), "--format", "jsonl", "--max-chars", "100"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "big.txt: the article is 620 characters long, more than the limit of 100" in err
    assert len(out.strip().splitlines()) == 1
    assert check_length(from_text(GOOD * 10), 0).text == GOOD * 10  # 0: no limit


# --- JSON and JSONL ----------------------------------------------------------------------------


def test_json_nested_100000_deep_is_an_input_error():
    with pytest.raises(InputError, match="nested too deeply") as err:
        list(iter_articles(b"[" * 100_000 + b"]" * 100_000, "deep.json"))
    assert one_line(err.value).startswith("deep.json:")


def test_deep_jsonl_line_is_reported_and_the_good_lines_kept():
    data = (
        json.dumps({"text": GOOD}).encode() + b"\n"
        + b'{"a": ' * 100_000 + b"\n"
        + json.dumps({"text": "Police said two men were arrested."}).encode() + b"\n"
    )
    articles, errors = split(list(iter_articles(data, "batch.jsonl")))
    assert [a.text for a in articles] == [GOOD, "Police said two men were arrested."]
    assert len(errors) == 1 and one_line(errors[0]).startswith("batch.jsonl, line 2:")


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_jsonl_splits_records_at_newline_only(sep):
    first = f"First line{sep}still the same record."
    data = (json.dumps({"text": first}, ensure_ascii=False) + "\n" + '{"broken\n' + json.dumps({"text": GOOD}) + "\n").encode()
    articles, errors = split(list(iter_articles(data, "odd.jsonl")))
    assert [a.text for a in articles] == [first, GOOD]
    assert [str(e).split(":")[0] for e in errors] == ["odd.jsonl, line 2"]


# --- encodings ---------------------------------------------------------------------------------


def latin1_page(meta: str) -> bytes:
    body = "<p>Le café est très réputé, a déclaré le maire de la ville mardi soir. </p>" * 8
    return f"<html><head>{meta}<title>Café</title></head><body><article>{body}</article></body></html>".encode("latin-1")


@pytest.mark.parametrize(
    "meta",
    ['<meta charset="ISO-8859-1">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'],
)
def test_html_declared_charset_decodes(meta):
    (article,) = list(iter_articles(latin1_page(meta), "page.html"))
    assert "café est très réputé" in article.text


def test_charset_from_a_header_decodes_an_undeclared_page():
    (article,) = list(iter_articles(latin1_page(""), "page.html", charset="ISO-8859-1"))
    assert "déclaré" in article.text
    with pytest.raises(InputError, match="invalid UTF-8"):
        list(iter_articles(latin1_page(""), "page.html"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_decoded_not_called_binary(codec):
    (article,) = list(iter_articles(GOOD.encode(codec), "story.txt"))
    assert article.text == GOOD


def test_utf8_bom_is_an_offset_shift():
    data = b"\xef\xbb\xbf" + GOOD.encode()
    (article,) = list(iter_articles(data, "bom.txt"))
    assert article.text == GOOD and article.offset_shift == 1
    decoded = data.decode("utf-8")
    assert decoded[article.offset_shift :] == article.text


# --- HTML the parser cannot read --------------------------------------------------------------


def test_over_deep_html_says_so():
    page = b"<html><body>" + b"<div>" * 10_000 + f"<p>{PROSE}</p>".encode() + b"</div>" * 10_000 + b"</body></html>"
    with pytest.raises(InputError, match="nests elements 10,00[0-9] deep") as err:
        list(iter_articles(page, "deep.html"))
    assert "no article body" not in one_line(err.value)


def test_huge_attribute_says_so():
    page = b'<html><body><article><div data-blob="' + b"x" * 10_500_000 + f'"><p>{PROSE}</p></div></article></body></html>'.encode()
    with pytest.raises(InputError, match="a value of 10,500,0[0-9]+ characters") as err:
        list(iter_articles(page, "blob.html"))
    assert one_line(err.value).startswith("blob.html:")


def test_ordinary_html_without_an_article_keeps_its_message():
    page = b"<html><body>" + b"<div><ul><li>Home<li>News</ul></div>" * 50 + b"</body></html>"
    with pytest.raises(InputError, match="no article body"):
        list(iter_articles(page, "nav.html"))


def test_a_batch_of_hostile_files_gives_one_line_each_and_the_good_ledger(tmp_path, capsys):
    files = {
        "deep.json": b"[" * 100_000,
        "odd.jsonl": b'{"text": 1}\n' + b"[" * 50_000 + b"\n",
        "utf16.txt": GOOD.encode("utf-16"),
        "zero.bin": b"\x00\x01" * 100,
        "blank.html": b"<html><body><div>" * 400 + b"</body></html>",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in files] + [str(tmp_path / "missing.txt"), str(tmp_path)]
    code = main(["analyze", *paths, "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 7 and all(line.startswith("hearsay: skipped ") for line in lines)
    for name in ("deep.json", "odd.jsonl, line 1", "odd.jsonl, line 2", "zero.bin", "blank.html", "missing.txt"):
        assert sum(name in line for line in lines) >= 1, name
    (ledger,) = [json.loads(line) for line in out.strip().splitlines()]
    assert ledger["document"]["text"] == GOOD
