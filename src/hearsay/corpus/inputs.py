"""What a corpus run reads: files, folders (recursive), ``.jsonl.gz`` and WARC archives.

Plain text, HTML, JSON and JSONL go through ``hearsay.ingest`` unchanged; this module adds only
what a corpus needs on top: walking folders, gunzipping, reading WARC response records (the
HTML through the same HTML ingest, the record's URL and date kept) and giving every article a
stable id, so that a rerun recognises what it has already stored.

Article id: the record's own ``id`` field; else the file's name without extension (its path
under the folder given, for files found by walking, so ``a/1.txt`` and ``b/1.txt`` differ),
with ``:N`` for the Nth record of a multi-record file; else, for WARC, the record's URL.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..ingest import Article, decode, from_html, iter_articles, read_path

#: file endings a folder walk picks up (longest first, so ``.jsonl.gz`` wins over ``.gz``)
SUFFIXES = (".jsonl.gz", ".warc.gz", ".txt", ".html", ".htm", ".jsonl", ".json", ".warc")


@dataclass(frozen=True)
class InputFile:
    path: str          # as given or found ("-" for standard input)
    name: str          # id stem: name without extension, relative to the folder walked


def strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def walk(paths: Iterable[str]) -> Iterator[InputFile]:
    """Every input file under ``paths`` in a stable order: files as given, folders walked
    recursively (sorted) for the known endings. A missing path is passed on, so reading it
    reports the problem with its name."""
    for given in paths:
        p = Path(given)
        if given != "-" and p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(SUFFIXES))
            for f in found:
                rel = f.relative_to(p).as_posix()
                yield InputFile(str(f), strip_suffix(rel))
        else:
            yield InputFile(given, "stdin" if given == "-" else strip_suffix(p.name))


def _is_warc(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def read_input(src: InputFile, *, fmt: str = "auto", published: str | None = None) -> Iterator[Article | InputError]:
    """Articles of one input file, each with an id; a broken record is yielded as its
    InputError (the run stores it as a failure and goes on). A file that cannot be read at all
    raises InputError."""
    if _is_warc(src.path):
        items = read_warc(src.path)
    elif src.path.lower().endswith(".jsonl.gz"):
        items = iter_articles(_gunzip(src.path), src.path, fmt="jsonl", published=published)
    else:
        items = read_path(src.path, fmt=fmt, published=published)
    for item in items:
        if isinstance(item, Article) and not item.extra.get("id"):
            record = _record_number(item.origin)
            item.extra["id"] = f"{src.name}:{record}" if record else src.name
        yield item


def _record_number(origin: str) -> str | None:
    """"file.jsonl, line 7" → "7"; "file.json, record 2" → "2"; a single-article file → None."""
    for marker in (", line ", ", record "):
        if marker in origin:
            return origin.rsplit(marker, 1)[1].split()[0].rstrip(",")
    return None


def _gunzip(path: str) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(path, f"cannot decompress ({exc})", "a gzip-compressed JSONL file") from None


def _html_of(payload: bytes, content_type: str, where: str) -> str:
    charset = None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip('"').lower()
    if charset and charset not in ("utf-8", "utf8"):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass   # a wrong declared charset: fall back to the UTF-8 check, which names the byte
    return decode(payload, where)


def read_warc(path: str) -> Iterator[Article | InputError]:
    """HTML pages from a WARC's response records. Other records (requests, metadata, images)
    are skipped; a truncated or damaged record is reported and ends the file, since nothing
    after it can be located reliably."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    number, end = 0, 0
    truncated = "truncated WARC record (the file ends inside it)"
    with fh:
        try:
            records = ArchiveIterator(fh)
            for rec in records:
                number += 1
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path}, record {number}" + (f" ({url})" if url else "")
                if rec.rec_type is None or not str(rec.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    yield InputError(where, truncated, "a complete WARC record")
                    return
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                wanted = rec.rec_type == "response" and "html" in ctype.lower()
                payload = rec.content_stream().read() if wanted else None
                while rec.raw_stream.read(1 << 16):   # skipped records are read through too, to find truncation
                    pass
                if getattr(rec.raw_stream, "limit", 0):
                    yield InputError(where, truncated, "a complete WARC record")
                    return
                records.read_to_end(rec)
                end = records.get_record_offset() + records.get_record_length()
                if wanted:
                    yield from _warc_article(payload, ctype, url, rec.rec_headers.get_header("WARC-Date"), where,
                                             url or f"{Path(path).name}:{number}")
            fh.seek(end)
            if fh.read(1 << 16).strip():   # bytes after the last whole record: one was cut off
                yield InputError(f"{path}, record {number + 1}", truncated, "a complete WARC record")
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as exc:
            # AttributeError: warcio meets a header block cut short
            yield InputError(f"{path}, record {number + 1}", f"damaged or truncated WARC data ({' '.join(str(exc).split())[:200]})",
                             "a complete WARC file")


def _warc_article(payload: bytes, ctype: str, url: str, warc_date: str | None, where: str, aid: str) -> Iterator[Article | InputError]:
    try:
        art = from_html(_html_of(payload, ctype, where), where)
    except InputError as err:
        yield err
        return
    art.url = url or art.url
    date = (warc_date or "")[:10]
    if not art.published and date:
        art.published, art.published_basis = date, "given"   # the capture date: the page existed by then
    art.extra["id"] = aid
    yield art


def read_all(paths: Iterable[str], *, fmt: str = "auto", published: str | None = None) -> Iterator[Article | InputError]:
    """Every article (or error) under ``paths``; an unreadable file becomes one InputError."""
    for src in walk(paths):
        try:
            yield from read_input(src, fmt=fmt, published=published)
        except InputError as err:
            yield err
        except OSError as exc:
            yield InputError(src.path, f"cannot read ({exc.strerror or exc})")

