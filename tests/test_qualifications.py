"""Title and education: parsing a posting's title and degree asks, a resume's headline and
degrees, comparing them (`atsmatch.qualify`) and folding them into `weighted.v4`."""

from __future__ import annotations

import io
import random
import re
from datetime import date

import pytest

from atsmatch import Matcher
from atsmatch.models import (
    Block,
    Degree,
    DegreeAsk,
    Document,
    JobPosting,
    MatchReport,
    Resume,
    Role,
)
from atsmatch.qualify import match_education, match_title
from atsmatch.structure.qualifications import (
    core_title,
    find_degree_asks,
    find_degrees,
    title_key,
)
from atsmatch.taxonomy import load_taxonomy
from tests.conftest import corpus_lines

TODAY = date(2026, 12, 1)
DOC = Document(source="<text>", format="text")

ANALYST_POSTING = """Data Analyst - Remote

Requirements:
- 3+ years of SQL and Excel
- Dashboards in Tableau or Power BI
- Python for analysis
- Bachelor's degree in Statistics, Mathematics or a quantitative field
"""
ANALYST_RESUME = """Jane Roe
Data Analyst
jane@example.org

Experience
Senior Data Analyst, Acme Retail  2021 – Present
- Built Tableau dashboards on SQL tables for 40 store managers
- Automated weekly Excel reports with Python, saving 6 hours a week

Education
B.Sc. Mathematics, State University  2016 – 2020
"""
SCIENTIST_RESUME = """John Poe
Data Scientist
john@example.org

Experience
Data Scientist, Beta Labs  2021 – Present
- Built Tableau dashboards on SQL tables for 40 store managers
- Automated weekly Excel reports with Python, saving 6 hours a week

Education
B.Sc. Mathematics, State University  2016 – 2020
"""


def _ask(text: str, level: str = "required") -> list[DegreeAsk]:
    block = Block(text=text, kind="bullet", section=level, line=0, level=level)  # type: ignore[arg-type]
    return list(find_degree_asks([block]))


def _degrees(text: str) -> list[Degree]:
    return list(find_degrees([Block(text=text, kind="line", section="education", line=0)]))


class TestPostingTitle:
    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("Senior Machine Learning Engineer\n\nRequirements:\n- Python",
             "Senior Machine Learning Engineer"),
            ("Data Analyst - Remote\n\nRequirements:\n- SQL", "Data Analyst"),
            ("Job Title: ML Ops Engineer (m/f/d)\n\nRequirements:\n- Docker", "ML Ops Engineer"),
            ("Machine Learning Engineer, Personalization\n\nRequirements:\n- Python",
             "Machine Learning Engineer"),
            ("Senior Engineer, Machine Learning\n\nRequirements:\n- Python",
             "Senior Machine Learning Engineer"),
            ("We are hiring a Senior Frontend Engineer to lead our web team.",
             "Senior Frontend Engineer"),
        ],
    )  # fmt: skip
    def test_core_title(self, text: str, title: str) -> None:
        """The posting's title is read without location, work mode, gender tag or team, and an
        inverted title ("Engineer, Machine Learning") in the usual order."""
        assert Matcher().parse_job(text).core_title == title

    def test_heading_that_names_no_job_is_no_title(self) -> None:
        """A first line that names no job ("About the role") gives no core title."""
        assert core_title("About the role") is None

    def test_role_profile_gives_its_name(self) -> None:
        """A role profile's posting has the profile's name as its title."""
        assert Matcher().role_posting("ml-engineer").core_title == "Machine Learning Engineer"


class TestTitleKey:
    def test_seniority_and_abbreviations(self) -> None:
        """Seniority words go, "ML" and "Machine Learning" are one form, "Sr." is senior."""
        assert title_key("Sr. ML Engineer II") == title_key("Machine Learning Engineer")

    def test_mlops_spellings(self) -> None:
        """ "MLOps", "ML Ops" and "Machine Learning Operations" are one form."""
        assert title_key("MLOps Engineer") == title_key("Machine Learning Operations Engineer")


class TestDegreeAsks:
    @pytest.mark.parametrize(
        ("text", "level", "fields", "related"),
        [
            ("BS/MS in Computer Science or related field", "bachelor", ("Computer Science",), True),
            ("Bachelor's degree in Statistics, Mathematics or a quantitative field", "bachelor",
             ("Statistics", "Mathematics"), True),
            ("B.S. in Computer Science", "bachelor", ("Computer Science",), False),
            ("M.Sc. in Physics or Applied Mathematics", "master",
             ("Physics", "Applied Mathematics"), False),
            ("Master's or Ph.D. degree in Computer Science or Electrical Engineering", "master",
             ("Computer Science", "Electrical Engineering"), False),
            ("PhD in Machine Learning", "phd", ("Machine Learning",), False),
            ("A degree in Economics or similar", None, ("Economics",), True),
        ],
    )  # fmt: skip
    def test_level_and_fields(
        self, text: str, level: str | None, fields: tuple[str, ...], related: bool
    ) -> None:
        """Level (the lowest accepted), fields and "related" are read from the ask."""
        (ask,) = _ask(text)
        assert (ask.level, ask.need, ask.fields, ask.related) == (
            level,
            "required",
            fields,
            related,
        )

    def test_preferred_cue(self) -> None:
        """ "PhD preferred" inside Requirements is a preferred ask."""
        (ask,) = _ask("PhD preferred")
        assert (ask.level, ask.need) == ("phd", "preferred")

    def test_preferred_block(self) -> None:
        """A degree named in a preferred block is preferred."""
        (ask,) = _ask("MS in Statistics", level="preferred")
        assert ask.need == "preferred"

    def test_required_then_preferred(self) -> None:
        """ "BS required; MS or PhD preferred" is two asks."""
        asks = _ask("B.S. in Computer Science required; M.Sc. or PhD preferred")
        assert [(a.level, a.need) for a in asks] == [
            ("bachelor", "required"),
            ("master", "preferred"),
        ]

    def test_equivalent_experience(self) -> None:
        """ "or equivalent experience" is read."""
        (ask,) = _ask("Master's or equivalent experience")
        assert ask.level == "master" and ask.equivalent

    @pytest.mark.parametrize(
        "text",
        ["degree not required", "No degree required - we value skills", "Degree is optional"],
    )
    def test_no_degree_required(self, text: str) -> None:
        """ "degree not required" is a not-required ask with no level."""
        (ask,) = _ask(text)
        assert (ask.need, ask.level) == ("not-required", None)

    @pytest.mark.parametrize(
        "text", ["Experience with MS Excel and Power BI", "Based in Boston, MA", "5+ years of SQL"]
    )
    def test_not_a_degree(self, text: str) -> None:
        """Two-letter forms outside a degree's shape are not degrees."""
        assert _ask(text) == []

    def test_about_us_asks_nothing(self) -> None:
        """A degree named in the about-us text is no ask."""
        block = Block(text="Our founders hold PhDs in Physics", kind="line", section="about",
                      line=0, level="other")  # fmt: skip
        assert find_degree_asks([block]) == ()

    def test_on_the_parsed_posting(self) -> None:
        """`parse_job` exposes the asks on `JobPosting.degrees`."""
        (ask,) = Matcher().parse_job(ANALYST_POSTING).degrees
        assert (ask.level, ask.related) == ("bachelor", True)


class TestResumeDegrees:
    @pytest.mark.parametrize(
        ("text", "level", "field"),
        [
            ("B.Sc. Computer Science", "bachelor", "Computer Science"),
            ("MS, Statistics", "master", "Statistics"),
            ("PhD in Physics", "phd", "Physics"),
            ("Master of Science in Data Science", "master", "Data Science"),
            ("BS\tState University, Computer Engineering", "bachelor", "Computer Engineering"),
            ("MENG IN COMPUTER SCIENCE", "master", "Computer Science"),
            ("Bachelor of Engineering in Electrical and Electronics", "bachelor",
             "Electrical Engineering"),
            ("BA in History", "bachelor", "History"),
            ("M.Sc., University of Oslo", "master", None),
        ],
    )  # fmt: skip
    def test_level_and_field(self, text: str, level: str, field: str | None) -> None:
        """Degree level and field are read from an education entry."""
        (degree,) = _degrees(text)
        assert (degree.level, degree.field) == (level, field)

    @pytest.mark.parametrize("text", ["Cambridge, MA", "Princeton University", "Thesis: Search"])
    def test_not_a_degree(self, text: str) -> None:
        """A place, a school or a thesis line is not a degree."""
        assert _degrees(text) == []

    def test_on_the_parsed_resume(self) -> None:
        """`parse_resume` exposes the headline and the degrees."""
        resume = Matcher().parse_resume(ANALYST_RESUME)
        assert resume.headline == "Data Analyst"
        assert [(d.level, d.field) for d in resume.education] == [("bachelor", "Mathematics")]


def _posting(title: str | None = None, *degrees: DegreeAsk) -> JobPosting:
    return JobPosting(document=DOC, core_title=title, degrees=degrees)


def _resume(*titles: str, headline: str | None = None, degrees: tuple[Degree, ...] = ()) -> Resume:
    roles = tuple(
        Role(title=t, first_block=0, start=f"20{20 - i}", end=f"20{21 - i}")
        for i, t in enumerate(titles)
    )
    return Resume(document=DOC, roles=roles, headline=headline, education=degrees)


class TestTitleMatch:
    @pytest.mark.parametrize(
        ("job", "mine", "status"),
        [
            ("Senior Data Analyst", "Data Analyst", "same"),
            ("Machine Learning Engineer", "Sr. ML Engineer", "same"),
            ("ML Engineer", "Applied Machine Learning Engineer", "near"),
            ("Data Analyst", "Product Analyst", "related"),
            ("MLOps Engineer", "ML Engineer", "related"),
            ("Senior Backend Engineer", "Software Engineer", "unclear"),
            ("Data Analyst", "Data Scientist", "different"),
            ("Data Engineer", "ML Engineer", "different"),
        ],
    )  # fmt: skip
    def test_status(self, job: str, mine: str, status: str) -> None:
        """Same, near, related (one role profile, or a shared word), unclear (no profile places
        one) and different (two profiles, or other head nouns) titles."""
        found = match_title(_posting(job), _resume(mine), load_taxonomy())
        assert found.status == status and found.resume_title == mine

    def test_unclear_is_not_scored(self) -> None:
        """A title the vocabulary cannot place gives no credit, and the reason says why."""
        resume = _resume("Software Engineer")
        found = match_title(_posting("Backend Engineer"), resume, load_taxonomy())
        assert found.credit is None and "not scored" in found.reason

    def test_headline_counts(self) -> None:
        """The headline is compared too, and named as where the title matched."""
        found = match_title(
            _posting("Data Analyst"), _resume("Barista", headline="Data Analyst"), load_taxonomy()
        )
        assert (found.status, found.where) == ("same", "headline")

    def test_only_recent_roles(self) -> None:
        """Only the three most recent roles count."""
        resume = _resume("Barista", "Cook", "Waiter", "Data Analyst")
        assert match_title(_posting("Data Analyst"), resume, load_taxonomy()).status == "different"

    def test_no_posting_title_is_not_scored(self) -> None:
        """A posting without a title gives no credit and says so."""
        found = match_title(_posting(None), _resume("Data Analyst"), load_taxonomy())
        assert (found.status, found.credit) == ("no-title", None)
        assert "states no job title" in found.reason

    def test_no_resume_title_is_not_scored(self) -> None:
        """A resume without a title found gives no credit (a doubtful parse says less)."""
        found = match_title(_posting("Data Analyst"), _resume(), load_taxonomy())
        assert (found.status, found.credit) == ("unknown", None)


def _asked(level: str | None, need: str = "required", **more: object) -> DegreeAsk:
    return DegreeAsk(level=level, need=need, block=0, text="ask", **more)  # type: ignore[arg-type]


def _held(level: str, field: str | None = None) -> tuple[Degree, ...]:
    return (Degree(level=level, field=field, block=0, text="degree"),)  # type: ignore[arg-type]


class TestEducationMatch:
    def test_meets(self) -> None:
        """A bachelor's in a named field meets a bachelor's ask."""
        ask = _asked("bachelor", fields=("Statistics",))
        found = match_education(
            _posting(None, ask), _resume(degrees=_held("bachelor", "Statistics"))
        )
        assert (found.status, found.field, found.credit) == ("meets", "match", 1.0)

    def test_exceeds(self) -> None:
        """A PhD exceeds a master's ask."""
        found = match_education(_posting(None, _asked("master")), _resume(degrees=_held("phd")))
        assert (found.status, found.credit) == ("exceeds", 1.0)

    def test_below(self) -> None:
        """A bachelor's is below a master's ask, and the reason says what each side has."""
        found = match_education(
            _posting(None, _asked("master")), _resume(degrees=_held("bachelor"))
        )
        assert (found.status, found.credit) == ("below", 0.4)
        assert "asks for a master's" in found.reason and "shows a bachelor's" in found.reason

    def test_equivalent_experience_softens(self) -> None:
        """ "or equivalent experience" softens a miss."""
        ask = _asked("master", equivalent=True)
        found = match_education(_posting(None, ask), _resume(degrees=_held("bachelor")))
        assert found.credit == 0.7 and "equivalent experience may stand in" in found.reason

    def test_related_field(self) -> None:
        """A quantitative field is related when the posting accepts related fields."""
        ask = _asked("bachelor", fields=("Computer Science",), related=True)
        found = match_education(_posting(None, ask), _resume(degrees=_held("bachelor", "Physics")))
        assert (found.field, found.credit) == ("related", 0.85)

    def test_other_field(self) -> None:
        """A field the posting does not name, without "or related", is another field."""
        ask = _asked("bachelor", fields=("Computer Science",))
        found = match_education(_posting(None, ask), _resume(degrees=_held("bachelor", "Finance")))
        assert (found.field, found.credit) == ("other", 0.5)

    def test_unknown_field_not_judged(self) -> None:
        """A field outside the list is not judged (no penalty from a doubtful reading)."""
        ask = _asked("bachelor", fields=("Computer Science",))
        found = match_education(_posting(None, ask), _resume(degrees=_held("bachelor", "History")))
        assert (found.field, found.credit) == (None, 1.0)

    def test_required_before_preferred(self) -> None:
        """The required ask is the one compared."""
        asks = (_asked("master", need="preferred"), _asked("bachelor"))
        found = match_education(_posting(None, *asks), _resume(degrees=_held("bachelor")))
        assert found.asked == asks[1] and found.status == "meets"

    def test_no_ask(self) -> None:
        """A posting without a degree ask is not scored."""
        found = match_education(_posting(None), _resume(degrees=_held("bachelor")))
        assert (found.status, found.credit) == ("no-ask", None)

    def test_not_required(self) -> None:
        """ "No degree required" is not scored and says so."""
        found = match_education(_posting(None, _asked(None, need="not-required")), _resume())
        assert (found.status, found.credit) == ("not-required", None)

    def test_no_degree_on_resume_is_not_scored(self) -> None:
        """No degree found on the resume: no confident "below", no credit."""
        found = match_education(_posting(None, _asked("bachelor")), _resume())
        assert (found.status, found.credit) == ("unknown", None)


class TestWeightedV4:
    def test_analyst_gains_on_the_scientist(self) -> None:
        """On an analyst posting the analyst's lead over the scientist grows under v4."""
        v3, v4 = Matcher(scorer="weighted.v3"), Matcher()
        gap = {
            name: m.match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY).score
            - m.match(SCIENTIST_RESUME, ANALYST_POSTING, today=TODAY).score
            for name, m in (("v3", v3), ("v4", v4))
        }
        assert gap["v4"] > gap["v3"] + 10

    def test_title_and_education_on_the_report(self) -> None:
        """The report carries both comparisons with their shares."""
        report = Matcher().match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY)
        assert report.title_match is not None and report.education_match is not None
        assert (report.title_match.status, report.title_match.weight) == ("same", 0.15)
        assert (report.education_match.status, report.education_match.weight) == ("meets", 0.1)

    def test_nothing_to_compare_leaves_the_score(self) -> None:
        """Without a title or a degree ask, v4 scores as v3."""
        args = ("Skills: Python, SQL", "Requirements: Python and SQL")
        assert Matcher().match(*args).score == Matcher(scorer="weighted.v3").match(*args).score

    def test_v3_shows_the_lines_unweighed(self) -> None:
        """v3 stays selectable: it shows the lines but gives them no share."""
        report = Matcher(scorer="weighted.v3").match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY)
        assert report.scorer == "weighted.v3"
        assert report.title_match is not None and report.title_match.weight == 0.0

    def test_preferred_only_weighs_less(self) -> None:
        """A preferred-only degree ask takes 5% of the score."""
        posting = ANALYST_POSTING.replace("- Bachelor's", "\nNice to have:\n- Bachelor's")
        report = Matcher().match(ANALYST_RESUME, posting, today=TODAY)
        assert report.education_match is not None and report.education_match.weight == 0.05

    def test_deterministic(self) -> None:
        """The same input gives byte-identical JSON."""
        first = Matcher().match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY).model_dump_json()
        again = Matcher().match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY).model_dump_json()
        assert first == again


@pytest.fixture(scope="module")
def report() -> MatchReport:
    """The analyst's report on the analyst posting."""
    return Matcher().match(ANALYST_RESUME, ANALYST_POSTING, today=TODAY)


class TestRenderers:
    def test_terminal(self, report: MatchReport) -> None:
        """The terminal view has a Title and an Education line with the reason."""
        from rich.console import Console

        from atsmatch.render.terminal import render_terminal

        out = io.StringIO()
        render_terminal(report, Console(file=out, width=80, color_system=None))
        text = out.getvalue()
        assert "Title: the same title as the resume's headline" in text
        assert "Education: the posting asks for a bachelor's" in text

    def test_markdown(self, report: MatchReport) -> None:
        """The Markdown view lists both lines with their share."""
        from atsmatch.render.markdown import render_markdown

        text = render_markdown(report)
        assert "- Title (credit 1.00, 15% of the score): the same title" in text
        assert "- Education (credit 1.00, 10% of the score): the posting asks" in text

    def test_html(self, report: MatchReport) -> None:
        """The HTML page shows both lines."""
        pytest.importorskip("jinja2")
        from atsmatch.render.html import render_match_html

        page = render_match_html(report)
        assert "<strong>Title</strong> (credit 1.00, 15% of the score)" in page
        assert "<strong>Education</strong>" in page


class TestPatternRewrites:
    """The field and degree-name patterns test the word start and the letters their spellings
    open with once, before their alternatives; held to the patterns that tested the word start
    in each alternative."""

    @staticmethod
    def texts() -> list[str]:
        """Corpus lines and random runs of the pieces degrees and fields are written with."""
        lines = corpus_lines()
        rng = random.Random(3)
        pieces = ["BS", "MS", "B.S.", "M.Sc.", "PhD", "Ph.D", "master's", "bachelor", "degree",
                  " in ", "Computer Science", "CS", "EE", "math", "maths", "Statistics", "MBA",
                  "engineering", "comp. sci.", "Electrical and Electronics Engineering", ".",
                  "/", " ", "a", "x", "-", "é", "ſ", "İ", "\n", "four-year degree",
                  "4 year degree", "Doctorate", "postgraduate", "Advanced degree", "FINANCE",
                  "Undergraduate degree", "Psychology", "neuroscience", "Kk"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(5_000)]
        return lines + runs

    def test_fields_and_degree_names_match_the_per_alternative_patterns(self) -> None:
        """Same spans, same named group, on every corpus line and 5,000 random runs."""
        from atsmatch.structure import qualifications as q

        old_field = re.compile(
            "|".join(
                rf"(?P<f{i}>(?<![\w.])(?:{pattern})(?![\w]))"
                for i, (_, _, pattern) in enumerate(q._FIELDS)
            ),
            re.I,
        )
        old_level = re.compile(
            "|".join(
                [rf"(?P<s_{lvl}>(?<![\w.])(?i:{p})(?!\w))" for lvl, p in q._STRONG]
                + [rf"(?P<w_{lvl}>(?<![\w.])(?:{p})(?![\w.]))" for lvl, p in q._WEAK]
            )
        )
        for text in self.texts():
            for old, new in ((old_field, q._FIELD), (old_level, q._LEVEL_TOKEN)):
                expected = [(m.span(), m.lastgroup) for m in old.finditer(text)]
                assert [(m.span(), m.lastgroup) for m in new.finditer(text)] == expected, text
