"""The ASGI middleware in front of every route: Host allow-list, body size limit, security
headers. It answers before any route or body parser runs, so a request from a rebound domain
or an oversized body costs nothing."""

from __future__ import annotations

from fastapi.responses import HTMLResponse, JSONResponse, Response

from .intake import size_text
from .security import host_allowed

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class TooLarge(Exception):
    """A streamed request body passed the limit while a route was reading it."""


def too_large(limit: int) -> str:
    return f"the request is larger than {size_text(limit)}; send a shorter article"


class Guard:
    """Adds the security headers to every response; refuses a Host outside ``allowed_hosts``
    with 421 (a DNS-rebinding page gets nothing), and request bodies over ``limit`` bytes with
    413 before any parsing: by Content-Length when there is one, else by counting the streamed
    body (the route's read then raises ``TooLarge``, which the app answers with 413)."""

    def __init__(self, app, limit: int, allowed_hosts: tuple[str, ...], error_page=None):
        self.app = app
        self.limit = limit
        self.allowed_hosts = allowed_hosts
        self.error_page = error_page  # (status, message) -> HTML of the site's error page

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.allowed_hosts):
            return await self.refuse(
                scope, send, 421,
                f"this server answers only to {', '.join(self.allowed_hosts)}, not to the host name {host or '(none)'!r}; "
                "start it with --allowed-host to add a name",
            )
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                return await self.refuse(scope, send, 400, "the Content-Length header is not a number")
            if too_big:
                return await self.refuse(scope, send, 413, too_large(self.limit))
        seen = 0

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge(too_large(self.limit))
            return message

        async def secure_send(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, counting_receive, secure_send)

    async def refuse(self, scope, send, status: int, message: str) -> None:
        """Answer before the app runs: JSON for the API, the error page otherwise."""
        if scope.get("path", "").startswith("/api/") or self.error_page is None:
            response: Response = JSONResponse({"error": message}, status_code=status)
        else:
            response = HTMLResponse(self.error_page(status, message), status_code=status)
        for k, v in SECURITY_HEADERS.items():
            response.headers[k] = v

        async def no_body():
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)
