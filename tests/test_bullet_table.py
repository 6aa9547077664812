"""The bullet table (tests/fixtures/coaching/bullets.toml): flags each bullet must and must not
get, and what its rewrite must look like; plus the bullets no coach should choke on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from atsmatch.extract import Extractor
from atsmatch.inflect import verb_reading
from atsmatch.models import Block
from atsmatch.star import BulletContext, analyze_bullet
from atsmatch.taxonomy import Taxonomy

TABLE = Path(__file__).parent / "fixtures" / "coaching" / "bullets.toml"
ROWS: list[dict[str, Any]] = tomllib.loads(TABLE.read_text(encoding="utf-8"))["bullet"]
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def _run(text: str, current: bool, taxonomy: Taxonomy, extractor: Extractor):  # type: ignore[no-untyped-def]
    block = Block(text=text, kind="bullet", section="experience", line=0)
    hits = extractor.extract_blocks([block])
    ctx = BulletContext.of(text, taxonomy, current=current, hits=hits)
    return ctx, analyze_bullet(text, taxonomy, context=ctx)


class TestTable:
    """Each bullet of the table gets the flags it must, none it must not, and a clean rewrite."""

    def test_table_is_large_enough(self) -> None:
        """At least 60 bullets, each with at least one check."""
        assert len(ROWS) >= 60
        assert all(set(row) - {"text", "current"} for row in ROWS)

    @pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
    def test_flags(self, row: dict[str, Any], taxonomy: Taxonomy, extractor: Extractor) -> None:
        """The flags it must get are there; the ones it must not get are not."""
        _, fb = _run(row["text"], row.get("current", False), taxonomy, extractor)
        kinds = {f.kind for f in fb.flags}
        assert set(row.get("must", ())) <= kinds
        assert not set(row.get("must_not", ())) & kinds

    @pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
    def test_rewrite(self, row: dict[str, Any], taxonomy: Taxonomy, extractor: Extractor) -> None:
        """The rewrite leads with a verb in the role's tense, keeps the object, reads cleanly."""
        current = row.get("current", False)
        ctx, _ = _run(row["text"], current, taxonomy, extractor)
        own = ctx.own_words()
        if row.get("template"):
            assert own is None and ctx.rewrite().startswith("<Past-tense verb>")
            return
        if own is None or own.startswith("<Verb>"):
            assert not ctx.acts  # a placeholder only where the bullet opens with no action
            return
        if "rewrite" in row:
            assert own == row["rewrite"]
        if "lead" in row:
            assert own.startswith(row["lead"] + " ")
        if "keep" in row:
            assert row["keep"].lower() in own.lower()
        assert _DOUBLED.search(own) is None and re.search(r"\s[,.;:]", own) is None
        assert "<" not in own
        first = own.split()[0].strip(",")
        reading = verb_reading(first)
        wanted = {"present", None} if current and ctx.tense == "present" else {"past", None}
        if reading is None:  # not in the inflection tables: the lexicon's, or plainly "-ed"
            listed = taxonomy.verb_forms.get(first.lower())
            assert (listed and listed.past == first.lower()) or first.endswith("ed")
        else:
            assert reading[1] in wanted


class TestHostileBullets:
    """Bullets with nothing to read, or far too much, get sensible feedback or none."""

    @pytest.mark.parametrize("text", ["", "   ", "🚀🔥✨", "—", "•", "()"])
    def test_no_words_no_flags(self, text: str, taxonomy: Taxonomy) -> None:
        """A bullet without a word has nothing to coach."""
        assert analyze_bullet(text, taxonomy, current=False).flags == ()

    def test_very_long_bullet(self, taxonomy: Taxonomy) -> None:
        """A 2,000-character bullet is flagged as too long, with no exception."""
        text = "Built data pipelines and " * 80
        fb = analyze_bullet(text[:2000], taxonomy, current=False)
        assert "too-long" in {f.kind for f in fb.flags}

    @pytest.mark.parametrize("text", ["I", "Helped", "Used", "Reports were", "Analyzed,", "I I I"])
    def test_fragments(self, text: str, taxonomy: Taxonomy) -> None:
        """Fragments get feedback without a doubled word or a space before punctuation."""
        for flag in analyze_bullet(text, taxonomy, current=False).flags:
            assert re.search(r"\s[,;:]|\s\.(?!\.)", flag.suggestion) is None
