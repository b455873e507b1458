"""Articles in: plain text, HTML, JSON and JSONL records. Knows nothing of spaCy.

Plain text is analysed verbatim (``Article.text`` is exactly the decoded file) so that every
offset in the ledger can be checked against the file itself. The one exception is a byte-order
mark: it is not text, so it is dropped and ``Article.offset_shift`` says how many characters of
the decoded file come before ``Article.text`` (1 after a BOM, else 0).

Every problem with an input is an ``InputError`` naming the file (and record or line): a batch
reports it and goes on. Reads are capped (``MAX_INPUT_BYTES``) so a device or an endless stream
costs a bounded amount of memory, and parsers that recurse (JSON, lxml) are guarded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import InputError

HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body", "<article")

#: the most bytes read from one input (file, device or stream); beyond it the input is refused,
#: so ``/dev/zero`` or an endless pipe is an error, not a MemoryError. A JSONL batch is one
#: input, hence generous; one article's size is limited separately (``MAX_ARTICLE_CHARS``).
MAX_INPUT_BYTES = 256 * 1024 * 1024
#: the longest article analysed by default (characters); the CLI's ``--max-chars``
MAX_ARTICLE_CHARS = 20_000_000

#: byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: where an HTML page declares its encoding: <meta charset=...> or the http-equiv Content-Type
META_CHARSET = re.compile(rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
#: how far into a page the charset declaration is looked for (the HTML standard says 1024 bytes;
#: real pages put long scripts first)
CHARSET_SNIFF_BYTES = 8192
#: labels browsers read as windows-1252 (the WHATWG encoding standard), which is a superset
LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1"}


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
    #: characters of the decoded input before ``text`` (a byte-order mark): file offset = offset + shift
    offset_shift: int = 0

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


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, if Python knows it."""
    m = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return _codec(m.group(1).decode("ascii")) if m else None


def _codec(label: str | None) -> str | None:
    """A Python codec name for an encoding label (a header or meta value), else None."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text without a BOM: most of the
    odd (or even) bytes are NUL, as in ASCII-range text, and the rest are not."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.7 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.7 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def _mostly_printable(text: str) -> bool:
    """Whether decoded text reads as text: binary data that happens to fit UTF-16's NUL pattern
    decodes to control characters."""
    if not text:
        return True
    good = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return good / len(text) >= 0.9


def decode_input(data: bytes, where: str, charset: str | None = None) -> tuple[str, int]:
    """The text of an input and the characters dropped before it (1 for a byte-order mark).

    A BOM decides the encoding (UTF-8, -16, -32), then UTF-16 is recognised by its NUL bytes;
    otherwise UTF-8, and where that fails the encoding declared by the caller (an HTTP header)
    or by the page's own <meta> tag. Only then is the input called binary or invalid.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], codec, where), 1
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode_as(data, utf16, where)
        if _mostly_printable(text[:2048]):
            return text, 0
    if b"\x00" in data[:4096]:
        raise InputError(where, "looks like a binary file, not text", "UTF-8 or UTF-16 text, HTML or JSON")
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        declared = _codec(charset) or declared_charset(data)
        if declared and declared not in ("utf-8", "utf_8"):
            return _decode_as(data, declared, where), 0
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(where, f"invalid UTF-8 at byte {exc.start} (line {line})", "UTF-8 text, or HTML declaring its charset") from None


def _decode_as(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "cp1252":  # five bytes windows-1252 leaves undefined are latin-1 controls
            return data.decode("latin-1")
        raise InputError(where, f"invalid {codec} at byte {exc.start}", f"text in {codec}") from None


def decode(data: bytes, where: str) -> str:
    """The text of an input (see ``decode_input``), without its byte-order mark."""
    return decode_input(data, where)[0]


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
        raise InputError(origin, html_problem(html) or "no article body found in the HTML page", "an HTML page with an article")
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


#: libxml2's limits without its "huge" option, which trafilatura does not set: elements nested
#: deeper, or an attribute value or text node longer, end the parse early
HTML_MAX_DEPTH = 255
HTML_MAX_TEXT = 10_000_000
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
HTML_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li option td tr th dt dd".split()
)


def html_problem(html: str) -> str | None:
    """Why the HTML parser could not read a page, when a limit of the parser is the reason:
    elements nested too deep or a value too long. Checked only after extraction found nothing,
    so the cost falls on broken pages alone. (Elements whose end tag HTML lets one leave out
    are not counted as nesting, so ordinary pages never look deep.)"""
    longest = max((len(m) for m in re.findall(r"[^<>]{%d,}" % HTML_MAX_TEXT, html)), default=0)
    if longest:
        return f"the HTML page holds a value of {longest:,} characters, more than the HTML parser reads ({HTML_MAX_TEXT:,})"
    depth = deepest = 0
    for m in HTML_TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in HTML_VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest > HTML_MAX_DEPTH:
        return f"the HTML page nests elements {deepest:,} deep, more than the HTML parser reads ({HTML_MAX_DEPTH})"
    return None


def check_length(article: Article, max_chars: int = MAX_ARTICLE_CHARS) -> Article:
    """The article, or an InputError when its text is longer than ``max_chars``: analysis time
    and memory grow with the text, so the limit is the caller's bound on one article's cost."""
    if max_chars and len(article.text) > max_chars:
        raise InputError(
            article.origin,
            f"the article is {len(article.text):,} characters long, more than the limit of {max_chars:,}",
            "a shorter article, or a higher --max-chars",
        )
    return article


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


def load_json(text: str, where: str, expected: str, *, cite_line: bool = True) -> object:
    """Parsed JSON, or an InputError for invalid or too deeply nested JSON (the parser recurses,
    so nesting past Python's recursion limit is refused rather than crashing the batch)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        place = f"{where}, line {exc.lineno}" if cite_line else where
        raise InputError(place, f"not valid JSON ({exc.msg})", expected) from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply for the parser", expected) from None


def iter_articles(
    data: bytes,
    origin: str,
    *,
    fmt: str = "auto",
    published: str | None = None,
    charset: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles read from one input; a broken record is yielded as its InputError, not raised,
    so a batch goes on with the rest. ``charset`` is an encoding declared outside the bytes
    (an HTTP Content-Type header), used where the bytes are not UTF-8."""
    text, shift = decode_input(data, origin, charset)
    kind = sniff_format(origin, text) if fmt == "auto" else fmt
    if kind == "text":
        art = from_text(text, published=published, origin=origin)
        art.offset_shift = shift
        yield art
    elif kind == "html":
        art = from_html(text, origin)
        if published:
            art.published, art.published_basis = check_date(published, origin), "given"
        yield art
    elif kind == "json":
        records = load_json(text, origin, "a JSON object or array")
        for i, rec in enumerate(records if isinstance(records, list) else [records]):
            where = f"{origin}, record {i + 1}" if isinstance(records, list) else origin
            yield from _record_or_error(rec, where, published)
    elif kind == "jsonl":
        # JSON Lines ends a record at "\n" only: str.splitlines() would also split at U+2028,
        # U+2029, U+0085 and other breaks, which JSON strings may hold raw
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            where = f"{origin}, line {lineno}"
            try:
                rec = load_json(line, where, "one JSON object per line", cite_line=False)
            except InputError as err:
                yield err
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


def read_capped(stream, where: str, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """At most ``max_bytes`` from a binary stream, or an InputError when there is more: a device
    or endless pipe is refused after a bounded read instead of filling memory."""
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise InputError(where, f"more than {max_bytes:,} bytes (an endless stream or device?)", "a file of at most that size")


def read_path(
    path: str,
    *,
    fmt: str = "auto",
    published: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Article | InputError]:
    """Articles in a file (or standard input for ``-``); any problem reading it is an
    InputError naming the file, never an OSError."""
    if path == "-":
        data, origin = read_capped(sys.stdin.buffer, "<stdin>", max_bytes), "<stdin>"
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise InputError(path, "is a directory", "a file, or - for standard input")
            with p.open("rb") as fh:
                data = read_capped(fh, path, max_bytes)
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except PermissionError:
            raise InputError(path, "permission denied (the file cannot be read)") from None
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
        origin = path
    yield from iter_articles(data, origin, fmt=fmt, published=published)
