"""The HTML pages: self-contained, escaped, linked, and drawn without errors by a real browser."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atsmatch import Matcher
from atsmatch.cli import app
from atsmatch.errors import MissingExtraError
from atsmatch.models import MatchReport, RankedResult, Roadmap
from atsmatch.render import render_json
from atsmatch.render.html import (
    MatchSources,
    render_check_html,
    render_match_html,
    render_ranking_html,
    render_roadmap_html,
)
from atsmatch.roadmaps import build_roadmap

from .conftest import EXAMPLES

RESUME = EXAMPLES / "resume.pdf"
JOB = EXAMPLES / "job_ml_engineer.txt"
TODAY = date(2026, 1, 15)
HOSTILE = """Jane Doe
jane@example.com

Experience
Data Engineer, Acme
- Built <script>alert("resume")</script> pipelines in Python and SQL, cutting cost by 20%.
- Wrote <img src=x onerror="alert(1)"> dashboards with Kubernetes & "quotes".

Skills
Python, SQL, Kubernetes
"""


@pytest.fixture(scope="module")
def sources(matcher: Matcher) -> MatchSources:
    """The example resume and posting, parsed, with their skills."""
    return MatchSources.of(matcher, matcher.parse_resume(RESUME), matcher.parse_job(JOB))


@pytest.fixture(scope="module")
def report(matcher: Matcher, sources: MatchSources) -> MatchReport:
    """The example match on a fixed date."""
    return matcher.match(sources.resume, sources.job, today=TODAY)


@pytest.fixture(scope="module")
def page(report: MatchReport, sources: MatchSources) -> str:
    """The example match as a page."""
    return render_match_html(report, sources)


@pytest.fixture(scope="module")
def ranking(matcher: Matcher) -> list[RankedResult]:
    """Two readable resumes and one unreadable file ranked against the example posting."""
    photo = b"\x89PNG\r\n\x1a\n" + bytes(64)
    files = [RESUME.read_bytes(), (EXAMPLES / "resume.txt").read_bytes(), photo]
    names = ["resume.pdf", "resume.txt", "photo.png"]
    return matcher.rank(JOB, files, names=names, today=TODAY)


@pytest.fixture(scope="module")
def roadmap(matcher: Matcher) -> Roadmap:
    """The example resume's roadmap towards the MLOps role, on a fixed date."""
    return build_roadmap(matcher, RESUME, role="mlops-engineer", today=TODAY)


def _headings_in_order(page: str) -> bool:
    """One h1, and no heading level skipped on the way down."""
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", page)]
    return (
        levels[0] == 1
        and levels.count(1) == 1
        and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    )


class TestMatchPage:
    def test_deterministic(self, report: MatchReport, sources: MatchSources, page: str) -> None:
        """The same report gives the same bytes."""
        assert render_match_html(report, sources) == page

    def test_self_contained(self, page: str) -> None:
        """No stylesheet, script, image or font is fetched; a policy forbids any other load."""
        assert not re.search(r"<link|\bsrc=|url\(|@import|https?://", page)
        assert "default-src 'none'" in page

    def test_script_hash(self, page: str) -> None:
        """The policy admits exactly the inline script that is on the page."""
        import base64
        import hashlib

        (script,) = re.findall(r"<script>(.*?)</script>", page, re.S)
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in page

    def test_headings_in_order(self, page: str) -> None:
        """One h1, and no heading level is skipped on the way down."""
        assert _headings_in_order(page)

    def test_sections(self, page: str) -> None:
        """Gauge, subscores, both keyword tables, both documents and coaching are on the page."""
        for part in ('role="img" aria-label="Match score: ', 'id="subscores"', 'id="matched"',
                     'id="missing"', 'id="resume-heading"', 'id="job-heading"', 'id="coaching"',
                     'class="coach"'):  # fmt: skip
            assert part in page, part

    def test_keyword_links_resolve(self, page: str, report: MatchReport) -> None:
        """Every marked keyword links to a row that exists, and every job keyword has a row."""
        ids = set(re.findall(r'<tr id="(kw-\d+)"', page))
        links = set(re.findall(r'<a href="#(kw-\d+)" class="kw', page))
        assert len(ids) == len(report.keywords)
        assert links and links <= ids

    def test_evidence_whole(self, page: str, report: MatchReport) -> None:
        """Evidence is quoted in full, never cut with an ellipsis."""
        keyword = next(k for k in report.keywords if k.skill_id in set(report.matched))
        assert keyword.evidence[0].text.split()[-1] in page
        assert "…" not in page

    def test_bullet_coaching_beside_bullet(self, page: str, report: MatchReport) -> None:
        """A flagged bullet is followed by its coaching, not listed apart."""
        assert report.coaching is not None
        flagged = [b for b in report.coaching.bullets if b.flags]
        beside = re.findall(
            r'<div class="block bullet coached">\n<p>.*?</p>\n<aside class="coach"', page
        )
        assert len(beside) == len(flagged) == page.count('<aside class="coach"')

    def test_without_sources(self, report: MatchReport) -> None:
        """From the report alone the page has no documents but lists the flagged bullets."""
        page = render_match_html(report)
        assert 'id="resume-heading"' not in page
        assert "Bullet feedback" in page and "weak-opener" in page


class TestRoadmapPage:
    def test_deterministic(self, roadmap: Roadmap) -> None:
        """The same roadmap gives the same bytes."""
        assert render_roadmap_html(roadmap) == render_roadmap_html(roadmap)

    def test_headings_in_order(self, roadmap: Roadmap) -> None:
        """One h1, and no heading level is skipped on the way down."""
        assert _headings_in_order(render_roadmap_html(roadmap))

    def test_sections(self, roadmap: Roadmap) -> None:
        """Every phase, every pick, every path, the held certifications and the proof are there."""
        page = render_roadmap_html(roadmap)
        assert roadmap.phases and roadmap.certifications and roadmap.held and roadmap.proven
        for phase in roadmap.phases:
            assert f'id="phase-{phase.name}"' in page
            assert all(f'<th scope="row">{g.name}</th>' in page for g in phase.gaps)
        assert page.count('<td class="num">', page.index('id="certifications"')) >= len(
            roadmap.certifications
        )
        assert page.count('<section class="path"') == len(roadmap.paths)
        for cert in roadmap.certifications:
            assert cert.reason in page
        assert all(h.note in page for h in roadmap.held)
        assert all(p.evidence.split()[-1] in page for p in roadmap.proven)

    def test_prep_time_and_level(self, roadmap: Roadmap) -> None:
        """A pick shows its level and its preparation time in weeks."""
        page = render_roadmap_html(roadmap)
        cert = next(c for c in roadmap.certifications if c.prep_weeks and c.level)
        row = page[page.index(cert.name) :].split("</tr>", 1)[0]
        assert f"<td>{cert.level}</td>" in row
        assert f"about {cert.prep_weeks:g} weeks" in row

    def test_postings_column(self, matcher: Matcher) -> None:
        """Against several postings, each gap says how many postings ask for it."""
        jobs = [JOB, EXAMPLES / "job_mlops_engineer.txt"]
        page = render_roadmap_html(build_roadmap(matcher, RESUME, jobs=jobs, today=TODAY))
        assert '<th scope="col" class="num">Postings</th>' in page
        assert "<li>job_ml_engineer.txt</li>" in page

    def test_no_gap(self, matcher: Matcher) -> None:
        """A resume that shows everything asked for says so instead of an empty table."""
        job = "Requirements: Python and SQL."
        resume = "Jane Doe\n\nExperience\n- Built reports in Python and SQL.\n"
        page = render_roadmap_html(build_roadmap(matcher, resume, jobs=[job], today=TODAY))
        assert "there is no gap to close" in page and '<table class="gaps">' not in page


class TestEscaping:
    def test_resume_markup_is_text(self, matcher: Matcher) -> None:
        """Markup in a resume prints as text: no script or handler of the resume runs."""
        resume = matcher.parse_resume(HOSTILE)
        job = matcher.parse_job("Requirements: Python, SQL, Kubernetes, Spark")
        page = render_match_html(
            matcher.match(resume, job, today=TODAY), MatchSources.of(matcher, resume, job)
        )
        assert "&lt;script&gt;alert(&#34;resume&#34;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=" in page
        assert page.count("<script") == 1  # the page's own
        assert "<img" not in page

    def test_roadmap_markup_is_text(self, matcher: Matcher) -> None:
        """A hostile resume file name and resume text print as text on the roadmap page."""
        resume = matcher.read(HOSTILE.encode(), name='<img src=x onerror="alert(1)">.txt')
        page = render_roadmap_html(build_roadmap(matcher, resume, role="data-engineer"))
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;.txt" in page
        assert "&lt;script&gt;" in page  # the quoted bullet
        assert page.count("<script") == 1  # the page's own
        assert "<img" not in page

    def test_file_name_is_text(self, ranking: list[RankedResult]) -> None:
        """A title or file name with markup prints as text."""
        page = render_ranking_html(ranking, title="<b>ranked</b>")
        assert "&lt;b&gt;ranked&lt;/b&gt;" in page and "<b>" not in page


class TestOtherPages:
    def test_check(self, matcher: Matcher) -> None:
        """The check page shows the gauge, what was recognised, and the findings."""
        page = render_check_html(matcher.check(EXAMPLES / "resume.docx"))
        assert 'aria-label="Parseability: 100 out of 100, reads cleanly"' in page
        assert "What was recognised" in page and "Summary, Experience" in page

    def test_ranking(self, ranking: list[RankedResult]) -> None:
        """The ranking page has a sortable row per ranked file and lists the unreadable one."""
        page = render_ranking_html(ranking, title="ranked")
        assert 'class="ranking sortable"' in page
        assert page.count('<td class="num" data-value="') >= 2 * 4
        assert "Could not be read" in page and "photo.png" in page


class TestCommandLine:
    runner = CliRunner()

    @pytest.mark.parametrize(
        "args",
        [
            ("match", str(RESUME), str(JOB)),
            ("match", str(RESUME), "--role", "mlops-engineer"),
            ("check", str(RESUME)),
            ("rank", "--job", str(JOB), str(RESUME)),
            ("roadmap", str(RESUME), "--role", "mlops-engineer"),
            ("roadmap", str(RESUME), "--job", str(JOB), "--job", str(JOB)),
        ],
    )
    def test_html(self, args: tuple[str, ...]) -> None:
        """`--format html` prints one page."""
        result = self.runner.invoke(app, [*args, "--format", "html"])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("<!DOCTYPE html>")

    def test_json_unchanged(self, matcher: Matcher) -> None:
        """`match` parses the documents first; its JSON is the library's, byte for byte."""
        result = self.runner.invoke(
            app, ["match", str(RESUME), str(JOB), "-f", "json", "--today", "2026-01-15"]
        )
        assert result.stdout == render_json(matcher.match(RESUME, JOB, today=TODAY)) + "\n"

    def test_extract_refuses_html(self) -> None:
        """`extract` has no page: usage error."""
        result = self.runner.invoke(app, ["extract", str(RESUME), "--format", "html"])
        assert result.exit_code == 2
        assert "--format html is for match, check, rank and roadmap" in result.stderr

    def test_roadmap_json_unchanged(self, matcher: Matcher) -> None:
        """`roadmap --format json` is the library's roadmap, byte for byte."""
        result = self.runner.invoke(
            app,
            ["roadmap", str(RESUME), "--role", "mlops-engineer", "-f", "json",
             "--today", "2026-01-15"],
        )  # fmt: skip
        expected = build_roadmap(matcher, RESUME, role="mlops-engineer", today=TODAY)
        assert result.stdout == render_json(expected) + "\n"

    @pytest.mark.parametrize("command", ["match", "check", "rank", "roadmap"])
    def test_without_jinja2(self, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
        """Without Jinja2: one line naming the extra to install, exit 2."""
        from atsmatch.render import html

        monkeypatch.setitem(sys.modules, "jinja2", None)
        html._environment.cache_clear()
        args = {
            "match": ["match", str(RESUME), str(JOB)],
            "check": ["check", str(RESUME)],
            "rank": ["rank", "--job", str(JOB), str(RESUME)],
            "roadmap": ["roadmap", str(RESUME), "--role", "mlops-engineer"],
        }[command]
        try:
            result = self.runner.invoke(app, [*args, "--format", "html"])
            with pytest.raises(MissingExtraError):
                render_check_html(Matcher().check("text"))
        finally:
            html._environment.cache_clear()
        assert result.exit_code == 2
        assert result.stderr == (
            "atsmatch: --format html needs Jinja2: pip install 'atsmatch[html]'\n"
        )


def _chromium() -> str | None:
    """The browser, or None; in CI its absence fails the test (.ci/run installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it in CI")
    return found


def _browse(page: Path, *mode: str) -> tuple[bytes, str]:
    """Run headless Chromium on `page`: what it printed (screenshot, DOM) and its log."""
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (CI installs it)")
    with tempfile.TemporaryDirectory() as profile:
        args = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            "--window-size=1280,2000", *mode,
        ]  # fmt: skip
        done = subprocess.run(
            [*args, page.as_uri()], capture_output=True, timeout=120, cwd=page.parent, check=True
        )
    return done.stdout, done.stderr.decode("utf-8", "replace")


def _screenshot(page: Path) -> tuple[int, str]:
    """The screenshot's size in bytes and the browser's log."""
    shot = page.with_suffix(".png")
    _, log = _browse(page, f"--screenshot={shot}")
    return shot.stat().st_size, log


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory: pytest.TempPathFactory,
    report: MatchReport,
    sources: MatchSources,
    matcher: Matcher,
    ranking: list[RankedResult],
    roadmap: Roadmap,
) -> dict[str, Path]:
    """The four pages and an empty one, written to files."""
    out = tmp_path_factory.mktemp("html")
    texts = {
        "blank": "<!DOCTYPE html><html lang=en><title>blank</title></html>",
        "match": render_match_html(report, sources),
        "check": render_check_html(matcher.check(EXAMPLES / "resume.docx")),
        "rank": render_ranking_html(ranking, title="ranked"),
        "roadmap": render_roadmap_html(roadmap),
    }
    paths = {name: out / f"{name}.html" for name in texts}
    for name, text in texts.items():
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.slow
class TestBrowser:
    @pytest.mark.parametrize("name", ["match", "check", "rank", "roadmap"])
    def test_drawn_without_errors(self, pages: dict[str, Path], name: str) -> None:
        """The page draws (its screenshot is far from blank) and logs no console message."""
        blank, _ = _screenshot(pages["blank"])
        size, log = _screenshot(pages[name])
        assert size > 3 * blank, (size, blank)
        assert not re.findall(r"CONSOLE|Uncaught|Refused to", log), log

    def test_sort_script_runs(self, pages: dict[str, Path]) -> None:
        """With scripts on, the policy lets the sort script turn headings into buttons."""
        dom, log = _browse(pages["rank"], "--dump-dom")
        assert dom.count(b'<button type="button">') == 8
        assert not re.findall(r"CONSOLE|Uncaught|Refused to", log), log

    def test_scripts_off(self, pages: dict[str, Path]) -> None:
        """Without its script (as with scripts off), the ranking is all there, in rank order."""
        # --dump-dom itself needs scripts, so the page is loaded with its script taken out.
        page = pages["rank"].with_name("rank-noscript.html")
        text = pages["rank"].read_text(encoding="utf-8")
        page.write_text(re.sub(r"<script>.*?</script>", "", text, flags=re.S), encoding="utf-8")
        dom, _ = _browse(page, "--dump-dom")
        assert b"<button" not in dom
        ranks = re.findall(rb'<td class="num" data-value="(\d+)">\d+</td>\s*<th', dom)
        assert ranks == [b"1", b"2"]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class TestStylesheet:
    css = (Path(__file__).parents[1] / "src/atsmatch/render/templates/report.css").read_text()

    def test_contrast_aa(self) -> None:
        """Every text colour on every background it is used on reaches 4.5:1 (WCAG AA)."""
        colours = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6});", self.css))
        colours |= {"white": "#ffffff", "target": "#fffbe0", "coach": "#fff6e0"}
        texts = ["text", "muted", "link", "good", "fair", "poor"]
        backgrounds = ["white", "panel", "target"]
        pairs = [(t, b) for t in texts for b in backgrounds]
        pairs += [("text", b) for b in ("good-bg", "poor-bg", "related-bg", "coach")]
        for text, background in pairs:
            high, low = sorted((_luminance(colours[text]), _luminance(colours[background])))[::-1]
            assert (high + 0.05) / (low + 0.05) >= 4.5, (text, background)

    def test_print_rules(self) -> None:
        """A print stylesheet lays the page out on one column and drops the navigation."""
        printed = self.css.split("@media print", 1)[1]
        assert ".documents { grid-template-columns: 1fr; }" in printed
        assert "nav { display: none; }" in printed
