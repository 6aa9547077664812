"""Views of a `MatchReport`: rich terminal, Markdown, JSON (HTML pages: `atsmatch.render.html`)."""

from __future__ import annotations

from atsmatch.render.markdown import render_markdown
from atsmatch.render.terminal import render_terminal

__all__ = ["render_json", "render_markdown", "render_terminal"]


def render_json(model: object, *, indent: int | None = 2) -> str:
    """Deterministic JSON for any atsmatch model: same input, same bytes."""
    from pydantic import BaseModel

    if not isinstance(model, BaseModel):
        raise TypeError(f"expected a pydantic model, got {type(model).__name__}")
    return model.model_dump_json(indent=indent)
