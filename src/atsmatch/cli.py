"""The `atsmatch` command line.

Exit codes: 0 ok, 1 error (unreadable file, bad vocabulary, a `roadmap` document that names no
skill, ...; `check` prints its report first when the file is a scan or password-protected),
2 usage (an unknown --role too; `roadmap` with a role and postings, or neither; `serve` without
the server extra; `--pdf-reader pdfium` without the fast extra), 3 score (or parseability, for
`check`) below `--fail-under`. Errors are one line on stderr, never a traceback. Heavy modules
(spaCy, pdfminer, pydantic models, FastAPI) are imported inside the commands so `atsmatch --help`
stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console

    from atsmatch._api import Matcher
    from atsmatch.models import MatchReport, RankedResult
    from atsmatch.taxonomy import Taxonomy

__all__ = ["EXIT_BELOW_THRESHOLD", "EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "app", "main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BELOW_THRESHOLD = 3

app = typer.Typer(
    name="atsmatch",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Match a resume against a job posting, offline, and explain the score.",
)
vocab_app = typer.Typer(no_args_is_help=True, help="Inspect and validate the skills vocabulary.")
app.add_typer(vocab_app, name="vocab")
roles_app = typer.Typer(help="List the role profiles, or show one.")
app.add_typer(roles_app, name="roles")


class Format(StrEnum):
    """Output formats of the report commands (`html`: `match`, `check`, `rank` and `roadmap`)."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class PdfReader(StrEnum):
    """The PDF readers of `match` and `rank` (`Limits.pdf_reader`)."""

    pdfminer = "pdfminer"
    pdfium = "pdfium"


PdfReaderOption = Annotated[
    PdfReader,
    typer.Option(
        "--pdf-reader",
        help="Read PDFs with pdfminer (the default) or PDFium (faster; the 'fast' extra).",
    ),
]


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    typer.echo(f"atsmatch: {message}", err=True)
    raise typer.Exit(code)


def _html_ready(output: str) -> None:
    """Before any slow work: `--format html` needs the `html` extra (exit 2 without it)."""
    if output != "html":
        return
    from atsmatch.errors import MissingExtraError
    from atsmatch.render.html import require_jinja2

    try:
        require_jinja2()
    except MissingExtraError as exc:
        _fail(str(exc), EXIT_USAGE)


def _reader_ready(reader: PdfReader) -> None:
    """Before any slow work: `--pdf-reader pdfium` needs the `fast` extra (exit 2 without it)."""
    if reader is not PdfReader.pdfium:
        return
    from atsmatch.documents.pdfium import require_pdfium
    from atsmatch.errors import MissingExtraError

    try:
        require_pdfium()
    except MissingExtraError as exc:
        _fail(str(exc), EXIT_USAGE)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn library errors into one line on stderr and exit code 1 (2 for an unknown role)."""
    from atsmatch.errors import AtsmatchError, TaxonomyValidationError, UnknownRoleError

    try:
        yield
    except UnknownRoleError as exc:
        _fail(str(exc), EXIT_USAGE)
    except TaxonomyValidationError as exc:
        typer.echo(f"atsmatch: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except AtsmatchError as exc:
        _fail(str(exc).splitlines()[0])
    except OSError as exc:
        _fail(f"{exc.filename or 'input'}: {exc.strerror or exc}")


def _version(value: bool) -> None:
    if value:
        from atsmatch import __version__

        typer.echo(f"atsmatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Match a resume against a job posting, offline, and explain the score."""


def _source(arg: str) -> Path | bytes:
    """A command-line argument names a file; "-" reads standard input."""
    if arg == "-":
        return sys.stdin.buffer.read()
    path = Path(arg)
    if not path.is_file():
        _fail(f"{arg}: no such file", EXIT_USAGE)
    return path


def _taxonomy(vocab: list[Path] | None) -> Taxonomy | None:
    if not vocab:
        return None
    from atsmatch.taxonomy import load_taxonomy

    return load_taxonomy(*vocab)


def _matcher(vocab: list[Path] | None, reader: PdfReader = PdfReader.pdfminer) -> Matcher:
    """PDF and DOCX are parsed in a worker process with a hard time and memory bound."""
    from atsmatch._api import Matcher
    from atsmatch.limits import Limits

    limits = Limits(isolate=True, pdf_reader=reader.value)
    return Matcher(taxonomy=_taxonomy(vocab), limits=limits)


VocabOption = Annotated[
    list[Path] | None,
    typer.Option("--vocab", help="Extra vocabulary directory or file laid over the bundled one."),
]
TodayOption = Annotated[
    datetime | None,
    typer.Option(
        "--today",
        formats=["%Y-%m-%d"],
        help="Date that ends a current role (YYYY-MM-DD), for reproducible reports.",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def match(
    resume: Annotated[str, typer.Argument(help="Resume file: PDF, DOCX or text ('-' for stdin).")],
    job: Annotated[
        str | None, typer.Argument(help="Job posting file: text, PDF or DOCX.", show_default=False)
    ] = None,
    role: Annotated[
        str | None,
        typer.Option("--role", help="Match against a role profile instead of a posting."),
    ] = None,
    output: FormatOption = Format.text,
    vocab: VocabOption = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", min=0, max=100, help="Exit with code 3 below this score."),
    ] = None,
    today: TodayOption = None,
    pdf_reader: PdfReaderOption = PdfReader.pdfminer,
) -> None:
    """Score RESUME against JOB (or --role) and show matched and missing keywords."""
    if (job is None) == (role is None):
        _fail("give a job posting file or --role, not both and not neither", EXIT_USAGE)
    _html_ready(output)
    _reader_ready(pdf_reader)
    with _errors():
        matcher = _matcher(vocab, pdf_reader)
        # Parsed here, so the HTML page can show both documents; the report is the same.
        parsed = matcher.parse_resume(_source(resume))
        posting = matcher.parse_job(
            matcher.job_side(_source(job) if job is not None else None, role, caller="match")
        )
        report = matcher.match(parsed, posting, today=today.date() if today is not None else None)
        from atsmatch.render import render_markdown, render_terminal

        def html(report: MatchReport) -> str:
            from atsmatch.render.html import MatchSources, render_match_html

            return render_match_html(report, MatchSources.of(matcher, parsed, posting))

        _emit(report, output, render_markdown, render_terminal, html)
    if fail_under is not None and report.score < fail_under:
        typer.echo(
            f"atsmatch: score {report.score:.1f} is below --fail-under {fail_under:g}", err=True
        )
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


def _emit(
    report: BaseModel,
    output: Format,
    markdown: Callable[[Any], str],
    terminal: Callable[[Any, Console], None],
    html: Callable[[Any], str],
) -> None:
    """Print a report in the chosen format (JSON is the same for every report)."""
    from atsmatch.render import render_json

    if output is Format.json:
        typer.echo(render_json(report))
    elif output is Format.html:
        typer.echo(html(report))
    elif output is Format.markdown:
        typer.echo(markdown(report))
    else:
        from rich.console import Console

        terminal(report, Console(highlight=False))


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Resume or posting: PDF, DOCX or text.")],
    output: FormatOption = Format.text,
    vocab: VocabOption = None,
    kind: Annotated[
        str, typer.Option("--as", help="Parse the file as a 'resume' or a 'job'.")
    ] = "resume",
) -> None:
    """List the skills found in FILE, with the section and line where each appears."""
    if kind not in {"resume", "job"}:
        _fail("--as must be 'resume' or 'job'", EXIT_USAGE)
    if output is Format.html:
        _fail("--format html is for match, check, rank and roadmap", EXIT_USAGE)
    with _errors():
        matcher = _matcher(vocab)
        source = _source(file)
        parsed = matcher.parse_resume(source) if kind == "resume" else matcher.parse_job(source)
        hits = matcher.extract(parsed)
        if output is Format.json:
            import json

            typer.echo(json.dumps([h.model_dump(mode="json") for h in hits], indent=2))
            return
        if output is Format.markdown:
            typer.echo("| skill | category | as written | section | line |\n|---|---|---|---|---|")
            for h in hits:
                typer.echo(f"| {h.name} | {h.category} | {h.text} | {h.section} | {h.line + 1} |")
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(hits)} skill mentions in {parsed.document.source}")
        for column in ("skill", "category", "as written", "section", "line"):
            table.add_column(column)
        for h in hits:
            written = h.text + (" (fuzzy)" if h.fuzzy else "")
            table.add_row(h.name, h.category, written, h.section, str(h.line + 1))
        Console(highlight=False).print(table)


@app.command()
def check(
    resume: Annotated[str, typer.Argument(help="Resume file: PDF, DOCX or text ('-' for stdin).")],
    output: FormatOption = Format.text,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under", min=0, max=100, help="Exit with code 3 below this parseability."
        ),
    ] = None,
) -> None:
    """Report what an ATS would miss or misread in RESUME, with a 0-100 parseability subscore.

    A scanned (image-only) or password-protected file is reported as an error finding and
    exits with code 1 after the report is printed.
    """
    _html_ready(output)
    with _errors():
        from atsmatch.render.check import render_check_markdown, render_check_terminal
        from atsmatch.render.html import render_check_html

        report = _matcher(None).check(_source(resume))
        _emit(report, output, render_check_markdown, render_check_terminal, render_check_html)
    if any(f.severity == "error" for f in report.findings):
        raise typer.Exit(EXIT_ERROR)
    if fail_under is not None and report.parseability < fail_under:
        typer.echo(
            f"atsmatch: parseability {report.parseability:.0f} is below --fail-under "
            f"{fail_under:g}",
            err=True,
        )
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


class RankFormat(StrEnum):
    """Output formats of `rank`: those of `match`, and JSON Lines written as entries finish."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    jsonl = "jsonl"


@app.command()
def rank(
    files: Annotated[
        list[str],
        typer.Argument(help="Resumes to rank (with --resume: job postings), PDF, DOCX or text."),
    ],
    job: Annotated[
        str | None, typer.Option("--job", help="Job posting file to rank the resumes against.")
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="Rank against a role profile instead of a posting.")
    ] = None,
    resume: Annotated[
        str | None,
        typer.Option("--resume", help="Rank the FILES as job postings against this one resume."),
    ] = None,
    output: Annotated[
        RankFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format; jsonl writes one entry per line as it finishes, unranked.",
        ),
    ] = RankFormat.text,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Match in N worker processes.")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Match on the Dask cluster at this address (atsmatch[dask])."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, help="Show only the N best-ranked files (with reports)."),
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="JSON: keep every entry's full report.")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="A progress bar on stderr (default: on a terminal)."
        ),
    ] = None,
    vocab: VocabOption = None,
    today: TodayOption = None,
    pdf_reader: PdfReaderOption = PdfReader.pdfminer,
) -> None:
    """Rank many FILES against one --job (or --role), best first; or postings against --resume.

    A file that cannot be read is listed with its error and does not stop the ranking. Memory
    stays bounded: JSON carries full reports only for the --top entries (or all with --full).
    Exits 0 when at least one file was ranked, 1 when none could be read.
    """
    if sum(x is not None for x in (job, role, resume)) != 1:
        _fail("give exactly one of --job, --role or --resume", EXIT_USAGE)
    if scheduler is not None and workers is not None:
        _fail("give --workers or --scheduler, not both", EXIT_USAGE)
    if output is RankFormat.jsonl and top is not None:
        _fail("--top needs the whole ranking; jsonl writes entries as they finish", EXIT_USAGE)
    _html_ready(output)
    _reader_ready(pdf_reader)
    sources = [_source(f) for f in files]
    client = _dask_client(scheduler) if scheduler is not None else None
    with _errors():
        from atsmatch.batch import iter_rank, iter_rank_jobs
        from atsmatch.limits import Limits
        from atsmatch.ranking import Ranking

        options: dict[str, Any] = {
            "workers": workers,
            "client": client,
            "taxonomy": _taxonomy(vocab),
            # Dask workers are daemonic processes, which may not start the isolating child.
            "limits": Limits(isolate=client is None, pdf_reader=pdf_reader.value),
            "today": today.date() if today is not None else None,
        }
        if resume is not None:
            stream = iter_rank_jobs(_source(resume), sources, **options)
            title = f"{len(files)} posting(s) ranked for {resume}"
        else:
            stream = iter_rank(
                _source(job) if job is not None else None, sources, role=role, **options
            )
            title = f"{len(files)} resume(s) ranked against {job or 'role ' + str(role)}"
        keep = None if full else (top or 0)
        ranking = Ranking(top=keep)
        readable = 0
        with _progress(len(sources), progress) as advance:
            for found in stream:
                readable += found.error is None
                if output is RankFormat.jsonl:
                    kept = found if full else found.model_copy(update={"report": None})
                    typer.echo(kept.model_dump_json())
                else:
                    ranking.add(found)
                advance()
        if output is not RankFormat.jsonl:
            _show_ranking(ranking.result(), output, top, title)
    if client is not None:
        client.close()
    if not readable:
        typer.echo("atsmatch: none of the files could be read", err=True)
        raise typer.Exit(EXIT_ERROR)


def _show_ranking(
    results: list[RankedResult], output: RankFormat, top: int | None, title: str
) -> None:
    from atsmatch.render.ranking import (
        render_ranking_json,
        render_ranking_markdown,
        render_ranking_terminal,
    )

    ranked = [r for r in results if r.error is None]
    shown = ranked[:top] + [r for r in results if r.error is not None]
    if output is RankFormat.json:
        typer.echo(render_ranking_json(shown))
    elif output is RankFormat.markdown:
        typer.echo(render_ranking_markdown(shown, title=title))
    elif output is RankFormat.html:
        from atsmatch.render.html import render_ranking_html

        typer.echo(render_ranking_html(shown, title=title))
    else:
        from rich.console import Console

        render_ranking_terminal(shown, Console(highlight=False), title=title)


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        _fail("--scheduler needs Dask: pip install 'atsmatch[dask]'", EXIT_USAGE)
    try:
        return Client(address, timeout=30)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        _fail(f"cannot reach the Dask scheduler at {address}: {exc}")


@contextmanager
def _progress(total: int, wanted: bool | None) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr (by default only when stderr is a terminal); yields `advance`."""
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ranking", total=total)
        yield lambda: bar.advance(task)


@app.command()
def roadmap(
    resume: Annotated[str, typer.Argument(help="Resume file: PDF, DOCX or text ('-' for stdin).")],
    role: Annotated[str | None, typer.Option("--role", help="Plan against a role profile.")] = None,
    job: Annotated[
        list[str] | None,
        typer.Option("--job", help="A job posting file; repeat for several postings."),
    ] = None,
    output: FormatOption = Format.text,
    vocab: VocabOption = None,
    today: TodayOption = None,
) -> None:
    """Plan what to learn against --role or one or more --job postings: gaps in phases, the
    certifications that close most of them, a path per issuer, what the resume already proves."""
    if (role is None) == (not job):
        _fail("give --role or at least one --job, not both and not neither", EXIT_USAGE)
    _html_ready(output)
    with _errors():
        from atsmatch.errors import RoadmapInputError
        from atsmatch.render.html import render_roadmap_html
        from atsmatch.render.roadmap import render_roadmap_markdown, render_roadmap_terminal
        from atsmatch.roadmaps import build_roadmap

        try:
            plan = build_roadmap(
                _matcher(vocab),
                _source(resume),
                role=role,
                jobs=[_source(j) for j in job or ()],
                today=today.date() if today is not None else None,
            )
        except RoadmapInputError as exc:
            _fail(str(exc), EXIT_USAGE if exc.usage else EXIT_ERROR)
        _emit(plan, output, render_roadmap_markdown, render_roadmap_terminal, render_roadmap_html)


@roles_app.callback(invoke_without_command=True)
def roles_list(ctx: typer.Context, vocab: VocabOption = None) -> None:
    """List the role profiles: id, name and what the role does, one line each."""
    if ctx.invoked_subcommand is not None:
        return
    with _errors():
        from atsmatch.taxonomy import load_taxonomy

        taxonomy = _taxonomy(vocab) or load_taxonomy()
        for profile in taxonomy.roles.values():
            typer.echo(f"{profile.id}\t{profile.name}\t{profile.summary or ''}")


@roles_app.command("show")
def roles_show(
    role: Annotated[str, typer.Argument(help="Role id, name or alias, in any case.")],
    vocab: VocabOption = None,
) -> None:
    """Show one role: core and nice-to-have skills with weights, certifications, the ladder."""
    with _errors():
        from atsmatch.roles import find_role
        from atsmatch.suggest import certification_label
        from atsmatch.taxonomy import load_taxonomy

        taxonomy = _taxonomy(vocab) or load_taxonomy()
        profile = find_role(taxonomy, role)
        skills = taxonomy.skills
        typer.echo(f"{profile.name} ({profile.id})")
        if profile.summary:
            typer.echo(profile.summary)
        if profile.aliases:
            typer.echo(f"also: {', '.join(profile.aliases)}")
        for title, entries in (("core skills", profile.core), ("nice to have", profile.nice)):
            if entries:
                typer.echo(f"{title}:")
                for skill_id, weight in entries:
                    typer.echo(f"  {skills[skill_id].name}\t{weight:g}")
        if profile.certifications:
            typer.echo("certifications:")
            for cid in profile.certifications:
                cert = skills[cid]
                facts = ", ".join(
                    p
                    for p in (
                        cert.level,
                        f"about {cert.prep_weeks:g} weeks" if cert.prep_weeks else None,
                    )
                    if p
                )
                typer.echo(f"  {certification_label(cert)}" + (f"\t{facts}" if facts else ""))
        if profile.ladder:
            typer.echo("seniority ladder:")
            for step in profile.ladder:
                years = (
                    f"{step.min_years:g}-{step.max_years:g}"
                    if step.max_years is not None
                    else f"{step.min_years:g}+"
                )
                typer.echo(f"  {step.title}\t{years} years")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (only this machine by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes, each with its own Matcher.")
    ] = 1,
) -> None:
    """Serve match, check, extract and rank over HTTP (needs the 'server' extra).

    Set ATSMATCH_TOKEN to require "Authorization: Bearer <token>" on every route but /healthz,
    and ATSMATCH_CORS_ORIGINS (comma-separated) to let web pages from those origins call it.
    """
    try:
        from atsmatch.server import serve as run
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] not in _SERVER_PACKAGES:
            raise
        _fail("serve needs the server extra: pip install 'atsmatch[server]'", EXIT_USAGE)
    run(host=host, port=port, workers=workers)


_SERVER_PACKAGES = {"fastapi", "starlette", "uvicorn", "python_multipart", "anyio"}


@vocab_app.command("check")
def vocab_check(vocab: VocabOption = None) -> None:
    """Validate the bundled vocabulary (and --vocab overlays); list every problem, then the
    abbreviations two entries share and the names that are English words without a rule."""
    with _errors():
        from atsmatch.taxonomy import validate_vocab

        issues = validate_vocab(*(vocab or []))
        if issues:
            for issue in issues:
                typer.echo(issue, err=True)
            _fail(f"{len(issues)} problem(s) in the vocabulary")
        taxonomy = _taxonomy(vocab)
        if taxonomy is None:
            from atsmatch.taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        typer.echo(f"vocabulary {taxonomy.version}: ok ({len(taxonomy.skills)} entries)")
        from atsmatch.extract import ambiguities

        review = ambiguities(taxonomy)
        if review:
            typer.echo(f"to review ({len(review)}): shared abbreviations, names that are words")
            for line in review:
                typer.echo(f"  {line}")


@vocab_app.command("stats")
def vocab_stats(vocab: VocabOption = None) -> None:
    """Print counts per category, aliases, relation edges, certifications and roles."""
    with _errors():
        from atsmatch.taxonomy import load_taxonomy

        taxonomy = _taxonomy(vocab) or load_taxonomy()
        _print_stats(taxonomy.stats())


def _print_stats(stats: dict[str, object], indent: str = "") -> None:
    for key, value in stats.items():
        if isinstance(value, dict):
            typer.echo(f"{indent}{key}:")
            _print_stats(value, indent + "  ")
        else:
            typer.echo(f"{indent}{key}: {value}")


@vocab_app.command("search")
def vocab_search(
    term: Annotated[str, typer.Argument(help="A name, alias or misspelling.")],
    vocab: VocabOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many entries to show.")] = 10,
) -> None:
    """Find vocabulary entries by name, alias or a near spelling."""
    with _errors():
        from atsmatch.taxonomy import load_taxonomy

        taxonomy = _taxonomy(vocab) or load_taxonomy()
        found = taxonomy.search(term, limit=limit)
        if not found:
            _fail(f"nothing in the vocabulary looks like {term!r}")
        for skill in found:
            aliases = ", ".join((*skill.aliases, *skill.case_sensitive))
            typer.echo(f"{skill.id}\t{skill.name}\t{skill.category}\t{aliases}")


@app.command()
def schema(
    model: Annotated[
        str,
        typer.Option(
            "--model", help="Which model: report, resume, job, hit, check, ranked, roadmap."
        ),
    ] = "report",
) -> None:
    """Print the JSON schema of the report (or another model) for API consumers."""
    import json

    from atsmatch import models

    choices: dict[str, Callable[..., dict[str, object]]] = {
        "report": models.MatchReport.model_json_schema,
        "resume": models.Resume.model_json_schema,
        "job": models.JobPosting.model_json_schema,
        "hit": models.SkillHit.model_json_schema,
        "check": models.ParseReport.model_json_schema,
        "ranked": models.RankedResult.model_json_schema,
        "roadmap": models.Roadmap.model_json_schema,
    }
    if model not in choices:
        _fail(f"--model must be one of {', '.join(choices)}", EXIT_USAGE)
    typer.echo(json.dumps(choices[model](), indent=2, sort_keys=True))


def main() -> None:
    """Console-script entry point."""
    app()
