"""Requests → ``Article``: pasted text, an uploaded file, the JSON API's object.

Every problem the user can fix becomes a ``RequestProblem`` with a status and a plain message;
nothing here raises a 500. No web framework, no spaCy: plain functions over plain values.
"""

from __future__ import annotations

import json

from ..errors import InputError

META_FIELDS = ("title", "outlet", "published", "url")
API_FIELDS = ("text", *META_FIELDS)


def size_text(n: int) -> str:
    """A byte count as a limit reads in a message: "2 MiB", "1,000 bytes"."""
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n:,} bytes"


class RequestProblem(Exception):
    """A request the user can fix: answered with ``status`` and the message, never a 500."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def article_from_fields(text: str, meta: dict, max_chars: int, origin: str = "<pasted text>"):
    """An Article from pasted text and the optional title/outlet/published/url fields."""
    from ..ingest import from_text

    if len(text) > max_chars:
        raise RequestProblem(413, f"the article is {len(text):,} characters long; the limit is {max_chars:,}")
    if not text.strip():
        raise RequestProblem(422, "the article text is empty: paste an article or choose a file")
    check_encodable(text, "the article text")
    try:
        return from_text(text, published=meta.get("published") or None, origin=origin,
                         title=meta.get("title") or None, outlet=meta.get("outlet") or None,
                         url=meta.get("url") or None)
    except InputError as err:
        raise RequestProblem(422, err.problem + (f" (expected {err.expected})" if err.expected else "")) from None


def article_from_upload(name: str, data: bytes, meta: dict, max_chars: int, max_upload: int):
    """An Article from an uploaded .txt or .html file; the form's fields override the page's.
    HTML extraction is slow on big pages: the caller runs this off the event loop."""
    from ..ingest import check_date, decode, from_html, sniff_format

    if len(data) > max_upload:
        raise RequestProblem(413, f"the file {name} is {len(data):,} bytes; the limit is {size_text(max_upload)}")
    lower = name.lower()
    if not lower.endswith((".txt", ".html", ".htm")):
        raise RequestProblem(415, f"{name} is not a .txt or .html file")
    try:
        text = decode(data, name)
        if sniff_format(name, text) != "html":
            return article_from_fields(text, meta, max_chars, origin=name)
        article = from_html(text, name)
        if len(article.text) > max_chars:
            raise RequestProblem(413, f"the article in {name} is {len(article.text):,} characters long; the limit is {max_chars:,}")
        if meta.get("published"):
            article.published, article.published_basis = check_date(meta["published"], name), "given"
        article.title = meta.get("title") or article.title
        article.outlet = meta.get("outlet") or article.outlet
        article.url = meta.get("url") or article.url
        return article
    except InputError as err:
        raise RequestProblem(422, str(err)) from None


def meta_from(values: dict) -> dict:
    """The metadata fields of a form or JSON object: strings, trimmed, at most 500 characters
    (a URL 2,000)."""
    meta = {}
    for key in META_FIELDS:
        value = values.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise RequestProblem(422, f'field "{key}" must be a string')
        check_encodable(value, f'field "{key}"')
        value = value.strip()
        if key == "url" and value and not value.lower().startswith(("http://", "https://")):
            raise RequestProblem(422, f'field "url" must be an http:// or https:// address, not {value[:80]!r}')
        meta[key] = value[: 2000 if key == "url" else 500]
    return meta


def check_encodable(text: str, what: str) -> None:
    """JSON may carry lone surrogates ("\\ud800"), which no page or ledger can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestProblem(422, f"{what} has an invalid character (a lone surrogate) at position {exc.start}") from None


def api_payload(body: bytes, content_type: str | None) -> dict:
    """The JSON API's request object. Only ``application/json``: any other type is a "simple"
    request that another site's page could send without the browser asking first."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind != "application/json":
        raise RequestProblem(415, f"send the article as application/json, not {kind or 'a body without a Content-Type'}")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestProblem(400, f"the body is not valid JSON ({getattr(exc, 'msg', 'not UTF-8')})") from None
    except RecursionError:
        raise RequestProblem(400, "the body is not valid JSON (nested too deeply)") from None
    if not isinstance(payload, dict):
        raise RequestProblem(422, 'the body must be a JSON object with a "text" field')
    unknown = sorted(set(payload) - set(API_FIELDS))
    if unknown:
        raise RequestProblem(422, f"unknown field {unknown[0]!r}: the object takes {', '.join(API_FIELDS)}")
    if not isinstance(payload.get("text"), str):
        raise RequestProblem(422, 'the JSON object needs a string "text" field')
    return payload
