"""The FastAPI application: thin routes that hand each request to its page function
(``pages.py``) and answer in the format asked for (the HTML page or its ``.json`` twin), plus the
error answers.

Pages are rendered on the server (Jinja, autoescaped) with a little plain JavaScript from
/static, so the page works with no build step and under a strict Content-Security-Policy:
article text is untrusted and is only ever output escaped. Analysis runs in worker processes
(``workers.py``), never on the event loop; analysed ledgers are kept by a ``Keeper``. Routes are
module-level functions that find what they share in ``request.app.state.web`` (a ``Web``).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from . import pages, security
from .guard import SECURITY_HEADERS, Guard, TooLarge
from .intake import META_FIELDS, RequestProblem, api_payload, article_from_fields, article_from_upload, meta_from, size_text
from .keeper import Keeper, MemoryKeeper, article_id
from .workers import AnalysisBusy, AnalysisFailed, AnalysisTimeout, Analyser, InlineAnalyser

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"

MAX_CHARS = 200_000           # characters of article text analysed per request
MAX_UPLOAD = 2 * 1024 * 1024  # bytes of an uploaded file (HTML pages are larger than their text)
FORM_OVERHEAD = 64 * 1024     # the other form fields and multipart framing
KEEP = 100                    # ledgers kept in memory with --no-store
RATE_LIMIT = 60               # analyses a minute per client address


def body_limit(max_chars: int, max_upload: int) -> int:
    """Largest request body: an upload, or pasted text at up to 4 UTF-8 bytes a character."""
    return max(max_upload, 4 * max_chars) + FORM_OVERHEAD


@dataclass
class Web:
    """What the routes share: the analysis, the keeper, the limits, the templates."""

    analyser: Analyser
    keeper: Keeper
    limiter: security.RateLimiter
    env: Environment
    max_chars: int
    max_upload: int


def web_of(request: Request) -> Web:
    return request.app.state.web


# --- answering -----------------------------------------------------------------------------


def render(web: Web, template: str, code: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(web.env.get_template(template).render(**context), status_code=code)


def answer(request: Request, page: pages.Page, fmt: str = "html", headers: dict | None = None) -> Response:
    """A page in the format asked for; HTML pages carry a CSRF token for their forms."""
    if fmt == "json":
        return JSONResponse(page.data, status_code=page.status, headers=headers)
    token = request.cookies.get(security.CSRF_COOKIE) or security.new_token()
    response = render(web_of(request), page.template, page.status, **{**page.data, **page.context, "csrf": token})
    response.set_cookie(security.CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


def problem(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """An error as JSON for the API and ``.json`` twins, as the error page otherwise."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        response: Response = JSONResponse({"error": message}, status_code=status)
    else:
        response = render(web_of(request), "error.html", status, status=status, message=message)
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


async def on_bug(request: Request, exc: Exception):
    # a fault in hearsay, not in the request: say so plainly instead of a bare 500
    return problem(request, 500, f"hearsay failed on this request ({type(exc).__name__}: {exc}); please report it with the article",
                   SECURITY_HEADERS)


async def on_too_large(request: Request, exc: TooLarge):
    return problem(request, 413, str(exc))


async def on_problem(request: Request, exc: RequestProblem):
    return problem(request, exc.status, exc.message, exc.headers)


async def on_http(request: Request, exc: StarletteHTTPException):
    messages = {404: "no such page", 405: "this address does not take that method"}
    plain = isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed")
    return problem(request, exc.status_code, exc.detail if plain else messages.get(exc.status_code, str(exc.detail)))


async def on_invalid(request: Request, exc: RequestValidationError):
    return problem(request, 422, "; ".join(str(e.get("msg", e)) for e in exc.errors()) or "invalid request")


# --- analysing -----------------------------------------------------------------------------


async def analyse_and_keep(request: Request, article) -> str:
    """Analyse ``article`` (or find it already kept) and keep its ledger; its permalink id."""
    web = web_of(request)
    key = article_id(article)
    if await run_in_threadpool(web.keeper.get, key) is not None:  # same article, same fields: same page
        return key
    wait = web.limiter.take(request.client.host if request.client else "-")
    if wait:
        raise RequestProblem(429, f"too many analyses from this address; try again in {wait:.0f} s",
                             {"retry-after": str(max(1, round(wait)))})
    try:
        ledger = await web.analyser.analyse(article)
    except AnalysisBusy:
        raise RequestProblem(503, "every analysis worker is busy; try again in a minute", {"retry-after": "60"}) from None
    except AnalysisTimeout:
        raise RequestProblem(504, f"the analysis took longer than this server's limit of {getattr(web.analyser, 'timeout', 0):.0f} s "
                             "and was stopped; a shorter article, or one without long runs of punctuation, will go through") from None
    except AnalysisFailed as exc:
        if exc.user:
            raise RequestProblem(422, str(exc)) from None
        raise RequestProblem(500, f"hearsay failed on this article ({exc}); please report it with the article") from None
    # the id the keeper answers with: this one, or the stored analysis of the same text and details
    return await run_in_threadpool(web.keeper.put, key, article, ledger)


async def form_article(request: Request, form, values: dict):
    """The form's Article: its CSRF token checked, then the upload (extracted off the event
    loop) or the pasted text."""
    web = web_of(request)
    if not security.token_matches(request.cookies.get(security.CSRF_COOKIE), values.get(security.CSRF_FIELD)):
        raise RequestProblem(403, "the form's security token is missing or out of date; reload the page and send it again")
    meta = meta_from(values)
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read(web.max_upload + 1)
        return await run_in_threadpool(article_from_upload, upload.filename, data, meta, web.max_chars, web.max_upload)
    # browsers send a textarea's line breaks as CRLF (HTML spec); the pasted text had LF
    return article_from_fields(values.get("text", "").replace("\r\n", "\n"), meta, web.max_chars)


# --- routes --------------------------------------------------------------------------------


async def index(request: Request):
    return answer(request, pages.index_page())


async def example(request: Request):
    """The input page filled in with the article that ships with hearsay, to try it out."""
    text = (PACKAGE / "examples" / "harbor-council.txt").read_text(encoding="utf-8")
    return answer(request, pages.index_page({"text": text, "published": "2024-03-14"}))


async def health(request: Request):
    web = web_of(request)
    info = web.analyser.info()
    return JSONResponse({
        "status": "ok" if info["ready"] else "starting",
        "version": __version__,
        "pipeline": info["pipeline"],
        "analysis": info,
        "store": web.keeper.where,
        "ledgers": len(web.keeper) if hasattr(web.keeper, "__len__") else None,
        "keep": getattr(web.keeper, "size", None),
        "max_chars": web.max_chars,
        "max_upload": web.max_upload,
    })


async def api_analyze(request: Request):
    web = web_of(request)
    payload = api_payload(await request.body(), request.headers.get("content-type"))
    article = article_from_fields(payload["text"], meta_from(payload), web.max_chars)
    key = await analyse_and_keep(request, article)
    page = await run_in_threadpool(pages.ledger_page, web.keeper, key)
    return answer(request, page, "json", {"link": f'</ledger/{key}>; rel="alternate"; type="text/html"'})


async def form_analyze(request: Request):
    from starlette.formparsers import MultiPartException

    web = web_of(request)
    refused = security.same_origin(request.headers, request.headers.get("host"))
    if refused:
        raise RequestProblem(403, refused)
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=web.max_upload + FORM_OVERHEAD)
    except MultiPartException as exc:
        raise RequestProblem(400, f"the form could not be read: {exc.message}") from None
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        key = await analyse_and_keep(request, await form_article(request, form, values))
    except RequestProblem as exc:
        kept = {k: v for k, v in values.items() if k in META_FIELDS or (k == "text" and len(v) <= web.max_chars)}
        return answer(request, pages.index_page(kept, exc.message, exc.status), headers=exc.headers)
    finally:
        await form.close()
    return RedirectResponse(f"/ledger/{key}", status_code=303)


async def history(request: Request):
    page = await run_in_threadpool(pages.history_page, web_of(request).keeper, dict(request.query_params))
    return answer(request, page, "json" if request.url.path.endswith(".json") else "html")


async def edit(request: Request, key: str):
    values = await run_in_threadpool(pages.edit_values, web_of(request).keeper, key)
    return answer(request, pages.index_page(values, editing=key))


async def ledger(request: Request, name: str):
    """``/ledger/{id}`` and its formats: ``.json`` (the twin), ``.md`` and ``.csv`` (downloads)."""
    keeper = web_of(request).keeper
    key, dot, fmt = name.partition(".")
    if not dot or fmt == "json":
        page = await run_in_threadpool(pages.ledger_page, keeper, key)
        return answer(request, page, fmt or "html", {"link": f'</ledger/{key}>; rel="alternate"; type="text/html"'} if fmt else None)
    if fmt in ("md", "csv"):
        return await run_in_threadpool(download, keeper, key, fmt)
    raise RequestProblem(404, f"no such format {fmt!r}: a ledger downloads as .json, .md or .csv")


async def claim(request: Request, name: str):
    """``/claims/{id}`` and its ``.json`` twin: a traced claim's cascade."""
    key, dot, fmt = name.partition(".")
    if dot and fmt != "json":
        raise RequestProblem(404, f"no such format {fmt!r}: a claim page has a .json twin only")
    page = await run_in_threadpool(pages.claim_page, web_of(request).keeper, key)
    return answer(request, page, fmt or "html")


async def corpus(request: Request):
    """``/corpus`` and ``/corpus.json``: the traced claims by spread, each linked to its cascade."""
    page = await run_in_threadpool(pages.corpus_page, web_of(request).keeper)
    return answer(request, page, "json" if request.url.path.endswith(".json") else "html")


def download(keeper: Keeper, key: str, fmt: str) -> Response:
    from ..render.claim_table import to_csv
    from ..render.markdown import to_markdown

    ledger = pages.stored(keeper, key)
    body, media = (to_markdown(ledger), "text/markdown") if fmt == "md" else (to_csv(ledger), "text/csv")
    return PlainTextResponse(body, media_type=f"{media}; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="hearsay-{key}.{fmt}"'})


ROUTES = [
    ("GET", "/", index),
    ("GET", "/example", example),
    ("GET", "/health", health),
    ("POST", "/api/analyze", api_analyze),
    ("POST", "/analyze", form_analyze),
    ("GET", "/history", history),
    ("GET", "/history.json", history),
    ("GET", "/ledger/{key}/edit", edit),
    ("GET", "/ledger/{name}", ledger),
    ("GET", "/claims/{name}", claim),
    ("GET", "/corpus", corpus),
    ("GET", "/corpus.json", corpus),
]

HANDLERS = [
    (Exception, on_bug),
    (TooLarge, on_too_large),
    (RequestProblem, on_problem),
    (StarletteHTTPException, on_http),
    (RequestValidationError, on_invalid),
]


def create_app(
    nlp=None,
    *,
    model: str | None = None,
    analyser: Analyser | None = None,
    keeper: Keeper | None = None,
    max_chars: int = MAX_CHARS,
    max_upload: int = MAX_UPLOAD,
    keep: int = KEEP,
    allowed_hosts: tuple[str, ...] = security.LOOPBACK_HOSTS,
    rate_limit: float = RATE_LIMIT,
) -> FastAPI:
    """The web app. ``analyser`` does the analysis (a ``WorkerPool`` for ``hearsay serve``);
    without one, ``nlp`` (an already loaded pipeline: the tests share theirs) or the pipeline
    named by ``model`` analyses in-process. ``keeper`` keeps the ledgers (memory by default)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals.update(version=__version__, max_chars=max_chars, max_upload=size_text(max_upload))
    web = Web(
        analyser=analyser or InlineAnalyser(nlp, model),
        keeper=keeper if keeper is not None else MemoryKeeper(keep),
        limiter=security.RateLimiter(rate_limit),
        env=env,
        max_chars=max_chars,
        max_upload=max_upload,
    )

    @asynccontextmanager
    async def lifespan(app):
        await web.analyser.start()
        try:
            yield
        finally:
            web.analyser.close()

    app = FastAPI(title="hearsay", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = web
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for method, path, endpoint in ROUTES:
        app.add_api_route(path, endpoint, methods=[method], include_in_schema=False)
    for exc, handler in HANDLERS:
        app.add_exception_handler(exc, handler)
    app.add_middleware(
        Guard,
        limit=body_limit(max_chars, max_upload),
        allowed_hosts=tuple(allowed_hosts),
        error_page=lambda status, message: env.get_template("error.html").render(status=status, message=message),
    )
    return app
