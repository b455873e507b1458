"""Corpus fixtures: small inputs in every format a run reads, written by the tests themselves."""

from __future__ import annotations

import io

import pytest

PAGE = """<!doctype html><html><head><title>{title}</title><meta property="og:site_name" content="Valley Post"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>The council will meet again next week to discuss the budget and the new ferry timetable.</p></article></body></html>"""


def warc_bytes(pages: list[tuple[str, str, str]], *, gz: bool = True, extra_request: bool = True) -> bytes:
    """A WARC with one HTML response record per (url, title, body), and a request record and a
    non-HTML response that a reader must skip."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, title, body in pages:
        if extra_request:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        html = PAGE.format(title=title, body=body).encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"}))
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://example.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=img))
    return buf.getvalue()


@pytest.fixture
def warc():
    return warc_bytes
