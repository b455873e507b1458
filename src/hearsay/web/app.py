"""The FastAPI application: routes that hand each request to its page function and answer in
the format asked for (the HTML page, or its ``.json`` twin), plus the error answers.

Pages are rendered on the server (Jinja, autoescaped) with a little plain JavaScript from
/static, so the page works with no build step and under a strict Content-Security-Policy:
article text is untrusted and is only ever output escaped. Analysis runs in worker processes
(``workers.py``), never on the event loop; analysed ledgers are kept by a ``Keeper``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
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
from .guard import SECURITY_HEADERS, Guard, TooLarge, size_text
from .intake import META_FIELDS, RequestProblem, api_payload, article_from_fields, article_from_upload, meta_from
from .keeper import AlreadyKept, Keeper, MemoryKeeper, article_id
from .workers import AnalysisFailed, AnalysisTimeout, Analyser, InlineAnalyser

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
    analyser = analyser or InlineAnalyser(nlp, model)
    keeper = keeper if keeper is not None else MemoryKeeper(keep)
    limiter = security.RateLimiter(rate_limit)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals.update(version=__version__, max_chars=max_chars, max_upload=size_text(max_upload))

    @asynccontextmanager
    async def lifespan(app):
        await analyser.start()
        try:
            yield
        finally:
            analyser.close()

    app = FastAPI(title="hearsay", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.keeper = keeper
    app.state.analyser = analyser
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def html(template: str, code: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=code)

    def answer(request: Request, page: pages.Page, fmt: str = "html") -> Response:
        """A page in the format asked for; HTML pages get a fresh CSRF token for their forms."""
        if fmt == "json":
            return JSONResponse(page.data, status_code=page.status)
        token = request.cookies.get(security.CSRF_COOKIE) or security.new_token()
        response = html(page.template, page.status, **{**page.data, **page.context, "csrf": token})
        response.set_cookie(security.CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(".json")

    def problem(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if wants_json(request):
            response: Response = JSONResponse({"error": message}, status_code=status)
        else:
            response = html("error.html", status, status=status, message=message)
        for k, v in (headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception):
        # a fault in hearsay, not in the request: say so plainly instead of a bare 500
        response = problem(request, 500, f"hearsay failed on this request ({type(exc).__name__}: {exc}); please report it with the article")
        for k, v in SECURITY_HEADERS.items():
            response.headers[k] = v
        return response

    @app.exception_handler(TooLarge)
    async def on_too_large(request: Request, exc: TooLarge):
        return problem(request, 413, str(exc))

    @app.exception_handler(RequestProblem)
    async def on_problem(request: Request, exc: RequestProblem):
        return problem(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):
        messages = {404: "no such page", 405: "this address does not take that method"}
        message = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed") else messages.get(exc.status_code, str(exc.detail))
        return problem(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        return problem(request, 422, "; ".join(str(e.get("msg", e)) for e in exc.errors()) or "invalid request")

    async def analyse_and_keep(request: Request, article) -> str:
        """Analyse ``article`` (or find it already kept) and keep its ledger; its permalink id."""
        key = article_id(article)
        if keeper.get(key) is not None:  # the same article and fields: the same permalink
            return key
        wait = limiter.take(request.client.host if request.client else "-")
        if wait:
            raise RequestProblem(429, f"too many analyses from this address; try again in {wait:.0f} s", {"retry-after": str(max(1, round(wait)))})
        try:
            ledger = await analyser.analyse(article)
        except AnalysisTimeout:
            raise RequestProblem(504, f"the analysis took longer than this server's limit of {getattr(analyser, 'timeout', 0):.0f} s and was stopped; "
                                 "a shorter article, or one without long runs of punctuation, will go through") from None
        except AnalysisFailed as exc:
            if exc.user:
                raise RequestProblem(422, str(exc)) from None
            raise RequestProblem(500, f"hearsay failed on this article ({exc}); please report it with the article") from None
        try:
            return await run_in_threadpool(keeper.put, key, article, ledger)
        except AlreadyKept as kept:
            raise RequestProblem(409, f"this text is already kept, with other details, at /ledger/{kept.key}: the store keeps one "
                                 "analysis per text, so change the text to analyse it again, or open that analysis") from None

    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request):
        return answer(request, pages.index_page())

    @app.get("/example", response_class=HTMLResponse)
    async def example(request: Request):
        """The input page filled in with the article that ships with hearsay, to try it out."""
        text = (PACKAGE / "examples" / "harbor-council.txt").read_text(encoding="utf-8")
        return answer(request, pages.index_page({"text": text, "published": "2024-03-14"}))

    @app.get("/health")
    async def health():
        info = analyser.info()
        return {
            "status": "ok" if info["ready"] else "starting",
            "version": __version__,
            "pipeline": info["pipeline"],
            "analysis": info,
            "store": keeper.where,
            "ledgers": len(keeper) if hasattr(keeper, "__len__") else None,
            "keep": getattr(keeper, "size", None),
            "max_chars": max_chars,
            "max_upload": max_upload,
        }

    @app.post("/api/analyze")
    async def api_analyze(request: Request):
        payload = api_payload(await request.body(), request.headers.get("content-type"))
        article = article_from_fields(payload["text"], meta_from(payload), max_chars)
        key = await analyse_and_keep(request, article)
        return JSONResponse(pages.ledger_page(keeper, key).data, headers={"link": f'</ledger/{key}>; rel="alternate"; type="text/html"'})

    @app.post("/analyze")
    async def form_analyze(request: Request):
        from starlette.formparsers import MultiPartException

        refused = security.same_origin(request.headers, request.headers.get("host"))
        if refused:
            raise RequestProblem(403, refused)
        try:
            form = await request.form(max_files=1, max_fields=10, max_part_size=max_upload + FORM_OVERHEAD)
        except MultiPartException as exc:
            raise RequestProblem(400, f"the form could not be read: {exc.message}") from None
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        try:
            if not security.token_matches(request.cookies.get(security.CSRF_COOKIE), values.get(security.CSRF_FIELD)):
                raise RequestProblem(403, "the form's security token is missing or out of date; reload the page and send it again")
            meta = meta_from(values)
            if upload is not None and not isinstance(upload, str) and upload.filename:
                data = await upload.read(max_upload + 1)
                article = await run_in_threadpool(article_from_upload, upload.filename, data, meta, max_chars, max_upload)
            else:
                # browsers send a textarea's line breaks as CRLF (HTML spec); the pasted text had LF
                article = article_from_fields(values.get("text", "").replace("\r\n", "\n"), meta, max_chars)
            key = await analyse_and_keep(request, article)
        except RequestProblem as exc:
            kept = {k: v for k, v in values.items() if k in META_FIELDS or (k == "text" and len(v) <= max_chars)}
            response = answer(request, pages.index_page(kept, exc.message, exc.status))
            for k, v in exc.headers.items():
                response.headers[k] = v
            return response
        finally:
            await form.close()
        return RedirectResponse(f"/ledger/{key}", status_code=303)

    @app.get("/history", response_class=HTMLResponse)
    async def history(request: Request):
        return answer(request, await run_in_threadpool(pages.history_page, keeper, dict(request.query_params)))

    @app.get("/history.json")
    async def history_json(request: Request):
        return answer(request, await run_in_threadpool(pages.history_page, keeper, dict(request.query_params)), "json")

    @app.get("/ledger/{key}/edit", response_class=HTMLResponse)
    async def edit(request: Request, key: str):
        return answer(request, pages.index_page(await run_in_threadpool(pages.edit_values, keeper, key), editing=key))

    @app.get("/ledger/{name}")
    async def ledger(request: Request, name: str):
        key, dot, fmt = name.partition(".")
        if not dot:
            return answer(request, await run_in_threadpool(pages.ledger_page, keeper, key))
        if fmt == "json":
            page = await run_in_threadpool(pages.ledger_page, keeper, key)
            return JSONResponse(page.data, headers={"link": f'</ledger/{key}>; rel="alternate"; type="text/html"'})
        if fmt in ("md", "csv"):
            return await run_in_threadpool(download, key, fmt)
        raise RequestProblem(404, f"no such format {fmt!r}: a ledger downloads as .json, .md or .csv")

    def download(key: str, fmt: str) -> Response:
        from ..render.claim_table import to_csv
        from ..render.markdown import to_markdown

        ledger = pages.stored(keeper, key)
        body, media = (to_markdown(ledger), "text/markdown") if fmt == "md" else (to_csv(ledger), "text/csv")
        return PlainTextResponse(body, media_type=f"{media}; charset=utf-8",
                                 headers={"content-disposition": f'attachment; filename="hearsay-{key}.{fmt}"'})

    app.add_middleware(
        Guard,
        limit=body_limit(max_chars, max_upload),
        allowed_hosts=tuple(allowed_hosts),
        error_page=lambda status, message: env.get_template("error.html").render(status=status, message=message),
    )
    return app
