"""Read the vocabulary's skill files and write them back in their hand-edited layout.

A helper for one-off growth scripts (see `vocab_release_2026_11_1.py`): the TOML files under
`vocab/skills/` are the master copy, so a script reads them, adds entries, aliases or edges, and
writes every entry back with the same key order and formatting a curator would type. Comments
other than each file's header are not kept: the skill files have none.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SKILLS = ROOT / "vocab" / "skills"


@dataclass
class SkillFile:
    """One `vocab/skills/<category>.toml`: header comment lines, default category, entries."""

    path: Path
    header: list[str]
    category: str | None
    entries: list[dict[str, Any]] = field(default_factory=list)


def read_all() -> list[SkillFile]:
    """Every skill file, entries in file order."""
    files = []
    for path in sorted(SKILLS.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        data = tomllib.loads(text)
        files.append(SkillFile(path, header, data.get("category"), list(data.get("skill", []))))
    return files


def _value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def _key(key: str, value: Any) -> str:
    if not isinstance(value, list):
        return f"{key} = {_value(value)}"
    one_line = f"{key} = [" + ", ".join(_value(v) for v in value) + "]"
    tables = bool(value) and isinstance(value[0], dict)
    # parents stay on one line; two or more related skills get a line each
    if not tables or len(value) == 1 or key != "related":
        return one_line
    return f"{key} = [\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"


def write(file: SkillFile) -> None:
    """Write one skill file back in the curated layout."""
    out = [*file.header, ""]
    if file.category is not None:
        out += [f"category = {_value(file.category)}", ""]
    for entry in file.entries:
        out.append("[[skill]]")
        out += [_key(k, v) for k, v in entry.items() if v != []]
        out.append("")
    file.path.write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")
