"""Helpers the web tests share: the address they use and a form post as a browser sends it."""

from __future__ import annotations

from hearsay.web.security import CSRF_COOKIE, CSRF_FIELD

#: a loopback name the server answers to (its Host allow-list refuses "testserver")
BASE = "http://localhost"


def post_form(client, data: dict | None = None, files=None, **kwargs):
    """POST /analyze like the page's own form: with the page's CSRF token and its Origin."""
    if not client.cookies.get(CSRF_COOKIE):
        client.get("/")
    fields = {**(data or {}), CSRF_FIELD: client.cookies.get(CSRF_COOKIE)}
    headers = {"origin": BASE, **kwargs.pop("headers", {})}
    return client.post("/analyze", data=fields, files=files, headers=headers, **kwargs)
