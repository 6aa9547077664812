"""Structure of real resume PDFs from tests/corpus, read by `atsmatch.documents`."""

from __future__ import annotations

import pytest

from atsmatch.documents import read_document
from atsmatch.models import Resume
from atsmatch.structure import parse_resume

from .conftest import CORPUS

RESUMES = CORPUS / "resumes"


def parse(name: str) -> Resume:
    """Read and parse one corpus resume."""
    return parse_resume(read_document(RESUMES / name))


def role_rows(resume: Resume) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """(title, organization, start, end) per role."""
    return [(r.title, r.organization, r.start, r.end) for r in resume.roles]


class TestRenderCV:
    """RenderCV themes: Title Case headings in a larger font, dates set flush right."""

    @pytest.mark.parametrize(
        "name", ["John_Doe_ClassicTheme_CV.pdf", "John_Doe_Sb2novTheme_CV.pdf"]
    )
    def test_sections(self, name: str) -> None:
        """Every section is found with its kind, in document order."""
        kinds = [s.kind for s in parse(name).sections]
        assert kinds[-8:] == [
            "education", "experience", "projects", "publications", "awards", "skills",
            "publications", "publications",
        ]  # fmt: skip

    @pytest.mark.parametrize(
        "name", ["John_Doe_ClassicTheme_CV.pdf", "John_Doe_Sb2novTheme_CV.pdf"]
    )
    def test_roles(self, name: str) -> None:
        """Five jobs with title, company, location and dates; the first is current."""
        resume = parse(name)
        jobs = [r for r in resume.roles if r.section == "experience"]
        assert [(r.title, r.organization, r.start, r.end) for r in jobs] == [
            ("Co-Founder & CTO", "Nexus AI", "2023-06", None),
            ("Research Intern", "NVIDIA Research", "2022-05", "2022-08"),
            ("Research Intern", "Google DeepMind", "2021-05", "2021-08"),
            ("Research Intern", "Apple ML Research", "2020-05", "2020-08"),
            ("Research Intern", "Microsoft Research", "2019-05", "2019-08"),
        ]
        assert jobs[0].current and jobs[0].location == "San Francisco, CA"
        assert [len(r.bullets) for r in jobs] == [4, 2, 4, 2, 2]

    def test_flush_right_dates_and_hyphens_leave_bullets(self) -> None:
        """Bullet text has no stray dates or durations, and "submis-/sions" is one word."""
        resume = parse("John_Doe_ClassicTheme_CV.pdf")
        bullets = [b.text for b in resume.blocks if b.kind == "bullet"]
        assert not any("\t" in b or "4 months" in b for b in bullets)
        assert any(b.endswith("top 5% of submissions)") for b in bullets)

    def test_contact(self) -> None:
        """Name, email, website, profiles and location from the header."""
        c = parse("John_Doe_Sb2novTheme_CV.pdf").contact
        assert (c.name, c.email, c.location) == (
            "John Doe",
            "john.doe@email.com",
            "San Francisco, CA",
        )
        assert (c.linkedin, c.github) == ("linkedin.com/in/rendercv", "github.com/rendercv")


class TestDeedy:
    """Deedy: two columns, ALL CAPS headings in a larger font, roles without bullets."""

    def test_sections_whole_and_ordered(self) -> None:
        """Left column then right column; each section's blocks are contiguous."""
        resume = parse("deedy_resume-openfont.pdf")
        assert [s.kind for s in resume.sections] == [
            "header", "education", "other", "education", "skills", "experience", "experience",
            "awards", "publications",
        ]  # fmt: skip
        for section in resume.sections:
            kinds = {
                resume.blocks[i].section for i in range(section.first_block, section.last_block + 1)
            }
            assert kinds == {section.kind}

    def test_sub_labels_are_not_sections(self) -> None:
        """Bold 12 pt "CORNELL UNIVERSITY" / "PROGRAMMING" stay inside their sections."""
        headings = [
            b.text for b in parse("deedy_resume-openfont.pdf").blocks if b.kind == "heading"
        ]
        assert "PROGRAMMING" not in headings
        assert "CORNELL UNIVERSITY" not in headings

    def test_roles(self) -> None:
        """ "COMPANY | TITLE" over "dates | place" gives each role, bullets or not."""
        resume = parse("deedy_resume-openfont.pdf")
        assert role_rows(resume)[:4] == [
            ("SOFTWARE ENGINEER", "FACEBOOK", "2015-01", None),
            ("KPCB FELLOW + SOFTWARE ENGINEERING INTERN", "COURSERA", "2014-06", "2014-09"),
            ("SOFTWARE ENGINEERING INTERN", "GOOGLE", "2013-05", "2013-08"),
            ("OPEN SOURCE CONTRIBUTOR & TEAM LEADER", "PHABRICATOR", "2013-01", "2013-05"),
        ]
        assert resume.roles[0].current
        assert [r.organization for r in resume.roles[4:]] == [
            "CORNELL ROBOT LEARNING LAB", "CORNELL PHONETICS LAB",
        ]  # fmt: skip

    def test_contact(self) -> None:
        """Name in the biggest font; the phone with dots is a phone."""
        c = parse("deedy_resume-openfont.pdf").contact
        assert (c.name, c.email, c.phone) == ("Debarghya Das", "deedy@fb.com", "607.379.5733")


class TestSourabhBajaj:
    """Employer as a bullet, title and dates on the next line."""

    def test_roles(self) -> None:
        """ "• Google" then "Software Engineer  Oct 2016 – Present" is one role."""
        resume = parse("sourabh_bajaj_resume.pdf")
        assert role_rows(resume) == [
            ("Software Engineer", "Google", "2016-10", None),
            ("Senior Software Engineer", "Coursera", "2014-01", "2016-10"),
            ("Data Scientist", "Lucena Research", "2012-06", "2012-06"),
            (
                "Research and Teaching Assistant",
                "Georgia Institute of Technology",
                "2012-01",
                "2013-12",
            ),
        ]
        assert [s.kind for s in resume.sections] == [
            "header",
            "education",
            "experience",
            "projects",
        ]

    def test_contact(self) -> None:
        """Name and phone from a header split by tabs."""
        c = parse("sourabh_bajaj_resume.pdf").contact
        assert (c.name, c.phone, c.email) == (
            "Sourabh Bajaj",
            "+1-123-456-7890",
            "sourabh@sourabhbajaj.com",
        )
