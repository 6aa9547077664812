"""Resume structure: sections, blocks (headings, bullets with wraps joined, lines), roles, contact.

Headings need two things: words that name a section (the heading synonyms) and the look of a
heading (short, alone, bold / CAPS / larger / Title Case). The heading style most headings share
then vetoes weaker look-alikes (a "PROGRAMMING" sub-label in a smaller font) and admits unknown
headings in exactly that style as kind "other", as OpenResume does with bold ALL CAPS lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from atsmatch.models import Block, BlockKind, Document, Resume, Role, Section
from atsmatch.structure.contact import extract_contact, find_location
from atsmatch.structure.dates import DateRange, find_date_range
from atsmatch.structure.headings import HeadingIndex, Headings, heading_key
from atsmatch.structure.lines import (
    Layout,
    continues,
    is_caps,
    is_title_case,
    join_text,
    states_work,
    strip_bullet,
)
from atsmatch.structure.qualifications import find_degrees

__all__ = ["parse_resume"]

_ROLE_SECTIONS = frozenset({"experience", "projects", "volunteer"})
_UNKNOWN = "?"
_CONNECTORS = re.compile(r"\b(?:with|in|using|for|to|from|at|on|by|as|is|are|was|my|i)\b", re.I)
# The words that mark a role's title or its organisation: each list makes a case-blind pattern
# of whole words (a title's plural too) and, for lowercased ASCII text, a set its words are
# looked up in instead of trying every alternative at every word (`_cue`).
_TITLE_NAMES = (
    "engineer", "scientist", "developer", "analyst", "manager", "intern", "internship", "lead",
    "leader", "researcher", "architect", "consultant", "director", "head", "specialist",
    "associate", "founder", "co-founder", "cto", "ceo", "cfo", "coo", "vp", "president",
    "officer", "chief", "fellow", "contributor", "assistant", "professor", "lecturer", "teacher",
    "instructor", "tutor", "programmer", "administrator", "designer", "owner", "partner",
    "coordinator", "editor", "writer", "volunteer", "sde", "swe", "sre", "devops", "staff",
    "principal", "technician", "advisor", "adviser", "mentor", "trainee", "apprentice", "member",
    "representative", "executive", "strategist", "economist", "statistician", "postdoc",
    "postdoctoral", "practitioner", "freelancer", "freelance", "maintainer", "ta", "ra",
)  # fmt: skip
_ORG_NAMES = (
    "inc", "corp", "corporation", "llc", "llp", "ltd", "limited", "gmbh", "ag", "plc", "pvt",
    "co", "company", "university", "college", "institute", "school", "academy", "lab", "labs",
    "laboratory", "laboratories", "technologies", "technology", "systems", "solutions", "group",
    "bank", "foundation", "partners", "consulting", "capital", "ventures", "studio", "studios",
    "software", "networks", "health", "hospital", "research", "analytics", "ai", "agency",
    "department", "ministry", "council", "center", "centre", "society", "association", "google",
    "microsoft", "amazon", "meta", "facebook", "apple", "nvidia", "ibm", "deepmind", "openai",
    "netflix", "uber", "airbnb",
)  # fmt: skip
_TITLE_WORDS = re.compile(r"\b(?:" + "|".join(_TITLE_NAMES) + r")s?\b", re.I)
_ORG_WORDS = re.compile(r"\b(?:" + "|".join(_ORG_NAMES) + r")\b\.?", re.I)
_TITLE_SET = frozenset(_TITLE_NAMES)
_ORG_SET = frozenset(_ORG_NAMES)
_ASCII_WORD = re.compile(r"\w+")
# Every separator opens with a space, "|" or ",", and the at-splitter with a space: the leading
# look-ahead turns most positions away before the alternatives are tried one by one.
_SPLIT = re.compile(
    r"(?=[\s|,])(?:\s*\|\s*|\s+[–—-]{1,2}\s+|\s+@\s+|\s+at\s+|,\s+|\t+|\s{3,}|\s+[·•]\s+)"
)
_LEGAL = re.compile(r"^(?:inc|corp|llc|llp|ltd|gmbh|ag|plc|co|s\.a)\.?$", re.I)
_ABBREVIATION_END = re.compile(r"\b(?:inc|corp|ltd|co|jr|sr|st)\.$", re.I)
_DURATION = re.compile(r"(?:\d+\s+(?:years?|yrs?|months?|mos?)\s*){1,2}", re.I)
_MARKUP = re.compile(r"\*\*|__|^#+\s*")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
_AT = re.compile(r"(?=\s)(\s+at\s+|\s+@\s+)")
_AT_ONLY = re.compile(r"\s+(?:at|@)\s+")
_LETTER = re.compile(r"[^\W\d_]")
_CELL = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+|\t+")


@dataclass
class _Block:
    text: str
    kind: BlockKind
    section: str
    line: int
    page: int
    last: int  # the index of the block's last line (`line` is its first)
    date: DateRange | None = None
    role: int | None = None
    # Outside role sections a line's date is read only when asked (`_date_of`): the text it is
    # to be read from until then.
    date_text: str | None = None


@dataclass
class _Style:
    caps: bool
    bold: bool
    size: float | None

    def key(self) -> tuple[bool, bool, float | None]:
        return (self.caps, self.bold, None if self.size is None else round(self.size * 2) / 2)


@dataclass
class _State:
    blocks: list[_Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def parse_resume(document: Document, *, headings: Headings | None = None) -> Resume:
    """Split a resume into sections, blocks and roles, and find its contact details.

    >>> from atsmatch.models import Document, Line
    >>> doc = Document(source="<text>", format="text", lines=(Line(text="Jane Roe"),
    ...     Line(text="Experience"), Line(text="ML Engineer, Acme Inc  2020 – Present")))
    >>> parse_resume(doc).roles[0].current
    True
    """
    if headings is None:
        headings = Headings.of()
    index = headings.resume
    lines = document.lines
    layout = Layout.of(lines)
    heading_at = _find_headings(layout, index)
    state = _build_blocks(layout, heading_at)
    roles = _find_roles(state)
    contact = extract_contact(layout, _header_lines(state.blocks, len(lines)), headings.resume_keys)
    # Our own values, of the fields' own types (a test holds them to validated copies): made
    # without validation, at about half its cost.
    block = Block._trusted
    blocks = tuple(
        [
            block(
                text=b.text, kind=b.kind, section=b.section, line=b.line, page=b.page,
                role=b.role, level=None,
            )
            for b in state.blocks
        ]
    )  # fmt: skip
    return Resume._trusted(
        document=document,
        contact=contact,
        sections=tuple(state.sections),
        roles=tuple(roles),
        blocks=blocks,
        # The parser's own blocks hold the same text, kind and section, at a list item's cost.
        headline=_headline(state.blocks, contact.name),
        education=find_degrees(
            blocks,
            education=[
                number
                for number, b in enumerate(state.blocks)
                if b.section == "education" and b.kind != "heading"
            ],
        ),
    )


def _headline(blocks: list[_Block], name: str | None) -> str | None:
    """The job title under the name ("Machine Learning Engineer | Python"): the first header
    line (or its first cell) that reads as a title, without digits, "@", a colon or a stop."""
    for block in [b for b in blocks if b.section == "header"][:4]:
        if block.kind != "line" or block.text.strip() == name:
            continue
        first = _CELL.split(block.text.strip())[0].strip()
        words = first.split()
        if (
            1 <= len(words) <= 6
            and _TITLE_WORDS.search(first)
            and not any(ch.isdigit() or ch in "@.:" for ch in first)
        ):
            return first
    return None


def _header_lines(blocks: list[_Block], total: int) -> list[int]:
    """The line indices the header section's blocks span, blank lines after them included.

    Blocks are in line order, one per starting line, so a block runs to the next block's line.
    """
    return [
        i
        for k, block in enumerate(blocks)
        if block.section == "header"
        for i in range(block.line, blocks[k + 1].line if k + 1 < len(blocks) else total)
    ]


def _find_headings(layout: Layout, index: HeadingIndex) -> dict[int, str]:
    """Line index -> section kind for every line taken as a section heading."""
    known: dict[int, tuple[str, _Style]] = {}
    unknown: dict[int, _Style] = {}
    first_text = next((i for i, text in enumerate(layout.stripped) if text), -1)
    for i, text in enumerate(layout.stripped):
        found = _heading_candidate(i, text, layout, index)
        if found is None:
            continue
        kind, style = found
        if kind == _UNKNOWN:
            if i != first_text:
                unknown[i] = style
        else:
            known[i] = (kind, style)
    styles = Counter(style.key() for _, style in known.values())
    result: dict[int, str] = {}
    if styles:
        dominant, count = styles.most_common(1)[0]
        for i, (kind, style) in known.items():
            clear = count >= 2 and count * 2 > len(known)
            if not clear or style.key() == dominant or not _weaker(style.key(), dominant):
                result[i] = kind
        strong = (
            dominant[0]
            or dominant[1]
            or (
                dominant[2] is not None
                and layout.body_size is not None
                and dominant[2] >= layout.body_size + 0.9
            )
        )
        if strong and count >= 2:
            for i, style in unknown.items():
                if style.key() == dominant and not _date_follows(layout.texts, i):
                    result[i] = "other"
    else:
        for i, style in unknown.items():
            if style.caps and style.bold and not _date_follows(layout.texts, i):
                result[i] = "other"
    return result


def _weaker(
    style: tuple[bool, bool, float | None], dominant: tuple[bool, bool, float | None]
) -> bool:
    if style[2] is not None and dominant[2] is not None and style[2] < dominant[2] - 0.5:
        return True
    return (dominant[0] and not style[0]) or (dominant[1] and not style[1])


def _date_follows(texts: list[str], index: int) -> bool:
    for text in texts[index + 1 : index + 3]:
        if text.strip():
            return find_date_range(text) is not None
    return False


def _heading_candidate(
    number: int, text: str, layout: Layout, index: HeadingIndex
) -> tuple[str, _Style] | None:
    """The section kind and style of the line at `number` (`text`: its stripped text) that may
    be a heading."""
    if not text or len(text) > 60:
        return None
    # "— SKILLS —" and "2. Education:" look like list items but are headings when decorated.
    listed = strip_bullet(text) is not None and not text.startswith("#")
    if listed and not (text[-1] in "—–-=_:|" or _NUMBERED.match(text)):
        return None
    bare = _unmark(text).strip()
    words = heading_key(bare).split()
    if not 1 <= len(words) <= 6 or bare.endswith((".", ",", ";")):
        return None
    caps = is_caps(bare)
    line = layout.fields[number]
    bold = line["bold"] or text.startswith("#")  # a Markdown heading
    strong = bold or caps or layout.larger(number)
    kind = index.exact(bare)
    # Most short lines name no section and are not set apart: turned away before the date scan.
    if kind is None and (listed or not strong or len(words) > 5):
        return None
    if find_date_range(bare) is not None or "@" in bare:
        return None
    style = _Style(caps=caps, bold=bold, size=line["size"])
    if kind is not None:
        if strong or is_title_case(bare) or bare.endswith(":"):
            return kind, style
        return None
    connected = _CONNECTORS.search(bare) is not None
    if not connected and (caps or is_title_case(bare)):
        inner = index.within(bare)
        if inner is not None:
            return inner, style
    if connected and not layout.larger(number):
        return None
    if not any(ch.isdigit() or ch in "|,/" for ch in bare) and find_location(bare) is None:
        return _UNKNOWN, style
    return None


def _build_blocks(layout: Layout, heading_at: dict[int, str]) -> _State:
    state = _State()
    kind = "header"
    heading_text = ""
    section_start = 0
    current: _Block | None = None

    def close_section(end: int) -> None:
        if end >= section_start:
            state.sections.append(
                Section._trusted(
                    kind=kind, heading=heading_text, first_block=section_start, last_block=end
                )
            )

    fields = layout.fields
    for i, text in enumerate(layout.stripped):
        if not text:
            current = None
            continue
        if i in heading_at:
            close_section(len(state.blocks) - 1)
            kind, heading_text, section_start = (
                heading_at[i],
                _unmark(text).strip(),
                len(state.blocks),
            )
            state.blocks.append(_Block(heading_text, "heading", kind, i, fields[i]["page"], i))
            current = None
            continue
        # Every part of a line without these (a cell, the text after a bullet) is free of marks
        # too: one test spares each part its own `_unmark`.
        marked = "**" in text or "__" in text or "#" in text
        text, aside = _split_asides(_unmark(text).strip() if marked else text)
        bullet = strip_bullet(text)
        # Outside role sections a date only keeps a wrapped line from joining its line (or
        # takes a right-aligned date's place): read there when that is asked, not for every line.
        eager = kind in _ROLE_SECTIONS or aside is not None
        date = find_date_range(text) if bullet is None and eager else None
        if aside is not None and bullet is None and date is None:
            date = DateRange(aside.start, aside.end, aside.current, (len(text), len(text)))
        elif aside is not None:
            _attach_date(state.blocks, section_start, aside)
        if bullet is not None:
            current = _Block(
                _unmark(bullet) if marked else bullet, "bullet", kind, i, fields[i]["page"], i
            )
            state.blocks.append(current)
            continue
        body = _unmark(text).strip() if marked else text
        pending = None if eager else text  # the text this line's date is still to be read from
        if (
            current is not None
            and kind != "header"
            and continues(layout, current.line, current.last, i, bullet=current.kind == "bullet")
            and _date_of(current) is None
        ):
            if pending is not None:
                date, pending = find_date_range(pending), None
            if date is None:
                current.text = join_text(current.text, body)
                current.last = i
                continue
        current = _Block(body, "line", kind, i, fields[i]["page"], i, date, date_text=pending)
        state.blocks.append(current)
    close_section(len(state.blocks) - 1)
    for block in state.blocks:
        # A work statement written as a plain paragraph is read as the bullet it stands for.
        work = block.kind == "line" and block.section in _ROLE_SECTIONS and block.date is None
        if work and states_work(block.text):
            block.kind = "bullet"
    return state


def _unmark(text: str) -> str:
    """The text without Markdown emphasis or heading marks (the regex runs only if one may be)."""
    if "**" in text or "__" in text or text.startswith("#"):
        return _MARKUP.sub("", text)
    return text


def _split_asides(text: str) -> tuple[str, DateRange | None]:
    """Drop right-aligned date and duration cells ("\\tMay 2022 – Aug 2022", "\\t4 months").

    Templates set dates flush right on the same baseline as a bullet, so the reader appends them
    to the bullet's line after a tab; they belong to the role above, not to the bullet.
    """
    if "\t" not in text:
        return text, None
    cells = text.split("\t")
    kept = [cells[0]]
    found: DateRange | None = None
    for cell in cells[1:]:
        bare = cell.strip()
        if _DURATION.fullmatch(bare):
            continue
        date = find_date_range(bare)
        if date is not None and len(bare) - (date.span[1] - date.span[0]) <= 2:
            found = found or date
            continue
        kept.append(cell)
    if found is None and len(kept) == len(cells):
        return text, None
    return "\t".join(kept).strip(), found


def _date_of(block: _Block) -> DateRange | None:
    """The block's date, read now if it was left to be read when asked."""
    if block.date_text is not None:
        block.date, block.date_text = find_date_range(block.date_text), None
    return block.date


def _attach_date(blocks: list[_Block], floor: int, date: DateRange) -> None:
    """Give a right-aligned date found on a bullet line to the undated header line above it."""
    for block in reversed(blocks[floor:][-8:]):
        if block.kind == "heading" or _date_of(block) is not None:
            return
        if block.kind == "line":
            block.date = DateRange(date.start, date.end, date.current, (len(block.text),) * 2)
            return


def _find_roles(state: _State) -> list[Role]:
    roles: list[Role] = []
    for section in state.sections:
        if section.kind not in _ROLE_SECTIONS:
            continue
        items = [
            i
            for i in range(section.first_block, section.last_block + 1)
            if state.blocks[i].kind != "heading"
        ]
        _promote_bullet_headers(state.blocks, items)
        roles.extend(_section_roles(state.blocks, items, section.kind, len(roles)))
    return roles


def _promote_bullet_headers(blocks: list[_Block], items: list[int]) -> None:
    """A short bullet right above a date line names an employer ("• Google"), not an achievement."""
    for pos, b in enumerate(items):
        block = blocks[b]
        # Most bullets end a sentence: the stop is tested before the words are counted (at most
        # seven split off).
        if block.kind != "bullet" or block.text.endswith(".") or len(block.text.split(None, 6)) > 6:
            continue
        for nxt in items[pos + 1 : pos + 4]:
            if blocks[nxt].kind == "bullet":
                break
            if blocks[nxt].date is not None:
                block.kind = "line"
                break


def _header_like(block: _Block) -> bool:
    text = block.text
    if block.kind != "line" or len(text) > 100 or len(text.split()) > 12:
        return False
    return not text.endswith(".") or _ABBREVIATION_END.search(text) is not None


_Fields = tuple[str | None, str | None, str | None]  # a role's title, organisation, location


def _section_roles(blocks: list[_Block], items: list[int], kind: str, offset: int) -> list[Role]:
    dated = [pos for pos, b in enumerate(items) if blocks[b].kind == "line" and blocks[b].date]
    headers: list[list[int]] = []
    # A dated line's own fields, read once: `_claim_after` needs them, and most headers are that
    # line alone (a project's are read again, as a project).
    alone: list[_Fields | None] = []
    floor = -1
    for number, pos in enumerate(dated):
        header = [pos]
        ceiling = dated[number + 1] if number + 1 < len(dated) else len(items)
        p = pos - 1
        while p > floor and len(header) < 3:
            block = blocks[items[p]]
            if block.date is not None or not _header_like(block):
                break
            header.insert(0, p)
            p -= 1
        n = pos + 1
        fields = None
        if len(header) == 1:
            fields = _role_fields([_remainder(blocks[items[pos]].text, blocks[items[pos]].date)])
            n = _claim_after(blocks, items, pos, ceiling, header, fields)
        if n < ceiling and _is_location_only(blocks[items[n]]):
            header.append(n)
        floor = header[-1]
        headers.append(header)
        alone.append(fields if len(header) == 1 and kind != "projects" else None)
    roles: list[Role] = []
    for number, header in enumerate(headers):
        start = header[0]
        end = headers[number + 1][0] - 1 if number + 1 < len(headers) else len(items) - 1
        role_index = offset + number
        bullets: list[int] = []
        for pos in range(start, end + 1):
            blocks[items[pos]].role = role_index
            if blocks[items[pos]].kind == "bullet":
                bullets.append(items[pos])
        date_block = next(blocks[items[p]] for p in header if blocks[items[p]].date)
        date = date_block.date
        assert date is not None
        title, org, location = alone[number] or _role_fields(
            [_remainder(blocks[items[p]].text, blocks[items[p]].date) for p in header],
            project=kind == "projects",
        )
        roles.append(
            Role._trusted(
                title=title, organization=org, location=location,
                start=date.start, end=date.end, current=date.current,
                section=kind,
                first_block=items[start], bullets=tuple(bullets),
            )
        )  # fmt: skip
    return roles


def _claim_after(
    blocks: list[_Block], items: list[int], pos: int, ceiling: int, header: list[int], own: _Fields
) -> int:
    """Take the lines after a date line that finish its title / organisation, if it lacks them
    (`own`: the date line's fields).

    "Senior ML Engineer  2019 – 2021" then "Acme Corp, Austin, TX": the date came first. A line
    is taken only when the next one is a bullet, a date line or the end (so it is not content).
    """
    title, org, _ = own
    n = pos + 1
    if title is not None and org is not None:
        return n
    while n < ceiling and len(header) < 3:
        block = blocks[items[n]]
        if block.date is not None or not _header_like(block):
            break
        after = blocks[items[n + 1]] if n + 1 < len(items) else None
        content_follows = after is not None and after.kind == "line" and after.date is None
        if content_follows and (after is None or not _header_like(after) or n + 1 >= ceiling):
            break
        header.append(n)
        n += 1
    return n


def _remainder(text: str, date: DateRange | None) -> str:
    if date is None:
        return text
    return f"{text[: date.span[0]]}  {text[date.span[1] :]}"


def _is_location_only(block: _Block) -> bool:
    if block.kind != "line" or block.date is not None:
        return False
    match = find_location(block.text)
    return match is not None and len(block.text.strip(" |,·-–")) <= len(match.group(0)) + 2


def _role_fields(texts: list[str], *, project: bool = False) -> _Fields:
    location: str | None = None
    pieces: list[tuple[str, bool]] = []  # (text, came after " at " / "@")
    for text in texts:
        match = find_location(text)
        if match is not None:
            location = location or match.group(0)
            text = f"{text[: match.start()]}  {text[match.end() :]}"
        after_at = False
        for part in _AT.split(text):
            if _AT_ONLY.fullmatch(part):
                after_at = True
                continue
            for piece in _SPLIT.split(part):
                piece = piece.strip(" |,·•–—-()[]:")
                if not piece or not _LETTER.search(piece):
                    continue
                if _LEGAL.match(piece) and pieces:
                    prev, at = pieces[-1]
                    pieces[-1] = (f"{prev}, {piece}", at)
                    continue
                pieces.append((piece, after_at))
    title: str | None = None
    org: str | None = None
    unknown: list[str] = []
    for piece, after_at in pieces:
        cue = _cue(piece)
        if (after_at or cue == "org") and org is None:
            org = piece
        elif cue == "title" and title is None:
            title = piece
        else:
            unknown.append(piece)
    for piece in unknown:
        if project:
            title = title or piece
        elif org is None and title is not None:
            org = piece
        elif title is None and org is not None:
            title = piece
        elif org is None:
            org = piece
        elif title is None:
            title = piece
    return title, org, location


def _cue(piece: str) -> str | None:
    """ "title" or "org" by the kind of the last word-list word in the piece (an organisation's
    where a word is both), None without one."""
    if piece.isascii():  # most pieces: their words looked up, by place in the piece
        title = org = -1
        for place, word in enumerate(_ASCII_WORD.findall(piece.lower())):
            if word in _TITLE_SET or (word[-1] == "s" and word[:-1] in _TITLE_SET):
                title = place
            if word in _ORG_SET:
                org = place
        return "title" if title > org else "org" if org >= 0 else None
    titles = [m.end() for m in _TITLE_WORDS.finditer(piece)]
    orgs = [m.end() for m in _ORG_WORDS.finditer(piece)]
    if titles and (not orgs or max(titles) > max(orgs)):
        return "title"
    if orgs:
        return "org"
    return None
