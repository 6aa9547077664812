"""Wording shared by the terminal and Markdown views."""

from __future__ import annotations

from atsmatch.models import Evidence, KeywordResult, MissingKeyword

__all__ = ["GROUP_LABELS", "evidence_label", "placement_label", "shorten", "with_group"]

GROUP_LABELS = {
    "hard_skills": "Tools & technologies",
    "concepts": "Methods & concepts",
    "certifications": "Certifications",
    "soft_skills": "Soft skills",
}

_KIND_LABELS = {
    "experience": "shown in",
    "skills_list": "listed in",
    "other": "named in",
    "child": "via a more specific skill in",
    "parent": "via a broader skill in",
    "related": "via a related skill in",
}


def shorten(text: str, width: int = 70) -> str:
    """One line of at most `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def evidence_label(keyword: KeywordResult, skill_names: dict[str, str] | None = None) -> str:
    """Where the resume shows a keyword, in a few words."""
    if not keyword.evidence:
        return "not found"
    ev: Evidence = keyword.evidence[0]
    via = ""
    if ev.skill_id != keyword.skill_id:
        via = f" ({(skill_names or {}).get(ev.skill_id, ev.skill_id)})"
    fuzzy = " [misspelt]" if ev.fuzzy else ""
    return f"{_KIND_LABELS.get(ev.kind, ev.kind)} {ev.section}{via}{fuzzy}: {shorten(ev.text, 60)}"


def with_group(item: KeywordResult | MissingKeyword, text: str) -> str:
    """`text` led by the options of an any-of group ("one of: Airflow, Dagster; ..."), if any."""
    if not item.any_of:
        return text
    return f"one of: {', '.join(o.name for o in item.any_of)}; {text}"


def placement_label(missing: MissingKeyword) -> str:
    """Where a missing keyword would go."""
    place = missing.placement
    if place.where == "bullet" and place.text:
        return f"bullet: {shorten(place.text, 60)}"
    if place.where == "skills":
        return "skills section" + (f": {shorten(place.text, 50)}" if place.text else "")
    return "summary"
