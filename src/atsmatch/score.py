"""The weighted scorers: how much each job keyword weighs and how much credit the resume earns.

weight(keyword) = level x category x mentions x title
  level     strongest place the posting names it: title 3, required 3, preferred 1.5, duty
            ("Responsibilities") 1, other 1
            (in "about us" / "benefits" blocks 0.5); for a role profile, the profile's own
            weight of the skill (python 3, docker 1, pinecone 0.5)
  category  tools, languages, platforms 1.0; methods, concepts, practices, metrics, math 0.8;
            certifications 0.6; soft skills 0.4
  mentions  1 + 0.2 per extra mention, at most 1.6
  title     1.5 when the posting's title names it too

credit(keyword) = the best of
  1.0   named in an experience or project bullet or role line (shown in use)
  0.85  named only in the skills list, summary or elsewhere (claimed, not shown)
  0.6   a more specific skill is shown (EKS for Kubernetes, PyTorch for deep learning)
  0.3   only a broader skill is shown (AWS for SageMaker)
  0.5 x w  a related skill with weight w (Vertex AI for SageMaker)
  0     absent
  and a typo-tier (fuzzy) find earns 0.8 of its credit.

score = 100 x sum(weight x credit) / sum(weight)
Subscores apply the same formula to each group of categories. The function is pure.

v1 -> v2: role profile weights stand in for the level (v1 weighed every core skill as required
and every nice-to-have as preferred).

v2 -> v3 (`weighted.v3`, the default), each change a separate step:
  groups    alternatives are one demand: "Airflow or Dagster", "Snowflake, BigQuery or Redshift",
            "one of / any of / at least one of / such as / e.g. A, B, C" (`structure.groups`).
            The group weighs as its heaviest option and earns the best credit of its options;
            an unmet group is one missing keyword that names its options. "A and B" stays two
            demands. A skill also named on its own elsewhere in the posting keeps its own demand,
            and the group's other options become accepted alternatives of it.
  sections  duties ("Responsibilities", "What you'll do") weigh 2.5 instead of 1; about us,
            benefits, EEO / legal text and how to apply yield no demand; "about the team"
            stays 0.5.
  certified  a certification named in the Certifications section (or in a bullet) is evidence
             of itself: 1.0, not 0.85 "claimed" (`certified_mentions`)
  successor  a posting asking for a retired certification is satisfied by its successor at
             the successor's own credit, and the evidence says so (`with_successors`)
  attributed a more specific skill or a part shown in use ("SageMaker Pipelines", "PySpark" in
             a bullet) counts as shown for its parent: 0.85 when the parent is not named
             (as much as naming it in the skills list), 1.0 when the resume also names the
             parent; the evidence names the mention that earned it (`attribute_children`).
             A child only listed still earns 0.6 x its own credit, as in v2.

v3 -> v4 (`weighted.v4`, the default): the job title and the degree ask fold in beside the
keywords (`with_qualifications`, comparisons in `atsmatch.qualify`):
  score = keywords x (1 - shares) + 100 x sum(share x credit)
  title      share 0.15; credit 1.0 the same title (seniority and abbreviations aside), 0.8 a
             close one, 0.5 a related one (one role profile's titles, or a shared word), 0 none
             of the resume's headline or three most recent roles (an unclear one: no share)
  education  share 0.10 for a required degree, 0.05 for a preferred-only one; credit 1.0 at or
             above the level asked, 0.4 below it, times 1.0 / 0.85 / 0.5 for a field named /
             related (when the posting accepts related fields) / other; at least 0.7 when the
             posting accepts equivalent experience
  A part with nothing to compare (no title or degree ask in the posting, none on the resume)
  has no share, and a posting without keywords keeps its score of 0.

Scorers are registered under versioned names (`register_scorer`, spaCy's habit): a changed
formula is registered beside the old one under a new name (`weighted.v3`), so a name in a saved
report always means one formula. `get_scorer(name)` returns the callable `Matcher` uses: it
takes the posting's and the resume's analyses and returns a `ScoreBreakdown`.

>>> get_scorer("weighted.v2").__name__
'weighted_v2'
>>> SCORER
'weighted.v4'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple

from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.errors import UnknownScorerError
from atsmatch.models import (
    Alternative,
    Block,
    EducationMatch,
    Evidence,
    EvidenceKind,
    KeywordResult,
    Level,
    SkillHit,
    Subscore,
    TitleMatch,
)
from atsmatch.qualify import match_education, match_title

if TYPE_CHECKING:
    from atsmatch.analysis import JobAnalysis, ResumeAnalysis
    from atsmatch.structure.groups import AnyOf
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "SCORER",
    "CreditTable",
    "Demand",
    "Mention",
    "ScoreBreakdown",
    "Scorer",
    "attribute_children",
    "certified_mentions",
    "get_scorer",
    "group_of",
    "grouped_demand",
    "job_demand",
    "mentions_and_certified",
    "register_scorer",
    "resume_mentions",
    "score",
    "score_demand",
    "scorer_names",
    "verdict",
    "weighted_v2",
    "weighted_v3",
    "weighted_v4",
    "with_qualifications",
    "with_successors",
]

SCORER = "weighted.v4"  # the default scorer's name

LEVEL_WEIGHT: dict[str, float] = {
    "title": 3.0, "required": 3.0, "preferred": 1.5, "duty": 1.0, "other": 1.0
}  # fmt: skip
LOW_SECTIONS = frozenset(
    {"about", "benefits", "team", "legal", "apply"}
)  # a stack named in "about us" is context, not an ask
LOW_SECTION_WEIGHT = 0.5
# weighted.v3: a duty is nearly an ask; boilerplate is none, the team's stack is context.
DUTY_WEIGHT = 2.5
NO_DEMAND_SECTIONS = frozenset({"about", "benefits", "legal", "apply"})
TITLE_BOOST = 1.5
MENTION_STEP = 0.2
MENTION_CAP = 3

GROUPS: dict[str, tuple[str, ...]] = {
    "hard_skills": (
        "language", "library", "framework", "genai_tool", "model", "mlops_tool", "data_tool",
        "database", "cloud_platform", "cloud_service", "devops_tool", "bi_tool", "dev_tool",
        "hardware",
    ),
    "concepts": ("concept", "method", "metric", "math_stats", "practice"),
    "certifications": ("certification",),
    "soft_skills": ("soft_skill",),
}  # fmt: skip
GROUP_WEIGHT = {"hard_skills": 1.0, "concepts": 0.8, "certifications": 0.6, "soft_skills": 0.4}
_GROUP_OF = {category: group for group, cats in GROUPS.items() for category in cats}

CREDIT_SHOWN = 1.0
CREDIT_CLAIMED = 0.85
CREDIT_CHILD = 0.6
CREDIT_PARENT = 0.3
RELATED_FACTOR = 0.5
FUZZY_FACTOR = 0.8
SHOWN_SECTIONS = frozenset({"experience", "projects"})
CREDIT_CERTIFIED = 1.0  # v3: a certification held is evidence of itself
CREDIT_SUCCESSOR = 1.0  # v3: the successor of a retired certification satisfies it
CREDIT_CHILD_SHOWN = 0.85  # v3: a child or part shown in use, the parent itself not named
CERTIFIED_SECTIONS = frozenset({"certifications", *SHOWN_SECTIONS})

# weighted.v4: the shares of the score the title and the degree ask take when there is one.
TITLE_SHARE = 0.15
EDUCATION_SHARE = 0.10
EDUCATION_PREFERRED_SHARE = 0.05

# Verdict bands (commercial tools advise aiming for 75-80).
BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "strong match"),
    (65.0, "good match"),
    (50.0, "partial match"),
    (0.0, "weak match"),
)


def group_of(category: str) -> str:
    """The subscore group of a category (unknown categories count as hard skills)."""
    return _GROUP_OF.get(category, "hard_skills")


def verdict(score: float) -> str:
    """The verdict band for a score."""
    return next(label for floor, label in BANDS if score >= floor)


@dataclass(frozen=True, slots=True)
class ScoreBreakdown:
    """What `score` returns: the overall score, per-group subscores and every keyword (and,
    from `weighted.v4`, the title and education comparisons with their shares)."""

    score: float
    subscores: tuple[Subscore, ...]
    keywords: tuple[KeywordResult, ...]
    title: TitleMatch | None = None
    education: EducationMatch | None = None


Scorer = Callable[["JobAnalysis", "ResumeAnalysis"], ScoreBreakdown]
_SCORERS: dict[str, Scorer] = {}


def register_scorer(name: str) -> Callable[[Scorer], Scorer]:
    """A decorator that registers a scorer under a versioned name, such as `weighted.v2`.

    A name is taken once: a second scorer under it raises `ValueError`, since a report's
    `scorer` must always name one formula.
    """

    def register(scorer: Scorer) -> Scorer:
        if name in _SCORERS:
            raise ValueError(f"a scorer is already registered as {name!r}")
        _SCORERS[name] = scorer
        return scorer

    return register


def get_scorer(name: str) -> Scorer:
    """The scorer registered under `name`; `UnknownScorerError` (with the known names) if none."""
    try:
        return _SCORERS[name]
    except KeyError:
        raise UnknownScorerError(name, scorer_names()) from None


def scorer_names() -> tuple[str, ...]:
    """The registered scorer names, sorted."""
    return tuple(sorted(_SCORERS))


@dataclass(frozen=True, slots=True)
class Demand:
    """One job keyword as the posting asks for it: the job side of the score, which depends on
    the posting alone (so a posting matched against many resumes is weighed once)."""

    skill_id: str
    name: str
    category: str
    level: Level
    mentions: int
    weight: float
    job_text: str
    # Resume skill id -> (order, factor, relation) for each relation through which naming that
    # skill earns this keyword credit (a skill can be both a child and a related skill).
    relatives: Mapping[str, tuple[tuple[int, float, EvidenceKind], ...]]
    # An any-of group (weighted.v3): every option's own demand, in posting order, this one's too;
    # and the options as a report lists them.
    any_of: tuple[Demand, ...] = ()
    alternatives: tuple[Alternative, ...] = ()


class Mention(NamedTuple):
    """The best place a resume names a skill (an `Evidence` is built only for the ones used).

    A named tuple, not a frozen dataclass: a resume makes one per skill it names, and a frozen
    dataclass takes about twice as long to make."""

    value: float
    hit: SkillHit
    kind: EvidenceKind


# The models a match makes by the dozen, each `_trusted` looked up once: a model class's own
# attribute reads are slow (pydantic's metaclass defines `__getattr__`) and bind a method anew.
_evidence = Evidence._trusted
_keyword_result = KeywordResult._trusted

# A `Mention` made from a plain tuple at C speed: a named tuple's own `__new__` is a Python call.
_as_mention: Callable[[tuple[float, SkillHit, EvidenceKind]], Mention] = partial(
    tuple.__new__, Mention
)


def score(
    job_blocks: Sequence[Block],
    job_hits: Sequence[SkillHit],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
) -> ScoreBreakdown:
    """Weigh every job keyword and credit it from the resume (see the module docstring)."""
    return score_demand(
        job_demand(job_blocks, job_hits, taxonomy), resume_mentions(resume_hits), resume_blocks
    )


@register_scorer("weighted.v2")
def weighted_v2(job: JobAnalysis, resume: ResumeAnalysis) -> ScoreBreakdown:
    """The formula above, from the analyses' `job_demand` weights and `resume_mentions`."""
    return score_demand(job.demand, resume.mentions, resume.resume.blocks)


@register_scorer("weighted.v3")
def weighted_v3(job: JobAnalysis, resume: ResumeAnalysis) -> ScoreBreakdown:
    """v2 with any-of groups and section weights (the analysis' `grouped_demand`), then the
    certification steps: certified mentions, successors, attributed children."""
    table = job.credit_table
    mentions = resume.certified_mentions
    texts = resume.texts
    # One pass over the skills the resume names, through the posting's reverse index: each
    # way a named skill earns credit, gathered under the keyword (or option) it credits.
    index = table.index
    found: dict[int, list[_Credit]] = {}
    for skill, mention in mentions.items():
        entries = index.get(skill)
        if entries is None:
            continue
        value = mention.value
        for slot, order, factor, kind in entries:
            if kind is None:  # the keyword's own mention
                way: _Credit = (-value, False, skill, -1, mention, mention.kind)
            else:
                way = (-(factor * value), True, skill, order, mention, kind)
            ways = found.get(slot)
            if ways is None:
                found[slot] = [way]
            else:
                ways.append(way)
    shown: dict[tuple[str, str], Evidence] = {}  # a mention credits several keywords alike
    # The uncredited results, credits and groups, replaced for each keyword the resume credits:
    # the score is then summed from these, not read back from 50 results.
    keywords = list(table.uncredited)
    credits = [0.0] * len(keywords)
    groups = list(table.groups)
    for position, (d, slots) in enumerate(zip(table.demand, table.slots, strict=True)):
        if not d.any_of:
            ways = found.get(slots[0])
            if ways is None:
                continue
            ways.sort()
            option, best = d, ways[:3]
        else:
            options = [found.get(slot) for slot in slots]
            if not any(options):
                continue
            option, best = _pick(d, [sorted(w)[:3] if w else [] for w in options])
            groups[position] = group_of(option.category)  # the option that earned the credit
        credit = _rounded(-best[0][0]) if best else 0.0
        children = table.children.get(option.skill_id)
        # Only a keyword with a more specific skill, short of full credit, can gain from one.
        if children and credit < CREDIT_SHOWN:
            # Before the result is made: an attributed keyword is made once, not twice.
            best = _attributed(option.skill_id, best, credit, children, mentions)
            credit = _rounded(-best[0][0]) if best else 0.0
        credits[position] = credit
        keywords[position] = _result(
            option, best, texts, group=d if d.any_of else None, shown=shown, credit=credit
        )
    return _scored(tuple(keywords), table.weights, credits, groups)


# A way a resume skill earns a keyword credit, as `CreditTable.index` keeps it: (slot, order,
# factor, relation), the slot a keyword's (or an any-of option's) own; no relation for the
# keyword's own mention, which earns the mention's own value and kind.
_Entry = tuple[int, int, float, EvidenceKind | None]


@dataclass(frozen=True, slots=True)
class CreditTable:
    """What crediting a posting's keywords needs from the posting alone, worked out once per
    posting (`JobAnalysis.credit_table`): weighted.v3's demand, a reverse index from each
    resume skill to the keywords it can credit, each keyword's result when the resume names
    none of them, and the more specific skills of each keyword (and option) that has any."""

    demand: tuple[Demand, ...]
    # Resume skill id -> every way it credits a keyword or option (`_Entry`); each keyword's
    # slots: its own, or one per option of an any-of group, in `any_of` order.
    index: Mapping[str, tuple[_Entry, ...]]
    slots: tuple[tuple[int, ...], ...]
    uncredited: tuple[KeywordResult, ...]
    children: Mapping[str, frozenset[str]]
    # Each keyword's weight and its subscore group when uncredited (an any-of group credited
    # through another option takes that option's group).
    weights: tuple[float, ...]
    groups: tuple[str, ...]

    @classmethod
    def of(cls, demand: Sequence[Demand]) -> CreditTable:
        """The table of `demand` (`with_successors` of `grouped_demand`)."""
        index: dict[str, list[_Entry]] = {}
        slots = []
        slot = 0
        for d in demand:
            own = []
            for option in d.any_of or (d,):
                index.setdefault(option.skill_id, []).append((slot, -1, 1.0, None))
                for other, ways in option.relatives.items():
                    index.setdefault(other, []).extend(
                        (slot, order, factor, kind) for order, factor, kind in ways
                    )
                own.append(slot)
                slot += 1
            slots.append(tuple(own))
        return cls(
            demand=tuple(demand),
            index={skill: tuple(entries) for skill, entries in index.items()},
            slots=tuple(slots),
            uncredited=tuple(_keyword(d, {}, ()) for d in demand),
            children=_children(demand),
            weights=tuple(d.weight for d in demand),
            groups=tuple(group_of(d.category) for d in demand),
        )


@register_scorer("weighted.v4")
def weighted_v4(job: JobAnalysis, resume: ResumeAnalysis) -> ScoreBreakdown:
    """v3's keywords with the job title and the degree ask folded in (`with_qualifications`)."""
    return with_qualifications(
        weighted_v3(job, resume),
        match_title(job.posting, resume.resume, job.taxonomy),
        match_education(job.posting, resume.resume),
    )


def with_qualifications(
    breakdown: ScoreBreakdown, title: TitleMatch, education: EducationMatch
) -> ScoreBreakdown:
    """v4 step: the title and the degree ask take their shares of the score when they have a
    credit; the keyword score keeps the rest (a posting without keywords stays at 0)."""
    if not breakdown.keywords:
        return replace(breakdown, title=title, education=education)
    # Copied with their shares, not validated again: the shares are ours, within the bounds.
    if title.credit is not None:
        title = TitleMatch._trusted(**{**title.__dict__, "weight": TITLE_SHARE})
    if education.credit is not None:
        required = education.asked is not None and education.asked.need == "required"
        share = EDUCATION_SHARE if required else EDUCATION_PREFERRED_SHARE
        education = EducationMatch._trusted(**{**education.__dict__, "weight": share})
    shares = title.weight + education.weight
    value = breakdown.score * (1 - shares) + 100 * (
        title.weight * (title.credit or 0.0) + education.weight * (education.credit or 0.0)
    )
    # Made outright, not by `dataclasses.replace` (a walk over the fields, per match).
    return ScoreBreakdown(
        score=round(min(100.0, max(0.0, value)), 1),
        subscores=breakdown.subscores,
        keywords=breakdown.keywords,
        title=title,
        education=education,
    )


def certified_mentions(
    mentions: Mapping[str, Mention],
    hits: Sequence[SkillHit],
    rows: Sequence[HitRow] | None = None,
) -> dict[str, Mention]:
    """v3 step: a certification named under Certifications (or in a bullet) earns full credit.

    A certificate is proof in itself; only a certification named in the skills list or the
    summary stays "claimed". `rows` is `hit_rows(hits)` when the caller kept it.
    """
    best = dict(mentions)
    for hit, (skill_id, category, section, _, _, _, _, fuzzy) in zip(
        hits, hit_rows(hits) if rows is None else rows, strict=True
    ):
        if category != "certification" or section not in CERTIFIED_SECTIONS:
            continue
        value = CREDIT_CERTIFIED * (FUZZY_FACTOR if fuzzy else 1.0)
        held = best.get(skill_id)
        if held is None or value > held.value or (value == held.value and held.kind != "certified"):
            best[skill_id] = Mention(value, hit, "certified")
    return best


def with_successors(demand: Sequence[Demand], taxonomy: Taxonomy) -> tuple[Demand, ...]:
    """v3 step: a retired certification the posting asks for is earned by its successors."""
    out = []
    for d in demand:
        successors = taxonomy.skills[d.skill_id].superseded_by
        if not successors:
            out.append(d)
            continue
        relatives = dict(d.relatives)
        start = sum(len(ways) for ways in relatives.values())
        for order, successor in enumerate(successors, start):
            relatives[successor] = (
                *relatives.get(successor, ()),
                (order, CREDIT_SUCCESSOR, "successor"),
            )
        out.append(replace(d, relatives=relatives))
    return tuple(out)


def attribute_children(
    breakdown: ScoreBreakdown,
    demand: Sequence[Demand],
    mentions: Mapping[str, Mention],
    resume_blocks: Sequence[Block],
) -> ScoreBreakdown:
    """v3 step: a keyword whose more specific skill or part is shown in use counts as shown
    (1.0 when the resume also names it, else 0.85); the evidence names that mention first."""
    children = _children(demand)
    return _breakdown(
        tuple(
            [
                _attribute(k, children[k.skill_id], mentions, resume_blocks)
                if k.skill_id in children
                else k
                for k in breakdown.keywords
            ]
        )
    )


def _children(demand: Sequence[Demand]) -> dict[str, frozenset[str]]:
    """Keyword (or option) id -> its more specific skills, for the keywords that have any."""
    # A group's result carries the option that earned it: look options up too.
    found = {
        o.skill_id: frozenset(
            other
            for other, kinds in o.relatives.items()
            if any(kind == "child" for _, _, kind in kinds)
        )
        for d in demand
        for o in (d, *d.any_of)
    }
    return {sid: children for sid, children in found.items() if children}


def _attribute(
    k: KeywordResult,
    children: frozenset[str],
    mentions: Mapping[str, Mention],
    resume_blocks: Sequence[Block],
) -> KeywordResult:
    """One keyword of `attribute_children`, given its more specific skills."""
    raised = _raised(k.skill_id, k.credit, children, mentions)
    if raised is None:
        return k
    credit, child_id, mention = raised
    evidence = Evidence._trusted(
        kind="child",
        skill_id=child_id,
        name=mention.hit.name,
        text=resume_blocks[mention.hit.block].text,
        section=mention.hit.section,
        block=mention.hit.block,
        fuzzy=False,  # `_shown_child` takes no typo-tier mention
    )
    # Evidence of the same child is this one (from the same `mentions` entry): not listed twice.
    rest = tuple(e for e in k.evidence if e.kind != "child" or e.skill_id != child_id)
    values = {**k.__dict__, "credit": round(credit, 3), "evidence": (evidence, *rest)[:3]}
    return KeywordResult._trusted(**values)


def _attributed(
    skill_id: str,
    best: list[_Credit],
    credit: float,
    children: frozenset[str],
    mentions: Mapping[str, Mention],
) -> list[_Credit]:
    """`_attribute` on a keyword's best ways (earning `credit`) before its result is made: the
    child shown in use first, at the raised credit, then the other ways but that child's own."""
    raised = _raised(skill_id, credit, children, mentions)
    if raised is None:
        return best
    credit, child_id, mention = raised
    rest = [way for way in best if way[5] != "child" or way[2] != child_id]
    # The order field only sorts ways, and these are sorted already.
    return [(-credit, True, child_id, -1, mention, "child"), *rest][:3]


def _raised(
    skill_id: str, credit: float, children: frozenset[str], mentions: Mapping[str, Mention]
) -> tuple[float, str, Mention] | None:
    """The credit a keyword earning `credit` gains from a more specific skill shown in use,
    with that skill and its mention; None when it gains nothing."""
    own = mentions.get(skill_id)
    if own is not None and own.kind not in ("skills_list", "other"):
        return None
    raised = CREDIT_CHILD_SHOWN
    if own is not None:  # named (0.85) and shown through a part: shown (1.0)
        raised = own.value / CREDIT_CLAIMED * CREDIT_SHOWN
    # Cheap tests first: the walk over the children only for a keyword a part would raise.
    shown = _shown_child(children, mentions) if raised > credit else None
    if shown is None:
        return None
    return (raised, *shown)


def _shown_child(
    children: frozenset[str], mentions: Mapping[str, Mention]
) -> tuple[str, Mention] | None:
    """The first more specific skill of a keyword shown in use, by id (deterministic)."""
    for other in sorted(children & mentions.keys()):
        mention = mentions[other]
        if mention.kind == "experience" and not mention.hit.fuzzy:
            return other, mention
    return None


def job_demand(
    job_blocks: Sequence[Block],
    job_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    levels: Mapping[str, float] | None = None,
) -> tuple[Demand, ...]:
    """Every keyword of a posting with its weight, heaviest first.

    `levels` gives some skills their level weight outright (a role profile's weights).
    """
    demand = [
        _demand(skill_id, hits, job_blocks, taxonomy, (levels or {}).get(skill_id))
        for skill_id, hits in _group_hits(job_hits).items()
    ]
    demand.sort(key=lambda d: (-d.weight, d.name.casefold(), d.skill_id))
    return tuple(demand)


def grouped_demand(
    job_blocks: Sequence[Block],
    job_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    levels: Mapping[str, float] | None = None,
) -> tuple[Demand, ...]:
    """The weighted.v3 posting side: `job_demand` with section weights and any-of groups.

    Hits in about-us, benefits, legal and how-to-apply blocks ask for nothing. Groups that share
    an option are one group. A group none of whose options is named on its own elsewhere is one
    demand: the first option's, weighing as the heaviest option. Otherwise the first option named
    on its own keeps its demand and accepts the options named only in groups as alternatives.
    """
    from atsmatch.structure.groups import find_groups

    hits = [h for h in job_hits if job_blocks[h.block].section not in NO_DEMAND_SECTIONS]
    groups = find_groups(job_blocks, hits)
    in_group = {i for g in groups for i in g.hits}
    alone = {h.skill_id for i, h in enumerate(hits) if i not in in_group}
    each = {
        skill_id: _demand(
            skill_id, found, job_blocks, taxonomy, (levels or {}).get(skill_id), _duty_weight
        )
        for skill_id, found in _group_hits(hits).items()
    }
    demand = dict(each)
    for options in _merged(groups):
        named = [o for o in options if o in alone]
        if named:
            head, accepted = named[0], [o for o in options if o not in alone]
            options = [o for o in options if o == head or o not in alone]
        else:
            head, accepted = options[0], options[1:]
        for option in accepted:
            demand.pop(option, None)
        if not accepted:
            continue
        heaviest = max(options, key=lambda o: (each[o].weight, -options.index(o)))
        demand[head] = replace(
            each[head],
            level=each[heaviest].level if head not in alone else each[head].level,
            weight=each[heaviest].weight,
            any_of=tuple(each[o] for o in options),
            alternatives=tuple(Alternative(skill_id=o, name=each[o].name) for o in options),
        )
    ranked = sorted(demand.values(), key=lambda d: (-d.weight, d.name.casefold(), d.skill_id))
    return tuple(ranked)


def _merged(groups: Sequence[AnyOf]) -> list[list[str]]:
    """The groups' options, groups that share an option joined, in posting order."""
    merged: list[list[str]] = []
    for group in groups:
        members = list(group.members)
        overlapping = [m for m in merged if not set(m).isdisjoint(members)]
        joined: list[str] = []
        for part in overlapping:
            merged.remove(part)
            joined += part
        merged.append(list(dict.fromkeys(joined + members)))
    return merged


def resume_mentions(
    hits: Sequence[SkillHit], rows: Sequence[HitRow] | None = None
) -> dict[str, Mention]:
    """The best place each resume skill appears: shown in use beats claimed, exact beats fuzzy.
    `rows` is `hit_rows(hits)` when the caller kept it."""
    return mentions_and_certified(hits, rows)[0]


def mentions_and_certified(
    hits: Sequence[SkillHit], rows: Sequence[HitRow] | None = None
) -> tuple[dict[str, Mention], dict[str, Mention]]:
    """`resume_mentions` and its `certified_mentions`, from one walk over the hits (`rows` is
    `hit_rows(hits)` when the caller kept it)."""
    # Plain (value, hit, kind) tuples while the best is sought, each made a `Mention` once.
    best: dict[str, tuple[float, SkillHit, EvidenceKind]] = {}
    # Each certification's first best certified mention: `certified_mentions`' candidates.
    certified: dict[str, tuple[float, SkillHit]] = {}
    for hit, (skill_id, category, section, _, _, _, _, fuzzy) in zip(
        hits, hit_rows(hits) if rows is None else rows, strict=True
    ):
        if section in SHOWN_SECTIONS:
            kind: EvidenceKind = "experience"
            value = CREDIT_SHOWN
        else:
            kind = "skills_list" if section == "skills" else "other"
            value = CREDIT_CLAIMED
        if fuzzy:
            value *= FUZZY_FACTOR
        held = best.get(skill_id)
        if held is None or value > held[0]:
            best[skill_id] = (value, hit, kind)
        if category == "certification" and section in CERTIFIED_SECTIONS:
            value = CREDIT_CERTIFIED * (FUZZY_FACTOR if fuzzy else 1.0)
            cert = certified.get(skill_id)
            if cert is None or value > cert[0]:
                certified[skill_id] = (value, hit)
    mentions = dict(zip(best, map(_as_mention, best.values()), strict=True))
    with_certified = dict(mentions)
    # As `certified_mentions`: the first best certified mention wins unless one named
    # otherwise earns more.
    for skill_id, (value, hit) in certified.items():
        if value >= with_certified[skill_id].value:
            with_certified[skill_id] = Mention(value, hit, "certified")
    return mentions, with_certified


def score_demand(
    demand: Sequence[Demand], mentions: Mapping[str, Mention], resume_blocks: Sequence[Block]
) -> ScoreBreakdown:
    """Credit each keyword of `job_demand` from the resume's `resume_mentions`."""
    texts = [b.text for b in resume_blocks]  # each read once: a model's reads are slow
    return _breakdown(tuple([_keyword(d, mentions, texts) for d in demand]))


def _keyword(
    demand: Demand, mentions: Mapping[str, Mention], texts: Sequence[str]
) -> KeywordResult:
    """One keyword credited from the resume's mentions (`texts` holds each resume block's
    text): an any-of group through its best option, any other through its own best ways."""
    option, best = _credits(demand, mentions)
    return _result(option, best, texts, group=demand if demand.any_of else None)


def _credits(demand: Demand, mentions: Mapping[str, Mention]) -> tuple[Demand, list[_Credit]]:
    """The demand that earns a keyword's credit (an any-of group's best option, else the
    group's head; any other keyword's own) and its best ways."""
    if not demand.any_of:
        return demand, _credited(demand, mentions)
    return _pick(demand, [_credited(option, mentions) for option in demand.any_of])


def _pick(demand: Demand, credited: Sequence[list[_Credit]]) -> tuple[Demand, list[_Credit]]:
    """An any-of group's option that earns its credit, given each option's best ways: the best
    credit, the group's head on a tie, else the first."""
    credits = [_rounded(-best[0][0]) if best else 0.0 for best in credited]
    head = next(i for i, o in enumerate(demand.any_of) if o.skill_id == demand.skill_id)
    best = min(range(len(credits)), key=lambda i: (-credits[i], i != head, i))
    return demand.any_of[best], credited[best]


def _breakdown(keywords: tuple[KeywordResult, ...]) -> ScoreBreakdown:
    """The score and subscores of credited keywords."""
    # Each keyword's fields from its `__dict__`, one slow model read per keyword instead of three.
    fields = [k.__dict__ for k in keywords]
    return _scored(
        keywords,
        [f["weight"] for f in fields],
        [f["credit"] for f in fields],
        [group_of(f["category"]) for f in fields],
    )


def _scored(
    keywords: tuple[KeywordResult, ...],
    weights: Sequence[float],
    credits: Sequence[float],
    groups: Sequence[str],
) -> ScoreBreakdown:
    """The score and subscores of `keywords`, given each one's weight, credit and group
    (subscores not validated again: the values are ours, of the fields' own types)."""
    # Each keyword's earned weight once, for the score and for its group's subscore.
    earned = [w * c for w, c in zip(weights, credits, strict=True)]
    members: dict[str, list[int]] = {}
    for index, group in enumerate(groups):  # one pass, each group's members in keyword order
        members.setdefault(group, []).append(index)
    subscores = []
    for group in GROUPS:
        if group in members:
            group_weights = [weights[i] for i in members[group]]
            subscores.append(
                Subscore._trusted(
                    group=group,
                    score=_ratio(group_weights, [earned[i] for i in members[group]]),
                    weight=round(sum(group_weights), 3),
                    keywords=len(group_weights),
                )
            )
    return ScoreBreakdown(
        score=_ratio(weights, earned), subscores=tuple(subscores), keywords=keywords
    )


def _ratio(weights: Sequence[float], earned: Sequence[float]) -> float:
    """Earned weight as a share of the weight, in percent (0 without weight)."""
    total = sum(weights)
    if total == 0:
        return 0.0
    return round(min(100.0, max(0.0, 100.0 * sum(earned) / total)), 1)


def _group_hits(hits: Sequence[SkillHit]) -> dict[str, list[SkillHit]]:
    grouped: dict[str, list[SkillHit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.skill_id].append(hit)
    return dict(grouped)


def _demand(
    skill_id: str,
    hits: list[SkillHit],
    job_blocks: Sequence[Block],
    taxonomy: Taxonomy,
    level_weight: float | None,
    weigh: Callable[[Block], float] | None = None,
) -> Demand:
    skill = taxonomy.skills[skill_id]
    levels = [(weigh or _level_weight)(job_blocks[h.block]) for h in hits]
    strongest = max(range(len(hits)), key=lambda i: (levels[i], -hits[i].block))
    level: Level = job_blocks[hits[strongest].block].level or "other"
    mentions = len({(h.block, h.start) for h in hits})
    if level_weight is None:
        level_weight = levels[strongest]
    weight = level_weight * GROUP_WEIGHT[group_of(skill.category)]
    weight *= 1.0 + MENTION_STEP * min(mentions - 1, MENTION_CAP)
    in_title = any(job_blocks[h.block].level == "title" for h in hits)
    if in_title and level != "title":
        weight *= TITLE_BOOST
    relatives: list[tuple[str, float, EvidenceKind]] = [
        (child, CREDIT_CHILD, "child") for child in taxonomy.children(skill_id)
    ]
    relatives += [(p.id, CREDIT_PARENT, "parent") for p in skill.parents]
    relatives += [
        (r.id, RELATED_FACTOR * r.weight, "related") for r in taxonomy.related_to(skill_id)
    ]
    by_skill: dict[str, list[tuple[int, float, EvidenceKind]]] = {}
    for order, (other, factor, kind) in enumerate(relatives):
        by_skill.setdefault(other, []).append((order, factor, kind))
    return Demand(
        skill_id=skill_id,
        name=skill.name,
        category=skill.category,
        level=level,
        mentions=mentions,
        weight=round(weight, 3),
        job_text=job_blocks[hits[strongest].block].text,
        relatives={other: tuple(ways) for other, ways in by_skill.items()},
    )


def _level_weight(block: Block) -> float:
    weight = LEVEL_WEIGHT[block.level or "other"]
    if block.section in LOW_SECTIONS:
        weight *= LOW_SECTION_WEIGHT
    return weight


def _duty_weight(block: Block) -> float:
    """weighted.v3's level weight: a duty weighs `DUTY_WEIGHT` (no-demand blocks never get here)."""
    if block.level == "duty":
        return DUTY_WEIGHT
    return _level_weight(block)


@lru_cache(maxsize=4096, typed=True)
def _rounded(credit: float) -> float:
    """A credit to three places. `round` with digits costs about a microsecond (it goes through
    a decimal string) and a match rounds the same few credits dozens of times: a bounded cache of
    this pure function. A credit is never -0.0 (which would share 0.0's entry)."""
    return round(credit, 3)


# A way a keyword earns credit: (-credit, through a relative, skill id, order, mention, kind).
# Ordered as the tuple sorts: best credit first, the keyword's own mention first on a tie (a
# certification held beats its successor); (skill id, order) is unique, so the sort never
# compares mentions.
_Credit = tuple[float, bool, str, int, Mention, EvidenceKind]


def _credited(demand: Demand, mentions: Mapping[str, Mention]) -> list[_Credit]:
    """The keyword's three best ways to earn credit from the resume, best first (weighted.v3
    gathers the same ways through `CreditTable.index`; the sort makes the order of the skills
    not matter)."""
    options: list[_Credit] = []
    own = mentions.get(demand.skill_id)
    if own is not None:
        options.append((-own.value, False, demand.skill_id, -1, own, own.kind))
    relatives = demand.relatives
    # Only the relatives the resume names, not a walk over every relative.
    for other in relatives.keys() & mentions.keys():
        ways = relatives[other]
        held = mentions[other]
        for order, factor, kind in ways:
            options.append((-(factor * held.value), True, other, order, held, kind))
    options.sort()
    return options[:3]


def _result(
    demand: Demand,
    best: Sequence[_Credit],
    texts: Sequence[str],
    group: Demand | None = None,
    shown: dict[tuple[str, str], Evidence] | None = None,
    credit: float | None = None,
) -> KeywordResult:
    """The result of `demand` credited by `best` (`texts` holds each resume block's text); with
    `group`, as the option that earned an any-of group's credit: the group's weight, level and
    text, and every option listed. `shown` keeps the evidence made so far in the match, by kind
    and skill: each skill has one mention, so equal evidence is made once. `credit` is the
    credit `best` earns when the caller has it already.

    Made without validating again (`_trusted`): every value comes from a `Demand` or a hit, of
    the field's own type (a result is made per keyword per match)."""
    if shown is None:
        shown = {}
    evidence = []
    for _, _, skill_id, _, m, kind in best:
        made = shown.get((kind, skill_id))
        if made is None:
            hit = m.hit.__dict__  # the hit's fields in one read (a model's reads are slow)
            block = hit["block"]
            made = shown[kind, skill_id] = _evidence(
                kind=kind,
                skill_id=skill_id,
                name=hit["name"],
                text=texts[block],
                section=hit["section"],
                block=block,
                fuzzy=hit["fuzzy"],
            )
        evidence.append(made)
    asked = group or demand
    return _keyword_result(
        skill_id=demand.skill_id,
        name=demand.name,
        category=demand.category,
        level=asked.level,
        mentions=asked.mentions,
        weight=asked.weight,
        credit=credit if credit is not None else _rounded(-best[0][0]) if best else 0.0,
        evidence=tuple(evidence),
        job_text=asked.job_text,
        any_of=group.alternatives if group is not None else (),
    )
