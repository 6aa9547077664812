"""An on-disk cache of data derived from the vocabulary, so a new process does not derive it again.

A fresh `atsmatch match` spends most of its time deriving the same things from the same files:
the parsed vocabulary, the extractor's compiled forms, spaCy's tokenizer rules. `cached()` keeps
each result as JSON in the user's cache folder, under a key made of everything it was derived
from (file contents, the atsmatch and spaCy versions), so a changed input simply misses.

What makes it safe to share between processes and to trust:
- JSON only, never pickle: a file read back can at worst be wrong data, which the reader
  rejects, never code;
- each file carries a header with the format version, the key and a SHA-256 of its body, and
  is used only when all three match (a truncated or corrupt file is rebuilt and replaced);
- files are written to a temporary name and renamed into place, so two processes starting at
  once each read either nothing or a whole file;
- a folder that cannot be created or written (read-only home, full disk) costs only the speed-up:
  the value is then kept in a private folder of the temporary folder (`atsmatch-cache-<uid>`,
  used only if it is a real folder of this user's that no one else can write), or, failing
  that, built in memory and returned;
- it stays small: of each kind, only the `KEEP` most recently used files are kept (a few MB).

The folder is `ATSMATCH_CACHE_DIR` if set (an empty value turns the cache off), else
`$XDG_CACHE_HOME/atsmatch`, else `~/.cache/atsmatch`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = ["cache_dir", "cached", "fingerprint", "skills_stamp"]

FORMAT = 1  # bump when the layout of any cached value changes
_ENV = "ATSMATCH_CACHE_DIR"
KEEP = 16  # files of one kind kept, the most recently used: older vocabularies and versions go


def cache_dir() -> Path | None:
    """Where cached files live, or None when the cache is turned off."""
    configured = os.environ.get(_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path("~/.cache").expanduser()) / "atsmatch"


def _folders() -> list[Path]:
    """The folders to read from and write to, in order: `cache_dir()`, then (unless the folder
    was set explicitly) a private one in the temporary folder, for a service whose home cannot
    be written (a container's user without one)."""
    folder = cache_dir()
    if folder is None:
        return []
    if os.environ.get(_ENV) is not None or not hasattr(os, "getuid"):
        return [folder]
    return [folder, Path(tempfile.gettempdir()) / f"atsmatch-cache-{os.getuid()}"]


def _private(folder: Path, *, create: bool) -> bool:
    """True for a real folder (not a link) of this user's that no one else may write to: the
    only kind in a shared temporary folder whose files can be trusted."""
    try:
        if create:
            folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022


def fingerprint(*parts: str | bytes) -> str:
    """A SHA-256 over `parts`, each length-prefixed so that no two lists of parts collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def skills_stamp(taxonomy: Taxonomy) -> str:
    """A digest of every skill's id, name, category, aliases and case-sensitive forms: what the
    tables derived from a vocabulary's forms depend on. Worked out once per taxonomy."""
    return taxonomy.derived(_skills_digest)


def _skills_digest(taxonomy: Taxonomy) -> str:
    skills = [
        [s.id, s.name, s.category, list(s.aliases), list(s.case_sensitive)]
        for s in taxonomy.skills.values()
    ]
    return fingerprint(json.dumps(skills, ensure_ascii=False))


def cached(
    kind: str,
    key: str,
    build: Callable[[], Any],
    check: Callable[[Any], bool],
    object_hook: Callable[[dict[str, Any]], Any] | None = None,
) -> Any:
    """The JSON value `build()` returns, read from the cache when a valid copy of `kind` under
    `key` is there, else built and stored. `check` rejects a value of the wrong shape; a value
    read back passes each of its objects through `object_hook` (as `json.loads` does)."""
    folders = _folders()
    name = f"{kind}-{key[:32]}.json"
    for number, folder in enumerate(folders):
        if number and not _private(folder, create=False):
            break
        value = _read(folder / name, kind, key, object_hook)
        if value is not None and check(value):
            with contextlib.suppress(OSError):
                os.utime(folder / name)  # used now: the last to be pruned
            return value
    value = build()
    for number, folder in enumerate(folders):
        if number and not _private(folder, create=True):
            break
        if _write(folder, folder / name, kind, key, value):
            break
    if object_hook is not None:  # hand back what a later read would
        return json.loads(json.dumps(value), object_hook=object_hook)
    return value


def _read(
    path: Path, kind: str, key: str, object_hook: Callable[[dict[str, Any]], Any] | None
) -> Any:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    header, _, body = raw.partition(b"\n")
    try:
        meta = json.loads(header)
        if not isinstance(meta, dict) or meta != {
            "format": FORMAT,
            "kind": kind,
            "key": key,
            "sha256": hashlib.sha256(body).hexdigest(),
        }:
            return None
        return json.loads(body, object_hook=object_hook)
    except ValueError:  # not JSON, not UTF-8, or a value the hook refuses
        return None


def _write(folder: Path, path: Path, kind: str, key: str, value: Any) -> bool:
    """Store `value`; False when the folder cannot be written (read-only, full, missing)."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    meta = {"format": FORMAT, "kind": kind, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(json.dumps(meta).encode("utf-8") + b"\n" + body)
            temporary.replace(path)
        except BaseException:
            temporary.unlink()
            raise
        _prune(folder, kind)
    except OSError:
        return False  # read-only or full: the value is still returned, only not kept here
    return True


def _prune(folder: Path, kind: str) -> None:
    """Delete all but the `KEEP` most recently used files of `kind` (each new vocabulary or
    version writes new ones; a file another process deletes first is no error)."""
    files = []
    for path in folder.glob(f"{kind}-*.json"):
        with contextlib.suppress(OSError):
            files.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(files, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
