"""Every finding id with its severity, message and fix: one table, filled in by the rules.

A rule names the id and passes the values its templates need (`str.format` fields); the wording
lives here, so one page shows all a user can be told, and a test checks that every id is listed,
has an entry and is produced by some rule. The few ids whose wording or severity depends on the
evidence (images with little text besides, two columns with an excerpt) have named variants:
complete templates of their own. Imports nothing from the package: `models` takes `FindingId`
from here, and the rules (`checks/`, `_api.py`) the templates.

>>> template("images", "little-text").severity
'warning'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

__all__ = ["FINDINGS", "FindingId", "Severity", "Template", "template"]

Severity = Literal["error", "warning", "info"]

FindingId = Literal[
    # the file cannot be read at all (checks/__init__.py)
    "encrypted",
    "no-text-layer",
    # layout (checks/layout.py)
    "multi-column",
    "header-footer-contact",
    "header-footer-text",
    "text-box",
    "content-control",
    "table-layout",
    "table",
    "footnote-text",
    "images",
    "icon-glyphs",
    "ligatures",
    "hidden-text",
    "tiny-text",
    "unusual-font",
    "unusual-bullets",
    "short-resume",
    "long-resume",
    "file-size",
    # content (checks/content.py)
    "no-headings",
    "missing-section",
    "nonstandard-heading",
    "contact-no-name",
    "contact-no-email",
    "contact-no-phone",
    "contact-no-linkedin",
    "contact-only-in-header",
    "date-format-mixed",
    "date-year-only",
    "role-without-date",
    "unmarked-bullets",
    "glued-words",
    # matching (_api.py)
    "misspelled-skill",
    "job-no-keywords",
    "non-english",
]


@dataclass(frozen=True, slots=True)
class Template:
    """How a finding reads: its severity, `str.format` templates for message and fix, variants."""

    severity: Severity
    message: str
    fix: str
    variants: Mapping[str, Template] = field(default_factory=dict)


def template(id: FindingId, variant: str | None = None) -> Template:
    """The template of a finding id, or of one of its named variants."""
    entry = FINDINGS[id]
    return entry if variant is None else entry.variants[variant]


# Parts that variants share, kept once.
_INTERLEAVES = (
    "{most} columns on {pages}: many ATS read a page line by line across its width, which "
    "interleaves the columns"
)
_ONE_COLUMN = "use one column; put skills and contact details in the main flow, not a sidebar"
_IMAGES = "{images} in the file; an ATS reads no text from images"
_IMAGES_FIX = "write out any words shown as images (logos, skill charts, icons, a scanned page)"
_ICONS = (
    '{glyphs} from icon fonts or without a text mapping (shown as "(cid:N)" or private-use '
    "characters) were dropped when reading; an ATS shows them as junk or loses the words they "
    "stand for"
)
_ICONS_FIX = (
    'use words instead of icons ("Email:", "LinkedIn:"), and embed fonts with Unicode mappings '
    "when exporting"
)
_VANISHED = (
    "{vanished} hidden in Word (the Hidden font effect): not shown on screen or in print, but "
    "an ATS reads them"
)
_WHITE = "{white} in white or near-white text ({color}): invisible on a white page"
_STUFFING = (
    "; ATS vendors treat hidden keywords as stuffing and recruiters see them in the parsed text"
)
_VANISHED_FIX = (
    "in Word, turn on Show/Hide ¶ (Ctrl+Shift+8) to see hidden text, then delete it (notes to "
    "yourself included), or clear Font > Hidden (Ctrl+D) if it belongs in the resume"
)
_WHITE_FIX = (
    "delete white text, or make it visible if it belongs in the resume (white text on a dark "
    "band is fine)"
)
_TABLE_FIX = "use plain paragraphs with tab stops instead of a table"
_UNDATED = "; an ATS cannot place it in your work history or count its years"
_UNDATED_FIX = 'put the dates on the role\'s title or company line as "Jan 2020 – Present"'

FINDINGS: Final[Mapping[FindingId, Template]] = {
    "encrypted": Template(
        "error",
        "the file is password-protected, so an ATS cannot open it",
        "save or export a copy without a password",
    ),
    "no-text-layer": Template(
        "error",
        "the file holds no text an ATS can read (a scanned or image-only document), so it "
        "cannot be matched at all",
        "export the resume again as a text PDF or DOCX from the original (Word, Google Docs, "
        "LaTeX), or run OCR on the scan and check the result",
    ),
    "multi-column": Template(
        "warning",
        _INTERLEAVES,
        _ONE_COLUMN,
        variants={
            "excerpt": Template(
                "warning",
                _INTERLEAVES + " (the evidence shows the start of that reading order)",
                _ONE_COLUMN,
            ),
        },
    ),
    "header-footer-contact": Template(
        "warning",
        "contact details sit in the page {region} ({lines}); many ATS (Workday, Greenhouse "
        "among them) drop header and footer text, so the recruiter may get no way to reach you",
        "move the contact details into the body, just under your name",
    ),
    "header-footer-text": Template(
        "warning",
        "{lines} of text in page headers or footers; ATS often drop that text silently",
        "move anything that matters (name, title, skills) into the body of the page",
    ),
    "text-box": Template(
        "warning",
        "{lines} {sit} in text boxes or shapes; many ATS skip them or move their text out of place",
        "put the text in ordinary paragraphs",
    ),
    "content-control": Template(
        "info",
        "{lines} {sit} in Word content controls (template fields); some older ATS parsers skip "
        "them",
        "remove the content controls (select the field, right-click, Remove Content Control) so "
        "the text is plain",
    ),
    "table-layout": Template(
        "warning",
        "the layout is a table: {lines} ({share:.0%} of the text) in cells of up to {columns} "
        "columns; ATS read tables cell by cell or merge cells, mixing employer names, dates and "
        "skills",
        _TABLE_FIX,
    ),
    "table": Template(
        "info",
        "{lines} {sit} in a table; some ATS merge table cells into one line",
        _TABLE_FIX,
    ),
    "footnote-text": Template(
        "info",
        "{lines} {sit} in footnotes or endnotes, which ATS usually ignore",
        "move the text into the body",
    ),
    "images": Template(
        "info",
        _IMAGES,
        _IMAGES_FIX,
        variants={
            "little-text": Template(
                "warning", _IMAGES + ", and the file has little text besides", _IMAGES_FIX
            ),
        },
    ),
    "icon-glyphs": Template(
        "info",
        _ICONS,
        _ICONS_FIX,
        variants={"many": Template("warning", _ICONS, _ICONS_FIX)},  # over 2% of the characters
    ),
    "ligatures": Template(
        "info",
        '{ligatures} (such as "ﬁ" in "ﬁne-tuned") in the text; an ATS that searches the exact '
        "letters may not match those words",
        "turn off ligatures when exporting (LaTeX: \\usepackage{{microtype}} and "
        "\\DisableLigatures{{encoding = *, family = *}})",
    ),
    "hidden-text": Template(
        "warning",
        _VANISHED + _STUFFING,
        _VANISHED_FIX,
        variants={
            "white": Template("warning", _WHITE + _STUFFING, _WHITE_FIX),
            "vanished-and-white": Template(
                "warning", _VANISHED + "; " + _WHITE + _STUFFING, _VANISHED_FIX + "; " + _WHITE_FIX
            ),
        },
    ),
    "tiny-text": Template(
        "warning",
        "{lines} in text smaller than {points:g} pt ({size:g} pt): unreadable on paper and "
        "treated as keyword stuffing",
        "delete it, or set it at the body size if it belongs in the resume",
    ),
    "unusual-font": Template(
        "info",
        "{lines} set in a symbol or icon font ({font}); its characters may not map to the "
        "letters they look like",
        "use a standard text font (Arial, Calibri, Georgia, Helvetica, Times) for all text",
    ),
    "unusual-bullets": Template(
        "info",
        "{lines} start with an unusual bullet ({marks}); an ATS may show it as junk or fail to "
        "see a list",
        "use plain round bullets (•) or hyphens",
    ),
    "short-resume": Template(
        "warning",
        "only {words} words of text could be read; an ATS has little to match, and the rest may "
        "be in images or shapes",
        "make sure every part of the resume is real text (select it in a PDF viewer)",
    ),
    "long-resume": Template(
        "info",
        "{pages}, {words} words: recruiters skim, and the keywords that matter get diluted",
        "aim for at most {most} pages (one page for early careers)",
    ),
    "file-size": Template(
        "warning",
        "the file is {megabytes:.1f} MB; uploads over about {limit:g} MB can fail or be "
        "rejected by an ATS",
        "export again without embedded high-resolution images, or compress the images",
    ),
    "no-headings": Template(
        "warning",
        "no section headings were recognised, so an ATS cannot tell experience from education "
        "or skills",
        "give each part a plain heading on its own line: Summary, Experience, Education, "
        "Skills, Projects",
    ),
    "missing-section": Template(
        "info",
        "no {heading} section was recognised",
        'add a heading named "{heading}" if you have {kind} to list',
        variants={
            "experience": Template(
                "warning",
                "no Experience section was recognised; ATS fill the work history from it",
                'add a heading named "Experience" (or "Work Experience") above your roles',
            ),
        },
    ),
    "nonstandard-heading": Template(
        "info",
        "the heading {heading!r} is not a standard section name, so an ATS may file its "
        "content under the wrong section or not at all",
        "use a standard heading (Summary, Experience, Projects, Education, Skills, "
        "Certifications, Publications, Awards)",
    ),
    "contact-no-name": Template(
        "warning",
        "no name was recognised at the top of the resume",
        "put your name alone on the first line, in the body (not a header or text box)",
    ),
    "contact-no-email": Template(
        "warning",
        "no e-mail address was found; an ATS profile needs one",
        "write your e-mail address as text near your name (not as an icon or a link only)",
    ),
    "contact-no-phone": Template(
        "info",
        "no phone number was found",
        "add a phone number with its country code near your name",
    ),
    "contact-no-linkedin": Template(
        "info",
        "no LinkedIn profile URL was found; recruiters and some ATS look for one",
        "add it as text: linkedin.com/in/your-name",
    ),
    "contact-only-in-header": Template(
        "warning",
        "your contact details appear only in the page header or footer, which many ATS drop: "
        "the profile could end up without a way to reach you",
        "repeat (or move) the contact details in the body, under your name",
    ),
    "date-format-mixed": Template(
        "info",
        "roles are dated in {count} different formats: {examples}; ATS compute experience from "
        "dates and read one consistent format most reliably",
        'write every date the same way, preferably "Jan 2020 – Mar 2022"',
    ),
    "date-year-only": Template(
        "info",
        "{roles} dated by year only ({example!r}); ATS count months of experience and may "
        "under-count",
        'add months: "Jun 2019 – Aug 2021"',
    ),
    "role-without-date": Template(
        "warning",
        "this role has no dates (or they are where the parser cannot link them)" + _UNDATED,
        _UNDATED_FIX,
        variants={
            # a year is there, but no date range the parser can read
            "unreadable": Template(
                "warning", "the date of this role could not be read" + _UNDATED, _UNDATED_FIX
            ),
        },
    ),
    "unmarked-bullets": Template(
        "info",
        "{statements} in your experience or projects {are} plain text without a bullet marker "
        "(coached as bullets here); recruiters skim for bullet points",
        'make each statement a bullet (a bulleted list in Word, or a "•" at the start of the '
        "line) that opens with what you did",
    ),
    "glued-words": Template(
        "warning",
        "keywords run together without a space ({examples}); an ATS searching for the separate "
        "words will not find them",
        'put the spaces back ("Machine Learning"), or check the PDF export if the source has them',
    ),
    "misspelled-skill": Template(
        "warning",
        "{written!r} reads as a misspelling of {name}; an ATS searching for {name!r} would not "
        "find it",
        "write it as {alias!r}",
    ),
    "job-no-keywords": Template(
        "warning",
        "no skill from the vocabulary was found in the job posting, so there is nothing to "
        "score against",
        "check that the posting is the right file, or add its terms with --vocab",
    ),
    "non-english": Template(
        "warning",
        "the {side} is written in {language}, not English; the vocabulary and the scoring "
        "rules are English, so the score counts only shared tool names and is not a real match "
        "score",
        "compare an English {side} with an English {other}",
    ),
}
