"""Articles in: plain text, HTML, JSON and JSONL records. Knows nothing of spaCy.

Plain text is analysed verbatim (``Article.text`` is exactly the decoded file) so that every
offset in the ledger can be checked against the file itself.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import InputError

HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body", "<article")


@dataclass
class Article:
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_basis: str = "unknown"   # given | html | inferred | unknown
    origin: str = "<text>"             # file name (and record line) for messages
    extra: dict = field(default_factory=dict)

    def meta(self) -> dict:
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "published_basis": self.published_basis,
        }


def check_date(value: str, where: str) -> str:
    """An ISO date (YYYY-MM-DD), or an InputError naming where it came from."""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(where, f"publication date {value!r} is not a date", "YYYY-MM-DD") from None


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(where, "looks like a binary file, not text", "UTF-8 text, HTML or JSON")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(where, f"invalid UTF-8 at byte {exc.start} (line {line})", "UTF-8 text") from None
    return text[1:] if text.startswith("\ufeff") else text


HEADLINE_MAX = 200


def headline_of(text: str) -> str | None:
    """A headline at the top of a plain-text article: one short line, then a blank line, not
    ending like a sentence of body text."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > HEADLINE_MAX or not rest.startswith(("\n", "\r\n")):
        return None
    return None if first.endswith((".", ",", ";", ":")) and not first.endswith("...") else first


def from_text(text: str, *, published: str | None = None, origin: str = "<text>", **meta) -> Article:
    art = Article(text=text, origin=origin, **meta)
    if art.title is None:
        art.title = headline_of(text)
    if published:
        art.published = check_date(published, origin)
        art.published_basis = "given"
    return art


def from_html(html: str, origin: str) -> Article:
    import trafilatura
    from htmldate import find_date

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body:
        raise InputError(origin, "no article body found in the HTML page", "an HTML page with an article")
    meta = trafilatura.extract_metadata(html)
    art = Article(text=body, origin=origin)
    if meta is not None:
        art.title = meta.title or None
        art.outlet = meta.sitename or None
        art.url = meta.url or None
    try:
        date = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd markup; a page without a date is fine
        date = None
    if date:
        art.published, art.published_basis = date, "html"
    return art


def from_record(record: object, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON {type(record).__name__}, not an object", 'an object with a "text" field')
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(where, 'the record has no string "text" field', 'an object with a "text" field')
    for key in ("title", "outlet", "url", "published"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(where, f'field "{key}" is not a string')
    art = from_text(
        text,
        published=record.get("published"),
        origin=where,
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
    )
    if isinstance(record.get("id"), (str, int)) and not isinstance(record.get("id"), bool) and str(record["id"]).strip():
        art.extra["id"] = str(record["id"]).strip()   # the record's own id names it in a store
    return art


def sniff_format(name: str, text: str) -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith(".jsonl"):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".txt"):
        return "text"
    head = text.lstrip()[:200].lower()
    if head.startswith(HTML_SNIFF):
        return "html"
    return "text"


def iter_articles(
    data: bytes, origin: str, *, fmt: str = "auto", published: str | None = None
) -> Iterator[Article | InputError]:
    """Articles read from one input; a broken record is yielded as its InputError, not raised,
    so a batch goes on with the rest."""
    text = decode(data, origin)
    kind = sniff_format(origin, text) if fmt == "auto" else fmt
    if kind == "text":
        yield from_text(text, published=published, origin=origin)
    elif kind == "html":
        art = from_html(text, origin)
        if published:
            art.published, art.published_basis = check_date(published, origin), "given"
        yield art
    elif kind == "json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}, line {exc.lineno}", f"not valid JSON ({exc.msg})", "a JSON object or array") from None
        for i, rec in enumerate(records if isinstance(records, list) else [records]):
            where = f"{origin}, record {i + 1}" if isinstance(records, list) else origin
            yield from _record_or_error(rec, where, published)
    elif kind == "jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{origin}, line {lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"not valid JSON ({exc.msg})", "one JSON object per line")
                continue
            yield from _record_or_error(rec, where, published)
    else:
        raise InputError(origin, f"unknown input format {fmt!r}", "auto, text, html, json or jsonl")


def _record_or_error(rec: object, where: str, published: str | None) -> Iterator[Article | InputError]:
    try:
        art = from_record(rec, where)
    except InputError as err:
        yield err
        return
    if published and not art.published:
        art.published, art.published_basis = check_date(published, where), "given"
    yield art


def read_path(path: str, *, fmt: str = "auto", published: str | None = None) -> Iterator[Article | InputError]:
    if path == "-":
        data, origin = sys.stdin.buffer.read(), "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(path, "no such file")
        if p.is_dir():
            raise InputError(path, "is a directory", "a file, or - for standard input")
        data, origin = p.read_bytes(), path
    yield from iter_articles(data, origin, fmt=fmt, published=published)
