"""The highest-value changes across every coaching check, ranked.

Each kind of fix has a rough value on the scale of a keyword weight (a required tool weighs
about 3): what a recruiter or ATS would notice first. A missing keyword ranks by its own weight;
at most three fixes of one kind are kept, so the list covers different problems.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any

from atsmatch.models import Coaching, CoachingFix, FlagKind, KeywordResult, MissingKeyword

__all__ = ["MAX_FIXES", "bullets_to_quantify", "plural", "rank_fixes", "ranked_fixes"]

MAX_FIXES = 8
_PER_KIND = 3
# The bullet flags worth a fix; the others (length, duplicate openers) stay in the feedback.
_FLAG_VALUE: Mapping[FlagKind, float] = {
    "weak-opener": 2.2,
    "no-action-verb": 2.0,
    "no-result": 1.8,
    "tense": 1.0,
    "passive-voice": 1.0,
    "first-person": 1.0,
    "buzzword": 0.8,
}


# A pure function of one number: `round` with digits goes through a decimal string (about a
# microsecond), and a posting's fixes recur with the same few values every match.
@functools.lru_cache(maxsize=4096, typed=True)
def _sort_value(value: float) -> float:
    """A fix's value as it sorts: to six places, so values equal but for float noise tie."""
    return round(value, 6)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 bullet", "2 bullets"; `many` for an irregular plural."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def bullets_to_quantify(quantified: int, bullets: int, target: float) -> int:
    """How many more bullets need a figure to reach `target` (a share) of `bullets`.

    >>> bullets_to_quantify(7, 12, 0.6)  # 7/12 is 58%; 8/12 reaches 60%
    1
    """
    # The smallest count whose share reaches the target; the epsilon keeps 0.6 * 10 at 6.
    needed = math.ceil(target * bullets - 1e-9)
    return max(0, needed - quantified)


# `CoachingFix._trusted` looked up once: a model class's own attribute reads are slow (pydantic's
# metaclass defines `__getattr__`) and bind a method anew.
_fix = CoachingFix._trusted

# A fix found, as its sort key (value, kind, block: -1 for none, message), its place among the
# fixes found (so the sort is stable and never compares further), its block and its text: a plain
# tuple sorts without a key function, and a named tuple's `__new__` is a Python call.
_Found = tuple[float, str, int, str, int, int | None, str | None]


def rank_fixes(
    coaching: Coaching,
    missing: Sequence[MissingKeyword],
    keywords: Sequence[KeywordResult],
    *,
    weights: Mapping[str, float] | None = None,
) -> tuple[CoachingFix, ...]:
    """The highest-value changes across every check in `coaching`, most valuable first
    (`weights` is each keyword's weight by skill id when the caller read them already)."""
    weight = {k.skill_id: k.weight for k in keywords} if weights is None else weights
    return ranked_fixes(coaching.__dict__, missing, weight)


def ranked_fixes(
    parts: Mapping[str, Any], missing: Sequence[MissingKeyword], weight: Mapping[str, float]
) -> tuple[CoachingFix, ...]:
    """`rank_fixes` of a coaching's fields (`parts`, by name) before its model is made: `coach`
    makes the model once, with its fixes."""
    found: list[_Found] = []

    def add(value: float, kind: str, message: str, block: int | None, text: str | None) -> None:
        key = -1 if block is None else block
        found.append((-_sort_value(value), kind, key, message, len(found), block, text))

    for m in missing:
        fields = m.__dict__  # every field in one read (a model's attribute reads are slow)
        placement = fields["placement"].__dict__
        if not fields["gap"] and placement["where"] == "bullet":
            related = ", ".join(fields["related_evidence"][:2])
            add(
                0.7 * fields["weight"] * (1 - fields["partial_credit"]),
                "weave-keyword",
                f"{fields['name']} ({fields['level']}) is missing but you show {related}: "
                f"{placement['reason']}",
                placement["block"],
                placement["text"],
            )
    for check in parts["experience"]:
        if not check.met:
            add(
                3.0,
                "experience",
                f'the posting asks "{check.text}"; your dated roles show '
                f"{plural(check.months_shown, 'month')}, "
                f"{plural(check.short_by_months, 'month')} short: "
                "name the skill in the earlier roles where you used it",
                None,
                check.text,
            )
    bullets, quantified, target = parts["bullets"], parts["quantified"], parts["quantified_target"]
    total = len(bullets)
    need = bullets_to_quantify(quantified, total, target)
    if total and need:
        has = "has" if quantified == 1 else "have"
        share = math.floor(100 * quantified / total)
        add(
            2.5,
            "quantify",
            f"{quantified} of {plural(total, 'bullet')} {has} a measurable result "
            f"({share}%, under the {target:.0%} to aim for): add your "
            f"real figures to {plural(need, 'more bullet')}",
            None,
            None,
        )
    for gap in parts["evidence_gaps"]:
        g = gap.__dict__
        add(
            0.5 * weight[g["skill_id"]] if g["skill_id"] in weight else 0.3,
            "claimed-not-shown",
            f"{g['name']} is only claimed in your {g['section']}: {g['suggestion']}",
            g["block"],
            g["text"],
        )
    for overlap in parts["verbatim"]:
        add(
            2.0,
            "verbatim",
            f"{plural(overlap.words, 'word')} copied from the posting: say it in your own words",
            overlap.block,
            overlap.text,
        )
    for stuffed in parts["stuffing"]:
        add(2.0, "stuffing", stuffed.message, None, stuffed.name)
    for advice in parts["acronyms"]:
        if advice.severity == "warning":
            add(0.5 * weight.get(advice.skill_id, 1.0), "acronym", advice.suggestion, None, None)
    for fb in bullets:
        b = fb.__dict__
        if not b["flags"]:
            continue
        # The first flag of the highest value (as `max` keeps the first of equals).
        worst, best = None, 0.0
        for flag in b["flags"]:
            f = flag.__dict__
            value = _FLAG_VALUE.get(f["kind"])
            if value is not None and (worst is None or value > best):
                worst, best = f, value
        if worst is not None:
            add(
                best,
                worst["kind"],
                f"{worst['message']}. {worst['suggestion']}",
                b["block"],
                b["text"],
            )
    found.sort()
    kept: list[_Found] = []
    per_kind: dict[str, int] = {}
    for fix in found:
        kind = fix[1]
        if per_kind.get(kind, 0) < _PER_KIND and len(kept) < MAX_FIXES:
            per_kind[kind] = per_kind.get(kind, 0) + 1
            kept.append(fix)
    return tuple(
        # Our own values, of the fields' types: not validated again.
        _fix(rank=i, kind=kind, message=message, block=block, text=text)
        for i, (_, kind, _, message, _, block, text) in enumerate(kept, start=1)
    )
