"""The coaching part of a report (bullets, fixes, evidence, experience) for every view.

Every view prints the same lines; only the markup differs, so the wording lives in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.coaching.fixes import plural
from atsmatch.models import BulletFeedback, Coaching
from atsmatch.render._common import hanging, shorten

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["coaching_lines", "coaching_markdown", "coaching_summary", "render_coaching"]


def coaching_summary(coaching: Coaching) -> str:
    """One line: measurable results, verb variety, length."""
    n = len(coaching.bullets)
    length = coaching.length
    pages = plural(length.pages, "page")
    on = f"on about {pages} (estimated from the text)" if length.pages_estimated else f"on {pages}"
    words = f"{plural(length.words, 'word')} {on}"
    if not n:
        return f"no bullets found in your experience or projects; {words}"
    shows = "shows" if coaching.quantified == 1 else "show"
    verbs = plural(coaching.distinct_verbs, "different opening verb")
    return (
        f"{coaching.quantified} of {plural(n, 'bullet')} {shows} a measurable result "
        f"({coaching.quantified_share:.0%}; aim for {coaching.quantified_target:.0%}), {verbs}, "
        f"{words}"
    )


def _flagged(coaching: Coaching) -> list[BulletFeedback]:
    return [b for b in coaching.bullets if b.flags]


def _experience_line(check_met: bool, text: str, shown: int, short: int) -> str:
    years = f"{shown // 12} y {shown % 12} m"
    if check_met:
        return f'met: "{text}" ({plural(shown, "month")} shown, {years})'
    return f'short by {plural(short, "month")}: "{text}" ({plural(shown, "month")} shown, {years})'


def coaching_lines(
    coaching: Coaching, *, cut: bool, top: int, bullets: bool = True
) -> list[tuple[str, str]]:
    """(kind, text) pairs: kind is "h" (heading), "i" (item), "s" (sub-item), "p" (paragraph).

    `cut` shortens quoted resume text to one line (Markdown lists); the terminal and HTML
    wrap it instead, so the words that matter are never cut off. `bullets=False` leaves out
    the flagged bullets, for a view that shows each one beside its bullet.
    """

    def quote(text: str, width: int) -> str:
        return shorten(text, width if cut else None)

    out: list[tuple[str, str]] = [("h", "Bullet feedback"), ("p", coaching_summary(coaching))]
    if coaching.length.advice:
        out.append(("p", f"Length: {coaching.length.advice}."))
    for role in coaching.roles:
        if role.advice:
            who = " at ".join(p for p in (role.title, role.organization) if p) or "a role"
            out.append(("p", f"{who}: {plural(role.bullets, 'bullet')}; {role.advice}."))
    if coaching.repeated_verbs:
        out.append(("p", "Opening verbs used three or more times: "
                    + ", ".join(coaching.repeated_verbs)))  # fmt: skip
    flagged = _flagged(coaching) if bullets else []
    for fb in flagged[:top]:
        out.append(("i", f'"{quote(fb.text, 90)}" (line {fb.line + 1})'))
        for flag in fb.flags:
            out.append(("s", f"{flag.kind}: {flag.message}"))
        first = next((f for f in fb.flags if f.severity == "warning"), fb.flags[0])
        out.append(("s", f"try: {first.suggestion}"))
    if len(flagged) > top:
        more = plural(len(flagged) - top, "more flagged bullet")
        out.append(("p", f"... and {more} (see --format json)"))
    if bullets and not flagged and coaching.bullets:
        out.append(("p", "Every bullet opens with an action verb and shows a result."))

    if coaching.fixes:
        out.append(("h", "Highest-value fixes"))
        for fix in coaching.fixes:
            where = f' [on: "{quote(fix.text, 60)}"]' if fix.text and fix.block is not None else ""
            out.append(("i", f"{fix.rank}. {fix.message}{where}"))

    out.append(("h", "Evidence"))
    if not (coaching.evidence_gaps or coaching.stuffing or coaching.verbatim or coaching.acronyms):
        out.append(("p", "Every claimed skill is shown in a bullet; no stuffing or copying."))
    for gap in coaching.evidence_gaps:
        asked = f", {gap.level} in the posting" if gap.level else ""
        claim = f'only in your {gap.section} ("{quote(gap.text, 60)}")'
        out.append(("i", f"{gap.name}{asked}: {claim}"
                    f" - add a bullet that shows it in use"))  # fmt: skip
    for stuffed in coaching.stuffing:
        out.append(("i", f"stuffing: {stuffed.message}"))
    for overlap in coaching.verbatim:
        out.append(("i", f'copied from the posting ({overlap.words} words): "'
                    f'{quote(overlap.text, 80)}"'))  # fmt: skip
    for advice in coaching.acronyms:
        out.append(("i", f"{advice.name}: {advice.suggestion}"))

    if coaching.experience or coaching.skill_experience:
        out.append(("h", f"Experience length (dated roles, up to {coaching.today})"))
    for check in coaching.experience:
        line = _experience_line(check.met, check.text, check.months_shown, check.short_by_months)
        out.append(("i", line))
        out.append(("s", check.basis))
    if coaching.skill_experience:
        top_skills = ", ".join(
            f"{e.name} {e.months} m" for e in coaching.skill_experience[: max(top, 1)]
        )
        out.append(("p", f"Months per job keyword: {top_skills}"))
    return out


def render_coaching(coaching: Coaching, console: Console, *, top: int = 15) -> None:
    """Print the coaching sections to a rich console, wrapped lines under their item's text."""
    from rich.text import Text

    layout = {"i": (2, "• ", ""), "s": (6, "", "dim"), "p": (2, "", "")}
    for kind, text in coaching_lines(coaching, cut=False, top=top):
        if kind == "h":
            console.print(Text(text, style="bold"))
        else:
            indent, marker, style = layout[kind]
            console.print(hanging(Text(text, style=style), indent=indent, marker=marker))


def coaching_markdown(coaching: Coaching, *, top: int = 30) -> list[str]:
    """The coaching sections as Markdown lines."""
    out: list[str] = []
    for kind, text in coaching_lines(coaching, cut=True, top=top):
        if kind == "h":
            out += ["", f"## {text}", ""] if out else [f"## {text}", ""]
        elif kind == "i":
            out.append(f"- {text}")
        elif kind == "s":
            out.append(f"  - {text}")
        else:
            out += ([""] if out and out[-1] else []) + [text, ""]
    out.append("")
    return out
