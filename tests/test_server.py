"""`atsmatch serve` over real HTTP: a uvicorn process on a free loopback port, bearer token set."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from typer.testing import CliRunner

from atsmatch._api import Matcher
from atsmatch.cli import app
from atsmatch.limits import Limits
from atsmatch.models import MatchReport, ParseReport, RankedResult, Roadmap, SkillHit
from atsmatch.server import create_app

from . import hostile_files
from .conftest import EXAMPLES, ROOT
from .live_server import HOST, LiveServer, live_server

TOKEN = "test-token-5b1d"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_BYTES = Limits().max_bytes
RESUME = (EXAMPLES / "resume.pdf").read_bytes()
JOB = (EXAMPLES / "job_ml_engineer.txt").read_bytes()
JOB_MLOPS = (EXAMPLES / "job_mlops_engineer.txt").read_bytes()
MARKER = "Zyxwvutsqr"  # a word that appears in no log unless resume text leaks there


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    log = tmp_path_factory.mktemp("server") / "server.log"
    with live_server(log, {"ATSMATCH_TOKEN": TOKEN}) as running:
        yield running


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=60.0) as c:
        yield c


def error_of(response: httpx.Response) -> dict[str, object]:
    """The `error` object of a 4xx body, checked for its shape."""
    body = response.json()
    assert set(body) == {"error"}
    assert {"type", "message"} <= set(body["error"])
    error: dict[str, object] = body["error"]
    return error


def raw_exchange(server: LiveServer, head: bytes, body: bytes = b"") -> bytes:
    """Send a hand-made request on a socket and read the answer's first bytes."""
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=30) as sock:
        sock.sendall(head + body)
        return sock.recv(65536)


class TestHealth:
    def test_healthz_needs_no_token(self, server: LiveServer) -> None:
        """`/healthz` answers without a token, with the versions."""
        response = httpx.get(f"{server.url}/healthz")
        assert response.status_code == 200
        assert response.json()["status"] == "ok"


class TestToken:
    def test_missing_token_is_401(self, server: LiveServer) -> None:
        """A route without the bearer token is refused with 401 and the error shape."""
        response = httpx.get(f"{server.url}/v1/roles")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert error_of(response)["type"] == "Unauthorized"

    def test_wrong_token_is_401(self, server: LiveServer) -> None:
        """A wrong token is refused."""
        headers = {"Authorization": f"Bearer {TOKEN}x"}
        assert httpx.get(f"{server.url}/v1/roles", headers=headers).status_code == 401

    def test_schema_document_needs_the_token(self, server: LiveServer) -> None:
        """The OpenAPI document is a route like the others."""
        assert httpx.get(f"{server.url}/openapi.json").status_code == 401

    def test_upload_refused_before_it_is_read(self, server: LiveServer) -> None:
        """Without the token, an upload is refused at once, whatever it declares."""
        head = b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n"
        assert raw_exchange(server, head).startswith(b"HTTP/1.1 401")

    def test_no_cors_by_default(self, client: httpx.Client) -> None:
        """Without configured origins, no CORS header is sent."""
        response = client.get("/v1/roles", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in response.headers


class TestMatch:
    def test_same_json_as_the_cli(self, client: httpx.Client) -> None:
        """The body is byte for byte `atsmatch match --format json` on the same files."""
        response = client.post(
            "/v1/match",
            files={"resume": ("resume.pdf", RESUME), "job": ("job_ml_engineer.txt", JOB)},
            data={"today": "2025-01-01"},
        )
        assert response.status_code == 200
        cli = CliRunner().invoke(
            app,
            ["match", str(EXAMPLES / "resume.pdf"), str(EXAMPLES / "job_ml_engineer.txt"),
             "--format", "json", "--today", "2025-01-01"],
        )  # fmt: skip
        assert response.text == cli.stdout.rstrip("\n")

    def test_job_text(self, client: httpx.Client) -> None:
        """A posting given as text is matched."""
        response = client.post(
            "/v1/match", files={"resume": ("r.txt", b"Skills: Python")}, data={"job_text": "Python"}
        )
        assert MatchReport.model_validate_json(response.content).job_source == "<text>"

    def test_role(self, client: httpx.Client) -> None:
        """A role by its name stands in for a posting."""
        response = client.post(
            "/v1/match", files={"resume": ("resume.pdf", RESUME)}, data={"role": "MLOps Engineer"}
        )
        assert response.json()["job_source"] == "role:mlops-engineer"

    def test_unknown_role_is_422_with_suggestions(self, client: httpx.Client) -> None:
        """An unknown role names the closest ones."""
        response = client.post(
            "/v1/match", files={"resume": ("r.txt", b"Python")}, data={"role": "ml enginer"}
        )
        assert response.status_code == 422
        error = error_of(response)
        assert error["type"] == "UnknownRoleError"
        assert isinstance(error["suggestions"], list)
        assert error["suggestions"][0] == "ml-engineer"

    @pytest.mark.parametrize(
        "data",
        [{}, {"role": "mlops-engineer", "job_text": "Python"}],
        ids=["neither", "both"],
    )
    def test_one_job_side(self, client: httpx.Client, data: dict[str, str]) -> None:
        """Exactly one of job, job_text and role is asked for."""
        response = client.post("/v1/match", files={"resume": ("r.txt", b"Python")}, data=data)
        assert response.status_code == 422
        assert error_of(response)["message"] == "give one of job, job_text or role"

    def test_bad_date(self, client: httpx.Client) -> None:
        """`today` must be a date."""
        response = client.post(
            "/v1/match",
            files={"resume": ("r.txt", b"Python")},
            data={"role": "mlops-engineer", "today": "yesterday"},
        )
        assert response.status_code == 422

    def test_unknown_field(self, client: httpx.Client) -> None:
        """A field the route does not take is refused, as the models refuse extra keys."""
        response = client.post(
            "/v1/match",
            files={"resume": ("r.txt", b"Python")},
            data={"role": "mlops-engineer", "scorer": "x"},
        )
        assert response.status_code == 422
        assert "unexpected field 'scorer'" in str(error_of(response)["message"])

    def test_missing_resume(self, client: httpx.Client) -> None:
        """The resume is required."""
        response = client.post("/v1/match", files={"job": ("j.txt", JOB)})
        assert response.status_code == 422
        assert error_of(response)["message"] == "missing field resume"


class TestRoadmap:
    def test_role_same_json_as_the_cli(self, client: httpx.Client) -> None:
        """Against a role, the body is byte for byte `atsmatch roadmap --format json`."""
        response = client.post(
            "/v1/roadmap",
            files={"resume": ("resume.pdf", RESUME)},
            data={"role": "mlops-engineer", "today": "2026-12-01"},
        )
        assert response.status_code == 200
        cli = CliRunner().invoke(
            app,
            ["roadmap", str(EXAMPLES / "resume.pdf"), "--role", "mlops-engineer",
             "--format", "json", "--today", "2026-12-01"],
        )  # fmt: skip
        assert response.text == cli.stdout.rstrip("\n")

    def test_jobs_same_json_as_the_cli(self, client: httpx.Client) -> None:
        """Against repeated `job` files, the body is the CLI's with one `--job` per file."""
        files = [
            ("resume", ("resume.pdf", RESUME)),
            ("job", ("job_ml_engineer.txt", JOB)),
            ("job", ("job_mlops_engineer.txt", JOB_MLOPS)),
        ]
        response = client.post("/v1/roadmap", files=files, data={"today": "2026-12-01"})
        assert response.status_code == 200
        cli = CliRunner().invoke(
            app,
            ["roadmap", str(EXAMPLES / "resume.pdf"),
             "--job", str(EXAMPLES / "job_ml_engineer.txt"),
             "--job", str(EXAMPLES / "job_mlops_engineer.txt"),
             "--format", "json", "--today", "2026-12-01"],
        )  # fmt: skip
        assert response.text == cli.stdout.rstrip("\n")
        roadmap = Roadmap.model_validate_json(response.content)
        assert roadmap.postings == ("job_ml_engineer.txt", "job_mlops_engineer.txt")

    @pytest.mark.parametrize(
        "jobs, data",
        [([], {}), ([("job", ("j.txt", JOB))], {"role": "mlops-engineer"})],
        ids=["neither", "both"],
    )
    def test_role_or_jobs(
        self, client: httpx.Client, jobs: list[tuple[str, tuple[str, bytes]]], data: dict[str, str]
    ) -> None:
        """A role or job files, not both and not neither: 422."""
        files = [("resume", ("r.txt", b"Skills: Python")), *jobs]
        response = client.post("/v1/roadmap", files=files, data=data)
        assert response.status_code == 422
        assert error_of(response) == {
            "type": "InvalidRequest",
            "message": "give role or at least one job, not both",
        }

    def test_unknown_role_is_422_with_suggestions(self, client: httpx.Client) -> None:
        """An unknown role names the closest ones."""
        response = client.post(
            "/v1/roadmap", files={"resume": ("r.txt", b"Python")}, data={"role": "mlops enginer"}
        )
        assert response.status_code == 422
        error = error_of(response)
        assert error["type"] == "UnknownRoleError"
        assert isinstance(error["suggestions"], list)
        assert error["suggestions"][0] == "mlops-engineer"

    def test_resume_without_skills_is_422(self, client: httpx.Client) -> None:
        """A resume that names no skill cannot be planned for: 422 naming the error."""
        response = client.post(
            "/v1/roadmap",
            files={"resume": ("r.txt", b"Jane Doe\nI like long walks.")},
            data={"role": "mlops-engineer"},
        )
        assert response.status_code == 422
        assert error_of(response)["type"] == "RoadmapInputError"

    def test_job_over_the_cap_is_413(self, client: httpx.Client) -> None:
        """Each job file is capped like any upload."""
        files = [("resume", ("r.txt", b"Python")), ("job", ("big.txt", b"a" * (MAX_BYTES + 1)))]
        response = client.post("/v1/roadmap", files=files)
        assert response.status_code == 413
        assert error_of(response)["message"] == f"job is over the {MAX_BYTES:,} byte limit"

    def test_role_given_once(self, client: httpx.Client) -> None:
        """`role` is one field: given twice, 422."""
        files = [("resume", ("r.txt", b"Python")), ("role", (None, b"ml-engineer"))]
        response = client.post("/v1/roadmap", files=files, data={"role": "mlops-engineer"})
        assert response.status_code == 422
        assert error_of(response)["message"] == "role: give it once"


class TestRefusals:
    def test_unsupported_format_is_415(self, client: httpx.Client) -> None:
        """A file that is neither PDF, DOCX nor text is a 415."""
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
        response = client.post("/v1/check", files={"resume": ("photo.png", png)})
        assert response.status_code == 415
        assert error_of(response)["type"] == "UnsupportedFormatError"

    def test_encrypted_match_is_422(self, client: httpx.Client) -> None:
        """A password-protected resume cannot be matched: 422 naming the error."""
        response = client.post(
            "/v1/match",
            files={"resume": ("locked.pdf", hostile_files.pdf_encrypted())},
            data={"role": "mlops-engineer"},
        )
        assert response.status_code == 422
        assert error_of(response)["type"] == "EncryptedDocumentError"

    def test_encrypted_check_is_a_report(self, client: httpx.Client) -> None:
        """`check` reports a password-protected file as an error finding, as the CLI does."""
        response = client.post(
            "/v1/check", files={"resume": ("locked.pdf", hostile_files.pdf_encrypted())}
        )
        report = ParseReport.model_validate_json(response.content)
        assert [f.id for f in report.findings] == ["encrypted"]

    def test_not_multipart_is_415(self, client: httpx.Client) -> None:
        """A body that is not a multipart form is a 415."""
        response = client.post("/v1/check", json={"resume": "Python"})
        assert response.status_code == 415

    def test_truncated_body_is_400(self, client: httpx.Client) -> None:
        """A multipart body cut before its closing boundary is a 400."""
        body = b'--b\r\nContent-Disposition: form-data; name="resume"\r\n\r\nPython'
        headers = {"Content-Type": "multipart/form-data; boundary=b"}
        response = client.post("/v1/check", content=body, headers=headers)
        assert response.status_code == 400
        assert error_of(response)["message"] == "the multipart body ended early"

    def test_file_one_byte_over_is_413(self, client: httpx.Client) -> None:
        """A file one byte over `Limits.max_bytes` is refused with 413."""
        response = client.post("/v1/check", files={"resume": ("big.txt", b"a" * (MAX_BYTES + 1))})
        assert response.status_code == 413
        assert error_of(response) == {
            "type": "LimitExceededError",
            "message": f"resume is over the {MAX_BYTES:,} byte limit",
        }

    def test_declared_length_refused_before_the_body(self, server: LiveServer) -> None:
        """A Content-Length over the cap is answered 413 without a byte of the body sent."""
        head = (
            b"POST /v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
            b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 999999999\r\n\r\n"
        ) % TOKEN.encode()
        assert raw_exchange(server, head).startswith(b"HTTP/1.1 413")

    def test_chunked_upload_refused_as_soon_as_over(self, server: LiveServer) -> None:
        """A chunked upload is counted as it comes: 413 once over, before the body ends."""
        head = (
            b"POST /v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
            b"Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
        ) % TOKEN.encode()
        part = b'--b\r\nContent-Disposition: form-data; name="resume"; filename="r.txt"\r\n\r\n'
        data = part + b"a" * (MAX_BYTES + 1)
        chunks = b"".join(
            b"%x\r\n%s\r\n" % (len(data[i : i + 65536]), data[i : i + 65536])
            for i in range(0, len(data), 65536)
        )
        # The last chunk and the closing boundary are never sent: the answer comes first.
        assert raw_exchange(server, head, chunks).startswith(b"HTTP/1.1 413")

    def test_unknown_route_is_404_with_the_error_shape(self, client: httpx.Client) -> None:
        """Routes that do not exist answer in the same error shape."""
        response = client.get("/v1/nothing")
        assert response.status_code == 404
        assert error_of(response)["type"] == "NotFound"


class TestRoutes:
    def test_check(self, client: httpx.Client) -> None:
        """`/v1/check` gives the parseability report."""
        response = client.post("/v1/check", files={"resume": ("resume.pdf", RESUME)})
        report = ParseReport.model_validate_json(response.content)
        assert (report.source, report.parseability) == ("resume.pdf", 100)

    def test_extract_as_job(self, client: httpx.Client) -> None:
        """`/v1/extract` lists the skill hits of a file parsed as a posting."""
        response = client.post(
            "/v1/extract", files={"file": ("job.txt", JOB)}, data={"kind": "job"}
        )
        hits = [SkillHit.model_validate(h) for h in response.json()]
        assert "kubernetes" in {h.skill_id for h in hits}

    def test_extract_kind_is_checked(self, client: httpx.Client) -> None:
        """`kind` is resume or job."""
        response = client.post(
            "/v1/extract", files={"file": ("job.txt", JOB)}, data={"kind": "letter"}
        )
        assert response.status_code == 422

    def test_rank(self, client: httpx.Client) -> None:
        """`/v1/rank` ranks the files by name; an unreadable one comes last with its error."""
        files = [
            ("resumes", ("resume.pdf", RESUME)),
            ("resumes", ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64))),
            ("resumes", ("short.txt", b"Skills: Python")),
        ]
        response = client.post("/v1/rank", files=files, data={"role": "ml-engineer"})
        ranked = [RankedResult.model_validate(r) for r in response.json()]
        assert [r.source for r in ranked] == ["resume.pdf", "short.txt", "scan.png"]
        assert ranked[-1].error is not None
        assert ranked[-1].error.type == "UnsupportedFormatError"

    def test_roles(self, client: httpx.Client) -> None:
        """`/v1/roles` lists the role profiles by id."""
        roles = client.get("/v1/roles").json()
        assert "mlops-engineer" in [r["id"] for r in roles]

    @pytest.mark.parametrize(
        "model", ["report", "resume", "job", "hit", "check", "ranked", "roadmap"]
    )
    def test_schema_matches_the_cli(self, client: httpx.Client, model: str) -> None:
        """`/v1/schema/{model}` is `atsmatch schema --model` byte for byte."""
        cli = CliRunner().invoke(app, ["schema", "--model", model])
        assert client.get(f"/v1/schema/{model}").text == cli.stdout.rstrip("\n")

    def test_unknown_schema_is_422(self, client: httpx.Client) -> None:
        """An unknown model name is a bad field."""
        response = client.get("/v1/schema/nope")
        assert response.status_code == 422
        assert error_of(response)["type"] == "InvalidRequest"


class TestLogs:
    def test_no_resume_text_in_the_log(self, client: httpx.Client, server: LiveServer) -> None:
        """Neither a match nor a refusal writes the resume's words to the log."""
        resume = f"{MARKER} Example\nSkills: Python, {MARKER}\n".encode()
        client.post("/v1/match", files={"resume": ("r.txt", resume)}, data={"role": "nope"})
        client.post("/v1/match", files={"resume": ("r.txt", resume)}, data={"job_text": MARKER})
        client.post("/v1/check", files={"resume": (f"{MARKER}.txt", resume)})
        time.sleep(0.5)  # the access log line is written after the answer
        log = server.log.read_text(errors="replace")
        assert "POST /v1/check" in log
        assert MARKER not in log


def _mixed_requests() -> list[tuple[str, str, bytes]]:
    """(route, file name, bytes): the example resumes and hostile files, and one over the cap."""
    good = [("resume.pdf", RESUME), ("resume.docx", (EXAMPLES / "resume.docx").read_bytes()),
            ("resume.txt", (EXAMPLES / "resume.txt").read_bytes())]  # fmt: skip
    slow = {"pdf_scattered_6000_words", "pdf_deep_page_tree_5000"}  # seconds each
    hostile = [
        (name, build())
        for name, (build, _) in hostile_files.ATTACKS.items()
        if name not in slow and name != "text_100MB"
    ]
    files = [*good, *hostile, ("over.txt", b"a" * (MAX_BYTES + 1))]
    routes = ["/v1/check", "/v1/match"]
    return [(routes[i % 2], *files[i % len(files)]) for i in range(200)]


class TestConcurrency:
    @pytest.mark.slow
    def test_200_mixed_requests_16_at_a_time(self, server: LiveServer) -> None:
        """200 good and hostile uploads, 16 at a time: all answered, no 5xx, memory bounded."""
        requests = _mixed_requests()

        def send(request: tuple[str, str, bytes]) -> int:
            route, name, data = request
            with httpx.Client(base_url=server.url, headers=AUTH, timeout=60.0) as c:
                extra = {"role": "mlops-engineer"} if route == "/v1/match" else {}
                return c.post(route, files={"resume": (name, data)}, data=extra).status_code

        started = time.monotonic()
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(send, requests))
        assert len(statuses) == 200
        assert all(s < 500 for s in statuses), sorted(set(statuses))
        assert {200, 413, 422} <= set(statuses)
        assert time.monotonic() - started < 180
        # The readers run in capped child processes; the server holds at most 16 uploads.
        assert server.peak_rss_kb() < 1_000_000


class TestOpenAPI:
    def test_answers_as_documented(self, server: LiveServer) -> None:
        """Schemathesis requests for every route: no 5xx, status, type and body as documented."""
        # Driven through hypothesis directly: schemathesis's pytest fixture loader does not
        # run on pytest 9.
        schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json", headers=AUTH)
        checks = [not_a_server_error, status_code_conformance, content_type_conformance,
                  response_schema_conformance]  # fmt: skip
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) == 8

        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=6,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def call(case: schemathesis.Case) -> None:
                case.call_and_validate(headers=AUTH, checks=checks)

            call()


def preflight(matcher: Matcher, origin: str) -> httpx.Response:
    """A browser's CORS preflight for `/v1/match`, sent in process to an app allowing one origin."""
    api = create_app(matcher=matcher, token=TOKEN, cors_origins=["https://app.example"])
    headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}

    async def send() -> httpx.Response:
        async with api.router.lifespan_context(api):
            transport = httpx.ASGITransport(app=api)
            async with httpx.AsyncClient(transport=transport, base_url="http://app") as c:
                return await c.options("/v1/match", headers=headers)

    return anyio.run(send)


class TestCors:
    def test_configured_origin_preflight(self, matcher: Matcher) -> None:
        """A listed origin's preflight is answered, before and without the token."""
        response = preflight(matcher, "https://app.example")
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "https://app.example"

    def test_other_origin_refused(self, matcher: Matcher) -> None:
        """An origin not listed gets no CORS permission."""
        response = preflight(matcher, "https://evil.example")
        assert "access-control-allow-origin" not in response.headers


class TestCommand:
    def test_serve_help(self) -> None:
        """`atsmatch serve --help` names the options."""
        result = CliRunner().invoke(app, ["serve", "--help"])
        assert result.exit_code == 0
        assert all(o in result.output for o in ("--host", "--port", "--workers"))

    def test_serve_in_the_readme(self) -> None:
        """The README documents the command."""
        assert "atsmatch serve" in (ROOT / "README.md").read_text(encoding="utf-8")

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without FastAPI, `serve` prints one line naming the extra and exits 2."""
        monkeypatch.setitem(sys.modules, "fastapi", None)
        monkeypatch.delitem(sys.modules, "atsmatch.server", raising=False)
        result = CliRunner().invoke(app, ["serve"])
        assert result.exit_code == 2
        assert result.stderr == "atsmatch: serve needs the server extra: " \
            "pip install 'atsmatch[server]'\n"  # fmt: skip

    def test_help_does_not_import_the_server(self) -> None:
        """`import atsmatch.cli` loads neither FastAPI nor uvicorn."""
        code = "import sys, atsmatch.cli; print(sorted({'fastapi', 'uvicorn'} & set(sys.modules)))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert json.loads(out.stdout.replace("'", '"')) == []
