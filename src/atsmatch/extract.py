"""Find taxonomy skills in text: spaCy tokenizer + PhraseMatcher, case and context rules, typo tier.

Three tiers, cheapest first:
1. exact phrases, case-insensitive (`PhraseMatcher(attr="LOWER")`) for names and aliases that are
   not English words, with the plural of the last word added;
2. exact phrases, case-sensitive (`attr="ORTH"`) for forms like "R", "Go", "Spark", "Lambda" that
   are also words or letters; when the entry lists `context` words, the block must also hold one of
   them, a skill of the same category or a related skill, or be a list of skills;
3. a typo tier on the tokens nothing matched ("Kubernates", "Tenser Flow"), reported as fuzzy.

An `Extractor` is built once per taxonomy (about a second) and is then read-only, so one instance
serves every thread.
"""

from __future__ import annotations

import itertools
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from atsmatch.english import is_ordinary, zipf
from atsmatch.models import Block, SkillHit
from atsmatch.morphology import build_concepts, concept_spans, surface_variants

if TYPE_CHECKING:
    from atsmatch.taxonomy import Skill, Taxonomy

__all__ = ["Extractor", "ambiguities"]

# Typo tier: only tokens this long, compared with `fuzz.ratio` (never WRatio, which scores a
# fragment inside a longer string as a match). 90 allows one edit in ten characters.
_FUZZY_MIN_LEN = 7
_FUZZY_CUTOFF = 90.0
_COMPACT_MIN_LEN = 6  # "Tensor Flow" -> TensorFlow; shorter joins ("Go Lang") are too risky
_TYPO_CACHE_SIZE = 50_000
_SPLIT_HEAD_MAX = 8
# Tokens glued to a short alias on these sides belong to another word: Objective-C, C-suite, R&D.
_GLUE_BEFORE = frozenset("-.'&_")
_GLUE_AFTER = frozenset("+#-&_'")
# A block reads as a list of skills when it is mostly short comma/pipe separated items.
# Bullets and slashes are left out: "Notion • San Francisco, CA" is an employer line, not a list.
_LIST_SPLIT = re.compile(r"[,|;]")
_URLISH = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|org|net|dev|ai)/\S*")
_URL_TRIGGER = re.compile(r"[@/]|www\.")  # no `_URLISH` match without one of these
_SPACE = re.compile(r"\s")
# Words the typo tier must never touch: common English words of seven letters or more that sit
# one edit away from a vocabulary form.
# Endings common in English words and rare in tool names ("Ministerial" is not "Ministral").
_ENGLISH_ENDINGS = (
    "ing", "ed", "ly", "tion", "sion", "ment", "ness", "able", "ible", "ies", "ial", "ous",
    "ity", "ence", "ance", "ism", "ive", "ful", "less",
)  # fmt: skip
_SKILL_LIST_SECTIONS = frozenset({"skills"})
# Names that are ordinary words ("Beats", "Torch", "augmentation") need evidence in these
# categories; soft skills are ordinary words by nature and weigh little.
_WORDY_CATEGORIES = frozenset({"soft_skill"})
_TYPO_WORD = 3.0  # a word this frequent in English (Zipf) is a word, never a misspelt tool
_ALIAS_WORD = 3.0  # a lowercase alias this frequent is an ordinary word ("augmentation" 3.1)
_NAME_WORD = 3.5  # a capitalised one ("Torch" 3.7, "Beats" 4.2; "Airflow" 3.1 stays a name)
# Words just before a name that say a skill follows: "experience with Ray", "such as Feast".
_TRIGGER = re.compile(
    r"(?:\b(?:experience[ds]?|expertise|proficien(?:t|cy)|skilled|knowledge|familiar(?:ity)?"
    r"|background|fluen(?:t|cy)|competen(?:t|ce|cy)|hands-on\s+experience)\s+(?:with|in|of)"
    r"|\bsuch\s+as|\be\.g\.)(?:\s+(?:a|an|the|modern|strong|solid))?\s*[:(]?\s*$",
    re.I,
)
_TRIGGER_WINDOW = 48
_VALUE_BEFORE = re.compile(r"\d(?:[.,]\d+)?\s*%?\s*$")
_VALUE_AFTER = re.compile(r"\s*(?:of|at|=|:|@)?\s*\d")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # "PCA", "MLE", "K8S"
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a", "an"})
# ISO 4217 codes that are also vocabulary forms or look like them: "SGD 5,000" is money, not
# stochastic gradient descent.
_CURRENCY = frozenset(
    {"USD", "EUR", "GBP", "SGD", "AUD", "CAD", "INR", "JPY", "CHF", "CNY", "HKD", "NZD", "SEK"}
)
_AMOUNT_AFTER = re.compile(r"\s?[$€£]?\d")
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*[kKmM]?\s?$")
# What joins two names of one list: "Ray or Feast", "Word, PowerPoint, Excel", "EMR/Spark".
_LIST_JOIN = re.compile(r"^(?:\s*[,/&]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|and/or)\s+)$", re.I)


_BLOCK_SEP = "\n\n"
_VOCAB_GROWTH = 100_000  # new words kept in spaCy's vocabulary (about 55 MB), then dropped
_DASH = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")  # hyphens, en and em dash, minus
# A word starting with a capital: \b[A-Z] written as a capital not preceded by a word character,
# since a pattern that opens with a character class lets the regex engine skip to the capitals.
_CAPITAL_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[^\W\d_]*")
_NEXT_WORD = re.compile(r"[ -]([^\W\d_]+)(?![^\W\d_])")
_WORD = re.compile(r"[\w+#]+(?:[.-][\w+#]+)*")


class _Candidate(NamedTuple):
    """A match before the context rules decide on it (a tuple: built a hundred times a call)."""

    start: int
    end: int
    skill_id: str
    alias: str
    sensitive: bool
    fuzzy: bool
    ordinary: bool = False  # an alias that is also an English word, not written as a name


@dataclass(frozen=True, slots=True)
class _Form:
    """One matchable spelling of a skill."""

    skill_id: str
    text: str  # the vocabulary form as written
    case_sensitive: bool
    ordinary: bool = False  # an alias that is an English word: needs evidence unless a name


class Extractor:
    """Compiled matcher for one taxonomy: build once, reuse everywhere (thread-safe).

    >>> from atsmatch.taxonomy import load_taxonomy
    >>> hits = Extractor(load_taxonomy()).extract_text("Built pipelines in PySpark and C++")
    >>> sorted({h.name for h in hits})
    ['C++', 'PySpark']
    """

    def __init__(self, taxonomy: Taxonomy, *, fuzzy: bool = True) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokenizer import Tokenizer

        self.taxonomy = taxonomy
        self.fuzzy = fuzzy
        nlp = spacy.blank("en")
        default: Any = nlp.tokenizer
        # The default tokenizer's URL matcher and exception table cost 30x the time of the
        # affix rules alone; skills need neither, so keep only prefix/suffix/infix splitting.
        self._vocab = nlp.vocab
        self._tokenizer = Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=default.prefix_search,
            suffix_search=default.suffix_search,
            infix_finditer=default.infix_finditer,
        )
        for special in ("C#", "c#", "F#", "f#", "J#", "j#"):
            self._tokenizer.add_special_case(special, [{"ORTH": special}])
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._forms: dict[tuple[str, bool, str], _Form] = {}
        # Typo tier: long one-word forms by first letter, and every form without spaces/hyphens.
        self._fuzzy_buckets: dict[str, dict[str, _Form]] = {}
        self._compact: dict[str, _Form] = {}
        self._compact_heads: set[str] = set()  # first parts a split compact form can start with
        self._typo_cache: dict[str, _Form | None] = {}
        self._context: dict[str, frozenset[str]] = {}
        self._family: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()  # guards the memory zone and the PhraseMatcher calls
        self._concepts = taxonomy.derived(build_concepts)
        self._compile(taxonomy.skills.values())

    # ------------------------------------------------------------------ build
    def _compile(self, skills: Iterable[Skill]) -> None:
        lower: dict[str, list[str]] = {}
        orth: dict[str, list[str]] = {}
        for skill in skills:
            sensitive = set(skill.case_sensitive)
            forms = [skill.name, *skill.aliases]
            for form in dict.fromkeys(forms):
                if form in sensitive:
                    continue
                alias = form.casefold() != skill.name.casefold()
                if _exact_case(form, alias=alias):  # "DiD" is not "did", "ROUGE" not "rouge"
                    self._add_form(orth, skill.id, form, case_sensitive=True)
                    continue
                ordinary = (
                    alias and skill.category not in _WORDY_CATEGORIES and _ordinary_word(form)
                )
                self._add_form(lower, skill.id, form, case_sensitive=False, ordinary=ordinary)
            for form in skill.case_sensitive:
                self._add_form(orth, skill.id, form, case_sensitive=True)
            if skill.context:
                self._context[skill.id] = frozenset(w.casefold() for w in skill.context)
            family = {r.id for r in skill.parents} | {r.id for r in skill.related}
            family |= set(self.taxonomy.children(skill.id))
            family |= {r.id for r in self.taxonomy.related_to(skill.id)}
            self._family[skill.id] = frozenset(family)
        for key, texts in lower.items():
            self._lower.add(key, list(self._tokenizer.pipe(texts)))
        for key, texts in orth.items():
            self._orth.add(key, list(self._tokenizer.pipe(texts)))
        self._vocab_cap = len(self._vocab.strings) + _VOCAB_GROWTH

    def _add_form(
        self,
        table: dict[str, list[str]],
        skill_id: str,
        form: str,
        *,
        case_sensitive: bool,
        ordinary: bool = False,
    ) -> None:
        for variant in [form, *surface_variants(form)]:
            surface = " ".join(_DASH.sub("-", variant).split())
            slot = (skill_id, case_sensitive, surface if case_sensitive else surface.lower())
            if slot in self._forms:
                continue
            self._forms[slot] = _Form(skill_id, form, case_sensitive, ordinary)
            table.setdefault(skill_id, []).append(variant)
        if case_sensitive:
            return
        folded = form.casefold()
        if len(form) >= _FUZZY_MIN_LEN and form.isalpha():
            bucket = self._fuzzy_buckets.setdefault(folded[0], {})
            bucket.setdefault(folded, _Form(skill_id, form, False))
        compact = re.sub(r"[\s-]", "", folded)
        if len(compact) >= _COMPACT_MIN_LEN and compact.isalpha():
            self._compact.setdefault(compact, _Form(skill_id, form, False))
            # Split spellings break a name near its start ("Py Torch", "Tensor Flow").
            last = min(len(compact) - 2, _SPLIT_HEAD_MAX)
            self._compact_heads.update(compact[:cut] for cut in range(2, last + 1))

    def patterns(self) -> list[tuple[str, str]]:
        """Every (form, skill id) pair the exact tiers match, for loading into other tools."""
        return sorted({(f.text, f.skill_id) for f in self._forms.values()})

    # ---------------------------------------------------------------- extract
    def extract_text(self, text: str, *, section: str = "other") -> list[SkillHit]:
        """Skills in one piece of text, treated as a single block."""
        return self.extract_blocks([Block(text=text, kind="line", section=section, line=0)])

    def extract_blocks(self, blocks: Sequence[Block]) -> list[SkillHit]:
        """Skills in each block, in block order then text order.

        All blocks are tokenised and matched in one pass over their texts joined by blank lines:
        a blank line is a token of its own, so no phrase runs from one block into the next.
        """
        starts: list[int] = []
        offset = 0
        for block in blocks:
            starts.append(offset)
            offset += len(block.text) + len(_BLOCK_SEP)
        # Dashes become "-" for matching ("Engineer – Associate"); one character for one, so
        # every offset still points into the blocks' own text.
        text = _BLOCK_SEP.join(block.text for block in blocks)
        text = _DASH.sub("-", text)  # 10x faster than str.translate on a page of text
        if not text.strip():
            return []
        # Every new word a document brings stays in spaCy's vocabulary for good: a service reading
        # a million resumes would grow by their names, e-mails and numbers. The first
        # _VOCAB_GROWTH new words stay (the tokenizer caches them, and most later words are among
        # them); past that, each call runs in a memory zone, whose end drops the words it added.
        # A zone is not thread-safe (its end drops what other threads added meanwhile): the lock.
        zone: AbstractContextManager[object] = nullcontext()
        if len(self._vocab.strings) >= self._vocab_cap:
            zone = self._vocab.memory_zone()
        with self._lock, zone:
            doc = self._tokenizer(text)
            spans: list[tuple[int, int, str, bool]] = []
            for start_tok, end_tok, skill_id, sensitive in self._longest(doc):
                last = doc[end_tok - 1]  # Token access is 5x cheaper than building a Span
                spans.append((doc[start_tok].idx, last.idx + len(last), skill_id, sensitive))
        covered = bytearray(len(text))  # 1 where a match or a URL already claims the character
        for url in _urls(text):
            covered[url.start() : url.end()] = b"\x01" * (url.end() - url.start())
        candidates: list[_Candidate] = []
        for start, end, skill_id, sensitive in spans:
            if covered[start] or not _clean_edges(text, start, end) or _money(text, start, end):
                continue
            key = " ".join(text[start:end].split())
            form = self._forms.get((skill_id, sensitive, key if sensitive else key.lower()))
            alias = form.text if form is not None else self.taxonomy.skills[skill_id].name
            ordinary = form is not None and form.ordinary and not _written_as_name(text, start)
            candidates.append(_Candidate(start, end, skill_id, alias, sensitive, False, ordinary))
            covered[start:end] = b"\x01" * (end - start)
        for start, end, skill_id in concept_spans(text, self._concepts):  # "cleaned the data"
            if not any(covered[start:end]):
                name = self.taxonomy.skills[skill_id].name
                candidates.append(_Candidate(start, end, skill_id, name, False, False))
                covered[start:end] = b"\x01" * (end - start)
        if self.fuzzy:
            candidates.extend(self._typos(text, covered))
        # Matches never share a character, so their starts differ and sorting the tuples puts
        # them in block order and, within a block, in text order.
        candidates.sort()
        indexes = [bisect_right(starts, cand.start) - 1 for cand in candidates]
        rejected = self._out_of_context(blocks, candidates, indexes, starts)
        skills = self.taxonomy.skills
        hits: list[SkillHit] = []
        for cand, index in zip(candidates, indexes, strict=True):
            if rejected and cand in rejected:
                continue
            block, skill = blocks[index], skills[cand.skill_id]
            start, end = cand.start - starts[index], cand.end - starts[index]
            hits.append(
                SkillHit(
                    skill_id=skill.id,
                    name=skill.name,
                    category=skill.category,
                    alias=cand.alias,
                    text=block.text[start:end],
                    start=start,
                    end=end,
                    block=index,
                    line=block.line,
                    section=block.section,
                    fuzzy=cand.fuzzy,
                )
            )
        return hits

    def _longest(self, doc: Any) -> list[tuple[int, int, str, bool]]:
        """Both matchers' matches, the longest kept where they overlap (C# beats C, Apache Spark
        beats Spark), in text order.

        Ties go to the leftmost, then the case-insensitive match, then the matcher's own order
        (`i`, so the tuples sort without ever comparing match ids).
        """
        strings = doc.vocab.strings
        ranked = [(s - e, s, False, i, e, m) for i, (m, s, e) in enumerate(self._lower(doc))]
        ranked += [(s - e, s, True, i, e, m) for i, (m, s, e) in enumerate(self._orth(doc))]
        ranked.sort()
        taken = bytearray(len(doc))
        kept: list[tuple[int, int, str, bool]] = []
        for _, start, sensitive, _, end, match_id in ranked:
            if 1 in taken[start:end]:
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, strings[match_id], sensitive))
        kept.sort()
        return kept

    def _typos(self, text: str, covered: bytearray) -> list[_Candidate]:
        """Typo-tier hits among capitalised words no exact tier matched.

        Tool names are written capitalised, so only capitalised words are looked at (which keeps
        this tier cheap and away from English words one edit from a tool, "catching"/Caching):
        two words that form one vocabulary form ("Tensor Flow", "Data bricks"), one word that is
        a form without its space or hyphen ("Scikitlearn"), then a misspelling ("Kubernates") of
        a word that does not open its block (a bullet opens with a verb, not a tool).
        """
        found: list[_Candidate] = []
        heads, compact = self._compact_heads, self._compact
        resume_at = 0
        for word in _CAPITAL_WORD.finditer(text):
            start, end = word.span()
            if covered[start] or start < resume_at:
                continue
            folded = word.group().lower()
            if folded in heads and text[end : end + 1] in (" ", "-"):
                following = _NEXT_WORD.match(text, end)
                if following is not None and not covered[following.start(1)]:
                    form = compact.get(folded + following.group(1).lower())
                    if form is not None:
                        stop = following.end(1)
                        found.append(_Candidate(start, stop, form.skill_id, form.text, False, True))
                        resume_at = stop
                        continue
            if end - start < _COMPACT_MIN_LEN:
                continue
            form = compact.get(folded)
            if form is None and end - start >= _FUZZY_MIN_LEN and not _opens_block(text, start):
                form = self._misspelt(folded)
            if form is not None:
                found.append(_Candidate(start, end, form.skill_id, form.text, False, True))
        return found

    def _misspelt(self, word: str) -> _Form | None:
        """The long vocabulary word within one edit of `word` (compared within its first letter)."""
        if len(word) < _FUZZY_MIN_LEN or word.endswith(_ENGLISH_ENDINGS):
            return None
        if zipf(word) >= _TYPO_WORD:  # "Mathematics" is a word, not a misspelt Mathematica
            return None
        if word in self._typo_cache:
            return self._typo_cache[word]
        from rapidfuzz import fuzz, process

        bucket = self._fuzzy_buckets.get(word[0], {})
        best = process.extractOne(
            word, bucket.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        form = bucket[best[0]] if best is not None else None
        if best is not None and (best[0].startswith(word) or word.startswith(best[0])):
            form = None  # a word that only adds or drops an ending is another word (Network/X)
        if len(self._typo_cache) > _TYPO_CACHE_SIZE:
            self._typo_cache.clear()
        self._typo_cache[word] = form  # a plain dict write is atomic under the GIL
        return form

    def _out_of_context(
        self,
        blocks: Sequence[Block],
        candidates: list[_Candidate],
        indexes: list[int],
        starts: list[int],
    ) -> set[_Candidate]:
        """Doubtful candidates that their block does not back up.

        Doubtful: a case-sensitive form with context words ("Spark"), or an ordinary English
        alias not written as a name ("beats", "torch"). A block backs one up when it is a list of
        skills, or holds a context word, a skill of the same category or a related skill, or
        when a trigger stands just before it ("experience with Ray") or a backed-up skill of its
        category or family beside it in a list ("Ray or Feast", "Word, PowerPoint, Excel").
        `indexes` holds each candidate's block, `starts` each block's offset in the joined text.
        """
        context = self._context

        def doubtful(cand: _Candidate) -> bool:
            return cand.ordinary or (cand.sensitive and cand.skill_id in context)

        doubtful_blocks = {
            index for cand, index in zip(candidates, indexes, strict=True) if doubtful(cand)
        }
        rejected: set[_Candidate] = set()
        for index in sorted(doubtful_blocks):
            block = blocks[index]
            if block.section in _SKILL_LIST_SECTIONS or _looks_like_list(block.text):
                continue
            in_block = [c for c, i in zip(candidates, indexes, strict=True) if i == index]
            unsure = [c for c in in_block if doubtful(c)]
            sure = {c.skill_id for c in in_block if c not in unsure}
            accepted = {c for c in unsure if self._backed(c, block.text, starts[index], sure)}
            # A doubtful name listed beside a sure or backed-up one of its kind is backed up too.
            changed = True
            while changed:
                changed = False
                for left, right in itertools.pairwise(in_block):
                    left_ok = left in accepted or left not in unsure
                    right_ok = right in accepted or right not in unsure
                    gap = block.text[left.end - starts[index] : right.start - starts[index]]
                    if left_ok != right_ok and self._alike(left, right) and _LIST_JOIN.match(gap):
                        accepted.update(c for c in (left, right) if c in unsure)
                        changed = True
            rejected.update(c for c in unsure if c not in accepted)
        return rejected

    def _alike(self, one: _Candidate, other: _Candidate) -> bool:
        """True for two skills of one category or family (a list of like things)."""
        skills = self.taxonomy.skills
        if skills[one.skill_id].category == skills[other.skill_id].category:
            return True
        return (
            other.skill_id in self._family[one.skill_id]
            or one.skill_id in self._family[other.skill_id]
        )

    def _backed(self, cand: _Candidate, text: str, offset: int, sure: set[str]) -> bool:
        """True when the block backs a doubtful candidate up: a context word, a sure skill of
        the same category or family, or a trigger just before it ("experience with")."""
        skills = self.taxonomy.skills
        if skills[cand.skill_id].category in {skills[s].category for s in sure}:
            return True
        if not self._family[cand.skill_id].isdisjoint(sure):
            return True
        before = text[max(0, cand.start - offset - _TRIGGER_WINDOW) : cand.start - offset]
        if _TRIGGER.search(before) is not None:
            return True
        if skills[cand.skill_id].category == "metric" and (
            _VALUE_BEFORE.search(before) or _VALUE_AFTER.match(text, cand.end - offset)
        ):
            return True  # "0.93 precision", "recall of 0.8": a metric with its value
        words = self._context.get(cand.skill_id, frozenset())
        if not words:
            return False
        folded = text.casefold()
        folded_words = set(_WORD.findall(folded))
        folded_words |= {w[:-1] for w in folded_words if w.endswith("s")}  # "workspaces"
        return any(w in folded_words if " " not in w else w in folded for w in words)


def ambiguities(taxonomy: Taxonomy) -> list[str]:
    """What `vocab check` warns about: abbreviations two entries share, and names that are
    frequent English words with no rule to tell the word from the skill.

    An abbreviation (2-6 capitals) collides when another entry also lists it or is named by
    three or more English words with those initials ("PCA" beside "Principal Component
    Analysis"). A name needs a
    rule when it is an ordinary English word (wordfreq) and the entry has no `context` words and
    no case-sensitive form: aliases that are words are checked in context by the extractor.
    """
    skills = sorted(taxonomy.skills.values(), key=lambda s: s.id)
    listed: dict[str, set[str]] = {}  # abbreviation -> entries that list it
    spelled: dict[str, set[str]] = {}  # abbreviation -> entries named by words with its initials
    for skill in skills:
        for form in (skill.name, *skill.aliases, *skill.case_sensitive):
            if _ABBREVIATION.fullmatch(form):
                listed.setdefault(form, set()).add(skill.id)
            words = [w for w in re.findall(r"[A-Za-z]+", form) if w.lower() not in _MINOR_WORDS]
            if len(words) >= 3 and all(map(is_ordinary, words)):  # not "Apache Airflow DAG"
                spelled.setdefault("".join(w[0] for w in words).upper(), set()).add(skill.id)
    lines = []
    for form, ids in sorted(listed.items()):
        owners = ids | spelled.get(form, set())
        if len(owners) > 1:
            lines.append(f"{form}: abbreviation of {', '.join(sorted(owners))}")
    lines += [
        f"{skill.id}: the name {skill.name!r} is a frequent English word and has no context rule"
        for skill in skills
        if skill.category not in _WORDY_CATEGORIES
        and skill.name.isalpha()
        and (skill.name.istitle() or skill.name.islower())
        and not skill.context
        and not skill.case_sensitive
        and is_ordinary(skill.name)
    ]
    return lines


def _clean_edges(text: str, start: int, end: int) -> bool:
    """False when the match is glued to a neighbouring word: C in Objective-C, R in R&D."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if end - start <= 2:
        return before not in _GLUE_BEFORE and after not in _GLUE_AFTER
    return True


def _urls(text: str) -> Iterator[re.Match[str]]:
    """URLs and e-mail addresses: `_URLISH` run only on the whitespace-free runs that can hold one.

    Every `_URLISH` match ends where its run of non-spaces ends, so a run holds at most one and
    searching run by run finds the same matches as `finditer` over the whole text, which costs
    far more: it tries its e-mail branch from every character of every word.
    """
    done = 0  # where the last run searched ends
    for trigger in _URL_TRIGGER.finditer(text):
        start = trigger.start()
        if start < done:
            continue
        while start > done and not text[start - 1].isspace():  # the spaces the regex means
            start -= 1
        space = _SPACE.search(text, trigger.end())
        done = space.start() if space is not None else len(text)
        url = _URLISH.search(text, start, done)
        if url is not None:
            yield url


def _opens_block(text: str, start: int) -> bool:
    """True when only spaces, bullets or punctuation stand between the block start and `start`."""
    i = start - 1
    while i >= 0 and not text[i].isalnum():
        if text.startswith(_BLOCK_SEP, i):
            return True
        i -= 1
    return i < 0


def _money(text: str, start: int, end: int) -> bool:
    """True for a currency code beside an amount ("SGD 5,000", "120k EUR")."""
    if end - start != 3 or text[start:end] not in _CURRENCY:
        return False
    return bool(
        _AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text, max(0, start - 16), start)
    )


def _exact_case(form: str, *, alias: bool) -> bool:
    """True for an English word the vocabulary writes in capitals ("ROUGE", "RAPIDS") or, for an
    alias, with inner capitals ("DiD", "HyDE"): matched only as written. Short acronyms ("HTML",
    "ML") are not words, and a name with inner capitals is a product ("JavaScript")."""
    if not form.isalpha() or form.islower() or form.istitle():
        return False
    if form.isupper() and len(form) <= 4:
        return False
    return (form.isupper() or alias) and is_ordinary(form)


def _ordinary_word(form: str) -> bool:
    """True for a one-word alias that is an English word ("Beats", "augmentation", "Torch").

    Only aliases: a name that is also a word is the entry's identity ("Python", "Java", written
    lowercase in many postings); an alias that is a word is a shortcut that collides. An alias
    the vocabulary capitalises is a product name ("Airflow"), so only a very frequent one counts
    ("Torch", "Beats"); acronyms in capitals are names, not words.
    """
    if not form.isalpha() or form.isupper():
        return False
    return zipf(form) >= (_ALIAS_WORD if form.islower() else _NAME_WORD)


def _written_as_name(text: str, start: int) -> bool:
    """True when the word at `start` is capitalised inside a sentence, as a name is ("Torch"),
    not only because it opens the block or a sentence."""
    if not text[start].isupper():
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in ".!?:;\n\u2022*-(" and not text.startswith(_BLOCK_SEP, i - 1)


def _looks_like_list(text: str) -> bool:
    """A line such as "Languages: Python, R, SQL" or "Go | Rust | C++"."""
    body = text.split(":", 1)[1] if ":" in text[:40] else text
    sizes = [len(item.split()) for item in _LIST_SPLIT.split(body) if item.strip()]
    return len(sizes) >= 3 and max(sizes) <= 4 and sum(sizes) <= 2 * len(sizes)
