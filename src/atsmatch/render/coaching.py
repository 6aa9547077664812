"""The coaching part of a report (bullets, fixes, evidence, experience) for every view.

Every view prints the same lines; only the markup differs, so the wording lives in one place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from atsmatch.coaching.fixes import plural
from atsmatch.models import BulletFeedback, Coaching, MissingKeyword
from atsmatch.render._common import hanging, shorten

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "coaching_lines",
    "coaching_markdown",
    "coaching_summary",
    "missing_ids",
    "render_coaching",
]


def missing_ids(missing: Sequence[MissingKeyword]) -> frozenset[str]:
    """The skills the missing keywords name, every option of an unmet any-of group too."""
    return frozenset(
        [m.skill_id for m in missing] + [o.skill_id for m in missing for o in m.any_of]
    )


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


def _keyword_months(coaching: Coaching, missing: Collection[str]) -> list[str]:
    """ "Name N m" per keyword with dated experience. A keyword the report lists as missing
    shows months only through more specific skills, and says so; one without them (named in
    a role only with a typo, which a finding reports) is left out."""
    items = []
    for e in coaching.skill_experience:
        if e.skill_id not in missing:
            items.append(f"{e.name} {e.months} m")
        elif e.via:
            items.append(f"{e.name} {e.months} m through more specific skills")
    return items


def _between_items(label: str, items: Sequence[str], width: int | None) -> str:
    """`label` and the items, comma-separated; with `width`, the lines broken between items
    only (rich breaks at any space, so "Python 40 m" could lose its "m" to the next line)."""
    if width is None:
        return f"{label} {', '.join(items)}"
    from rich.cells import cell_len

    lines, line = [], label
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if cell_len(f"{line} {piece}") > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}"
    return "\n".join([*lines, line])


def coaching_lines(
    coaching: Coaching,
    *,
    cut: bool,
    top: int,
    bullets: bool = True,
    missing: Collection[str] = (),
    width: int | None = None,
) -> list[tuple[str, str]]:
    """(kind, text) pairs: kind is "h" (heading), "i" (item), "s" (sub-item), "p" (paragraph).

    `cut` shortens quoted resume text to one line (Markdown lists); the terminal and HTML
    wrap it instead, so the words that matter are never cut off. `bullets=False` leaves out
    the flagged bullets, for a view that shows each one beside its bullet. `missing` is the
    report's missing skills (`missing_ids`): their months are worded as coming through other
    skills. `width` breaks a list of items only between items (the terminal's width).
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
    if months := _keyword_months(coaching, missing)[: max(top, 1)]:
        out.append(("p", _between_items("Months per job keyword:", months, width)))
    return out


def render_coaching(
    coaching: Coaching, console: Console, *, top: int = 15, missing: Collection[str] = ()
) -> None:
    """Print the coaching sections to a rich console, wrapped lines under their item's text."""
    from rich.text import Text

    layout = {"i": (2, "• ", ""), "s": (6, "", "dim"), "p": (2, "", "")}
    width = console.width - layout["p"][0]
    for kind, text in coaching_lines(coaching, cut=False, top=top, missing=missing, width=width):
        if kind == "h":
            console.print(Text(text, style="bold"))
        else:
            indent, marker, style = layout[kind]
            console.print(hanging(Text(text, style=style), indent=indent, marker=marker))


def coaching_markdown(
    coaching: Coaching, *, top: int = 30, missing: Collection[str] = ()
) -> list[str]:
    """The coaching sections as Markdown lines."""
    out: list[str] = []
    for kind, text in coaching_lines(coaching, cut=True, top=top, missing=missing):
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
