"""The on-disk cache of compiled vocabulary: reused, validated, rebuilt, never in the way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from atsmatch import _diskcache
from atsmatch._diskcache import cached, fingerprint

from .conftest import EXAMPLES, ROOT


def _is_list(value: object) -> bool:
    return isinstance(value, list)


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATSMATCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class TestReuse:
    """A value is built once and read back after that."""

    def test_second_call_reads_the_file(self, folder: Path) -> None:
        """The build runs once; the second call returns the same value from disk."""
        build = Builds([1, "two", {"three": 3.0}])
        key = fingerprint("a")
        assert cached("demo", key, build, _is_list) == build.value
        assert cached("demo", key, build, _is_list) == build.value
        assert build.calls == 1
        assert len(list(folder.glob("demo-*.json"))) == 1

    def test_another_key_is_another_value(self, folder: Path) -> None:
        """A changed input (another key) misses and builds anew."""
        first, second = Builds([1]), Builds([2])
        assert cached("demo", fingerprint("a"), first, _is_list) == [1]
        assert cached("demo", fingerprint("b"), second, _is_list) == [2]
        assert second.calls == 1

    def test_fingerprint_separates_parts(self) -> None:
        """("ab", "c") and ("a", "bc") are different inputs."""
        assert fingerprint("ab", "c") != fingerprint("a", "bc")
        assert fingerprint(b"x") == fingerprint("x")


class TestValidation:
    """What is read back must be whole, of this format and key, and of the right shape."""

    def _path(self, folder: Path) -> Path:
        (path,) = folder.glob("demo-*.json")
        return path

    @pytest.mark.parametrize(
        "damage",
        [
            lambda raw: raw[: len(raw) // 2],  # a half-written file
            lambda raw: raw.replace(b"[1,2,3]", b"[1,2,4]"),  # the body changed
            lambda raw: b"\x80\x81garbage",  # not even UTF-8
            lambda raw: b"",
            lambda raw: raw.replace(b'"format":', b'"format":0,"x":'),  # another format
        ],
    )
    def test_damaged_file_is_rebuilt(self, folder: Path, damage) -> None:  # type: ignore[no-untyped-def]
        """A damaged file is not used: the value is built again and the file replaced."""
        build = Builds([1, 2, 3])
        key = fingerprint("a")
        cached("demo", key, build, _is_list)
        path = self._path(folder)
        path.write_bytes(damage(path.read_bytes()))
        assert cached("demo", key, build, _is_list) == [1, 2, 3]
        assert build.calls == 2
        assert cached("demo", key, build, _is_list) == [1, 2, 3]
        assert build.calls == 2  # the replacement is good

    def test_wrong_shape_is_rebuilt(self, folder: Path) -> None:
        """A whole file whose value fails the caller's check is rebuilt."""
        key = fingerprint("a")
        cached("demo", key, Builds({"not": "a list"}), lambda value: True)
        build = Builds([1])
        assert cached("demo", key, build, _is_list) == [1]
        assert build.calls == 1

    def test_file_is_json_with_a_header(self, folder: Path) -> None:
        """The file is a JSON header line (format, kind, key, body digest), then JSON."""
        key = fingerprint("a")
        cached("demo", key, Builds([1]), _is_list)
        header, body = self._path(folder).read_bytes().split(b"\n", 1)
        meta = json.loads(header)
        assert meta["format"] == _diskcache.FORMAT and meta["kind"] == "demo"
        assert meta["key"] == key and json.loads(body) == [1]


class TestFallback:
    """A cache that cannot be written costs the speed-up, nothing else."""

    def test_unwritable_folder(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A cache folder that cannot be made (a file stands there) still returns the value."""
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        monkeypatch.setenv("ATSMATCH_CACHE_DIR", str(blocker / "cache"))
        build = Builds([1])
        assert cached("demo", fingerprint("a"), build, _is_list) == [1]
        assert cached("demo", fingerprint("a"), build, _is_list) == [1]
        assert build.calls == 2

    def test_empty_setting_turns_it_off(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """ATSMATCH_CACHE_DIR="" keeps nothing on disk."""
        monkeypatch.setenv("ATSMATCH_CACHE_DIR", "")
        monkeypatch.chdir(tmp_path)
        assert _diskcache.cache_dir() is None
        build = Builds([1])
        cached("demo", fingerprint("a"), build, _is_list)
        cached("demo", fingerprint("a"), build, _is_list)
        assert build.calls == 2
        assert list(tmp_path.iterdir()) == []

    def test_default_folder(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the setting, the folder is under XDG_CACHE_HOME."""
        monkeypatch.delenv("ATSMATCH_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
        assert _diskcache.cache_dir() == Path("/somewhere/atsmatch")


class TestConcurrentWriters:
    """Writers racing on one key never leave a partial file for a reader."""

    def test_threads_racing(self, folder: Path) -> None:
        """Readers see nothing or a whole value; no temporary file is left behind."""
        value = [list(range(200))] * 50
        key = fingerprint("race")
        seen: list[object] = []

        def work() -> None:
            for _ in range(20):
                seen.append(cached("demo", key, lambda: value, _is_list))
                for path in folder.glob("demo-*.json"):
                    path.unlink(missing_ok=True)  # make the next call write again

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(item == value for item in seen)
        assert not list(folder.glob(".demo-*"))


class TestColdProcess:
    """A process that finds the compiled vocabulary on disk never imports spaCy."""

    def test_match_without_spacy(self, tmp_path: Path) -> None:
        """The second process matches the example texts with spaCy, lemminflect and numpy
        never imported, and the same report as the first."""
        script = (
            "import sys, json, datetime\n"
            "from pathlib import Path\n"
            "import atsmatch\n"
            f"report = atsmatch.match(Path({str(EXAMPLES / 'resume.txt')!r}), "
            f"Path({str(EXAMPLES / 'job_ml_engineer.txt')!r}), "
            "today=datetime.date(2026, 12, 1))\n"
            "heavy = sorted(m for m in ('spacy', 'lemminflect', 'numpy') if m in sys.modules)\n"
            "print(json.dumps({'heavy': heavy, 'report': report.model_dump_json()}))\n"
        )
        env = {"ATSMATCH_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", script],
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(2)
        ]
        assert runs[1]["heavy"] == []
        assert runs[0]["report"] == runs[1]["report"]


class TestPruning:
    """Old vocabularies and versions do not pile up in the folder."""

    def test_only_the_most_recent_are_kept(
        self, folder: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Writing past `KEEP` files of a kind deletes the least recently used."""
        monkeypatch.setattr(_diskcache, "KEEP", 3)
        for name in "abcde":
            cached("demo", fingerprint(name), Builds([name]), _is_list)
        assert len(list(folder.glob("demo-*.json"))) == 3
        build = Builds(["e"])
        assert cached("demo", fingerprint("e"), build, _is_list) == ["e"]
        assert build.calls == 0  # the newest is still there
        build = Builds(["a"])
        cached("demo", fingerprint("a"), build, _is_list)
        assert build.calls == 1  # the oldest was pruned

    def test_kinds_are_pruned_apart(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Files of one kind never push out another kind's."""
        monkeypatch.setattr(_diskcache, "KEEP", 1)
        cached("one", fingerprint("x"), Builds([1]), _is_list)
        cached("two", fingerprint("x"), Builds([2]), _is_list)
        cached("two", fingerprint("y"), Builds([3]), _is_list)
        assert len(list(folder.glob("one-*.json"))) == 1
        assert len(list(folder.glob("two-*.json"))) == 1


class TestTemporaryFallback:
    """A home that cannot be written falls back to a private folder in the temporary folder."""

    @pytest.fixture
    def unwritable_home(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        """No ATSMATCH_CACHE_DIR, a cache home under a file, and a temporary folder of its own."""
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        monkeypatch.delenv("ATSMATCH_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
        temporary = tmp_path / "tmp"
        temporary.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(temporary))
        return temporary / f"atsmatch-cache-{os.getuid()}"

    def test_values_kept_in_the_fallback(self, unwritable_home: Path) -> None:
        """The value is built once, kept in a folder only this user can read or write."""
        build = Builds([1])
        cached("demo", fingerprint("a"), build, _is_list)
        assert cached("demo", fingerprint("a"), build, _is_list) == [1]
        assert build.calls == 1
        assert unwritable_home.stat().st_mode & 0o777 == 0o700
        assert len(list(unwritable_home.glob("demo-*.json"))) == 1

    def test_open_folder_not_trusted(self, unwritable_home: Path) -> None:
        """A fallback folder others may write to is neither read nor written."""
        unwritable_home.mkdir()
        unwritable_home.chmod(0o777)
        build = Builds([1])
        cached("demo", fingerprint("a"), build, _is_list)
        cached("demo", fingerprint("a"), build, _is_list)
        assert build.calls == 2
        assert list(unwritable_home.iterdir()) == []

    def test_link_not_followed(self, unwritable_home: Path, tmp_path: Path) -> None:
        """A link planted where the fallback folder goes is not used."""
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir(mode=0o700)
        unwritable_home.symlink_to(elsewhere)
        build = Builds([1])
        cached("demo", fingerprint("a"), build, _is_list)
        assert list(elsewhere.iterdir()) == []

    def test_writable_home_leaves_no_fallback(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With a home that can be written, nothing is made in the temporary folder."""
        monkeypatch.delenv("ATSMATCH_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
        temporary = tmp_path / "tmp"
        temporary.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(temporary))
        cached("demo", fingerprint("a"), Builds([1]), _is_list)
        assert list(temporary.iterdir()) == []
        assert len(list((tmp_path / "home" / "atsmatch").glob("demo-*.json"))) == 1
