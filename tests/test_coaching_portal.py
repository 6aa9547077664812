"""DOCX page counts, unmarked work statements (job-portal exports), the quantify arithmetic and
the wording of resume-level messages."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from atsmatch import Matcher
from atsmatch.coaching.fixes import bullets_to_quantify, rank_fixes
from atsmatch.documents import read_document
from atsmatch.models import Coaching, WordCount
from atsmatch.render.coaching import coaching_summary
from atsmatch.star import analyze_bullet
from atsmatch.structure.lines import states_work
from atsmatch.taxonomy import Taxonomy
from tests.test_documents_docx import make_docx, p

APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Pages>{pages}</Pages><Words>{words}</Words></Properties>"
)
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
# Shaped like a job portal's export: flat paragraphs, no list markers, portal headings.
PORTAL = [
    "Ravi Kumar",
    "ravi.kumar@example.com",
    "Experience",
    "Data Analyst, Acme Retail Pvt Ltd  Jan 2021 – Present",
    "Roles and Responsibilities",
    "Developed sales dashboards in Power BI for the regional managers.",
    "Responsible for cleaning and joining daily sales data from 40 stores.",
    "Automated the weekly stock report with Python, saving 6 hours a week.",
    "Project Details",
    "Client: Acme Retail",
    "Team Size: 6",
    "Built a demand forecast for 120 products using SARIMA models.",
    "Education",
    "B.Tech, Pune University  2016 – 2020",
]


def with_app(data: bytes, pages: str, words: str = "1954") -> bytes:
    """The package with a docProps/app.xml that says `pages` and `words`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        archive.writestr("docProps/app.xml", APP.format(pages=pages, words=words))
    return out.getvalue()


class TestDocxPages:
    """A DOCX's page count: Word's own when saved, else an estimate marked as one."""

    def test_pages_from_app_xml(self) -> None:
        """docProps/app.xml's <Pages> is the count, not an estimate."""
        doc = read_document(with_app(make_docx(p("Jane Roe")), "3"))
        assert (doc.pages, doc.pages_estimated) == (3, False)

    def test_unreadable_app_pages_fall_back(self) -> None:
        """A <Pages> that is no positive number is ignored: the count is estimated."""
        doc = read_document(with_app(make_docx(p("Jane Roe")), "zero"))
        assert (doc.pages, doc.pages_estimated) == (1, True)

    def test_stale_app_xml_is_ignored(self) -> None:
        """A template's app.xml ("1 page, 0 words") is stale: the count is estimated."""
        body = p("One") + PAGE_BREAK + p("Two")
        doc = read_document(with_app(make_docx(body), "1", words="0"))
        assert (doc.pages, doc.pages_estimated) == (2, True)

    def test_saved_count_below_the_breaks_is_ignored(self) -> None:
        """A saved count lower than the pages the hard breaks start is not believed."""
        body = p("One") + PAGE_BREAK + p("Two") + PAGE_BREAK + p("Three")
        assert read_document(with_app(make_docx(body), "1")).pages == 3

    def test_page_breaks_start_pages(self) -> None:
        """Each hard page break starts a page."""
        doc = read_document(make_docx(p("One") + PAGE_BREAK + p("Two") + PAGE_BREAK + p("Three")))
        assert (doc.pages, doc.pages_estimated) == (3, True)

    def test_section_break_starts_a_page(self) -> None:
        """A new-page section break starts a page; a continuous one does not."""
        new_page = p("One", props="<w:sectPr/>") + p("Two")
        continuous = p("One", props='<w:sectPr><w:type w:val="continuous"/></w:sectPr>') + p("2")
        assert read_document(make_docx(new_page)).pages == 2
        assert read_document(make_docx(continuous)).pages == 1

    def test_long_text_is_several_pages(self) -> None:
        """2,000 words of text without breaks are estimated at more than one page."""
        body = "".join(
            p("Built data pipelines for the finance team with Spark " * 4) for _ in range(50)
        )
        doc = read_document(make_docx(body))
        assert doc.pages_estimated and doc.pages >= 3


class TestStatesWork:
    """A line states work when it reads as a bullet would, marker or not."""

    def test_verb_led_statement(self) -> None:
        """A past-tense verb opens a statement."""
        assert states_work("Developed sales dashboards in Power BI for the managers.")

    def test_duty_phrase(self) -> None:
        """A duty phrase opens a statement (coached as a weak opener)."""
        assert states_work("Responsible for cleaning and joining daily sales data")

    def test_title_and_company_are_not_statements(self) -> None:
        """Titles, companies, labels, headings and contact lines are not statements."""
        for text in (
            "Senior Data Analyst, Acme Corp",
            "Client: Acme Retail",
            "Team Size: 6",
            "Roles and Responsibilities",
            "ravi.kumar@example.com",
            "Streaming anomaly detection — github.com/x/y",
        ):
            assert not states_work(text), text


class TestPortalResume:
    """A portal export's plain paragraphs are coached as bullets, with a finding saying so."""

    def test_statements_become_bullets(self) -> None:
        """Every work statement under the portal headings is coached; labels are not."""
        data = make_docx("".join(p(text) for text in PORTAL))
        report = Matcher().check(read_document(data))
        resume = Matcher().parse_resume(read_document(data))
        bullets = [b.text for b in resume.blocks if b.kind == "bullet"]
        assert len(bullets) == 4 and not any(b.startswith(("Client", "Team")) for b in bullets)
        assert "unmarked-bullets" in {f.id for f in report.findings}

    def test_marked_resume_has_no_finding(self) -> None:
        """With real bullets (Word's list numbering), there is no unmarked-bullets finding."""
        numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        body = "".join(
            p(text, props=numbered)
            if text.startswith(("Developed", "Automated", "Built"))
            else p(text)
            for text in PORTAL
            if not text.startswith("Responsible")
        )
        report = Matcher().check(read_document(make_docx(body)))
        assert "unmarked-bullets" not in {f.id for f in report.findings}


class TestQuantify:
    """How many more bullets need a figure to reach the target share."""

    def test_issue_example(self) -> None:
        """7 of 12 (58%) is under 60%: one more bullet, not zero."""
        assert bullets_to_quantify(7, 12, 0.6) == 1

    @given(st.integers(1, 400), st.data(), st.sampled_from([0.5, 0.6, 0.75]))
    def test_reaches_target_and_no_more(
        self, total: int, data: st.DataObject, target: float
    ) -> None:
        """Adding the count reaches the target; one fewer would not; never negative."""
        have = data.draw(st.integers(0, total))
        need = bullets_to_quantify(have, total, target)
        assert need >= 0
        assert (have + need) / total >= target - 1e-9
        if need:
            assert (have + need - 1) / total < target - 1e-9


def _coaching(taxonomy: Taxonomy, with_result: int, without: int, pages: int = 1) -> Coaching:
    """Coaching over bullets of which `with_result` show a figure."""
    bullets = [analyze_bullet("Cut latency by 40% for the search API", taxonomy)] * with_result
    bullets += [analyze_bullet("Built the search API for the shop", taxonomy)] * without
    quantified = with_result
    total = with_result + without
    return Coaching(
        today="2026-12-01",
        bullets=tuple(bullets),
        quantified=quantified,
        quantified_share=round(quantified / total, 3) if total else 0.0,
        distinct_verbs=2,
        length=WordCount(words=1954, pages=pages, pages_estimated=True, per_page=1954 / pages),
    )


class TestMessages:
    """Resume-level messages count right and agree in number."""

    def test_quantify_fix_names_one_more(self, taxonomy: Taxonomy) -> None:
        """7 of 12 with a figure: the fix asks for 1 more bullet, with the share it is at."""
        (fix,) = [f for f in rank_fixes(_coaching(taxonomy, 7, 5), (), ()) if f.kind == "quantify"]
        assert fix.message == (
            "7 of 12 bullets have a measurable result (58%, under the 60% to aim for): add your "
            "real figures to 1 more bullet"
        )

    def test_no_quantify_fix_at_target(self, taxonomy: Taxonomy) -> None:
        """At the target share there is no quantify fix."""
        fixes = rank_fixes(_coaching(taxonomy, 6, 4), (), ())
        assert "quantify" not in {f.kind for f in fixes}

    def test_summary_singular(self, taxonomy: Taxonomy) -> None:
        """One bullet with a figure "shows"; an estimated page count says so."""
        line = coaching_summary(_coaching(taxonomy, 1, 0, pages=4))
        assert line.startswith("1 of 1 bullet shows a measurable result")
        assert line.endswith("1954 words on about 4 pages (estimated from the text)")
