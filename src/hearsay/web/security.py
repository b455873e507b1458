"""What keeps other web pages from using this server: Host allow-list, same-origin form posts
with a CSRF token, JSON-only API, and a per-client rate limit.

The server runs on a reader's own computer, so the attacker is any page that reader visits:
it can make the browser post a form to ``127.0.0.1`` (hence the Origin check and the token),
send a ``text/plain`` "simple" request without a preflight (hence JSON only), or rebind a
domain name to the loopback address (hence the Host allow-list). Pure functions and a small
class; the middleware and routes call them.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from urllib.parse import urlsplit

#: names under which a server bound to the loopback address is reached
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

CSRF_COOKIE = "hearsay_csrf"
CSRF_FIELD = "csrf"


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port (``[::1]:8000`` → ``::1``)."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host_header: str | None, allowed: tuple[str, ...]) -> bool:
    if "*" in allowed:
        return True
    return bool(host_header) and host_name(host_header) in {h.lower() for h in allowed}


def same_origin(headers, host_header: str | None) -> str | None:
    """None when a form post comes from this server's own page, else why it is refused.

    Browsers send ``Origin`` with every POST; older ones send only ``Referer``. A post with
    neither comes from a program, not a page, and programs have the JSON API."""
    origin = headers.get("origin")
    if origin and origin != "null":
        where = urlsplit(origin).netloc
    elif headers.get("referer"):
        where = urlsplit(headers["referer"]).netloc
    else:
        return "the form was sent without an Origin or Referer header; programs should use POST /api/analyze"
    if not host_header or where.lower() != host_header.lower():
        return f"the form was sent from another site ({where or 'an opaque origin'}); open the page on this server and send it from there"
    return None


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_matches(cookie: str | None, field: str | None) -> bool:
    """Double-submit check: the form field must repeat the cookie, which other sites can
    neither read nor set (SameSite=Strict, HttpOnly)."""
    return bool(cookie) and bool(field) and hmac.compare_digest(cookie, field)


class RateLimiter:
    """A token bucket per client address: ``per_minute`` analyses a minute, bursts up to
    ``burst``. ``per_minute`` 0 turns it off (a load test on loopback)."""

    def __init__(self, per_minute: float, burst: int | None = None, clock=time.monotonic):
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else max(1, int(per_minute // 6)))
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when ``client`` may go ahead, else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                if len(self._buckets) > 10_000:  # forget clients that have refilled
                    self._buckets = {k: v for k, v in self._buckets.items() if v[0] < self.burst - 1}
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate
