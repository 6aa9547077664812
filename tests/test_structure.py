"""Resume and job structure: headings, blocks, wrapped bullets, roles, dates, contact, levels."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from atsmatch.documents import read_document
from atsmatch.models import Document, Line
from atsmatch.structure import find_date_range, find_years, parse_job, parse_resume
from atsmatch.taxonomy import load_taxonomy
from tests.conftest import CORPUS, EXAMPLES, assert_like_validated, corpus_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures"

RESUME = """\
Jane Q. Doe
Senior Machine Learning Engineer
San Francisco, CA | jane.doe@example.com | +1 (415) 555-0134
linkedin.com/in/janedoe | github.com/janedoe

Summary
Machine learning engineer with 7 years of experience building recommendation and forecasting
systems in production.

Experience
Senior ML Engineer, Acme Corp    Jan 2021 – Present
- Led the migration of 40 batch models to a Kubeflow pipeline on GKE, cutting
  training costs by 35% and time-to-deploy from weeks to days.
- Built a real-time feature store with Feast and Redis serving 20k requests/s.
Globex Inc | Austin, TX
Data Scientist    06/2018 - 12/2020
• Designed churn models in scikit-learn and XGBoost that reduced cancella-
tions by 12%.
• Ran A/B tests for pricing experiments
across three markets.
Initech — Machine Learning Intern    Summer 2017

Projects
Open-source forecasting toolkit    2019 – 2021
1. Wrote a PyTorch library for probabilistic forecasting.
2) Reached 2k GitHub stars.

Education
M.S. Computer Science, Stanford University    2016 – 2018

Skills
Experience with Python
Python, SQL, PyTorch, Kubernetes
"""

MARKDOWN = """\
# Ravi Kumar
ravi@example.org · (206) 555-0199 · Seattle, WA

## Work Experience
**Data Engineer**, Contoso Ltd — 2020-01 to 2022-03
* Built Airflow DAGs loading 2 TB/day into Snowflake.
**Analytics Intern** at Fabrikam  Jun. 2018 -- Aug. 2019
* Automated weekly KPI reports in dbt.

## Technical Skills
Airflow, Snowflake, dbt, Spark
"""


def text_document(text: str) -> Document:
    """A Document as the text reader makes it: one Line per line, Markdown '#' lines bold."""
    lines = []
    for raw in text.splitlines():
        if raw.startswith("#"):
            lines.append(Line(text=raw.lstrip("#").strip(), bold=True))
        elif raw.strip():
            lines.append(Line(text=raw))
    return Document(source="<text>", format="text", lines=tuple(lines))


def pdf_line(text: str, top: float, *, x0: float = 50, x1: float = 400, size: float = 10,
             bold: bool = False) -> Line:  # fmt: skip
    """A PDF-like line with a box, font size and weight."""
    return Line(text=text, bbox=(x0, top, x1, top + size), size=size, bold=bold)


@pytest.fixture(scope="module")
def resume():  # type: ignore[no-untyped-def]
    """The inline text resume, parsed."""
    return parse_resume(text_document(RESUME))


class TestHeadings:
    """Section headings: synonyms plus the look of a heading."""

    def test_sections_in_order(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Every written heading becomes a section of the right kind; the top is the header."""
        kinds = [s.kind for s in resume.sections]
        assert kinds == ["header", "summary", "experience", "projects", "education", "skills"]

    def test_sentence_is_not_heading(self, resume) -> None:  # type: ignore[no-untyped-def]
        """ "Experience with Python" stays a line in the Skills section."""
        block = next(b for b in resume.blocks if b.text == "Experience with Python")
        assert block.kind == "line"
        assert block.section == "skills"

    def test_sections_cover_blocks(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Sections tile the block list with no gap or overlap."""
        covered = [i for s in resume.sections for i in range(s.first_block, s.last_block + 1)]
        assert covered == list(range(len(resume.blocks)))

    def test_decorated_headings(self) -> None:
        """Numbering, dashes, colons and letter spacing do not hide a heading."""
        doc = text_document(
            "Jo Bloggs\n— WORK EXPERIENCE —\nx\n2. Education:\ny\nS K I L L S\nz\nCertifications |"
        )
        kinds = [s.kind for s in parse_resume(doc).sections]
        assert kinds == ["header", "experience", "education", "skills", "certifications"]

    def test_bold_caps_unknown_heading_is_other(self) -> None:
        """A bold ALL CAPS line in the headings' style is a section of kind "other"."""
        lines = (
            pdf_line("Ana Lima", 20, size=20, bold=True),
            pdf_line("EXPERIENCE", 60, size=12, bold=True),
            pdf_line("Built things.", 76),
            pdf_line("EDUCATION", 100, size=12, bold=True),
            pdf_line("BSc Physics", 116),
            pdf_line("VOLUNTEERING & OUTREACH", 140, size=12, bold=True),
            pdf_line("Taught kids to code.", 156),
            pdf_line("CONFERENCES ATTENDED", 180, size=12, bold=True),
            pdf_line("NeurIPS", 196),
        )
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        assert [s.kind for s in resume.sections] == [
            "header", "experience", "education", "volunteer", "other",
        ]  # fmt: skip

    def test_smaller_sub_label_is_not_heading(self) -> None:
        """A synonym set smaller than the document's headings is a sub-label, not a section."""
        lines = (
            pdf_line("SKILLS", 60, size=16),
            pdf_line("PROGRAMMING", 80, size=12, bold=True),
            pdf_line("Python, Go", 96),
            pdf_line("EXPERIENCE", 120, size=16),
            pdf_line("Did work.", 140),
        )
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        assert [s.kind for s in resume.sections] == ["skills", "experience"]

    def test_headings_file_covers_section_kinds(self) -> None:
        """headings.toml names every resume section kind and every job block kind."""
        resume_map, job_map = load_taxonomy().resume_headings, load_taxonomy().job_headings
        assert set(resume_map) == {
            "summary", "experience", "projects", "education", "skills", "certifications",
            "publications", "awards", "volunteer", "languages", "interests", "references", "other",
        }  # fmt: skip
        assert set(job_map) == {
            "required", "preferred", "responsibilities", "about", "team", "benefits", "legal",
            "apply",
        }  # fmt: skip
        assert all(len(v) >= 5 for v in (*resume_map.values(), *job_map.values()))


class TestBlocks:
    """Bullets, numbering and wrapped lines."""

    def test_wrapped_bullets_joined(self, resume) -> None:  # type: ignore[no-untyped-def]
        """An indented or lowercase continuation joins its bullet; soft hyphens are undone."""
        texts = [b.text for b in resume.blocks if b.kind == "bullet"]
        assert (
            "Led the migration of 40 batch models to a Kubeflow pipeline on GKE, cutting "
            "training costs by 35% and time-to-deploy from weeks to days."
        ) in texts
        assert (
            "Designed churn models in scikit-learn and XGBoost that reduced cancellations by 12%."
            in texts
        )
        assert "Ran A/B tests for pricing experiments across three markets." in texts

    def test_numbered_bullets(self, resume) -> None:  # type: ignore[no-untyped-def]
        """ "1." and "2)" start bullets and the number is stripped."""
        projects = [b for b in resume.blocks if b.section == "projects" and b.kind == "bullet"]
        assert [b.text for b in projects] == [
            "Wrote a PyTorch library for probabilistic forecasting.",
            "Reached 2k GitHub stars.",
        ]

    def test_block_line_is_first_physical_line(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Block.line points at the line where the block starts."""
        lines = resume.document.lines
        for block in resume.blocks:
            assert (
                lines[block.line].text.strip().endswith(block.text[:5])
                or block.text[:10] in lines[block.line].text
            )

    def test_bbox_hanging_indent_joins(self) -> None:
        """In a PDF a line indented under the bullet text continues it even when capitalised."""
        lines = (
            pdf_line("EXPERIENCE", 40, bold=True, size=12),
            pdf_line("• Shipped a ranking service used by", 60, x1=400),
            pdf_line("Search and Ads teams.", 72, x0=62, x1=200),
            pdf_line("• Cut costs.", 84, x1=120),
        )
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        bullets = [b.text for b in resume.blocks if b.kind == "bullet"]
        assert bullets == ["Shipped a ranking service used by Search and Ads teams.", "Cut costs."]

    def test_right_aligned_dates_leave_bullets(self) -> None:
        """A date set flush right on a bullet's line goes to the role above, not the bullet text."""
        lines = (
            pdf_line("Experience", 40, bold=True, size=14),
            pdf_line("Nexus AI, Co-Founder & CTO\tSan Francisco, CA", 60, x1=556),
            pdf_line(
                "• Built inference infra serving 2M requests with 99.97%\tJune 2023 – present",
                72, x0=60, x1=556,
            ),
            pdf_line("uptime\t2 years 10 months", 84, x0=68, x1=556),
        )  # fmt: skip
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        assert [b.text for b in resume.blocks if b.kind == "bullet"] == [
            "Built inference infra serving 2M requests with 99.97% uptime"
        ]
        role = resume.roles[0]
        assert (role.title, role.organization, role.location) == (
            "Co-Founder & CTO", "Nexus AI", "San Francisco, CA",
        )  # fmt: skip
        assert (role.start, role.current) == ("2023-06", True)

    def test_marks_left_in_lines_are_removed(self) -> None:
        """Markdown marks a reader left in a bullet, a wrapped line or a dated header line go."""
        lines = (
            pdf_line("Experience", 40, bold=True, size=14),
            pdf_line("**Data Engineer**, Contoso Ltd\t2020 – 2022", 60),
            pdf_line("• Built __streaming__ pipelines for", 72, x1=556),
            pdf_line("the **billing** team.", 84, x0=68),
        )
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        assert [b.text for b in resume.blocks] == [
            "Experience",
            "Data Engineer, Contoso Ltd",
            "Built streaming pipelines for the billing team.",
        ]


class TestRoles:
    """Roles: title, organisation, location and dates in their many layouts."""

    def test_roles_found(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Each dated entry in Experience and Projects is a role with its fields."""
        got = [(r.title, r.organization, r.location, r.start, r.end, r.current, r.section)
               for r in resume.roles]  # fmt: skip
        assert got == [
            ("Senior ML Engineer", "Acme Corp", None, "2021-01", None, True, "experience"),
            (
                "Data Scientist",
                "Globex Inc",
                "Austin, TX",
                "2018-06",
                "2020-12",
                False,
                "experience",
            ),
            ("Machine Learning Intern", "Initech", None, "2017-06", "2017-06", False, "experience"),
            ("Open-source forecasting toolkit", None, None, "2019", "2021", False, "projects"),
        ]

    def test_bullets_belong_to_roles(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Role.bullets lists its bullets and those blocks point back at the role."""
        for index, role in enumerate(resume.roles):
            for b in role.bullets:
                assert resume.blocks[b].kind == "bullet"
                assert resume.blocks[b].role == index
        assert [len(r.bullets) for r in resume.roles] == [2, 2, 0, 2]

    def test_education_dates_are_not_roles(self, resume) -> None:  # type: ignore[no-untyped-def]
        """A dated degree line is not a job."""
        assert all(r.section != "education" for r in resume.roles)

    def test_markdown_resume(self) -> None:
        """Markdown headings, bold names, " at " and "--" ranges parse into roles."""
        resume = parse_resume(text_document(MARKDOWN))
        assert [s.kind for s in resume.sections] == ["header", "experience", "skills"]
        got = [(r.title, r.organization, r.start, r.end) for r in resume.roles]
        assert got == [
            ("Data Engineer", "Contoso Ltd", "2020-01", "2022-03"),
            ("Analytics Intern", "Fabrikam", "2018-06", "2019-08"),
        ]
        assert resume.contact.name == "Ravi Kumar"
        assert resume.contact.location == "Seattle, WA"

    def test_bold_line_then_date_line(self) -> None:
        """Company on one line, title and dates on the next: one role with both."""
        lines = (
            pdf_line("EXPERIENCE", 40, bold=True, size=12),
            pdf_line("Acme Corp | San Francisco, CA", 60, bold=True),
            pdf_line("Senior ML Engineer   2019 – 2021", 72),
            pdf_line("• Trained models.", 84),
            pdf_line("Umbrella Labs", 100, bold=True),
            pdf_line("Research Scientist   Mar 2017 - Dec 2018", 112),
            pdf_line("• Wrote papers.", 124),
        )
        resume = parse_resume(Document(source="x.pdf", format="pdf", lines=lines))
        got = [(r.title, r.organization, r.location, r.start, r.end) for r in resume.roles]
        assert got == [
            ("Senior ML Engineer", "Acme Corp", "San Francisco, CA", "2019", "2021"),
            ("Research Scientist", "Umbrella Labs", None, "2017-03", "2018-12"),
        ]


class TestDates:
    """Date ranges in every format the brief lists."""

    @pytest.mark.parametrize(
        ("text", "start", "end", "current"),
        [
            ("Jan 2020 – Present", "2020-01", None, True),
            ("January 2020 - Mar 2022", "2020-01", "2022-03", False),
            ("01/2020 – 03/2022", "2020-01", "2022-03", False),
            ("2020-01 to 2022-03", "2020-01", "2022-03", False),
            ("2019 – 2021", "2019", "2021", False),
            ("Summer 2021", "2021-06", "2021-06", False),
            ("Jun. 2018 -- Aug. 2019", "2018-06", "2019-08", False),
            ("Sept 2018 — current", "2018-09", None, True),
            ("2016 until now", "2016", None, True),
            ("Oct 2016 – ongoing", "2016-10", None, True),
            ("May '19 – Aug ’21", "2019-05", "2021-08", False),
        ],
    )
    def test_formats(self, text: str, start: str, end: str | None, current: bool) -> None:
        """Each written form gives YYYY-MM / YYYY bounds and the current flag."""
        found = find_date_range(f"Engineer, Acme   {text}")
        assert found is not None
        assert (found.start, found.end, found.current) == (start, end, current)

    @pytest.mark.parametrize(
        "text", ["(201) 955-2021", "607.379.5733", "+1-123-456-7890", "ICML 2022 paper", "3.5 GPA"]
    )
    def test_not_dates(self, text: str) -> None:
        """Phone numbers, bare years in prose and numbers are not role dates."""
        assert find_date_range(text) is None


class TestContact:
    """Contact details from the header."""

    def test_contact_fields(self, resume) -> None:  # type: ignore[no-untyped-def]
        """Name, email, phone, profiles and location come out of the header line."""
        c = resume.contact
        assert c.name == "Jane Q. Doe"
        assert c.email == "jane.doe@example.com"
        assert c.phone == "+1 (415) 555-0134"
        assert c.linkedin == "linkedin.com/in/janedoe"
        assert c.github == "github.com/janedoe"
        assert c.location == "San Francisco, CA"

    def test_year_range_is_not_phone(self) -> None:
        """ "2015 - 2019 - 2021" style runs and date ranges never become the phone."""
        doc = text_document("Max Mustermann\nBerlin, Germany | 01/2015 – 03/2022\nEXPERIENCE\nx")
        contact = parse_resume(doc).contact
        assert contact.phone is None
        assert contact.location == "Berlin, Germany"

    def test_international_phone_and_website(self) -> None:
        """ "+44 20 7946 0958" is a phone; a personal domain is the website."""
        doc = text_document(
            "Ada Byron\n+44 20 7946 0958 • ada@byron.dev • https://ada.dev\nSkills\nx"
        )
        contact = parse_resume(doc).contact
        assert contact.phone == "+44 20 7946 0958"
        assert contact.website == "https://ada.dev"


_PROFILE_LINES = [
    "https://www.linkedin.com/in/ada-byron/ | https://github.com/ada",
    "HTTP://UK.LinkedIn.com/pub/ada | WWW.GitHub.com/ada/",
    "linkedin.com/company/acme then linkedin.com/in/ada, github.com/features github.com/ada",
    "x" * 200 + " http://de.linkedin.com/in/ada-b%C3%BC http://www.github.com/ada-b",
]


class TestProfileSearch:
    """LinkedIn and GitHub searches that start near the site's name find what a whole-line
    search finds."""

    def test_linkedin_as_whole_line_search(self) -> None:
        """Every corpus line (and a few with prefixes) gives the whole-line search's profile."""
        from atsmatch.structure import contact

        for line in [*corpus_lines(), *_PROFILE_LINES]:
            old = contact._LINKEDIN.search(line)
            expected = old.group(0).rstrip("/") or None if old else None
            assert contact._linkedin([line]) == expected

    def test_github_as_whole_line_search(self) -> None:
        """Every corpus line (and a few with prefixes) gives the whole-line search's profile."""
        from atsmatch.structure import contact

        for line in [*corpus_lines(), *_PROFILE_LINES]:
            old = [m.group(0).rstrip("/") for m in contact._GITHUB.finditer(line)]
            old = [f for f in old if not f.lower().endswith(("/features", "/about", "/pricing"))]
            assert contact._github([line]) == (old[0] if old else None)


class TestCaps:
    """ALL CAPS, read letter by letter only where the text is not ASCII."""

    def test_as_every_letter_read(self) -> None:
        """Every corpus line (and a few non-ASCII ones) is caps exactly when its letters, two
        or more, hold no lowercase one."""
        import re

        from atsmatch.structure.lines import is_caps

        for line in [*corpus_lines(), "ÉCOLE", "ÉCOLe", "SKILLS ß", "Ω", "AB ª", "12 AB"]:
            letters = re.findall(r"[^\W\d_]", line)
            expected = len(letters) >= 2 and not any(ch.islower() for ch in letters)
            assert is_caps(line) == expected


class TestBulletOpeners:
    """Bullets read from the character after the indent: a glyph without a pattern, a number
    or placeholder with one, anything else turned away at once."""

    def test_as_the_pattern_alone(self) -> None:
        """Every corpus line (and lines opened by each kind of marker, indents and digits of other
        scripts) gives what the one pattern for every marker gave."""
        import re

        from atsmatch.structure import lines

        bullet = re.compile(
            r"^\s*(?:[•●▪■◦‣⁃–—\-*·➢►✓✔❖◆◇○»→▸▹➤➔✦★☐□]|\(cid:\d+\)|\d{1,2}[.)](?=\s)|\(\d{1,2}\)"
            r"|\[\d{1,2}\])\s*"
        )

        def pattern_alone(text: str) -> str | None:
            match = bullet.match(text)
            if match is None:
                return None
            end = match.end()
            if match.group(0).strip() in {"-", "*", "–", "—"} and not text[end - 1 : end].isspace():
                return None
            return text[end:].strip() or None

        extra = [
            "", " ", "\u3000• x", "\u2003- x", "(cid:3) x", "(12) x", "[3] x", "12. x", "3) x",
            "١. x", "١٢) x", "(١) x", "-5% latency", "**bold**", "— x", "x • y", "\u00a0● x",
            "•", "-", "- ", "–\tx", "*\u2003x", "●●", "• ", "(cid:12)", "(x) y", "[a]", "123. x",
            "1.x", "1. ", "(1)x", "[12]  x  ", "★\u3000★", "\t\t■ y ",
        ]  # fmt: skip
        for text in [*corpus_lines(), *extra]:
            assert lines.strip_bullet(text) == pattern_alone(text)


class TestStatementCues:
    """A domain name is looked for only where a domain's ending is."""

    def test_as_the_one_pattern(self) -> None:
        """Every corpus line (and lines with names, endings and hyphens placed to trip the
        gate) is told apart from a statement as the one pattern told it."""
        import re

        from atsmatch.structure import lines

        old = re.compile(
            r"@|https?:|www\.|\b[\w-]+\.(?:com|io|org|net|dev|ai|app)\b|\+?\d[\d\s().-]{8,}\d"
            r"|\t|\s\|\s"
        )
        extra = [
            "see x.com", "--.com", "a-.io now", ".com", "x.comx", "é.dev", "_.ai", "v1.app.",
            "Built --.org and ... .net", "call +1 (415) 555-0134", "a | b", "x.co m",
        ]  # fmt: skip
        for text in [*corpus_lines(), *extra]:
            assert lines._not_statement(text) == (old.search(text) is not None)


class TestWebsiteSearch:
    """The website search, started at the word the first domain ending closes, finds what a
    whole-line search finds."""

    def test_as_whole_line_search(self) -> None:
        """Every corpus line (and a few with several addresses) gives the same website."""
        from atsmatch.structure import contact

        def whole_line(text: str) -> str | None:
            if not contact._TLD.search(text):
                return None
            emails = [m.span() for m in contact._EMAIL.finditer(text)]
            for match in contact._URL.finditer(text):
                if any(a <= match.start() < b for a, b in emails):
                    continue
                found = match.group(0).rstrip("/.")
                if not contact._PROFILE.search(found):
                    return found
            return None

        extra = [
            "Ada | ada@byron.dev | https://github.com/ada | ada.dev",
            "e.g. notes x.y.Com/z, HTTPS://WWW.Ada-Byron.co.uk/cv.",
        ]
        for line in [*corpus_lines(), *extra]:
            assert contact._website([line]) == whole_line(line)


class TestLocationSearch:
    """The location pattern, opened with a look-ahead and with possessive city words, finds
    what the pattern it replaced finds."""

    def test_as_backtracking_pattern(self) -> None:
        """Every corpus line (and a few made to backtrack) gives the same location, same span."""
        import re

        from atsmatch.structure import contact

        city = r"[A-ZÀ-Þ][\w.'’-]*(?:[ -][A-ZÀ-Þ][\w.'’-]*){0,3}"
        old = re.compile(
            rf"(?<![\w])(?:{city}),\s*(?:(?:{'|'.join(contact._STATES)})(?![\w])"
            rf"|(?:{contact._COUNTRIES})(?![\w]))"
            r"|(?<![\w])(?:Remote|Hybrid)(?:\s*\((?:[^)]{1,30})\))?(?![\w])"
        )
        extra = [
            "Winston-Salem, NC", "A B C D E, CA", "St. John's-Over-Town, UK", "xNew York, NY",
            "Remote (US), Hybrid", "Old Town Big City, Canadaa, Austin, TX", "Ann-Arbor-, MI",
        ]  # fmt: skip
        for line in [*corpus_lines(), *extra]:
            found, expected = contact._LOCATION.search(line), old.search(line)
            assert (found and found.span()) == (expected and expected.span())


class TestSplitters:
    """The line splitters, opened with a look-ahead, split as the patterns they replaced."""

    def test_name_cells_as_before(self) -> None:
        """Every corpus line splits into the same name candidates."""
        import re

        from atsmatch.structure import contact

        cells = re.compile(r"\s*[|•·,–—\t]\s*|\s{3,}")
        for line in [*corpus_lines(), "Ada Byron  •  ada.dev\t| London,UK —x·y   z"]:
            assert contact._NAME_SPLIT.split(line) == cells.split(line)

    def test_pieces_as_before(self) -> None:
        """Every corpus line splits into the same pieces at the same separators."""
        import re

        from atsmatch.structure import resume as structure

        split = re.compile(r"\s*\|\s*|\s+[–—-]{1,2}\s+|\s+@\s+|\s+at\s+|,\s+|\t+|\s{3,}|\s+[·•]\s+")
        at = re.compile(r"(\s+at\s+|\s+@\s+)")
        for line in [
            *corpus_lines(),
            "Engineer   at  Acme @ Beta |Gamma , Delta\t\tEpsilon • Zeta",
        ]:
            assert structure._SPLIT.split(line) == split.split(line)
            assert structure._AT.split(line) == at.split(line)


class TestCues:
    """A piece of a role's header is told a title or an organisation by looking its words up,
    as the word-list patterns told it."""

    def test_as_the_patterns(self) -> None:
        """Every corpus line's pieces (and 5,000 random runs of list words, plurals, digits,
        hyphens and marks) get the cue the patterns gave."""
        import random
        import re

        from atsmatch.structure import resume as structure

        def by_patterns(piece: str) -> str | None:
            titles = [m.end() for m in structure._TITLE_WORDS.finditer(piece)]
            orgs = [m.end() for m in structure._ORG_WORDS.finditer(piece)]
            if titles and (not orgs or max(titles) > max(orgs)):
                return "title"
            return "org" if orgs else None

        rng = random.Random(5)
        words = [*structure._TITLE_NAMES, *structure._ORG_NAMES, "Acme", "senior", "x", "2"]
        marks = [" ", "-", ".", "s", "S", "_", "9", ", ", " & ", "é", "/"]
        runs = [
            "".join(rng.choice(words) + rng.choice(marks) for _ in range(rng.randint(1, 5)))
            for _ in range(5_000)
        ]
        pieces = [p for line in corpus_lines() for p in re.split(r"\s{2,}|[|,–—@\t]", line)]
        for piece in [*pieces, *runs, "Co-Founder", "co-founders", "Partners.", "LABS Inc."]:
            assert structure._cue(piece) == by_patterns(piece), piece


class TestTrustedBlocks:
    """The resume parser makes its blocks without validating them (`_Model._trusted`)."""

    def test_equal_to_validated_copies(self) -> None:
        """On every example and corpus text, and the example PDF and DOCX, each block is what
        validating its fields would give."""
        sources = sorted([*CORPUS.rglob("*.txt"), *EXAMPLES.glob("*.txt")])
        sources += [EXAMPLES / "resume.pdf", EXAMPLES / "resume.docx"]
        count = 0
        for path in sources:
            for block in parse_resume(read_document(path)).blocks:
                assert_like_validated(block)
                count += 1
        assert count >= 100


class TestHeaderLines:
    """The header section's line indices, read off the blocks in one pass."""

    def test_as_each_blocks_span(self) -> None:
        """On every corpus text, the lines from each header block to the next block's line."""
        from atsmatch.structure import resume as structure

        headings = structure.Headings.of()
        for path in sorted([*CORPUS.rglob("*.txt"), *EXAMPLES.glob("*.txt")]):
            lines = read_document(path).lines
            layout = structure.Layout.of(lines)
            state = structure._build_blocks(
                layout, structure._find_headings(layout, headings.resume)
            )
            old: list[int] = []
            for block in state.blocks:
                if block.section == "header":
                    after = [b.line for b in state.blocks if b.line > block.line]
                    old.extend(range(block.line, min(after) if after else len(lines)))
            assert structure._header_lines(state.blocks, len(lines)) == old


class TestRobustness:
    """Odd input never raises; parsing is fast."""

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "\n\n",
            "•",
            "EXPERIENCE",
            "- \n1.\n2019 – 2021",
            "Experience\n2019 – 2021\n2018 – 2019",
            "a\tb\t2019 – 2020",
        ],
    )
    def test_odd_input(self, text: str) -> None:
        """Empty and degenerate documents give a Resume and a JobPosting, not an exception."""
        doc = text_document(text)
        resume = parse_resume(doc)
        parse_job(doc)
        if not text.strip():
            assert resume.sections == ()

    def test_fast(self) -> None:
        """A long resume parses in well under a millisecond per line."""
        doc = text_document(RESUME * 20)
        parse_resume(doc)
        started = time.perf_counter()
        parse_resume(doc)
        elapsed = time.perf_counter() - started
        assert elapsed / len(doc.lines) < 0.0005


def job_document(name: str) -> Document:
    """A fixture posting read the way the text reader does (blank lines dropped)."""
    text = (FIXTURES / "jobs" / name).read_text(encoding="utf-8")
    lines = tuple(Line(text=t.strip()) for t in text.splitlines() if t.strip())
    return Document(source=name, format="text", lines=lines)


class TestJob:
    """Job postings: title, blocks, levels and years asks on real postings."""

    def test_title_from_prefix(self) -> None:
        """ "Job Description: Machine Learning Engineer" gives the title and a title block."""
        job = parse_job(job_document("job_1.txt"))
        assert job.title == "Machine Learning Engineer"
        assert job.blocks[0].section == "title"
        assert job.blocks[0].level == "title"

    def test_title_from_sentence(self) -> None:
        """With no title line, "We are seeking a Machine Learning Engineer to ..." names it."""
        assert parse_job(job_document("ml-eng.txt")).title == "Machine Learning Engineer"
        assert parse_job(job_document("backend-eng.txt")).title == "Senior Backend Engineer"

    def test_sections_and_levels(self) -> None:
        """Responsibilities lines are "duty"; Requirements lines are "required"."""
        job = parse_job(job_document("job_1.txt"))
        headings = [(b.text, b.section) for b in job.blocks if b.kind == "heading"]
        assert headings == [("Responsibilities", "responsibilities"), ("Requirements", "required")]
        conduct = next(b for b in job.blocks if b.text.startswith("Conduct research"))
        assert conduct.level == "duty"
        degree = next(b for b in job.blocks if b.text.startswith("Master's or Ph.D."))
        assert degree.level == "required"

    def test_a_plus_inside_requirements_is_preferred(self) -> None:
        """ "... is a plus." inside Requirements is a preferred ask."""
        job = parse_job(job_document("job_1.txt"))
        cloud = next(b for b in job.blocks if b.text.startswith("Familiarity with cloud platforms"))
        assert cloud.level == "preferred"

    def test_inline_requirements_heading(self) -> None:
        """ "Requirements: 3+ years ..." splits into a heading and a required paragraph."""
        job = parse_job(job_document("ml-eng.txt"))
        heading = next(i for i, b in enumerate(job.blocks) if b.kind == "heading")
        assert job.blocks[heading].section == "required"
        body = job.blocks[heading + 1]
        assert body.level == "required"
        assert body.text.startswith("3+ years of applied ML engineering experience;")
        assert body.text.endswith("latency-sensitive production services is essential.")
        assert job.blocks[0].section == "intro" and job.blocks[0].level == "other"

    def test_years_in_real_postings(self) -> None:
        """Years asks come out of the fixtures with subject and block."""
        job = parse_job(job_document("job_1.txt"))
        assert [(y.years, y.subject) for y in job.years] == [(5.0, "machine learning")]
        assert job.blocks[job.years[0].block].text.startswith("Minimum of 5 years")
        backend = parse_job(job_document("backend-eng.txt"))
        assert [(y.years, y.subject) for y in backend.years] == [
            (4.0, "professional Python experience")
        ]

    def test_preferred_block_with_must(self) -> None:
        """Under "Nice to have", a line saying "must" is required; others preferred."""
        doc = text_document(
            "Data Engineer\n## Nice to have\n- Kafka\n- Airflow experience is a must\n"
            "Benefits:\n- Equity"
        )
        levels = [(b.text, b.level) for b in parse_job(doc).blocks]
        assert levels == [
            ("Data Engineer", "title"),
            ("Nice to have", "preferred"),
            ("Kafka", "preferred"),
            ("Airflow experience is a must", "required"),
            ("Benefits", "other"),
            ("Equity", "other"),
        ]

    @pytest.mark.parametrize(
        ("text", "years", "subject"),
        [
            ("5+ years of Python", 5.0, "Python"),
            ("3-5 years experience with Kubernetes", 3.0, "Kubernetes"),
            ("at least 2 years of production ML", 2.0, "production ML"),
            ("minimum of 4 years' experience in data engineering", 4.0, "data engineering"),
            ("two+ years of Spark, ideally on Databricks", 2.0, "Spark"),
            ("7 years of hands-on experience building data pipelines.", 7.0, "data pipelines"),
        ],
    )
    def test_years_forms(self, text: str, years: float, subject: str) -> None:
        """Each written form gives the lower bound and the subject."""
        found = find_years(text, 3)
        assert [(y.years, y.subject, y.block) for y in found] == [(years, subject, 3)]

    def test_not_years_asks(self) -> None:
        """Company age and ages are not experience asks."""
        assert find_years("The company is 10 years old") == []
        assert find_years("Founded 20 years ago.") == []
