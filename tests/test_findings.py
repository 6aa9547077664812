"""The finding table: every id listed once, worded in one place, and produced by some rule."""

from __future__ import annotations

import re
import string
from typing import get_args

from atsmatch import Matcher
from atsmatch.checks import check_resume, unreadable_report
from atsmatch.checks.layout import layout_findings
from atsmatch.errors import EncryptedDocumentError, NoTextLayerError
from atsmatch.findings import FINDINGS, FindingId, Template, template
from atsmatch.models import Document, Finding, Line

from .test_checks import CLEAN

WORDS = Line(text="word " * 200)  # enough text that the file is not "short"
# Keyword names of `checks._finding.finding` that carry evidence, so no template may use them.
RESERVED = {"variant", "document", "index", "text", "page"}


def documents() -> list[Document]:
    """Files whose layout between them trips every layout rule and variant."""

    def pdf(*lines: Line, **facts: object) -> Document:
        return Document.model_validate(
            {"source": "x.pdf", "format": "pdf", "lines": lines, **facts}
        )

    left = Line(text="Left", bbox=(0.0, 10.0, 100.0, 20.0))
    right = Line(text="Right", bbox=(300.0, 10.0, 400.0, 20.0), column=1)
    return [
        pdf(WORDS, columns=(2,)),
        pdf(left, right, WORDS, columns=(2,)),
        pdf(
            Line(text="jane@example.com", region="header"),
            Line(text="Machine learning engineer portfolio", region="footer"),
            Line(text="Boxed text", region="textbox"),
            Line(text="In a cell", region="table"),
            Line(text="A note", region="footnote"),
            Line(text="A template field", control=True),
            Line(text="Secret words", hidden=True),
            Line(text="Tiny words", size=2.0),
            Line(text="Icons", font="Wingdings"),
            Line(text="➢ Built a model"),
            WORDS,
            images=1,
            junk_glyphs=1,
            ligatures=2,
            pages=4,
            byte_size=3_000_000,
        ),
        pdf(Line(text="a", region="table"), Line(text="b", region="table", column=1), WORDS),
        pdf(Line(text="Hidden keywords", color="#ffffff"), WORDS),
        pdf(Line(text="Secret", hidden=True), Line(text="Hidden", color="#ffffff"), WORDS),
        pdf(Line(text="Jane"), images=1, junk_glyphs=50),
    ]


def resumes() -> list[str]:
    """Resume texts whose content between them trips every content rule and variant."""
    return [
        "I build models in Python every day.\nExperience\nML Engineer, Acme\tJan 2020 – Present\n"
        "• Built things",
        "Jane Roe\nI build models.",
        "Jane Roe\njane@example.com\nEducation\nM.S. Stanford University  2015 – 2017\n",
        CLEAN.upper() + "CREATIVE CORNER\nStarted coding at 12.\n",
        CLEAN.replace("ML Engineer, Beta Corp\tJun 2017 – Dec 2019", "ML Engineer, Beta Corp"),
        CLEAN.replace("Jun 2017 – Dec 2019", "2017/18 season"),
        CLEAN.replace("Jun 2017 – Dec 2019", "06/2017 – 12/2019"),
        CLEAN.replace("Jan 2020 – Present", "2020 – Present").replace(
            "Jun 2017 – Dec 2019", "2017 – 2019"
        ),
        CLEAN.replace("Python, PyTorch,", "MachineLearning, PyTorch,"),
        "Jane Roe\nExperience\nML Engineer, Acme  Jan 2020 – Present\n"
        "Developed fraud models for the payments team in Python.\n"
        "Automated the weekly risk report with Airflow.",
    ]


SPANISH_POSTING = """Ingeniera de Datos
Responsabilidades
- Diseñar y mantener los flujos de datos de la empresa con Spark, Airflow y SQL.
- Colaborar con los equipos de producto y de analítica para medir cada cambio.
Requisitos
- Tres años de experiencia con Python y SQL, y con Docker y Kubernetes en la nube.
"""


def produced(matcher: Matcher) -> list[Finding]:
    """Every finding the rules make on the samples above, the unreadable files and two matches."""
    found = [f for document in documents() for f in layout_findings(document)]
    for text in resumes():
        found.extend(matcher.check(text).findings)
    header = Document(
        source="x.pdf",
        format="pdf",
        lines=(Line(text="jane@example.com +1 415 555 0100", region="header"), WORDS),
    )
    found.extend(check_resume(matcher.parse_resume(header)).findings)
    for error in (EncryptedDocumentError("locked"), NoTextLayerError("a scan")):
        found.extend(unreadable_report(error).findings)
    typo = "Jane Roe\nExperience\nML Engineer, Acme  Jan 2020 – Present\n• Ran it on Kubernates"
    found.extend(matcher.match(typo, "Requirements: Kubernetes").findings)
    found.extend(matcher.match(CLEAN, "We offer free lunch.").findings)
    found.extend(matcher.match(CLEAN, SPANISH_POSTING).findings)
    return found


def templates() -> dict[tuple[FindingId, str | None], Template]:
    """Every template in the table, by id and variant (None for the id's own)."""
    out: dict[tuple[FindingId, str | None], Template] = {}
    for id_, entry in FINDINGS.items():
        out[(id_, None)] = entry
        out.update({(id_, name): variant for name, variant in entry.variants.items()})
    return out


def fields(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def pattern(text: str) -> re.Pattern[str]:
    """A template as a regex: its literal text, any text for each field."""
    parts = [
        re.escape(literal) + (".+?" if name is not None else "")
        for literal, name, _, _ in string.Formatter().parse(text)
    ]
    return re.compile("".join(parts), re.DOTALL)


def wording(finding: Finding) -> list[tuple[FindingId, str | None]]:
    """The templates of the finding's id that its severity, message and fix fit."""
    return [
        key
        for key, entry in templates().items()
        if key[0] == finding.id
        and entry.severity == finding.severity
        and pattern(entry.message).fullmatch(finding.message)
        and pattern(entry.fix).fullmatch(finding.fix or "")
    ]


class TestTable:
    def test_every_id_has_an_entry_and_every_entry_an_id(self) -> None:
        """The Literal and the table list the same ids, each once."""
        ids = get_args(FindingId)
        assert len(ids) == len(set(ids))
        assert set(ids) == set(FINDINGS)

    def test_no_template_uses_an_evidence_name(self) -> None:
        """Template fields never collide with the evidence keywords of `finding()`."""
        for entry in templates().values():
            assert not RESERVED & {*fields(entry.message), *fields(entry.fix)}

    def test_unknown_variant_is_a_key_error(self) -> None:
        """A variant the table does not hold fails loudly instead of falling back."""
        try:
            template("images", "no-such-variant")
        except KeyError:
            return
        raise AssertionError("expected KeyError")

    def test_schema_lists_the_ids(self) -> None:
        """The JSON schema of `Finding.id` is the enum of the ids, in the table's order."""
        schema = Finding.model_json_schema()
        assert schema["properties"]["id"]["enum"] == list(get_args(FindingId))


class TestProduced:
    def test_each_finding_fits_one_template(self, matcher: Matcher) -> None:
        """Every finding made reads as exactly one template of its id, severity included."""
        for finding in produced(matcher):
            assert len(wording(finding)) == 1, finding

    def test_every_id_and_variant_is_produced(self, matcher: Matcher) -> None:
        """Some rule makes each id and each variant: no entry is dead."""
        made = {key for finding in produced(matcher) for key in wording(finding)}
        assert sorted(set(templates()) - made, key=str) == []
