"""Job titles and degrees as written: a posting's core title and degree asks, a resume's degrees.

Degree abbreviations are ambiguous outside a degree context ("MS Excel", "Boston, MA", "BA
in the airline sense"), so two-letter forms count only in a degree's shape: "BS/MS", "BS or
MS", "MS in Statistics", "MS, Statistics" at the start of an education entry. Fields come from
a short curated list with each field's family, which is what "or a related field" and "a
quantitative field" are judged by; a field outside the list is kept as written and never
judged (a doubtful reading says less).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from atsmatch.models import Block, Degree, DegreeAsk, DegreeLevel

__all__ = [
    "DEGREE_LEVELS",
    "FIELD_FAMILIES",
    "QUANTITATIVE",
    "core_title",
    "family_of",
    "find_degree_asks",
    "find_degrees",
    "names_job",
    "title_key",
]

DEGREE_LEVELS: tuple[DegreeLevel, ...] = ("bachelor", "master", "phd")

# Usual name -> (family, pattern of its spellings). Longer names first, so "Computer
# Engineering" is not read as "Engineering".
_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("Computer Science", "computing", r"computer\s+science|comp\.?\s*sci\.?|CS"),
    ("Computer Engineering", "computing", r"computer\s+engineering"),
    ("Software Engineering", "computing", r"software\s+engineering"),
    ("Data Science", "computing", r"data\s+science"),
    ("Machine Learning", "computing", r"machine\s+learning"),
    ("Artificial Intelligence", "computing", r"artificial\s+intelligence"),
    ("Information Systems", "computing", r"information\s+systems"),
    ("Information Technology", "computing", r"information\s+technology"),
    ("Applied Mathematics", "math", r"applied\s+math(?:ematics)?"),
    ("Statistics", "math", r"statistics|biostatistics"),
    ("Mathematics", "math", r"mathematics|maths?\b"),
    ("Operations Research", "math", r"operations\s+research"),
    ("Actuarial Science", "math", r"actuarial\s+science"),
    ("Econometrics", "math", r"econometrics"),
    ("Electrical Engineering", "engineering",
     r"electrical(?:\s+and\s+electronics?)?(?:\s+engineering)?|electronics?\s+engineering|EE"),
    ("Mechanical Engineering", "engineering", r"mechanical\s+engineering"),
    ("Industrial Engineering", "engineering", r"industrial\s+engineering"),
    ("Engineering", "engineering", r"engineering"),
    ("Physics", "science", r"physics"),
    ("Chemistry", "science", r"chemistry"),
    ("Computational Biology", "science", r"computational\s+biology|bioinformatics"),
    ("Biology", "life", r"biology"),
    ("Neuroscience", "life", r"neuroscience"),
    ("Economics", "economics", r"economics"),
    ("Finance", "business", r"finance"),
    ("Business Analytics", "business", r"business\s+analytics"),
    ("Business Administration", "business", r"business\s+administration|MBA"),
    ("Accounting", "business", r"accounting"),
    ("Marketing", "business", r"marketing"),
    ("Linguistics", "humanities", r"computational\s+linguistics|linguistics"),
    ("Cognitive Science", "social", r"cognitive\s+science"),
    ("Psychology", "social", r"psychology"),
)  # fmt: skip
FIELD_FAMILIES: dict[str, str] = {name: family for name, family, _ in _FIELDS}
QUANTITATIVE = frozenset({"computing", "math", "engineering", "science", "economics"})
# Every field's spellings, in order, each group named after its place in `_FIELDS`. The word
# start is tested once, before the alternatives, so a position inside a word fails at once, and
# so are the letters the spellings open with: most words are turned away before the
# alternatives are tried one by one.
_FIELD = re.compile(
    r"(?=[a-fil-ps])(?<![\w.])(?:"
    + "|".join(f"(?P<f{i}>(?:{pattern})(?!\\w))" for i, (_, _, pattern) in enumerate(_FIELDS))
    + ")",
    re.I,
)

# Degree names, strong (a degree wherever they stand) and weak (two-letter forms: only in a
# degree's shape). Upper-case weak forms only, so "ms" in running text is never a degree.
_STRONG: tuple[tuple[DegreeLevel, str], ...] = (
    ("phd", r"ph\.?\s?d\.?|doctorate|doctoral\s+degree|doctor\s+of\s+philosophy|d\.\s?phil\.?"),
    ("master", r"master\s+of\s+(?:science|arts|engineering|technology|applied\s+science)|"
               r"master['’]?s?(?:\s+degree)?|m\.\s?sc?\.|m\.\s?a\.|msc|"
               r"m\.?\s?eng\.?|m\.?\s?tech\.?|mba|graduate\s+degree|advanced\s+degree|postgraduate"),
    ("bachelor", r"bachelor\s+of\s+(?:science|arts|engineering|technology|applied\s+science)|"
                 r"bachelor['’]?s?(?:\s+degree)?|b\.\s?sc?\.|b\.\s?a\.|bsc|"
                 r"b\.?\s?eng\.?|b\.?\s?tech\.?|undergraduate\s+degree|(?:4|four)[\s-]year\s+degree"),
)  # fmt: skip
_WEAK: tuple[tuple[DegreeLevel, str], ...] = (
    ("master", r"MS|MA|ME|MEng|MSc"),
    ("bachelor", r"BS|BA|BE|BEng|BSc"),
)
# The letters the degree names open with and the word start tested once, before the
# alternatives (as in `_FIELD`).
_LEVEL_TOKEN = re.compile(
    r"(?i:(?=[abdfgmpu4]))(?<![\w.])(?:"
    + "|".join(
        [f"(?P<s_{lvl}>(?i:{p})(?!\\w))" for lvl, p in _STRONG]
        + [f"(?P<w_{lvl}>(?:{p})(?![\\w.]))" for lvl, p in _WEAK]
    )
    + ")"
)
_JOINER = re.compile(r"^\s*(?:/|or\b|,|and/or\b|&|\()\s*(?:an?\s+)?$", re.I)
_WEAK_SHAPE = re.compile(r"\s+(?:in|of|degree)\b", re.I)
_DEGREE_WORD = re.compile(r"\bdegrees?\b", re.I)
_ANY_DEGREE = re.compile(
    r"\b(?:(?:university|college|academic|relevant|technical|a)\s+)?degree\b", re.I
)
_NOT_REQUIRED = re.compile(
    r"\b(?:no\s+(?:college\s+|university\s+|formal\s+)?degree\s+(?:is\s+)?(?:required|needed|"
    r"necessary)|degrees?\s+(?:is\s+|are\s+)?(?:not\s+(?:required|necessary|needed|a\s+must)|"
    r"optional)|(?:don['’]t|do\s+not)\s+(?:need|require)\s+a\s+degree|without\s+a\s+degree)\b",
    re.I,
)
_EQUIVALENT = re.compile(
    r"\b(?:equivalent\s+(?:practical\s+|work\s+|professional\s+|industry\s+)?(?:experience|"
    r"combination)|or\s+equivalent|in\s+lieu\s+of|or\s+(?:comparable|relevant)\s+(?:work\s+|"
    r"industry\s+)?experience)\b",
    re.I,
)
_RELATED = re.compile(
    r"\b(?:related|similar|relevant|quantitative|technical|analytical|scientific)\s+"
    r"(?:field|discipline|area|subject|degree)s?\b|\bSTEM\b|\bor\s+(?:a\s+)?(?:related|similar)\b",
    re.I,
)
_PREFERRED = re.compile(
    r"\b(?:preferred|preferably|a\s+plus|is\s+a\s+plus|nice[\s-]to[\s-]have|ideally|bonus|"
    r"desirable|an\s+advantage|advantageous)\b",
    re.I,
)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\s+(?:and|but)\s+(?=\d|\w+\s+years)", re.I)
_FREE_FIELD = re.compile(r"^\s*(?:degree\s+)?(?:in|of)\s+(?P<field>[A-Z][^,;|\t()]{2,40})")

# Title words: seniority and level words are set aside, abbreviations written out one way.
_TITLE_NOUN = re.compile(
    r"\b(?:engineer|scientist|developer|analyst|manager|architect|lead|researcher|consultant|"
    r"director|specialist|administrator|designer|intern|head|officer|sre|devops|programmer|"
    r"statistician|economist|technician|strategist|owner|swe|sde|mle|linguist)s?\b",
    re.I,
)
_GENDER_TAG = re.compile(r"\((?:[mwfdxh]\s*/\s*)+[mwfdxh]\)|\(all\s+genders?\)|\*\s*in\b", re.I)
_TITLE_SPLIT = re.compile(r"(\s+[-–—|@]\s+|\s*[|,(]\s*|\s+at\s+|\s+in\s+(?=[A-Z]))")
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b", re.I), short)
    for pattern, short in (
        (r"machine\s+learning\s+operations|ml\s*ops|mlops", "ml ops"),
        (r"machine\s+learning|ml", "ml"),
        (r"artificial\s+intelligence|a\.i\.|ai", "ai"),
        (r"natural\s+language\s+processing|nlp", "nlp"),
        (r"business\s+intelligence|bi", "bi"),
        (r"site\s+reliability\s+engineer|sre", "sre engineer"),
        (r"software\s+development\s+engineer|sde|swe", "software engineer"),
        (r"mle", "ml engineer"),
        (r"eng\.?|engr\.?", "engineer"),
        (r"dev", "developer"),
        (r"mgr\.?", "manager"),
        (r"sci\.?", "scientist"),
    )
)
_SENIORITY = frozenset(
    ("senior", "sr", "jr", "junior", "lead", "staff", "principal", "associate", "entry", "mid",
     "level", "i", "ii", "iii", "iv", "v", "1", "2", "3", "experienced", "graduate", "trainee")
)  # fmt: skip
_NOISE = frozenset(
    ("remote", "hybrid", "onsite", "on-site", "contract", "full-time", "part-time", "temporary")
)


def names_job(text: str) -> bool:
    """Whether `text` names a job (it has a job noun: engineer, analyst, scientist...)."""
    return _TITLE_NOUN.search(text) is not None


def core_title(title: str | None) -> str | None:
    """The job title without gender tags, location, work mode or team; None if it names no job.

    >>> core_title("Data Analyst - Remote (m/f/d)")
    'Data Analyst'
    >>> core_title("Machine Learning Engineer, Personalization")
    'Machine Learning Engineer'
    >>> core_title("Senior Engineer, Machine Learning")
    'Senior Machine Learning Engineer'
    """
    if not title:
        return None
    # Split with the separators kept (odd positions): only a comma can precede a field.
    pieces = _TITLE_SPLIT.split(_GENDER_TAG.sub(" ", title))
    for n in range(0, len(pieces), 2):
        part = " ".join(pieces[n].split()).strip(" -–—:;.")
        if part and names_job(part) and len(part.split()) <= 8:
            comma = n + 2 < len(pieces) and pieces[n + 1].strip() == ","
            after = " ".join(pieces[n + 2].split()) if comma else ""
            return _uninverted(part, after) or part
    return None


def _uninverted(part: str, after: str) -> str | None:
    """ "Senior Engineer, Machine Learning" read as "Senior Machine Learning Engineer": a lone
    job noun (seniority aside) whose field follows the comma, in 1-3 plain words."""
    words = part.split()
    if len(title_key(part)) != 1 or not names_job(words[-1]) or not after:
        return None
    plain = re.fullmatch(r"[A-Z][\w&/+-]*(?:\s+[\w&/+-]+){0,2}", after)
    if plain is None or names_job(after) or not title_key(after) or after.lower() in _NOISE:
        return None
    return " ".join([*words[:-1], after, words[-1]])


def title_key(title: str) -> tuple[str, ...]:
    """The words that make a title, for comparing: lower case, seniority and noise set aside,
    abbreviations in one form ("Sr. Machine Learning Eng." -> ('ml', 'engineer')).

    >>> title_key("Senior ML Engineer II") == title_key("Machine Learning Engineer")
    True
    """
    text = title.replace("&", " and ")
    for pattern, short in _PHRASES:
        text = pattern.sub(short, text)
    words = re.findall(r"[a-z0-9+#]+(?:-[a-z]+)?", text.lower())
    return tuple(w for w in words if w not in _SENIORITY and w not in _NOISE and w != "of")


def family_of(field: str) -> str | None:
    """The family of a field by its usual name ("Statistics": "math"); None when unknown."""
    return FIELD_FAMILIES.get(field)


def _fields(text: str) -> list[str]:
    found: list[str] = []
    for match in _FIELD.finditer(text):
        name = _FIELDS[int((match.lastgroup or "")[1:])][0]
        if name not in found:
            found.append(name)
    return found


def _level_of(match: re.Match[str]) -> DegreeLevel:
    kind = match.lastgroup or ""
    level = kind.split("_", 1)[1]
    return next(lv for lv in DEGREE_LEVELS if lv == level)


def _tokens(text: str, *, at_start: bool = False) -> list[tuple[DegreeLevel, int, int]]:
    """The degree names in `text` as (level, start, end); weak forms only in a degree's shape:
    paired with another degree name, before "in", "of" or "degree", or (`at_start`, a resume's
    education entry) opening the text."""
    raw = list(_LEVEL_TOKEN.finditer(text))
    paired = {
        id(m)
        for a, b in itertools.pairwise(raw)
        if _JOINER.match(text[a.end() : b.start()])
        for m in (a, b)
    }
    found: list[tuple[DegreeLevel, int, int]] = []
    for match in raw:
        weak = (match.lastgroup or "").startswith("w_")
        shaped = (
            id(match) in paired
            or _WEAK_SHAPE.match(text, match.end()) is not None
            or (at_start and not text[: match.start()].strip(" \t•-*"))
        )
        if weak and not shaped:
            continue
        found.append((_level_of(match), match.start(), match.end()))
    return found


def find_degrees(
    blocks: Sequence[Block], *, education: Sequence[int] | None = None
) -> tuple[Degree, ...]:
    """The degrees of a resume's Education section: level and field of each entry.

    `education`: the indices of the section's blocks other than headings, where the caller
    knows them (the parser does), so that the other blocks are not read.

    >>> from atsmatch.models import Block
    >>> b = Block(text="MS, Statistics — Rice University", kind="line", section="education",
    ...     line=9)
    >>> find_degrees([b])[0].level, find_degrees([b])[0].field
    ('master', 'Statistics')
    """
    if education is None:
        education = [
            number
            for number, block in enumerate(blocks)
            if block.section == "education" and block.kind != "heading"
        ]
    degrees: list[Degree] = []
    for number in education:
        text = blocks[number].text
        tokens = _tokens(text, at_start=True)
        if not tokens:
            continue
        level = max((t[0] for t in tokens), key=DEGREE_LEVELS.index)
        fields = _fields(_blank(text, tokens))
        field = fields[0] if fields else _free_field(text[tokens[-1][2] :])
        degrees.append(Degree._trusted(level=level, field=field, block=number, text=text.strip()))
    return tuple(degrees)


def _blank(text: str, tokens: Sequence[tuple[DegreeLevel, int, int]]) -> str:
    """`text` with its degree names blanked, so "Bachelor of Engineering" names no field."""
    for _, start, end in tokens:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _free_field(after: str) -> str | None:
    """A field outside the list, as written after "in" / "of" ("in Marine Biology")."""
    match = _FREE_FIELD.match(after)
    if match is None:
        return None
    return match.group("field").split(" — ")[0].split(" - ")[0].strip() or None


def find_degree_asks(blocks: Sequence[Block]) -> tuple[DegreeAsk, ...]:
    """A posting's degree asks: level, required or preferred, equivalent experience, fields.

    Degree names joined by "/", "or" or "," are one ask at the lowest of them ("BS/MS":
    bachelor). A clause with a preference cue ("PhD preferred") or a preferred block is
    preferred. Only requirement-like blocks are read (not the title, about us, benefits or
    legal text).

    >>> from atsmatch.models import Block
    >>> b = Block(text="BS/MS in Computer Science or a related field", kind="bullet",
    ...     section="required", line=4, level="required")
    >>> ask = find_degree_asks([b])[0]
    >>> ask.level, ask.need, ask.fields, ask.related
    ('bachelor', 'required', ('Computer Science',), True)
    """
    asks: list[DegreeAsk] = []
    for number, block in enumerate(blocks):
        if block.kind == "heading" or block.level == "title":
            continue
        if block.section in ("about", "benefits", "legal", "apply"):
            continue
        asks.extend(_block_asks(block, number))
    return tuple(asks)


def _block_asks(block: Block, number: int) -> list[DegreeAsk]:
    text = block.text
    if _NOT_REQUIRED.search(text):
        said = _NOT_REQUIRED.search(text)
        assert said is not None
        return [DegreeAsk(need="not-required", block=number, text=said.group(0))]
    tokens = _tokens(text)
    groups: list[list[tuple[DegreeLevel, int, int]]] = []
    for token in tokens:
        if groups and _JOINER.match(text[groups[-1][-1][2] : token[1]]):
            groups[-1].append(token)
        else:
            groups.append([token])
    spans: list[tuple[DegreeLevel | None, int, int]] = [
        (min((t[0] for t in g), key=DEGREE_LEVELS.index), g[0][1], g[-1][2]) for g in groups
    ]
    if not spans:
        degree = _ANY_DEGREE.search(text)
        if degree is None or _DEGREE_WORD.search(text) is None:
            return []
        spans = [(None, degree.start(), degree.end())]
    asks: list[DegreeAsk] = []
    for i, (level, start, end) in enumerate(spans):
        stop = spans[i + 1][1] if i + 1 < len(spans) else len(text)
        clause_end = _CLAUSE_END.search(text, end, stop)
        clause = text[start : clause_end.start() if clause_end else stop]
        begin = _clause_start(text, start)
        whole = text[begin : clause_end.start() if clause_end else stop]
        preferred = block.level == "preferred" or _PREFERRED.search(whole) is not None
        asks.append(
            DegreeAsk(
                level=level,
                need="preferred" if preferred else "required",
                equivalent=_EQUIVALENT.search(text[start:]) is not None,
                fields=tuple(_fields(_blank(clause, _tokens(clause)))),
                related=_RELATED.search(clause) is not None,
                block=number,
                text=" ".join(whole.split()).strip(" ,;-–"),
            )
        )
    return asks


def _clause_start(text: str, start: int) -> int:
    """Where the sentence around a degree name begins ("Preferably a PhD" keeps "Preferably")."""
    before = text[:start]
    cut = max(before.rfind(";"), before.rfind(". "))
    return 0 if cut < 0 else cut + 1
