"""The highest-value changes across every coaching check, ranked.

Each kind of fix has a rough value on the scale of a keyword weight (a required tool weighs
about 3): what a recruiter or ATS would notice first. A missing keyword ranks by its own weight;
at most three fixes of one kind are kept, so the list covers different problems.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from atsmatch.models import Coaching, CoachingFix, FlagKind, KeywordResult, MissingKeyword

__all__ = ["MAX_FIXES", "bullets_to_quantify", "plural", "rank_fixes"]

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


class _Fix(NamedTuple):
    value: float
    kind: str
    message: str
    block: int | None
    text: str | None


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
    found: list[_Fix] = []
    for m in missing:
        if not m.gap and m.placement.where == "bullet":
            related = ", ".join(m.related_evidence[:2])
            found.append(
                _Fix(
                    0.7 * m.weight * (1 - m.partial_credit),
                    "weave-keyword",
                    f"{m.name} ({m.level}) is missing but you show {related}: {m.placement.reason}",
                    m.placement.block,
                    m.placement.text,
                )
            )
    for check in coaching.experience:
        if not check.met:
            found.append(
                _Fix(
                    3.0,
                    "experience",
                    f'the posting asks "{check.text}"; your dated roles show '
                    f"{plural(check.months_shown, 'month')}, "
                    f"{plural(check.short_by_months, 'month')} short: "
                    "name the skill in the earlier roles where you used it",
                    None,
                    check.text,
                )
            )
    total = len(coaching.bullets)
    need = bullets_to_quantify(coaching.quantified, total, coaching.quantified_target)
    if total and need:
        has = "has" if coaching.quantified == 1 else "have"
        share = math.floor(100 * coaching.quantified / total)
        found.append(
            _Fix(
                2.5,
                "quantify",
                f"{coaching.quantified} of {plural(total, 'bullet')} {has} a measurable result "
                f"({share}%, under the {coaching.quantified_target:.0%} to aim for): add your "
                f"real figures to {plural(need, 'more bullet')}",
                None,
                None,
            )
        )
    for gap in coaching.evidence_gaps:
        found.append(
            _Fix(
                0.5 * weight[gap.skill_id] if gap.skill_id in weight else 0.3,
                "claimed-not-shown",
                f"{gap.name} is only claimed in your {gap.section}: {gap.suggestion}",
                gap.block,
                gap.text,
            )
        )
    for overlap in coaching.verbatim:
        found.append(
            _Fix(
                2.0,
                "verbatim",
                f"{plural(overlap.words, 'word')} copied from the posting: say it in your own "
                "words",
                overlap.block,
                overlap.text,
            )
        )
    for stuffed in coaching.stuffing:
        found.append(_Fix(2.0, "stuffing", stuffed.message, None, stuffed.name))
    for advice in coaching.acronyms:
        if advice.severity == "warning":
            value = 0.5 * weight.get(advice.skill_id, 1.0)
            found.append(_Fix(value, "acronym", advice.suggestion, None, None))
    for fb in coaching.bullets:
        if not fb.flags:
            continue
        worst = max(
            (f for f in fb.flags if f.kind in _FLAG_VALUE),
            key=lambda f: _FLAG_VALUE[f.kind],
            default=None,
        )
        if worst is not None:
            found.append(
                _Fix(
                    _FLAG_VALUE[worst.kind],
                    worst.kind,
                    f"{worst.message}. {worst.suggestion}",
                    fb.block,
                    fb.text,
                )
            )
    found.sort(
        key=lambda f: (-round(f.value, 6), f.kind, -1 if f.block is None else f.block, f.message)
    )
    kept: list[_Fix] = []
    per_kind: dict[str, int] = {}
    for fix in found:
        if per_kind.get(fix.kind, 0) < _PER_KIND and len(kept) < MAX_FIXES:
            per_kind[fix.kind] = per_kind.get(fix.kind, 0) + 1
            kept.append(fix)
    return tuple(
        # Our own values, of the fields' types: not validated again.
        CoachingFix._trusted(
            rank=i, kind=fix.kind, message=fix.message, block=fix.block, text=fix.text
        )
        for i, fix in enumerate(kept, start=1)
    )
