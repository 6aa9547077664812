"""Which language a document is written in, when it is clearly not English.

The vocabulary, the headings and the scoring rules are English: a Spanish posting still shares
tool names with an English resume and would score as a "strong match" on them alone. So a match
says when either side is in another language (finding `non-english`) instead of scoring it as if
it were English.

English text is recognised cheaply by its function words ("the", "and", "with", ...), so most
documents never load the language model; the rest go to py3langid (a naive Bayes model over byte
n-grams, 97 languages, offline), loaded once per process on first need (about a second).

>>> detect_language("Buscamos una ingeniera de datos con experiencia en Python y SQL para "
...     "nuestro equipo de plataforma. Requisitos: tres años de experiencia con Spark, Airflow "
...     "y la nube, y ganas de aprender con nosotros.")
'es'
>>> detect_language("Built data pipelines with Spark and Airflow for the payments team.") is None
True
"""

from __future__ import annotations

import re
import threading
from typing import Any

__all__ = ["LANGUAGE_NAMES", "detect_language", "language_name"]

_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = ".,;:!?()[]\"'%/|•–—-"  # none of it is part of a word
# Common English words that are not skills: their share tells English text at a glance.
_ENGLISH = frozenset(
    {
        "the", "and", "of", "to", "in", "with", "for", "a", "an", "is", "are", "you", "we",
        "our", "on", "as", "be", "will", "or", "your", "at", "by", "from", "this", "that",
        "have", "has", "who", "what", "can", "about", "experience", "work", "team", "years",
        "using", "across", "into", "their", "which", "it", "not", "all", "more", "new", "other",
        "its", "than", "including", "strong", "ability", "knowledge", "skills",
    }
)  # fmt: skip
# Each of them lower-case, capitalised and in capitals: a set the words are looked up in as
# they are written (every other way of writing one is rare).
_ENGLISH_WRITTEN = frozenset(
    form for word in _ENGLISH for form in (word, word.capitalize(), word.upper())
)
_ENGLISH_SHARE = 0.08  # resumes run to 10-20 %, prose to 30 %; Spanish or German text to 1-3 %
_MIN_WORDS = 25  # below this a document is too short to judge
_SAMPLE = 20_000  # characters given to the model
_CONFIDENCE = 0.9
LANGUAGE_NAMES = {
    "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "es": "Spanish", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip

_lock = threading.Lock()
_model: list[Any] = []  # the one identifier of the process, once loaded


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language when it is confidently not English, else None.

    None also for text too short to judge or that the model cannot place with confidence
    (a list of tool names reads as no language at all).
    """
    sample = text[:_SAMPLE]
    tokens = sample.split()
    if _surely_english(tokens):
        return None
    words = _words(tokens)
    if len(words) < _MIN_WORDS or _english_words(words) >= _ENGLISH_SHARE * len(words):
        return None
    language, confidence = _identifier().classify(sample)
    if language == "en" or confidence < _CONFIDENCE:
        return None
    return str(language)


def _surely_english(tokens: list[str]) -> bool:
    """The English verdict from bounds, without taking every token apart: the tokens that are
    letters only are words (so their English ones are a floor for the count), and a token with
    any other character holds at most one word per two characters (a ceiling for all words).

    Most English text passes at a third of the cost of counting exactly; what fails is counted.
    """
    plain = list(filter(str.isalpha, tokens))
    if len(plain) < _MIN_WORDS:
        return False
    # Joins count faster than len()s.
    other_chars = len("".join(tokens)) - len("".join(plain))
    most = len(plain) + (other_chars + len(tokens) - len(plain)) // 2
    enough = _ENGLISH_SHARE * most
    # The English words as text writes them most often are a floor of their count in any
    # case, found without folding and splitting the words again: enough of them settles it.
    if len(list(filter(_ENGLISH_WRITTEN.__contains__, plain))) >= enough:
        return True
    return _english_in(" ".join(plain)) >= enough


def _english_words(words: list[str]) -> int:
    """How many of the words are common English words, in any case."""
    return _english_in(" ".join(words))


def _english_in(joined: str) -> int:
    """How many of the words joined by single spaces are common English words, in any case."""
    # Case folding maps character by character: the words folded as one string are the words
    # folded one by one, at a fraction of the cost.
    # Filtered and counted, not summed: `sum` of bools takes its slow path, item by item.
    return len(list(filter(_ENGLISH.__contains__, joined.casefold().split(" "))))


def _words(tokens: list[str]) -> list[str]:
    """`_WORD.findall` of the text split into `tokens`, at half the cost: most tokens are a word
    once the punctuation around them is stripped, and only the rest need the regex."""
    words: list[str] = []
    for token in tokens:
        if token.isalpha():  # most tokens: nothing to strip
            words.append(token)
            continue
        core = token.strip(_PUNCTUATION)
        if core.isalpha():  # letters only: one word, as the regex would find it
            words.append(core)
        elif core:
            words += _WORD.findall(core)
    return words


def language_name(code: str) -> str:
    """The English name of a language code ("es" -> "Spanish"), else the code itself."""
    return LANGUAGE_NAMES.get(code, code)


def _identifier() -> Any:
    with _lock:
        if not _model:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _model.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
        return _model[0]
