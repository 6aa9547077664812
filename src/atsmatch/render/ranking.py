"""Views of a ranking (`atsmatch rank`): rich terminal table, Markdown, JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from atsmatch.models import RankedResult

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_ranking_json", "render_ranking_markdown", "render_ranking_terminal"]

_BAND_STYLE = {
    "strong match": "bold green",
    "good match": "green",
    "partial match": "yellow",
    "weak match": "red",
}


def _number(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _short_names(sources: Sequence[str]) -> dict[str, str]:
    """Each source's file name, with as many parent folders as it takes to tell equal names apart.

    The terminal table shows these instead of the paths as given, so a long checkout or upload
    folder cannot squeeze the table past the screen width.
    """
    parts = {source: PurePath(source).parts or (source,) for source in sources}
    depth = dict.fromkeys(parts, 1)
    while True:
        names = {source: str(PurePath(*p[-depth[source] :])) for source, p in parts.items()}
        taken = Counter(names.values())
        clashing = [s for s, p in parts.items() if taken[names[s]] > 1 and depth[s] < len(p)]
        if not clashing:
            return names
        for source in clashing:
            depth[source] += 1


def render_ranking_terminal(
    results: Sequence[RankedResult], console: Console, *, title: str
) -> None:
    """One row per ranked file, then one line per file that could not be read, by file name."""
    from rich.table import Table
    from rich.text import Text

    names = _short_names([r.source for r in results])
    ranked = [r for r in results if r.error is None]
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("file", overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("parse", justify="right", no_wrap=True)
    table.add_column("top missing", overflow="fold")
    for r in ranked:
        table.add_row(
            str(r.rank),
            Text(names[r.source]),  # shown as written, never read as rich markup
            _number(r.score, 1),
            Text(r.verdict or "", style=_BAND_STYLE.get(r.verdict or "", "dim")),
            _number(r.parseability, 0),
            Text(", ".join(r.top_missing) or "-"),
        )
    if ranked:
        console.print(table)
    for r in results:
        if r.error is not None:
            line = Text("unreadable ", style="red")
            line.append(f"{names[r.source]}: {r.error}")
            console.print(line)


def render_ranking_markdown(results: Sequence[RankedResult], *, title: str) -> str:
    """A Markdown table of the ranking and a list of the files that could not be read."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [f"# {cell(title)}"]
    ranked = [r for r in results if r.error is None]
    if ranked:
        lines += [
            "",
            "| # | file | score | verdict | parseability | top missing |",
            "|---:|---|---:|---|---:|---|",
        ]
        for r in ranked:
            lines.append(
                f"| {r.rank} | {cell(r.source)} | {_number(r.score, 1)} | {r.verdict} | "
                f"{_number(r.parseability, 0)} | {cell(', '.join(r.top_missing)) or '-'} |"
            )
    errors = [r for r in results if r.error is not None]
    if errors:
        lines += ["", "## Could not be read", ""]
        lines += [f"- `{r.source}`: {r.error}" for r in errors]
    return "\n".join(lines)


def render_ranking_json(results: Sequence[RankedResult], *, indent: int | None = 2) -> str:
    """The ranking as a JSON array of `RankedResult` (each with its full report)."""
    from pydantic import TypeAdapter

    adapter = TypeAdapter(list[RankedResult])
    return adapter.dump_json(list(results), indent=indent).decode("utf-8")
