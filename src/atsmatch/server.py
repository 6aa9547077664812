"""The HTTP service behind `atsmatch serve`: a thin FastAPI layer over one `Matcher`.

Uploads are multipart forms read from the request stream into memory, each part under
`Limits.max_bytes` and refused with 413 as soon as one goes over (Starlette's own form parser
would spool files over 1 MB to a temporary file, and reads the whole body before a route sees
it). One `Matcher` with `Limits(isolate=True)` is built at start-up, and its calls run in worker
threads, so a slow parse never blocks the event loop. Every `AtsmatchError` is a 4xx answer
`{"error": {"type", "message"}}`. Needs the `server` extra (FastAPI, uvicorn, python-multipart).
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from http import HTTPStatus
from pathlib import PurePosixPath
from typing import Any, Literal, TypeVar

import anyio
import uvicorn
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from atsmatch import __version__, models
from atsmatch._api import Matcher
from atsmatch.checks import unreadable_report
from atsmatch.errors import (
    AtsmatchError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
    UnknownRoleError,
    UnsupportedFormatError,
)
from atsmatch.limits import Limits
from atsmatch.render import render_json
from atsmatch.roadmaps import build_roadmap

__all__ = [
    "CORS_ENV",
    "MAX_RANK_FILES",
    "TOKEN_ENV",
    "ErrorBody",
    "RoleSummary",
    "app_from_env",
    "create_app",
    "serve",
]

TOKEN_ENV = "ATSMATCH_TOKEN"
"""The bearer token every route but `/healthz` asks for, when set (not a flag: `ps` shows flags)."""

CORS_ENV = "ATSMATCH_CORS_ORIGINS"
"""Comma-separated origins whose browser pages may call the service; none when unset."""

MAX_RANK_FILES = 100
"""Files one `/v1/rank` request may carry (they also share a body of five times `max_bytes`)."""

_FORM_OVERHEAD = 64 * 1024  # part headers and the short text fields beside the files
_JSON = "application/json"
_log = logging.getLogger("atsmatch.server")
_T = TypeVar("_T")


class ErrorDetail(BaseModel):
    """What went wrong: the error's class name and its first line; for a role, the closest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    message: str
    suggestions: tuple[str, ...] | None = None


class ErrorBody(BaseModel):
    """The body of every 4xx answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    error: ErrorDetail


class RoleSummary(BaseModel):
    """A role profile as `/v1/roles` lists it: what to pass as `role`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    aliases: tuple[str, ...]


class _Refused(Exception):
    """A request refused before the library sees it: size, media type, fields."""

    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind


def _error(
    status: int,
    kind: str,
    message: str,
    *,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> JSONResponse:
    detail = {"type": kind, "message": message, **(extra or {})}
    return JSONResponse({"error": detail}, status_code=status, headers=headers)


def _too_large(what: str, limit: int) -> _Refused:
    return _Refused(413, LimitExceededError.__name__, f"{what} is over the {limit:,} byte limit")


# ------------------------------------------------------------------------------- the forms


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of a multipart form: what it holds, whether it may repeat, its documentation."""

    name: str
    description: str
    kind: Literal["file", "text"] = "file"
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()

    def schema(self) -> dict[str, Any]:
        one: dict[str, Any] = {"type": "string", "description": self.description}
        if self.kind == "file":
            one["format"] = "binary"
        if self.choices:
            one["enum"] = list(self.choices)
        return {"type": "array", "items": one, "maxItems": MAX_RANK_FILES} if self.many else one


@dataclass(frozen=True, slots=True)
class FormSpec:
    """The fields a route accepts, and how many `max_bytes` files its body may carry in all."""

    fields: tuple[FormField, ...]
    uploads: int = 1

    def max_body(self, limits: Limits) -> int:
        return self.uploads * limits.max_bytes + _FORM_OVERHEAD

    def route(self, model: Any, summary: str) -> dict[str, Any]:
        """The route's OpenAPI: the form it reads (it reads the stream itself) and its answers."""
        body = {
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }
        return {
            "summary": summary,
            "openapi_extra": {
                "requestBody": {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": body}},
                }
            },
            "responses": {200: {"model": model, "description": summary}, **_FORM_ERRORS},
        }


def _answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": HTTPStatus(s).phrase} for s in statuses}


_ERRORS = _answers(401, 422)
_FORM_ERRORS = _answers(400, 401, 413, 415, 422)


@dataclass(frozen=True, slots=True)
class Upload:
    """One part of a form, held in memory: its bytes and the file name it came with."""

    data: bytes
    filename: str | None = None

    @property
    def label(self) -> str | None:
        """The file name without folders, for `source` in reports (never used as a path)."""
        if not self.filename:
            return None
        return PurePosixPath(self.filename.replace("\\", "/")).name[:255] or None


@dataclass(slots=True)
class Form:
    """The parts of a form by field name, checked against its `FormSpec`."""

    parts: dict[str, list[Upload]] = field(default_factory=dict)

    def upload(self, name: str) -> Upload | None:
        found = self.parts.get(name)
        return found[0] if found else None

    def file(self, name: str) -> Upload:
        found = self.upload(name)
        if found is None:
            raise _Refused(422, "InvalidRequest", f"missing field {name}")
        return found

    def uploads(self, name: str) -> list[Upload]:
        return self.parts.get(name, [])

    def text(self, name: str) -> str | None:
        found = self.upload(name)
        if found is None:
            return None
        try:
            return found.data.decode("utf-8")
        except UnicodeDecodeError:
            raise _Refused(422, "InvalidRequest", f"{name}: not UTF-8 text") from None


class _Collector:
    """python-multipart callbacks that keep each part in memory, refusing it past `max_part`."""

    def __init__(self, spec: FormSpec, max_part: int) -> None:
        self.fields = {f.name: f for f in spec.fields}
        self.max_part = max_part
        self.form = Form()
        self.ended = False
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._disposition = b""
        self._name = ""
        self._filename: str | None = None
        self._data = bytearray()

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value_data,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _part_begin(self) -> None:
        self._disposition = b""
        self._data = bytearray()

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if bytes(self._header_name).lower() == b"content-disposition":
            self._disposition = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            raise _Refused(400, "InvalidRequest", "a form part has no name")
        self._name = options[b"name"].decode("utf-8", "replace")
        spec = self.fields.get(self._name)
        if spec is None:
            expected = ", ".join(self.fields)
            raise _Refused(422, "InvalidRequest", f"unexpected field {self._name!r} ({expected})")
        if self._name in self.form.parts and not spec.many:
            raise _Refused(422, "InvalidRequest", f"{self._name}: give it once")
        if len(self.form.uploads(self._name)) >= MAX_RANK_FILES:
            raise _Refused(422, "InvalidRequest", f"{self._name}: at most {MAX_RANK_FILES} files")
        raw = options.get(b"filename")
        self._filename = raw.decode("utf-8", "replace") if raw is not None else None

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if len(self._data) + (end - start) > self.max_part:
            raise _too_large(self._name, self.max_part)
        self._data += data[start:end]

    def _part_end(self) -> None:
        upload = Upload(bytes(self._data), self._filename)
        self.form.parts.setdefault(self._name, []).append(upload)
        self._data = bytearray()

    def _end(self) -> None:
        self.ended = True


async def read_form(request: Request, spec: FormSpec) -> Form:
    """Read a multipart body from the stream, part by part, under the byte limits.

    A declared `Content-Length` over the limit is refused before a byte is read; a chunked
    body is counted as it comes.
    """
    limits: Limits = request.app.state.matcher.limits
    media, options = parse_options_header(request.headers.get("content-type"))
    if media != b"multipart/form-data" or not options.get(b"boundary"):
        raise _Refused(415, "UnsupportedMediaType", "send the fields as multipart/form-data")
    max_body = spec.max_body(limits)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_body:
        raise _too_large("the request body", max_body)
    collector = _Collector(spec, limits.max_bytes)
    try:
        parser = MultipartParser(options[b"boundary"], collector.callbacks())
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_body:
                raise _too_large("the request body", max_body)
            parser.write(chunk)
    except FormParserError as exc:
        raise _Refused(400, "InvalidRequest", "malformed multipart body") from exc
    if not collector.ended:
        raise _Refused(400, "InvalidRequest", "the multipart body ended early")
    missing = [f.name for f in spec.fields if f.required and f.name not in collector.form.parts]
    if missing:
        raise _Refused(422, "InvalidRequest", f"missing field {', '.join(missing)}")
    for f in spec.fields:
        value = collector.form.text(f.name) if f.choices else None
        if value is not None and value not in f.choices:
            raise _Refused(422, "InvalidRequest", f"{f.name} must be {' or '.join(f.choices)}")
    return collector.form


# ------------------------------------------------------------------------------- the routes

_RESUME = FormField("resume", "Resume: PDF, DOCX or text.", required=True)
_JOB = FormField("job", "Job posting file: text, PDF or DOCX.")
_JOB_TEXT = FormField("job_text", "Job posting as text.", kind="text")
_ROLE = FormField("role", "A role profile (id, name or alias) instead of a posting.", kind="text")
_TODAY = FormField("today", "Date that ends a current role (YYYY-MM-DD).", kind="text")
_JOB_SIDE = (_JOB, _JOB_TEXT, _ROLE)

MATCH_FORM = FormSpec((_RESUME, *_JOB_SIDE, _TODAY), uploads=2)
CHECK_FORM = FormSpec((_RESUME,))
EXTRACT_FORM = FormSpec(
    (
        FormField("file", "Resume or posting: PDF, DOCX or text.", required=True),
        FormField("kind", "Parse it as a resume or a job.", "text", choices=("resume", "job")),
    )
)
RANK_FORM = FormSpec(
    (FormField("resumes", "Resumes to rank.", required=True, many=True), *_JOB_SIDE, _TODAY),
    uploads=5,
)
ROADMAP_FORM = FormSpec(
    (
        _RESUME,
        FormField("job", "Job posting files: text, PDF or DOCX; repeat the field.", many=True),
        FormField("role", "A role profile (id, name or alias) instead of postings.", kind="text"),
        _TODAY,
    ),
    uploads=5,
)

router = APIRouter()


async def _call(request: Request, work: Callable[[Matcher], _T]) -> _T:
    """Run `work` with the app's `Matcher` in a worker thread (parsing blocks)."""
    state = request.app.state
    try:
        return await anyio.to_thread.run_sync(
            functools.partial(work, state.matcher), limiter=state.limiter
        )
    except AtsmatchError:
        raise
    except Exception as exc:
        # A bug, not the input's fault: logged by type only, since its message may quote
        # the resume.
        _log.error("internal error in %s: %s", request.url.path, type(exc).__name__)
        raise _Refused(500, "InternalError", "internal error") from None


def _json(body: str) -> Response:
    return Response(body, media_type=_JSON)


def _job_side(form: Form) -> tuple[Upload | str | None, str | None]:
    """The posting (a file or text) or the role of a match or ranking: exactly one of them."""
    given = [f.name for f in _JOB_SIDE if f.name in form.parts]
    if len(given) != 1:
        raise _Refused(422, "InvalidRequest", "give one of job, job_text or role")
    if given[0] == "role":
        return None, form.text("role")
    return form.upload("job") or form.text("job_text"), None


def _job_input(matcher: Matcher, job: Upload | str | None) -> models.Document | str | None:
    return matcher.read(job.data, name=job.label) if isinstance(job, Upload) else job


def _today(form: Form) -> date | None:
    text = form.text("today")
    try:
        return date.fromisoformat(text) if text is not None else None
    except ValueError:
        raise _Refused(422, "InvalidRequest", "today must be a date, YYYY-MM-DD") from None


@router.get("/healthz", summary="The service is up and its Matcher is built.")
async def healthz(request: Request) -> dict[str, str]:
    return {
        "status": "ok",
        "atsmatch_version": __version__,
        "taxonomy_version": request.app.state.matcher.taxonomy.version,
    }


@router.post("/v1/match", **MATCH_FORM.route(models.MatchReport, "Score a resume against a job."))
async def match(request: Request) -> Response:
    form = await read_form(request, MATCH_FORM)
    resume = form.file("resume")
    job, role = _job_side(form)
    today = _today(form)

    def work(m: Matcher) -> models.MatchReport:
        document = m.read(resume.data, name=resume.label)
        return m.match(document, _job_input(m, job), role=role, today=today)

    return _json(render_json(await _call(request, work)))


@router.post("/v1/check", **CHECK_FORM.route(models.ParseReport, "What an ATS would misread."))
async def check(request: Request) -> Response:
    resume = (await read_form(request, CHECK_FORM)).file("resume")

    def work(m: Matcher) -> models.ParseReport:
        # As `Matcher.check`, which cannot name the upload: a scan or a password is a report.
        try:
            document = m.read(resume.data, name=resume.label)
        except (NoTextLayerError, EncryptedDocumentError) as exc:
            return unreadable_report(exc)
        return m.check(document)

    return _json(render_json(await _call(request, work)))


@router.post("/v1/extract", **EXTRACT_FORM.route(list[models.SkillHit], "Skills in a file."))
async def extract(request: Request) -> Response:
    form = await read_form(request, EXTRACT_FORM)
    upload = form.file("file")
    as_job = form.text("kind") == "job"

    def work(m: Matcher) -> list[models.SkillHit]:
        document = m.read(upload.data, name=upload.label)
        return m.extract(m.parse_job(document) if as_job else m.parse_resume(document))

    hits = await _call(request, work)
    return _json(json.dumps([h.model_dump(mode="json") for h in hits], indent=2))


@router.post("/v1/rank", **RANK_FORM.route(list[models.RankedResult], "Rank resumes for a job."))
async def rank(request: Request) -> Response:
    form = await read_form(request, RANK_FORM)
    resumes = form.uploads("resumes")
    job, role = _job_side(form)
    today = _today(form)

    def work(m: Matcher) -> list[models.RankedResult]:
        data = [r.data for r in resumes]
        names = [r.label or "" for r in resumes]
        return m.rank(_job_input(m, job), data, role=role, names=names, today=today)

    results = await _call(request, work)
    return _json(json.dumps([r.model_dump(mode="json") for r in results], indent=2))


@router.post(
    "/v1/roadmap",
    **ROADMAP_FORM.route(models.Roadmap, "What to learn next, against a role or postings."),
)
async def roadmap(request: Request) -> Response:
    form = await read_form(request, ROADMAP_FORM)
    resume = form.file("resume")
    jobs = form.uploads("job")
    role = form.text("role")
    if (role is None) == (not jobs):
        raise _Refused(422, "InvalidRequest", "give role or at least one job, not both")
    today = _today(form)

    def work(m: Matcher) -> models.Roadmap:
        postings = [m.read(j.data, name=j.label) for j in jobs]
        document = m.read(resume.data, name=resume.label)
        return build_roadmap(m, document, role=role, jobs=postings, today=today)

    return _json(render_json(await _call(request, work)))


@router.get("/v1/roles", summary="The role profiles", responses=_ERRORS)
async def roles(request: Request) -> list[RoleSummary]:
    taxonomy = request.app.state.matcher.taxonomy
    return [
        RoleSummary(id=r.id, name=r.name, aliases=r.aliases)
        for r in sorted(taxonomy.roles.values(), key=lambda r: r.id)
    ]


class SchemaName(StrEnum):
    """The models `/v1/schema/{model}` describes (as `atsmatch schema --model`)."""

    report = "report"
    resume = "resume"
    job = "job"
    hit = "hit"
    check = "check"
    ranked = "ranked"
    roadmap = "roadmap"


_SCHEMAS: dict[SchemaName, type[BaseModel]] = {
    SchemaName.report: models.MatchReport,
    SchemaName.resume: models.Resume,
    SchemaName.job: models.JobPosting,
    SchemaName.hit: models.SkillHit,
    SchemaName.check: models.ParseReport,
    SchemaName.ranked: models.RankedResult,
    SchemaName.roadmap: models.Roadmap,
}


@router.get(
    "/v1/schema/{model}",
    summary="The JSON schema of a model",
    responses={200: {"content": {_JSON: {"schema": {"type": "object"}}}}, **_ERRORS},
)
async def schema(model: SchemaName) -> Response:
    return _json(json.dumps(_SCHEMAS[model].model_json_schema(), indent=2, sort_keys=True))


# ------------------------------------------------------------------------------- the app


class BearerAuth:
    """Refuses every request but `/healthz` without `Authorization: Bearer <token>` (401).

    The token is compared in constant time, so its bytes cannot be guessed from answer times.
    """

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != "/healthz" and not self._allowed(scope):
            refusal = _error(
                401, "Unauthorized", "missing or wrong bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, scope: Scope) -> bool:
        for key, value in scope["headers"]:
            if key == b"authorization":
                scheme, _, given = value.partition(b" ")
                return scheme.lower() == b"bearer" and hmac.compare_digest(given, self.token)
        return False


_STATUS: dict[type[Exception], int] = {LimitExceededError: 413, UnsupportedFormatError: 415}


async def _library_error(_: Request, exc: Exception) -> JSONResponse:
    status = _STATUS.get(type(exc), 422)
    extra = {"suggestions": list(exc.suggestions)} if isinstance(exc, UnknownRoleError) else None
    return _error(status, type(exc).__name__, str(exc).splitlines()[0], extra=extra)


async def _refused(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, _Refused)
    return _error(exc.status, exc.kind, str(exc))


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    kind = HTTPStatus(exc.status_code).phrase.replace(" ", "")
    return _error(exc.status_code, kind, str(exc.detail), headers=exc.headers)


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"][1:])
    return _error(422, "InvalidRequest", f"{where}: {first['msg']}")


def create_app(
    *,
    matcher: Matcher | None = None,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """The service as an ASGI app; `matcher` defaults to one built at start-up, isolating parses.

    >>> create_app(token="s3cret").title
    'atsmatch'
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if matcher is None:
            app.state.matcher = await anyio.to_thread.run_sync(_build_matcher)
        else:
            app.state.matcher = matcher
        # Parses run in child processes: more threads than cores only queue them there.
        app.state.limiter = anyio.CapacityLimiter(max(2, os.cpu_count() or 1))
        yield

    app = FastAPI(
        title="atsmatch",
        version=__version__,
        summary="Offline, explainable resume / job matching.",
        lifespan=lifespan,
        docs_url=None,  # the interactive pages load scripts from a CDN: the service is offline
        redoc_url=None,
    )
    app.include_router(router)
    app.add_exception_handler(AtsmatchError, _library_error)
    app.add_exception_handler(_Refused, _refused)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    if token:
        app.add_middleware(BearerAuth, token=token)
    if cors_origins:  # outside the token check, so a browser's preflight is answered
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


def _build_matcher() -> Matcher:
    matcher = Matcher(limits=Limits(isolate=True))
    matcher.extractor  # noqa: B018 -- compiled now, so the first request does not wait
    return matcher


def app_from_env() -> FastAPI:
    """`create_app` with the token and CORS origins from the environment (uvicorn's factory)."""
    origins = [o.strip() for o in os.environ.get(CORS_ENV, "").split(",") if o.strip()]
    return create_app(token=os.environ.get(TOKEN_ENV) or None, cors_origins=origins)


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service with uvicorn until interrupted; each worker process builds its Matcher."""
    uvicorn.run(
        "atsmatch.server:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
    )
