"""How common an English word is, from wordfreq's small English list (about 29,000 words).

The extractor asks this to tell a vocabulary name that is also an ordinary word ("Beats",
"Torch", "DiD") from one that is not ("Kubernetes"), and to keep the typo tier off real words
("Mathematics" is not a misspelt Mathematica). Frequencies are on the Zipf scale: log10 of
occurrences per billion words, 7 for "the", 3 for a word met once per million words.

The list is read straight from wordfreq's data file, in its documented "cBpack" format (a
gzipped msgpack list: a header, then one list of words per centibel of frequency), because
importing wordfreq itself pulls in its tokenizers and costs half a second; it is read once per
process, on first use.

>>> zipf("mathematics") > 4 and zipf("kubernetes") == 0.0
True
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import threading
from pathlib import Path

__all__ = ["ORDINARY", "english_stamp", "is_ordinary", "zipf"]

ORDINARY = 3.5  # Zipf frequency from which a word is an ordinary English word ("beats" 4.2)
_FILE = "small_en.msgpack.gz"
_lock = threading.Lock()
_table: dict[str, float] = {}


def zipf(word: str) -> float:
    """The Zipf frequency of a word (any case) in English; 0.0 for a word not in the list."""
    return _words().get(word.casefold(), 0.0)


def is_ordinary(word: str) -> bool:
    """True for a frequent English word (Zipf frequency of at least `ORDINARY`)."""
    return zipf(word) >= ORDINARY


def _words() -> dict[str, float]:
    if _table:
        return _table
    with _lock:
        if not _table:
            _table.update(_read(_data_file()))
    return _table


@functools.cache
def english_stamp() -> str:
    """A digest of the word list, which anything derived from these frequencies depends on."""
    import hashlib

    return hashlib.sha256(_data_file().read_bytes()).hexdigest()


def _data_file() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / _FILE


def _read(path: Path) -> dict[str, float]:
    import msgpack

    with gzip.open(path, "rb") as stream:
        data = msgpack.load(stream, raw=False)
    header = data[0]
    if header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path.name}: not a cBpack file of version 1")
    # The list after the header at index i holds the words at -i centibels; Zipf = (cB + 900) / 100.
    return {word: (900 - i) / 100 for i, words in enumerate(data[1:]) for word in words}
