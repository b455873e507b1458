"""What a corpus run reads: folders, JSONL(.gz), WARC; ids; and every kind of bad input
reported with its file (and line or record), never raised out of the batch."""

from __future__ import annotations

import gzip
import json

from hearsay.corpus.inputs import read_all, walk
from hearsay.errors import InputError

BODY = "Officials said the bridge would reopen in May after repairs to its deck and railings were finished."


def split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_folder_walk_is_recursive_sorted_and_names_by_relative_path(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "1.txt").write_text(BODY)
    (tmp_path / "a" / "deep" / "1.txt").write_text(BODY + " Again.")
    (tmp_path / "notes.md").write_text("not an article")
    names = [f.name for f in walk([str(tmp_path)])]
    assert names == ["a/deep/1", "b/1"]
    arts, errs = split(list(read_all([str(tmp_path)])))
    assert [a.extra["id"] for a in arts] == ["a/deep/1", "b/1"] and not errs


def test_jsonl_ids_come_from_records_else_file_and_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [{"id": "x-1", "text": BODY}, {"text": BODY + " Two."}]) + "\n")
    arts, _ = split(list(read_all([str(path)])))
    assert [a.extra["id"] for a in arts] == ["x-1", "wire:2"]


def test_jsonl_gz_is_read_like_jsonl(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": BODY, "outlet": "Valley Post", "published": "2024-03-02"}) + "\n")
    [art] = list(read_all([str(path)]))
    assert (art.extra["id"], art.outlet, art.published) == ("g1", "Valley Post", "2024-03-02")


def test_broken_gzip_is_reported(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00 this is not really gzip")
    [err] = list(read_all([str(path)]))
    assert isinstance(err, InputError) and str(path) in str(err) and "decompress" in str(err)


def test_warc_html_responses_keep_url_and_date(tmp_path, warc):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([("http://example.org/bridge", "Bridge to reopen", BODY)]))
    arts, errs = split(list(read_all([str(path)])))
    assert not errs and len(arts) == 1
    art = arts[0]
    assert art.extra["id"] == "http://example.org/bridge" and art.url == "http://example.org/bridge"
    assert "bridge would reopen" in art.text and art.published == "2024-03-05"


def test_truncated_warc_record_is_reported_after_the_whole_ones(tmp_path, warc):
    data = warc([("http://example.org/1", "One", BODY), ("http://example.org/2", "Two", BODY + " More.")], gz=False)
    cut = data[: data.index(b"http://example.org/2") + 600]
    path = tmp_path / "crawl.warc"
    path.write_bytes(cut)
    arts, errs = split(list(read_all([str(path)])))
    assert [a.extra["id"] for a in arts] == ["http://example.org/1"]
    assert len(errs) == 1 and "truncated WARC record" in str(errs[0]) and str(path) in str(errs[0])


def test_bad_inputs_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(json.dumps({"id": "ok", "text": BODY}) + "\n{broken\n" + json.dumps({"id": "empty", "title": "no text"}) + "\n")
    (tmp_path / "good.txt").write_text(BODY)
    arts, errs = split(list(read_all([str(tmp_path), str(tmp_path / "missing.txt")])))
    assert [a.extra["id"] for a in arts] == ["good", "ok"]
    messages = sorted(str(e) for e in errs)
    assert any("binary.txt" in m and "binary" in m for m in messages)
    assert any("latin.txt" in m and "invalid UTF-8" in m and "line 1" in m for m in messages)
    assert any("lines.jsonl, line 2" in m and "not valid JSON" in m for m in messages)
    assert any("lines.jsonl, line 3" in m and '"text"' in m for m in messages)
    assert any("missing.txt" in m and "no such file" in m for m in messages)


def test_unreadable_file_is_reported(tmp_path):
    import os

    path = tmp_path / "locked.txt"
    path.write_text(BODY)
    os.chmod(path, 0)
    try:
        items = list(read_all([str(path)]))
    finally:
        os.chmod(path, 0o644)
    if os.geteuid() == 0:   # root reads any file: the case cannot arise
        assert not isinstance(items[0], InputError)
    else:
        assert isinstance(items[0], InputError) and "locked.txt" in str(items[0])
