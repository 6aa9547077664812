"""The STAR analysis's word gates: a pattern or rule skipped because the text lacks the word it
needs finds, when run anyway, nothing more.

Each gate is held to the ungated run on every block of every corpus resume and fixture document
(parsed as the matcher parses them), the coaching fixtures' bullets, every corpus line, hand-made
traps and random runs of the gates' words and the marks around them.
"""

from __future__ import annotations

import dataclasses
import random
import re
import tomllib
from collections.abc import Iterable

import pytest

from atsmatch import Matcher, star
from atsmatch._ignorecase import folded
from atsmatch.models import Block, SkillHit
from atsmatch.taxonomy import Taxonomy
from tests.conftest import CORPUS, FIXTURES, corpus_lines

# The two scans `star._FIGURE_THEN` does the work of: a figure with its unit, a figure with what
# it counts.
FIGURE_WITH_UNIT = re.compile(star._NUM + "(?:" + "|".join(star._UNITS) + ")")
COUNT = re.compile(star._NUM + star._COUNTED)

DOCUMENTS = [
    *sorted((CORPUS / "resumes").rglob("*.pdf")),
    FIXTURES / "documents" / "John_Doe_ClassicTheme_CV.pdf",
    FIXTURES / "documents" / "deedy_resume-openfont.pdf",
]
TRAPS = [
    "+12345678901were hired", "ſix were hired", "TWO-FOLD growth", "10-fold", "doubled-ish",
    "5percent", "3USD", "F-1 of 0.9", "F1-score 0.91", "R² 0.93", "R2=0.8", "NDCG@10 of 0.4",
    "MAP@5 0.3", "ROC-AUC 0.97", "top-5 accuracy 92%", "0.93 mAP", "İ, me and my team",
    "I'm lead", "we/our", "MY team", "ſynergy and İnnovative", "results-driven", "x5 were won",
    "ſerving 5 teams", "İn order to ship", "to cut-over", "on behalf of", "so that", "FOR THE TEAM",
    "from 5 to 10", "5 of them were promoted", "twelve new hires", "uptime 99.9%",
]  # fmt: skip


class _EveryWord(frozenset[str]):
    """Runs that hold every word: each gate passes, so every pattern runs."""

    def isdisjoint(self, other: Iterable[object]) -> bool:
        return False


@pytest.fixture(scope="module")
def texts(matcher: Matcher) -> list[str]:
    """Every text the gates are held on."""
    blocks = [b.text for path in DOCUMENTS for b in matcher.parse_resume(path).blocks]
    table = tomllib.loads((FIXTURES / "coaching" / "bullets.toml").read_text())
    rng = random.Random(11)
    pieces = ["were", "was", "got", "been", "two", "ten", "fold", "-", "doubled", "from", "to",
              "accuracy", "F", "1", "R", "²", "@", "MAP", "I", "me", "we", "Our", "us", " ", "5",
              "2019", ".", "+", "v", "%", "x", "ſ", "İ", "_", "é", "'", ","]  # fmt: skip
    runs = ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(5_000)]
    assert len(blocks) > 500
    return blocks + [b["text"] for b in table["bullet"]] + corpus_lines() + TRAPS + runs


@pytest.fixture(scope="module")
def contexts(texts: list[str], matcher: Matcher) -> list[star.BulletContext]:
    """The `BulletContext` of every text, with the extractor's hits."""
    blocks = [Block(text=t, kind="bullet", section="experience", line=0) for t in texts]
    by_block: dict[int, list[SkillHit]] = {}
    for hit in matcher.extractor.extract_blocks(blocks):
        by_block.setdefault(hit.block, []).append(hit)
    return [
        star.BulletContext.of(t, matcher.taxonomy, hits=by_block.get(i, ()))
        for i, t in enumerate(texts)
    ]


class TestResultGates:
    """`find_results` finds with its word gates what it finds without them."""

    def test_gated_results_are_ungated_results(
        self, texts: list[str], taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Same results, gated and ungated, on every text."""
        gated = [star.find_results(t, taxonomy=taxonomy) for t in texts]
        monkeypatch.setattr(star, "_runs", lambda lower: _EveryWord())
        ungated = [star.find_results(t, taxonomy=taxonomy) for t in texts]
        assert sum(map(bool, gated)) > 100  # the texts hold results to find
        for text, found, expected in zip(texts, gated, ungated, strict=True):
            assert found == expected, text


class TestPrechecks:
    """The tests run before a scan, or in its place, answer as the scan does."""

    def test_ascii_twins_find_what_their_patterns_find(
        self, texts: list[str], taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`find_results` with the ASCII twins on the ASCII texts they are for finds what it
        finds with the patterns as they are; so does every twin's scan."""
        plain = [t for t in texts if star._scans(t) is star._ASCII_SCANS]
        assert len(plain) > 5_000
        # Whitespace that `\s` matches only outside ASCII mode: such a text keeps the patterns.
        assert star._scans("Cut cost by 5\x1c%") is star._SCANS
        assert star._scans("Cut cost by 5\t%") is star._ASCII_SCANS
        twins = [star.find_results(t, taxonomy=taxonomy) for t in plain]
        monkeypatch.setattr(star, "_ASCII_SCANS", star._SCANS)
        assert twins == [star.find_results(t, taxonomy=taxonomy) for t in plain]
        for name, twin in vars(star._Scans(star._ascii_twin)).items():
            pattern = getattr(star._SCANS, name)
            pairs = (
                zip(twin, pattern, strict=True) if isinstance(twin, tuple) else [(twin, pattern)]
            )
            for ascii_scan, scan in pairs:
                if isinstance(ascii_scan, tuple):  # an outcome: its gate words, its pattern
                    ascii_scan, scan = ascii_scan[1], scan[1]
                for text in plain:
                    found = [m.span() for m in ascii_scan.finditer(text)]
                    assert found == [m.span() for m in scan.finditer(text)], (name, text)

    def test_runs_split_is_runs_scan(self, texts: list[str]) -> None:
        """An ASCII text split where `_RUN` stops has the runs the pattern finds in it."""
        ascii_texts = [folded(t) for t in texts if t.isascii()]
        assert len(ascii_texts) > 5_000
        for lower in [*ascii_texts, *(t.upper() for t in ascii_texts)]:
            assert star._runs(lower) == frozenset(star._RUN.findall(lower)), lower

    def test_words_split_is_words_scan(self, texts: list[str]) -> None:
        """An ASCII text split at `_WORD_BYTES` has the words `_WORD` finds in it."""
        rng = random.Random(3)
        marks = "aZ09 _'+#$%./-,;:()&\t\n"
        runs = ["".join(rng.choices(marks, k=rng.randint(0, 15))) for _ in range(20_000)]
        ascii_texts = [t for t in [*texts, *runs] if t.isascii()]
        assert len(ascii_texts) > 20_000
        for text in ascii_texts:
            assert star._words(text) == star._WORD.findall(text), text

    def test_no_dotted_version_without_the_points(self, texts: list[str]) -> None:
        """A text `_may_be_dotted` turns away holds no dotted version."""
        turned_away = [t for t in texts if not star._may_be_dotted(t)]
        assert len(turned_away) > 5_000
        assert sum(map(star._may_be_dotted, texts)) > 50  # the texts hold ones it lets by
        for text in [*turned_away, "v3.11.2.", "1.2.3. 4.5", "a. 1.2.3", "3.11.2"]:
            if not star._may_be_dotted(text):
                assert star._DOTTED_VERSION.search(text) is None, text


class TestRuleGates:
    """The context phrases and the pronoun and buzzword rules find with the text's runs what
    they find without."""

    def test_first_person_gate(self, contexts: list[star.BulletContext]) -> None:
        """Same first-person flags with the runs as with every word."""
        found = 0
        for ctx in contexts:
            flags = list(star._first_person(ctx))
            found += bool(flags)
            everything = dataclasses.replace(ctx, runs=_EveryWord())
            assert flags == list(star._first_person(everything)), ctx.text
        assert found > 50

    def test_buzzword_gate(self, contexts: list[star.BulletContext]) -> None:
        """Same buzzwords with the text's runs as with the sentence's own words."""
        found = 0
        for ctx in contexts:
            buzz = star._find_buzzwords(ctx.sentence, ctx.taxonomy, ctx.runs)
            found += bool(buzz)
            assert buzz == star._find_buzzwords(ctx.sentence, ctx.taxonomy), ctx.text
        assert found > 20


class TestFigureUnits:
    """One pattern for a figure and its unit finds what one pattern for each unit found."""

    def test_one_pattern_finds_what_four_found(self, texts: list[str]) -> None:
        """Same spans on every text, as `_NUM` followed by each unit in turn finds them, bar
        one inside another's that ends where it ends ("5%" in "$5%")."""
        num, mag = star._NUM, star._MAG
        each = [
            re.compile(num + r"\s?(?:%|percent\b|pp\b|percentage points?\b)"),
            re.compile(num + mag + r"\s?(?:USD|EUR|GBP|dollars|euros)\b"),
            re.compile(num + r"\s?[x×](?![\w])"),
            re.compile(
                num + r"\+?\s?(?:ms|milliseconds?|µs|ns|seconds?|secs?|minutes?|mins?|hours?|hrs?|"
                r"days?|weeks?|months?)\b"
            ),
        ]
        traps = ["$5%", "€3 USD", "5,x", "2 ms", "3 m USD", "4 dollars 5 days", "5 million USD"]
        for text in [*texts, *traps]:
            found = {m.span() for m in FIGURE_WITH_UNIT.finditer(text)}
            expected = {m.span() for p in each for m in p.finditer(text)}
            assert found <= expected, text
            for start, end in expected - found:
                assert any(s < start and e == end for s, e in found), text

    def test_context_gate(self, contexts: list[star.BulletContext]) -> None:
        """Same context phrases with the text's runs as without: the gate, and the scan for
        only the phrases whose runs the text holds (`_context_scan`), find what `_CONTEXT`
        finds."""
        found = 0
        for ctx in contexts:
            phrases = star.find_context(ctx.sentence, ctx.runs)
            found += bool(phrases)
            assert phrases == star.find_context(ctx.sentence), ctx.text
        assert found > 100


class TestContextBuild:
    """`BulletContext.of` sets its fields at once; the context is the one `__init__` makes."""

    def test_made_context_is_init_made(self, texts: list[str], taxonomy: Taxonomy) -> None:
        """Same fields, in field order, and as frozen as a context made by `__init__`."""
        names = [f.name for f in dataclasses.fields(star.BulletContext)]
        for text in texts[:3000]:
            ctx = star.BulletContext.of(text, taxonomy, current=False)
            made = star.BulletContext(**{name: getattr(ctx, name) for name in names})
            assert list(vars(ctx)) == names
            assert vars(ctx) == vars(made), text
            with pytest.raises(dataclasses.FrozenInstanceError):
                ctx.lead = "Led"  # type: ignore[misc]


class TestFiguresThen:
    """`_figures_then`, one scan for figures with their units and their counts, finds what a
    scan for each found (`FIGURE_WITH_UNIT`, `COUNT`)."""

    @staticmethod
    def two_scans(text: str, start: int) -> list[tuple[int, int]]:
        """The spans of the two scans, as `_find_results` took them before."""
        spans = [m.span() for m in FIGURE_WITH_UNIT.finditer(text, start)]
        for m in COUNT.finditer(text, start):
            magnitude, unit, second = m.groups()
            unit = unit.lower()
            if unit in star._NOT_UNITS:
                continue
            plural = unit.endswith("s")
            if not magnitude and not plural and star._YEAR.fullmatch(m.group(0).split()[0]):
                continue
            spans.append((m.start(), m.end() if second and not plural else m.end(2)))
        return sorted(spans)

    def test_one_scan_finds_what_two_found(self, texts: list[str]) -> None:
        """Same spans, from the start and from the first figure, on every text, traps and random
        runs of figures, units and counted words."""
        rng = random.Random(13)
        pieces = ["$", "€", "5", "12", "2019", ",", ".", "/", " ", "  ", "a-", "k", "M", "m",
                  "%", "x", "ms", "hours", "USD", "teams", "users", "of", "+", "-", "٣", "_",
                  "years", "k8s", "\n", "e"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 14))) for _ in range(20_000)]
        traps = ["3 a-5% teams", "$5 users", "$5%", "2019 workshop 2019 teams", "5 k-3 ms x",
                 "10 ms 20 users", "3 of 5 teams", "1,000.5 ms", "5,x", "$$5 teams"]  # fmt: skip
        found = 0
        for text in [*texts, *traps, *runs]:
            figure = star._FIGURE.search(text)
            for start in {0, figure.start() if figure else 0}:
                spans: list[tuple[int, int]] = []
                star._figures_then(text, start, spans)
                expected = self.two_scans(text, start)
                assert sorted(spans) == expected, text
                found += bool(expected)
        assert found > 2_000


class TestLeadGate:
    """`clean_bullet` skips `_LEAD` only where it would strip nothing."""

    def test_no_lead_where_the_gate_says_none(self, texts: list[str]) -> None:
        """On every text, traps and random runs, joined as `clean_bullet` joins them, a text
        `_may_have_lead` turns away is one `_LEAD` matches empty."""
        rng = random.Random(17)
        pieces = ["a", "h", "i", "iv", "viii", "x", "B", "I", "V", "é", "ß", "Ⅳ", "٣", "1", "12",
                  ".", ")", "(", " ", "•", "$", "_", "Built", "-"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(20_000)]
        traps = ["a. Built", "iv) Built", "viii. Built", "Ivy. x", "B) x", "Civ. x", "ia. x",
                 "Built", "x) y", "ß. x", "Ⅳ. x", "é) x", "a.b", "abcd. x", "abcde. x"]  # fmt: skip
        turned_away = 0
        for text in [*texts, *traps, *runs]:
            text = " ".join(text.split())
            if not star._may_have_lead(text):
                turned_away += 1
                lead = star._LEAD.match(text)
                assert lead is not None and lead.end() == 0, text
        assert turned_away > 5_000
