"""Vocabulary coverage on the SkillSpan dev postings: recall of technical terms, precision of hits.

SkillSpan (Zhang et al., NAACL 2022) annotates English job postings with Knowledge spans (what you
know: tools, languages, fields) and Skill spans (what you do). We measure:

- recall: of the gold Knowledge spans that name a tool, language, platform, protocol or standard, or
  a named method (the hand-picked list in `skillspan_technical.txt`), the share that one of our hits
  overlaps in the posting text;
- precision: of our hits, the share that overlap any gold span, Knowledge or Skill.

The jsonl lists each posting's span texts but not their offsets, so a span counts as found when a
hit overlaps any occurrence of that text in its posting, and a hit counts as correct when it
overlaps any occurrence of any gold span text of its posting. Each posting line is one block (so a
"Technologies" line reads as a list, as it would in a parsed posting).

The "tech" postings open with a header (title, company, date, likes, job type, experience level,
role) that SkillSpan left unannotated: "DevOps Engineer ( CI CD Cloud Docker Jenkins )" carries no
gold span although it names four tools. Lines before the "Industry:" line are therefore not scored
(the Industry and Technologies lines after it are annotated and are scored).

A last figure reads each posting as `match` does (the posting parser's sections, the employer's
name left out) and keeps only the hits that become demands under the default scorer (none from
about-us, benefits, legal or how-to-apply blocks): its precision is what a user's missing list
is built from.

Precision is given over every hit and over the technical hits (every category but soft_skill),
since the target is precision on technical terms. The gold is incomplete: annotators marked
"Docker" or "Python" in one posting and left them unmarked in another. So a third, lenient figure
also counts a technical hit as correct when its text is, case-insensitively, a span annotated
anywhere in the dev set (the annotators' own lexicon); the strict figures stay the ones tests pin.

    python benchmarks/coverage.py                # figures, misses and false positives
    python benchmarks/coverage.py --quiet        # figures only
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from atsmatch import Matcher

HERE = Path(__file__).resolve().parent
TECHNICAL = HERE / "skillspan_technical.txt"


def default_corpus() -> Path:
    """The SkillSpan dev postings in the repository's test corpus."""
    return HERE.parent / "tests" / "corpus" / "skills_dev" / "skillspan_dev_postings.jsonl"


@dataclass
class Coverage:
    """Figures and the evidence behind them."""

    technical: int = 0
    found: int = 0
    hits: int = 0
    correct: int = 0
    tech_hits: int = 0
    tech_correct: int = 0
    tech_lexicon: int = 0
    asked: int = 0
    asked_correct: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    false_positives: Counter[str] = field(default_factory=Counter)
    asked_false_positives: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.found / self.technical if self.technical else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.hits if self.hits else 0.0

    @property
    def tech_precision(self) -> float:
        return self.tech_correct / self.tech_hits if self.tech_hits else 0.0

    @property
    def asked_precision(self) -> float:
        return self.asked_correct / self.asked if self.asked else 0.0

    @property
    def lexicon_precision(self) -> float:
        return self.tech_lexicon / self.tech_hits if self.tech_hits else 0.0


def technical_spans(path: Path = TECHNICAL) -> set[str]:
    """The hand-picked technical span texts (one per line, "#" comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def _occurrences(text: str, span: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(span), text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def evaluate(corpus: Path | None = None) -> Coverage:
    """Run the default extractor over every dev posting and score it."""
    from atsmatch import Matcher
    from atsmatch.models import Block

    matcher = Matcher()
    extractor = matcher.extractor
    wanted = technical_spans()
    result = Coverage()
    path = corpus or default_corpus()
    postings = [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines()]
    lexicon = {
        span.casefold() for p in postings for span in [*p["knowledge_spans"], *p["skill_spans"]]
    }
    for posting in postings:
        text: str = posting["text"]
        lines = text.split("\n")
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        first = lines.index("Industry:") if "Industry:" in lines else 0
        blocks = [
            Block(text=line, kind="line", section="other", line=i) for i, line in enumerate(lines)
        ]
        hits = [
            (starts[h.block] + h.start, starts[h.block] + h.end, h)
            for h in extractor.extract_blocks(blocks)
            if h.block >= first
        ]
        gold_all: list[tuple[int, int]] = []
        for span in {*posting["knowledge_spans"], *posting["skill_spans"]}:
            gold_all += _occurrences(text, span)
        for span in posting["knowledge_spans"]:
            if span not in wanted:
                continue
            result.technical += 1
            places = _occurrences(text, span)
            if any(_overlaps(s, e, places) for s, e, _ in hits):
                result.found += 1
            else:
                result.misses[span] += 1
        for start, end, hit in hits:
            result.hits += 1
            technical = hit.category != "soft_skill"
            result.tech_hits += technical
            if _overlaps(start, end, gold_all):
                result.correct += 1
                result.tech_correct += technical
                result.tech_lexicon += technical
            else:
                result.tech_lexicon += technical and hit.text.casefold() in lexicon
                result.false_positives[f"{hit.text} -> {hit.name}"] += 1
        gold = {*posting["knowledge_spans"], *posting["skill_spans"]}
        _asked(matcher, text, first, gold, result)
    return result


def _asked(matcher: Matcher, text: str, first: int, gold: set[str], result: Coverage) -> None:
    """Count the hits that become demands when the posting is read as `match` reads it."""
    from atsmatch.score import NO_DEMAND_SECTIONS

    analysis = matcher._job_analysis(text)  # the hits `match` scores, employer left out
    blocks = analysis.posting.blocks
    for hit in analysis.hits:
        block = blocks[hit.block]
        if block.line < first or block.section in NO_DEMAND_SECTIONS:
            continue
        result.asked += 1
        places = [place for span in gold for place in _occurrences(block.text, span)]
        if _overlaps(hit.start, hit.end, places):
            result.asked_correct += 1
        else:
            result.asked_false_positives[f"{hit.text} -> {hit.name}"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="SkillSpan dev jsonl")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    cov = evaluate(args.corpus)
    print(f"technical gold spans: {cov.technical}   found: {cov.found}   recall: {cov.recall:.3f}")
    print(
        f"hits: {cov.hits}   overlapping a gold span: {cov.correct}   "
        f"precision: {cov.precision:.3f}"
    )
    print(
        f"technical hits: {cov.tech_hits}   overlapping a gold span: {cov.tech_correct}   "
        f"precision: {cov.tech_precision:.3f}   lenient (dev-set lexicon): "
        f"{cov.lexicon_precision:.3f}"
    )
    print(
        f"read as a posting, hits that become demands: {cov.asked}   overlapping a gold span: "
        f"{cov.asked_correct}   precision: {cov.asked_precision:.3f}"
    )
    if args.quiet:
        return
    print(f"\nmissed technical spans ({sum(cov.misses.values())}):")
    for span, n in sorted(cov.misses.items()):
        print(f"  {span!r}" + (f" x{n}" if n > 1 else ""))
    print(f"\nhits outside every gold span ({sum(cov.false_positives.values())}):")
    for hit, n in cov.false_positives.most_common():
        print(f"  {hit}" + (f" x{n}" if n > 1 else ""))
    print(f"\ndemands outside every gold span ({sum(cov.asked_false_positives.values())}):")
    for hit, n in cov.asked_false_positives.most_common():
        print(f"  {hit}" + (f" x{n}" if n > 1 else ""))


if __name__ == "__main__":
    main()
