"""`hearsay serve`: a local web page where a reader pastes an article and sees who says what.

Pages are rendered on the server (Jinja, autoescaped) with a little plain JavaScript from
/static, so the page works with no build step and under a strict Content-Security-Policy:
article text is untrusted and is only ever output escaped. Every page has a JSON twin
(``/api/analyze``, ``/ledger/{id}.json``, ``/health``). The spaCy pipeline loads once at
start-up; analysed ledgers are kept in memory, the most recent ``keep`` of them.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import threading
from collections import OrderedDict
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .errors import HearsayError, InputError
from .ledger import Ledger

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

MAX_CHARS = 200_000          # characters of article text analysed per request
MAX_UPLOAD = 2 * 1024 * 1024  # bytes of an uploaded file (HTML pages are larger than their text)
FORM_OVERHEAD = 64 * 1024     # the other form fields and multipart framing
KEEP = 100                    # ledgers kept in memory

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
META_FIELDS = ("title", "outlet", "published")


class RequestProblem(Exception):
    """A request the user can fix: answered with ``status`` and the message, never a 500."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class LedgerStore:
    """The most recently analysed ledgers, bounded: the oldest is dropped past ``size``."""

    def __init__(self, size: int = KEEP):
        self.size = max(1, size)
        self._items: OrderedDict[str, Ledger] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, ledger: Ledger) -> str:
        key = secrets.token_hex(6)
        with self._lock:
            self._items[key] = ledger
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Ledger | None:
        with self._lock:
            ledger = self._items.get(key)
            if ledger is not None:
                self._items.move_to_end(key)
            return ledger

    def __len__(self) -> int:
        return len(self._items)


class Guard:
    """ASGI middleware in front of every route: adds the security headers to every response,
    and refuses request bodies over ``limit`` bytes with 413 before any parsing — by the
    Content-Length header when there is one, else by counting the streamed body (the route's
    read then raises ``_TooLarge``, which the app answers with 413)."""

    def __init__(self, app, limit: int, error_page=None):
        self.app = app
        self.limit = limit
        self.error_page = error_page  # (status, message) -> HTML of the site's error page

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
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
                    raise _TooLarge(too_large(self.limit))
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


def too_large(limit: int) -> str:
    return f"the request is larger than {_size(limit)}; send a shorter article"


class _TooLarge(Exception):
    """A streamed request body passed the limit while a route was reading it."""


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n:,} bytes"


# ---------------------------------------------------------------------------------------------
# reading requests into Articles


def article_from_fields(text: str, meta: dict, max_chars: int, origin: str = "<pasted text>"):
    """An Article from pasted text and the optional title/outlet/published fields."""
    from .ingest import from_text

    if len(text) > max_chars:
        raise RequestProblem(413, f"the article is {len(text):,} characters long; the limit is {max_chars:,}")
    if not text.strip():
        raise RequestProblem(422, "the article text is empty: paste an article or choose a file")
    check_encodable(text, "the article text")
    try:
        return from_text(text, published=meta.get("published") or None, origin=origin,
                         title=meta.get("title") or None, outlet=meta.get("outlet") or None)
    except InputError as err:
        raise RequestProblem(422, err.problem + (f" (expected {err.expected})" if err.expected else "")) from None


def article_from_upload(name: str, data: bytes, meta: dict, max_chars: int, max_upload: int):
    """An Article from an uploaded .txt or .html file; the form's fields override the page's."""
    from .ingest import check_date, decode, from_html, sniff_format

    if len(data) > max_upload:
        raise RequestProblem(413, f"the file {name} is {len(data):,} bytes; the limit is {_size(max_upload)}")
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
        return article
    except InputError as err:
        raise RequestProblem(422, str(err)) from None


def meta_from(values: dict) -> dict:
    meta = {}
    for key in META_FIELDS:
        value = values.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise RequestProblem(422, f'field "{key}" must be a string')
        check_encodable(value, f'field "{key}"')
        meta[key] = value.strip()[:500]
    return meta


def check_encodable(text: str, what: str) -> None:
    """JSON may carry lone surrogates ("\\ud800"), which no page or ledger can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestProblem(422, f"{what} has an invalid character (a lone surrogate) at position {exc.start}") from None


# ---------------------------------------------------------------------------------------------
# the application


def create_app(
    nlp=None,
    *,
    model: str | None = None,
    max_chars: int = MAX_CHARS,
    max_upload: int = MAX_UPLOAD,
    keep: int = KEEP,
) -> FastAPI:
    """The web app. ``nlp`` is an already loaded pipeline (tests share theirs); without one the
    pipeline named by ``model`` loads once, at start-up."""
    from contextlib import asynccontextmanager

    from .render import html as article_view
    from .render import views

    state = {"nlp": nlp}
    store = LedgerStore(keep)
    lock = threading.Lock()  # one analysis at a time: a pipeline is not shared across threads
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals.update(version=__version__, max_chars=max_chars, max_upload=_size(max_upload))

    @asynccontextmanager
    async def lifespan(app):
        if state["nlp"] is None:
            from . import load_pipeline

            state["nlp"] = await run_in_threadpool(load_pipeline, model)
        yield

    app = FastAPI(title="hearsay", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def page(name: str, code: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=code)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(".json")

    def problem(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return page("error.html", status, status=status, message=message)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception):
        # a fault in hearsay, not in the request: say so plainly instead of a bare 500
        response = problem(request, 500, f"hearsay failed on this request ({type(exc).__name__}: {exc}); please report it with the article")
        for k, v in SECURITY_HEADERS.items():
            response.headers[k] = v
        return response

    @app.exception_handler(_TooLarge)
    async def on_too_large(request: Request, exc: _TooLarge):
        return problem(request, 413, str(exc))

    @app.exception_handler(RequestProblem)
    async def on_problem(request: Request, exc: RequestProblem):
        return problem(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):
        messages = {404: "no such page", 405: "this address does not take that method"}
        message = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed") else messages.get(exc.status_code, str(exc.detail))
        return problem(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        return problem(request, 422, "; ".join(str(e.get("msg", e)) for e in exc.errors()) or "invalid request")

    async def analyse(article) -> tuple[str, Ledger]:
        from . import analyze_article

        def work():
            with lock:
                return analyze_article(article, nlp=state["nlp"])

        try:
            ledger = await run_in_threadpool(work)
        except HearsayError as err:
            raise RequestProblem(422, str(err)) from None
        return store.add(ledger), ledger

    def twin(key: str, ledger: Ledger) -> JSONResponse:
        return JSONResponse({"id": key, **ledger.to_dict()}, headers={"link": f'</ledger/{key}>; rel="alternate"; type="text/html"'})

    @app.get("/", response_class=HTMLResponse)
    async def index():
        return page("index.html", values={}, error=None)

    @app.get("/example", response_class=HTMLResponse)
    async def example():
        """The input page filled in with the article that ships with hearsay, to try it out."""
        text = (HERE / "examples" / "harbor-council.txt").read_text(encoding="utf-8")
        return page("index.html", values={"text": text, "published": "2024-03-14"}, error=None)

    @app.get("/health")
    async def health():
        nlp_ = state["nlp"]
        return {
            "status": "ok" if nlp_ is not None else "starting",
            "version": __version__,
            "pipeline": list(nlp_.pipe_names) if nlp_ is not None else [],
            "ledgers": len(store),
            "keep": store.size,
            "max_chars": max_chars,
            "max_upload": max_upload,
        }

    @app.post("/api/analyze")
    async def api_analyze(request: Request):
        body = await request.body()
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RequestProblem(400, f"the body is not valid JSON ({getattr(exc, 'msg', 'not UTF-8')})") from None
        except RecursionError:
            raise RequestProblem(400, "the body is not valid JSON (nested too deeply)") from None
        if not isinstance(payload, dict):
            raise RequestProblem(422, 'the body must be a JSON object with a "text" field')
        unknown = sorted(set(payload) - {"text", "url", *META_FIELDS})
        if unknown:
            raise RequestProblem(422, f"unknown field {unknown[0]!r}: the object takes text, title, outlet, published and url")
        text = payload.get("text")
        if not isinstance(text, str):
            raise RequestProblem(422, 'the JSON object needs a string "text" field')
        article = article_from_fields(text, meta_from(payload), max_chars)
        url = payload.get("url")
        if url is not None and not isinstance(url, str):
            raise RequestProblem(422, 'field "url" must be a string')
        check_encodable(url or "", 'field "url"')
        article.url = url or None
        key, ledger = await analyse(article)
        return twin(key, ledger)

    @app.post("/analyze")
    async def form_analyze(request: Request):
        from starlette.formparsers import MultiPartException

        try:
            form = await request.form(max_files=1, max_fields=8, max_part_size=max_upload + FORM_OVERHEAD)
        except MultiPartException as exc:
            raise RequestProblem(400, f"the form could not be read: {exc.message}") from None
        except AssertionError:
            raise RequestProblem(400, "the form could not be read (install python-multipart)") from None
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        try:
            meta = meta_from(values)
            if upload is not None and not isinstance(upload, str) and upload.filename:
                data = await upload.read(max_upload + 1)
                article = article_from_upload(upload.filename, data, meta, max_chars, max_upload)
            else:
                # browsers send a textarea's line breaks as CRLF (HTML spec); the pasted text had LF
                article = article_from_fields(values.get("text", "").replace("\r\n", "\n"), meta, max_chars)
            key, _ = await analyse(article)
        except RequestProblem as exc:
            keep_values = {k: v for k, v in values.items() if k in META_FIELDS or (k == "text" and len(v) <= max_chars)}
            return page("index.html", exc.status, values=keep_values, error=exc.message)
        finally:
            await form.close()
        return RedirectResponse(f"/ledger/{key}", status_code=303)

    def stored(key: str) -> Ledger:
        ledger = store.get(key)
        if ledger is None:
            raise RequestProblem(404, f"no ledger {key!r} is kept here: the server keeps the last {store.size} analyses in memory; analyse the article again")
        return ledger

    @app.get("/ledger/{key}.json")
    async def ledger_json(key: str):
        return twin(key, stored(key))

    @app.get("/ledger/{key}", response_class=HTMLResponse)
    async def ledger_page(key: str):
        ledger = stored(key)
        claims = article_view.claim_views(ledger)
        groups = views.claims_by_source(ledger)
        sources = {s.id: s for s in ledger.sources}
        return page(
            "ledger.html",
            key=key,
            ledger=ledger,
            doc=ledger.document,
            verdict=views.verdict(ledger),
            article=article_view.article_html(ledger),
            claims=claims,
            groups=groups,
            source_title=views.source_title,
            mark_class=article_view.mark_class,
            kind_labels=views.KIND_LABELS,
            people=article_view.people(ledger),
            relations=list(zip([r.id for r in ledger.relations], views.relation_lines(ledger))),
            no_comment=[(sources.get(n.source), n) for n in ledger.no_comment],
            targets=article_view.ref_targets(ledger),
            timeline=article_view.timeline_points(ledger),
        )

    app.add_middleware(
        Guard,
        limit=body_limit(max_chars, max_upload),
        error_page=lambda status, message: env.get_template("error.html").render(status=status, message=message),
    )
    return app


# ---------------------------------------------------------------------------------------------
# the `hearsay serve` command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--model", default=None, help="spaCy pipeline package to use")
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS, help="longest article text accepted, in characters")
    parser.add_argument("--max-upload", type=int, default=MAX_UPLOAD, help="largest uploaded file accepted, in bytes")
    parser.add_argument("--keep", type=int, default=KEEP, help="analysed ledgers kept in memory")


def build_app(args) -> FastAPI:
    """The app with the pipeline loaded now, before the server listens, not on first use."""
    from . import load_pipeline

    nlp = load_pipeline(args.model)
    return create_app(nlp, max_chars=args.max_chars, max_upload=args.max_upload, keep=args.keep)


def body_limit(max_chars: int, max_upload: int) -> int:
    """Largest request body: an upload, or pasted text at up to 4 UTF-8 bytes a character."""
    return max(max_upload, 4 * max_chars) + FORM_OVERHEAD


def run(args) -> int:
    import uvicorn

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"hearsay: warning: listening on {args.host}: anyone who can reach it can use this page", file=sys.stderr)
    app = build_app(args)
    print(f"hearsay: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
