"""Whether the resume shows what it claims, in its own words: claimed-not-shown skills,
keyword stuffing, sentences copied from the posting, and acronym forms an ATS may not connect.
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Literal

from atsmatch._bytetable import keeping, non_ascii
from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.models import (
    AcronymAdvice,
    Block,
    EvidenceGap,
    KeywordResult,
    Resume,
    SkillHit,
    StuffingWarning,
    VerbatimOverlap,
)
from atsmatch.score import group_of
from atsmatch.star import COACHED_SECTIONS

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "VERBATIM_WORDS",
    "JobGrams",
    "acronym_advice",
    "block_words",
    "evidence_gaps",
    "stuffing_warnings",
    "untitled_mentions",
    "verbatim_overlaps",
    "written_forms",
]

VERBATIM_WORDS = 8  # a run of this many words shared with the posting reads as copied
_NOT_CLAIMS = frozenset({"certification", "soft_skill"})  # shown by a certificate or by how
# you write, not by naming them in a bullet


# ---- claimed, not shown --------------------------------------------------------------------


def evidence_gaps(
    resume: Resume,
    resume_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    taxonomy: Taxonomy,
    *,
    rows: Sequence[HitRow] | None = None,
    ids: Sequence[str] | None = None,
) -> tuple[EvidenceGap, ...]:
    """Job keywords the resume claims (skills list, summary) that no role or project shows.

    A bullet showing a more specific skill counts as support ("SageMaker" shows AWS). `rows` is
    `hit_rows(resume_hits)` and `ids` each keyword's skill id when the caller kept them.
    """
    shown: set[str] = set()
    # Skill id -> the section and the block of its first claim.
    first_claim: dict[str, tuple[str, int]] = {}
    for skill_id, _, section, block, _, _, _, _ in hit_rows(resume_hits) if rows is None else rows:
        if section in COACHED_SECTIONS:
            shown.add(skill_id)
        else:
            current = first_claim.get(skill_id)
            # Prefer the skills list: that is where a bare claim usually sits.
            if current is None or (current[0] != "skills" and section == "skills"):
                first_claim[skill_id] = (section, block)
    # Each keyword's level is read only where a claim may make it a gap (a model's reads are
    # slow): None for a skill the posting does not ask for.
    asked: dict[str, KeywordResult | None] = (
        {k.skill_id: k for k in keywords} if ids is None else dict(zip(ids, keywords, strict=True))
    )
    # A skill the posting does not ask for is a gap only when the skills list claims it.
    others = [
        sid
        for sid, (section, _) in first_claim.items()
        if section == "skills" and sid not in asked and sid not in shown
    ]
    others.sort(key=lambda s: taxonomy.skills[s].name.lower())
    asked.update(dict.fromkeys(others))
    out = []
    for sid, keyword in asked.items():
        if sid not in first_claim or sid in shown:
            continue
        level = None if keyword is None else keyword.level
        section, claim = first_claim[sid]
        skill = taxonomy.skills[sid]
        if skill.category in _NOT_CLAIMS:
            continue
        if section != "skills" and level is None:
            continue  # a summary naming a skill the posting does not ask for is fine
        if not shown.isdisjoint(taxonomy.descendants(sid)):
            continue
        why = "the posting asks for it" if level else "the posting does not ask for it"
        out.append(
            EvidenceGap._trusted(  # our own values, of the fields' types
                skill_id=sid,
                name=skill.name,
                level=level,
                section=section,
                block=claim,
                text=resume.blocks[claim].text,
                suggestion=f"claimed, not shown ({why}): add a bullet where you used "
                f'{skill.name}, e.g. "<Verb> <what> with {skill.name}, <result>"',
            )
        )
    return tuple(out)


# ---- stuffing ------------------------------------------------------------------------------


def stuffing_warnings(
    resume_hits: Sequence[SkillHit],
    job_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    *,
    resume: Resume | None = None,
    resume_counts: Mapping[str, int] | None = None,
    ids: Sequence[str] | None = None,
) -> tuple[StuffingWarning, ...]:
    """Job keywords the resume repeats far beyond the posting's own use (more than twice as
    often, and at least five times): ATS and recruiters both read that as stuffing.

    With `resume`, names that are titles or labels do not count: the header, each role's title
    line ("Machine Learning Engineer - Acme") and a list's label ("Machine learning: PyTorch,
    ..."). Naming your own job title is not stuffing. `resume_counts` is
    `untitled_mentions(resume_hits, resume)` and `ids` each keyword's skill id when the caller
    kept them.
    """
    if resume_counts is None:
        if resume is not None:
            resume_counts = untitled_mentions(resume_hits, resume)
        else:
            resume_counts = Counter(h.skill_id for h in resume_hits)
    # Only keywords are counted; only one the resume names five times or more can be stuffed,
    # and only those are counted in the posting.
    if ids is None:
        ids = [k.skill_id for k in keywords]
    often = {sid for sid in ids if resume_counts.get(sid, 0) > 4}
    if not often:
        return ()
    job_counts = Counter(h.skill_id for h in job_hits if h.skill_id in often)
    out = []
    for sid, keyword in zip(ids, keywords, strict=True):
        mine = resume_counts.get(sid, 0)
        theirs = job_counts.get(sid, 0)
        if mine > max(4, 2 * theirs):
            out.append(
                StuffingWarning(
                    skill_id=sid,
                    name=keyword.name,
                    resume_mentions=mine,
                    job_mentions=theirs,
                    message=f"{keyword.name} appears {mine} times in the resume and {theirs} "
                    "in the posting: keep the mentions that show real use and cut the rest",
                )
            )
    return tuple(out)


def untitled_mentions(
    resume_hits: Sequence[SkillHit],
    resume: Resume,
    *,
    rows: Sequence[HitRow] | None = None,
    texts: Sequence[str] | None = None,
) -> dict[str, int]:
    """How often the resume names each skill outside titles and labels (of the resume alone:
    `ResumeFacts` keeps it for every posting). `rows` is `hit_rows(resume_hits)` and `texts`
    each block's text when the caller kept them."""
    titles = {role.first_block for role in resume.roles}
    blocks = resume.blocks
    if texts is None:
        texts = [block.text for block in blocks]
    # Per block, not per hit: where a hit must end to sit in a title or a label.
    label_ends = [
        _label_end(block.section, texts[index], index in titles)
        for index, block in enumerate(blocks)
    ]
    return Counter(
        skill_id
        for skill_id, _, _, block, _, end, _, _ in (hit_rows(resume_hits) if rows is None else rows)
        if end > label_ends[block]
    )


def _label_end(section: str, text: str, titles_a_role: bool) -> float:
    """A hit in a block (of `section`, holding `text`) names a title when it ends at or before
    this: anywhere in the header or a role's title line, before the colon of a "Label:" that
    opens a list, else nowhere."""
    if titles_a_role or section == "header":
        return math.inf
    colon = text.find(":")
    return colon if 0 < colon < 40 else -1


# ---- verbatim copying ----------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*", re.IGNORECASE)
# Lowered ASCII with every byte outside `_TOKEN`'s letters, digits, + and # made a space (a
# newline kept, to part blocks joined by it): its runs are `_TOKEN`'s words once a leading + or
# # goes ("+c++" is "c++").
_WORD_BYTES = keeping(string.ascii_lowercase + string.digits + "+#\n")


def _words(text: str) -> list[str]:
    """The text's words, lowercased."""
    if text.isascii():  # a byte table splits ASCII about three times faster than the pattern
        return _split(text.lower().encode("ascii").translate(_WORD_BYTES).decode("ascii"))
    return [t.lower() for t in _TOKEN.findall(text)]


def _split(spaced: str) -> list[str]:
    """The words of a text made lowered ASCII by `_WORD_BYTES`."""
    if "+" not in spaced and "#" not in spaced:
        return spaced.split()
    return [word for run in spaced.split() if (word := run.lstrip("+#"))]


def block_words(
    blocks: Sequence[Block], *, texts: Sequence[str] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Each block's words, lowercased: what `verbatim_overlaps` compares (`texts` is each
    block's text when the caller kept it).

    The blocks are split as one text, joined by newlines (a block holds none): one pass
    instead of one per block."""
    if texts is None:
        texts = [block.text for block in blocks]
    joined = "\n".join(texts)
    ascii_text = joined if joined.isascii() else _spaced_non_ascii(joined)
    if ascii_text is None or ascii_text.count("\n") != len(texts) - 1:
        return tuple([tuple(_words(text)) for text in texts])
    spaced = ascii_text.lower().encode("ascii").translate(_WORD_BYTES).decode("ascii")
    if "+" not in spaced and "#" not in spaced:  # `_split`'s test once for every block
        return tuple([tuple(line.split()) for line in spaced.split("\n")])
    return tuple([tuple(_split(line)) for line in spaced.split("\n")])


def _spaced_non_ascii(text: str) -> str | None:
    """The text with each non-ASCII character a space: it parts words as a space does. None
    when one of them is part of a word (`_TOKEN` ignores case: the Kelvin sign is a "k")."""
    for char in non_ascii(text):
        if _TOKEN.match(char):
            return None
        text = text.replace(char, " ")
    return text


@dataclass(frozen=True, slots=True)
class JobGrams:
    """A posting's runs of `words` words, each with the first block it appears in.

    Per posting, not per match: `JobAnalysis.grams` builds it once for every resume the posting
    is matched against.
    """

    words: int
    first_block: Mapping[tuple[str, ...], int]
    firsts: frozenset[str]  # the words runs start and end with: cheap set tests rule out
    lasts: frozenset[str]  # most positions before a tuple is built

    @classmethod
    def of(cls, job_blocks: Sequence[Block], *, words: int = VERBATIM_WORDS) -> JobGrams:
        """The index of `job_blocks`."""
        grams: dict[tuple[str, ...], int] = {}
        for index, block in enumerate(job_blocks):
            tokens = _words(block.text)
            for i in range(len(tokens) - words + 1):
                grams.setdefault(tuple(tokens[i : i + words]), index)
        return cls(
            words=words,
            first_block=grams,
            firsts=frozenset(gram[0] for gram in grams),
            lasts=frozenset(gram[-1] for gram in grams),
        )


def verbatim_overlaps(
    resume_blocks: Sequence[Block],
    job_blocks: Sequence[Block],
    *,
    words: int = VERBATIM_WORDS,
    grams: JobGrams | None = None,
    resume_words: Sequence[Sequence[str]] | None = None,
) -> tuple[VerbatimOverlap, ...]:
    """Runs of `words` or more consecutive words the resume shares with the posting.

    `grams` is `JobGrams.of(job_blocks, words=words)` and `resume_words` is `block_words(
    resume_blocks)` when the caller already has them.
    """
    if grams is None or grams.words != words:
        grams = JobGrams.of(job_blocks, words=words)
    index_of = grams.first_block
    if not index_of:
        return ()
    firsts, lasts = grams.firsts, grams.lasts
    if resume_words is None:
        resume_words = block_words(resume_blocks)
    out = []
    for index, block in enumerate(resume_blocks):
        tokens = resume_words[index]
        found: list[re.Match[str]] | None = None
        i, last = 0, len(tokens) - words  # the last place a run can start
        while i <= last:
            if tokens[i] not in firsts or tokens[i + words - 1] not in lasts:
                i += 1
                continue
            source = index_of.get(tuple(tokens[i : i + words]))
            if source is None:
                i += 1
                continue
            if found is None:
                found = list(_TOKEN.finditer(block.text))
            j = i + words
            while j < len(tokens) and tuple(tokens[j - words + 1 : j + 1]) in index_of:
                j += 1
            out.append(
                VerbatimOverlap(
                    words=j - i,
                    text=block.text[found[i].start() : found[j - 1].end()],
                    block=index,
                    job_text=job_blocks[source].text,
                    job_block=source,
                )
            )
            i = j
    return tuple(out)


# ---- acronym forms -------------------------------------------------------------------------

_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9/&+.-]{1,7}")


def _is_acronym(form: str) -> bool:
    return bool(_ACRONYM.fullmatch(form)) and sum(ch.isupper() for ch in form) >= 2


# Pure in the string, as `_both_forms`: a posting's and a resume's forms recur every match.
@functools.lru_cache(maxsize=8192)
def _form_kind(form: str) -> Literal["acronym", "long"] | None:
    """An acronym ("NLP", "CI/CD") or a long form ("natural language processing")."""
    form = form.strip()
    if _is_acronym(form):
        return "acronym"
    # A long form spells the words out: "Amazon EKS" or "Machine Learning (ML)" is neither.
    spelled = not any(_is_acronym(word) for word in re.split(r"[\s()]+", form) if word)
    if spelled and (" " in form or ("-" in form and len(form) > 8)):
        return "long"
    return None


def acronym_advice(
    resume_hits: Sequence[SkillHit],
    job_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    taxonomy: Taxonomy,
    *,
    job_written: Mapping[str, tuple[str, ...]] | None = None,
    resume_written: Mapping[str, tuple[str, ...]] | None = None,
    ids: Sequence[str] | None = None,
) -> tuple[AcronymAdvice, ...]:
    """Acronym and long form for keywords the resume has under a different form than the
    posting, and both forms for methods and concepts the posting writes only one way.

    `job_written` is `written_forms(job_hits)` and `resume_written` `written_forms(resume_hits)`
    when the caller kept them from an earlier match (only keywords are compared); `ids` is
    each keyword's skill id when the caller read them already.
    """
    if job_written is None:
        job_written = written_forms(job_hits)
    if resume_written is None:
        resume_written = written_forms(resume_hits)
    both_of = taxonomy.derived(_SkillBothForms).of
    out = []
    for skill_id in [k.skill_id for k in keywords] if ids is None else ids:
        # The forms first: a keyword the resume (or the posting) never writes needs no skill.
        job_forms = job_written.get(skill_id, ())
        resume_forms = resume_written.get(skill_id, ())
        if not job_forms or not resume_forms:
            continue
        both = both_of(skill_id)
        if both is None:
            continue
        skill = taxonomy.skills[skill_id]
        job_kinds = {_form_kind(f) for f in job_forms} - {None}
        resume_kinds = {_form_kind(f) for f in resume_forms} - {None}
        if job_kinds and resume_kinds and not job_kinds & resume_kinds:
            out.append(
                AcronymAdvice(
                    skill_id=skill_id,
                    name=skill.name,
                    severity="warning",
                    job_forms=job_forms,
                    resume_forms=resume_forms,
                    suggestion=f"the posting writes {_quote(job_forms)} and your resume only "
                    f'{_quote(resume_forms)}; an ATS search may not connect them: write "{both}" '
                    "once",
                )
            )
        elif (
            len(job_kinds) == 1
            and len(resume_kinds) == 1
            and group_of(skill.category) == "concepts"
        ):
            out.append(
                AcronymAdvice(
                    skill_id=skill_id,
                    name=skill.name,
                    severity="info",
                    job_forms=job_forms,
                    resume_forms=resume_forms,
                    suggestion=f'write both forms once, "{both}", so a search for either finds you',
                )
            )
    return tuple(out)


def written_forms(
    hits: Sequence[SkillHit], *, rows: Sequence[HitRow] | None = None
) -> dict[str, tuple[str, ...]]:
    """Skill id -> the distinct ways the text writes it, sorted (`rows` is `hit_rows(hits)`
    when the caller kept it)."""
    if rows is None:
        rows = hit_rows(hits)
    # Each distinct (skill, text as written) once, in order, found at C speed: a skill is mostly
    # written one way, over and over.
    pairs = dict.fromkeys(zip(map(_SKILL, rows), map(_TEXT, rows), strict=True))
    forms: dict[str, tuple[str, ...]] = {}
    for skill_id, text in pairs:
        form = " ".join(text.split())
        held = forms.get(skill_id)
        if held is None:  # the common case: one form, no sort
            forms[skill_id] = (form,)
        elif form not in held:
            forms[skill_id] = tuple(sorted((*held, form)))
    return forms


_SKILL, _TEXT = itemgetter(0), itemgetter(6)  # a `HitRow`'s skill id and text
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a"})


def _initials(form: str) -> str:
    words = [w for w in re.split(r"[\s/-]+", form.lower()) if w and w not in _SMALL_WORDS]
    return "".join(w[0] for w in words)


# A pure function of the strings it is given (a skill's name and forms), so one bounded cache
# serves every taxonomy and keeps none of them alive: nothing to tie to `Taxonomy.derived`.
@functools.lru_cache(maxsize=8192)
def _both_forms(name: str, forms: tuple[str, ...]) -> str | None:
    """ "Long Form (ACR)" when the vocabulary has an acronym whose letters are the initials of
    one of its long forms ("NLP" and "natural language processing"); None otherwise."""
    ordered = [name, *(f for f in forms if f != name)]
    for acronym in (f for f in ordered if _form_kind(f) == "acronym"):
        letters = "".join(ch for ch in acronym.lower() if ch.isalpha())
        for long in (f for f in ordered if _form_kind(f) == "long"):
            if _initials(long) == letters:
                return f"{long} ({acronym})"
    return None


class _SkillBothForms:
    """Each skill's `_both_forms`, kept by skill id for one taxonomy (`Taxonomy.derived`): a
    posting's keywords recur every match, and a skill's `forms` are built anew on each read."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._skills = taxonomy.skills
        self._found: dict[str, str | None] = {}

    def of(self, skill_id: str) -> str | None:
        """`_both_forms` of the skill's name and forms."""
        try:
            return self._found[skill_id]
        except KeyError:
            skill = self._skills[skill_id]
            both = self._found[skill_id] = _both_forms(skill.name, tuple(skill.forms))
            return both


def _quote(forms: Sequence[str]) -> str:
    return " / ".join(f'"{f}"' for f in forms)
