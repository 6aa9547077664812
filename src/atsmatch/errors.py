"""The exception tree of atsmatch. Kept free of package imports to avoid import loops.

```
AtsmatchError                      catch this to handle every failure of atsmatch
├── DocumentError (.source)        a document could not be turned into text
│   ├── UnsupportedFormatError     neither PDF, DOCX nor text (legacy .doc, images, other zips)
│   ├── EncryptedDocumentError     password-protected PDF or OLE-encrypted DOCX
│   ├── CorruptDocumentError       the parser failed; the original exception is chained
│   ├── NoTextLayerError           parsed, but no extractable text (scanned, image-only)
│   └── LimitExceededError         size, pages, characters, time or zip expansion over `Limits`
├── TaxonomyError                  the vocabulary could not be loaded
│   └── TaxonomyValidationError    .issues lists every problem found, with file and entry
├── UnknownRoleError               no role profile has that id, name or alias (also a ValueError)
├── RoadmapInputError              a roadmap's target is unusable: a role and postings at once,
│                                  no posting, or nothing to compare (also a ValueError)
├── UnknownScorerError             no scorer is registered under that name (also a ValueError)
└── MissingExtraError              an optional extra is not installed (also an ImportError)
```

No other exception type escapes the public API for any input bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AtsmatchError",
    "CorruptDocumentError",
    "DocumentError",
    "EncryptedDocumentError",
    "LimitExceededError",
    "MissingExtraError",
    "NoTextLayerError",
    "RoadmapInputError",
    "TaxonomyError",
    "TaxonomyValidationError",
    "UnknownRoleError",
    "UnknownScorerError",
    "UnsupportedFormatError",
]


class AtsmatchError(Exception):
    """Base of every error atsmatch raises on purpose."""


class DocumentError(AtsmatchError):
    """A resume or job document could not be read. `source` names the file (or `<bytes>`)."""

    def __init__(self, message: str, *, source: str = "<input>") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class UnsupportedFormatError(DocumentError):
    """The bytes are not PDF, DOCX or text; the message says what to export instead."""


class EncryptedDocumentError(DocumentError):
    """The file is password-protected; ask for an unprotected copy."""


class CorruptDocumentError(DocumentError):
    """The parser failed on the file; the original exception is chained as `__cause__`."""


class NoTextLayerError(DocumentError):
    """The file parsed but holds no extractable text (scanned or image-only): OCR is needed."""


class LimitExceededError(DocumentError):
    """The file is over one of the bounds in `Limits` (bytes, pages, characters, time, zip)."""


class TaxonomyError(AtsmatchError):
    """The vocabulary could not be loaded."""


class TaxonomyValidationError(TaxonomyError):
    """The vocabulary files hold mistakes; `issues` lists all of them, one per line."""

    def __init__(self, issues: Sequence[str]) -> None:
        self.issues = tuple(issues)
        shown = "\n  ".join(self.issues[:20])
        more = f"\n  ... and {len(self.issues) - 20} more" if len(self.issues) > 20 else ""
        super().__init__(f"{len(self.issues)} problem(s) in the vocabulary:\n  {shown}{more}")


class UnknownRoleError(AtsmatchError, ValueError):
    """No role profile answers to the name given; `suggestions` holds the closest role ids.

    A usage mistake rather than a failure of the input, so it is also a `ValueError`.
    """

    def __init__(self, role: str, suggestions: Sequence[str], known: Sequence[str]) -> None:
        self.role = role
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown role {role!r}{hint} (known roles: {', '.join(known)})")


class UnknownScorerError(AtsmatchError, ValueError):
    """No scorer is registered under `name` (a typo, or a version this atsmatch lacks).

    `known` lists the registered names, and so does the message.
    """

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown scorer {name!r}; known scorers: {', '.join(self.known)}")


class RoadmapInputError(AtsmatchError, ValueError):
    """A roadmap cannot be made from these inputs; `.usage` is True when the call itself is wrong
    (a role and postings together, or neither), False when a document names no skills."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage


class MissingExtraError(AtsmatchError, ImportError):
    """A feature needs an optional extra that is not installed; the message names the extra."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs {package}: pip install 'atsmatch[{extra}]'")
