"""Pure Python mutation fuzzer for `read_document`, for runs longer than CI's.

Mutates seed files (byte flips, insertions, deletions, truncations, splices) and reads each
mutant in-process with the default limits. Anything but a `Document` or an `AtsmatchError`, or a
read over 5 s, is saved under `fuzz/crashes/` with its traceback.

    python fuzz/mutate.py --minutes 10 [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import time
import traceback
from pathlib import Path

from atsmatch.documents import read_document
from atsmatch.errors import AtsmatchError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = HERE / "seeds"
CRASHES = HERE / "crashes"
SLOW_SECONDS = 5.0


def seeds() -> list[bytes]:
    if not SEEDS.is_dir():
        SEEDS.mkdir()
        for folder in (ROOT / "examples", ROOT / "tests" / "fixtures" / "documents"):
            for path in folder.glob("*"):
                if path.suffix in {".pdf", ".docx"} and path.stat().st_size < 2_000_000:
                    shutil.copy(path, SEEDS / path.name)
    return [path.read_bytes() for path in sorted(SEEDS.iterdir()) if path.is_file()]


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(max(len(out), 1))
        kind = rng.choice(("flip", "insert", "delete", "truncate", "splice"))
        if kind == "flip" and out:
            out[at] = rng.randrange(256)
        elif kind == "insert":
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == "delete":
            del out[at : at + rng.randint(1, 64)]
        elif kind == "truncate":
            del out[at:]
        elif out:
            start = rng.randrange(len(out))
            out[at:at] = out[start : start + rng.randint(1, 512)]
    return bytes(out)


def save(data: bytes, why: str) -> None:
    CRASHES.mkdir(exist_ok=True)
    name = hashlib.sha256(data).hexdigest()[:16]
    (CRASHES / f"{name}.bin").write_bytes(data)
    (CRASHES / f"{name}.txt").write_text(why)
    print(f"crash {name}: {why.splitlines()[-1] if why else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = seeds()
    end = time.monotonic() + 60 * args.minutes
    runs = crashes = 0
    while time.monotonic() < end:
        data = mutate(rng.choice(corpus), rng)
        started = time.monotonic()
        try:
            read_document(data)
        except AtsmatchError:
            pass
        except Exception:
            crashes += 1
            save(data, traceback.format_exc())
        elapsed = time.monotonic() - started
        if elapsed > SLOW_SECONDS:
            crashes += 1
            save(data, f"slow: {elapsed:.1f} s")
        runs += 1
    print(f"{runs} mutants, {crashes} crashes or slow reads")


if __name__ == "__main__":
    main()
