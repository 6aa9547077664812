"""Shared fixtures: the example files, the test corpus, one compiled matcher per session.

Every test runs under an audit hook that records files and folders opened outside the
repository, the virtual environment, the Python install and the temporary folder; a test that
opened one fails at teardown, so the suite passes from a fresh clone with nothing beside it.
"""

from __future__ import annotations

import atexit
import mimetypes
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(__file__).resolve().parent / "corpus"

# Opening a file or listing a folder; stat() and exists() raise no audit event.
_WATCHED = frozenset({"open", "os.listdir", "os.scandir"})


def assert_like_validated(model: Any) -> None:
    """A model made without validation (`_Model._trusted`) equals its validated copy: field for
    field, type for type, in hash, JSON and the fields it says were set."""
    cls = type(model)
    checked = cls.model_validate(model.model_dump())
    assert model == checked and hash(model) == hash(checked)
    assert list(model.__dict__) == list(cls.model_fields)
    assert [type(v) for v in model.__dict__.values()] == [
        type(v) for v in checked.__dict__.values()
    ]
    assert model.model_fields_set == checked.model_fields_set
    assert model.model_dump_json() == checked.model_dump_json()


def skill_ids(text: str) -> set[str]:
    """Skill ids found in one piece of text."""
    from atsmatch import extract_skills

    return {hit.skill_id for hit in extract_skills(text)}


def corpus_lines() -> list[str]:
    """Every line of the text files of the test corpus and the examples: what a rewritten
    pattern is held to the pattern it replaced on."""
    return [
        line
        for path in sorted([*CORPUS.rglob("*.txt"), *EXAMPLES.glob("*.txt")])
        for line in path.read_text(errors="replace").splitlines()
    ]


def allowed_roots() -> tuple[str, ...]:
    """Folders (and single files) a test may open, each with a trailing separator."""
    roots = {
        str(ROOT),
        sys.prefix,  # the virtual environment
        sys.exec_prefix,
        sys.base_prefix,  # the Python install
        sys.base_exec_prefix,
        tempfile.gettempdir(),
        # the kernel's files: /dev/null, /proc/self/status for RSS, /sys for CPU counts
        "/dev",
        "/proc",
        "/sys",
        # reportlab (examples/make_resume.py) lists the system font folders and looks for
        # ~/.reportlab_settings and ~/.reportlab_mods when it is imported
        "/usr/share/fonts",
        os.path.expanduser("~/.reportlab_settings"),
        os.path.expanduser("~/.reportlab_mods"),
        # the standard library's mimetypes (used by the HTTP stack of `atsmatch serve`'s tests)
        # reads the system's MIME tables on first use
        *mimetypes.knownfiles,
        # doctest (`--doctest-modules`) makes a pdb.Pdb, which reads the user's ~/.pdbrc
        os.path.expanduser("~/.pdbrc"),
    }
    prefixes = {os.path.realpath(r) for r in roots} | {os.path.abspath(r) for r in roots}
    return tuple(sorted(p.rstrip(os.sep) + os.sep for p in prefixes))


class OutsideReads:
    """An audit hook's record of paths opened outside `allowed_roots()`, by test.

    Audit hooks cannot be removed, so the hook is installed once, at import, and records for
    the whole run, each path under the test running then ("collection" before the first).
    Paths are checked as given first and resolved only when that fails, so the common case
    costs one string comparison. Child processes are not audited: the hook lives in this
    interpreter.
    """

    def __init__(self, roots: Iterable[str]) -> None:
        self.roots = tuple(roots)
        self.current = "collection"
        self.found: list[tuple[str, str, str]] = []  # (test id, event, path)
        self._busy = threading.local()

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if event not in _WATCHED or not args or getattr(self._busy, "on", False):
            return
        target = args[0]
        if target is None or isinstance(target, int):  # the cwd or an open descriptor
            return
        if isinstance(target, str) and target.startswith("<"):  # "<string>": code, not a file
            return
        self._busy.on = True
        try:
            path = os.path.abspath(os.fsdecode(target))
            if not self._inside(path) and not self._inside(os.path.realpath(path)):
                self.found.append((self.current, event, path))
        finally:
            self._busy.on = False

    def _inside(self, path: str) -> bool:
        return (path + os.sep).startswith(self.roots)

    def take(self, test: str | None = None) -> list[tuple[str, str, str]]:
        """The records of one test (or all), forgotten once taken."""
        found = [r for r in self.found if test is None or r[0] == test]
        self.found = [r for r in self.found if r not in found]
        return found


_AUDIT = OutsideReads(allowed_roots())
sys.addaudithook(_AUDIT)
# The compiled-vocabulary cache of this run is a folder of its own, under the temporary folder:
# tests never read or write the user's ~/.cache, and every run builds each table once itself.
# A worker process that imports this module again (a pool unpickling a test's object) finds the
# folder in its environment and shares it: it exits without running `atexit`, so a folder of
# its own would be left behind.
_CACHE = os.environ.get("ATSMATCH_TEST_CACHE_DIR", "")
if not _CACHE:
    _CACHE = tempfile.mkdtemp(prefix="atsmatch-test-cache-")
    os.environ["ATSMATCH_TEST_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["ATSMATCH_CACHE_DIR"] = _CACHE
# Hypothesis keeps its examples in the current folder unless told: keep them in the repository.
set_hypothesis_home_dir(ROOT / ".hypothesis")


def _describe(found: list[tuple[str, str, str]]) -> str:
    lines = sorted({f"  {test}: {event} {path}" for test, event, path in found})
    return "opened outside the repository:\n" + "\n".join(lines[:20])


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Attribute what opens from here on to this test (its fixtures included)."""
    _AUDIT.current = item.nodeid


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """Fail the test whose setup, call or teardown opened a path outside the repository."""
    yield
    _AUDIT.current = "between tests"
    found = _AUDIT.take(item.nodeid)
    if found:
        pytest.fail(_describe(found), pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run for paths opened outside any test (collection, plugin hooks)."""
    found = _AUDIT.take()
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        terminal = session.config.pluginmanager.get_plugin("terminalreporter")
        if terminal is not None:
            terminal.write_line(_describe(found), red=True)


@pytest.fixture(scope="session")
def matcher():  # type: ignore[no-untyped-def]
    """One compiled matcher for the whole run, as a backend would keep it."""
    from atsmatch import Matcher

    return Matcher()


@pytest.fixture(scope="session")
def taxonomy(matcher):  # type: ignore[no-untyped-def]
    """The bundled vocabulary."""
    return matcher.taxonomy


@pytest.fixture(scope="session")
def extractor(matcher):  # type: ignore[no-untyped-def]
    """The compiled extractor of the bundled vocabulary."""
    return matcher.extractor
