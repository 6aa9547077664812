"""Ranking many resumes: time and peak memory, serially, with two worker processes, and on a
two-worker Dask LocalCluster, side by side in one run.

By default the resumes are synthetic text resumes (the example resume with varied skills and
bullets, deterministic), so the figures measure matching, not reading PDFs; `--real` ranks real
PDF and DOCX resumes instead (the corpus's and the examples', copied round-robin up to
`--count`), where reading the files is most of the work. Each way runs in a fresh process; the
figure is that process's peak RSS (Dask workers are separate processes: their peaks are listed
beside; pool workers are the forkserver's children, not measured here).

    python benchmarks/ranking.py [--count 1000] [--top 10] [--real] [--ways serial,workers]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOB = ROOT / "examples" / "job_ml_engineer.txt"
CORPUS_RESUMES = ROOT / "tests" / "corpus" / "resumes"
WAYS = ("serial", "workers", "dask")

_RUN = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
import atsmatch

def main():
    mode, folder, top = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".pdf", ".docx"))
    options = dict(top=top, today=date(2026, 12, 1))
    workers_peak = []
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "dask":
        import distributed
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            start, cpu = time.perf_counter(), time.process_time()
            ranking = atsmatch.rank(Path(sys.argv[4]), iter(files), client=client, **options)
            wall = time.perf_counter() - start
            workers_peak = [v / 1024 for v in client.run(
                lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values()]
    else:
        workers = 2 if mode == "workers" else None
        ranking = atsmatch.rank(Path(sys.argv[4]), files, workers=workers, **options)
        wall = time.perf_counter() - start
    print(json.dumps({"wall": wall, "cpu": time.process_time() - cpu,
                      "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers_peak": workers_peak, "entries": len(ranking),
                      "first": ranking[0].model_dump_json(exclude={"report"})}))

if __name__ == "__main__":
    main()
"""

_SKILLS = ["Python", "PyTorch", "TensorFlow", "Kubernetes", "Docker", "SQL", "Spark", "Airflow",
           "MLflow", "AWS", "GCP", "Azure", "Terraform", "scikit-learn", "pandas", "NumPy",
           "Kafka", "Snowflake", "dbt", "FastAPI"]  # fmt: skip
_VERBS = ["Built", "Designed", "Led", "Shipped", "Automated", "Reduced", "Improved", "Migrated"]


def write_resumes(folder: Path, count: int) -> None:
    """`count` text resumes: the example with other skills and six more bullets each."""
    rng = random.Random(7)
    base = (ROOT / "examples" / "resume.txt").read_text(encoding="utf-8")
    for i in range(count):
        bullets = "\n".join(
            f"• {rng.choice(_VERBS)} {rng.choice(_SKILLS)} pipeline {i}-{k} serving "
            f"{rng.randint(2, 90)} teams, cutting cost {rng.randint(5, 60)}%"
            for k in range(6)
        )
        extra = ", ".join(rng.sample(_SKILLS, 8))
        text = base.replace("Alex Rivera", f"Candidate {i}")
        text += f"\nAdditional Experience\n{bullets}\n\nMore skills: {extra}\n"
        (folder / f"resume_{i:05d}.txt").write_text(text, encoding="utf-8")


def real_resumes() -> list[Path]:
    """Every real PDF and DOCX resume at hand: the test corpus's and the examples'."""
    found = [p for p in CORPUS_RESUMES.rglob("*") if p.suffix in (".pdf", ".docx")]
    found += [ROOT / "examples" / "resume.pdf", ROOT / "examples" / "resume.docx"]
    return sorted(found)


def copy_real_resumes(folder: Path, count: int) -> int:
    """`count` files in `folder`, the real resumes copied round-robin; how many are distinct.

    A path is read again on every match (a `Matcher` reuses analyses of text and bytes only),
    so a copy costs as much as its original.
    """
    sources = real_resumes()
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"resume_{i:05d}{source.suffix}")
    return len(sources)


def run(mode: str, folder: Path, top: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, mode, str(folder), str(top), str(JOB)],
        capture_output=True, text=True, check=True, cwd=folder,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compare(
    count: int, top: int, *, real: bool, ways: tuple[str, ...] = WAYS
) -> tuple[str, dict[str, dict[str, object]]]:
    """Rank `count` resumes each way in a fresh process: what was ranked, and each way's figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if real:
            distinct = copy_real_resumes(folder, count)
            what = f"{count} real PDF/DOCX resumes ({distinct} distinct files, copied round-robin)"
        else:
            write_resumes(folder, count)
            what = f"{count} text resumes"
        return what, {mode: run(mode, folder, top) for mode in ways}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--real", action="store_true", help="real PDF and DOCX resumes")
    parser.add_argument("--ways", default=",".join(WAYS), help="comma-separated, first is the base")
    args = parser.parse_args()
    ways = tuple(w for w in args.ways.split(",") if w)
    if unknown := set(ways) - set(WAYS):
        parser.error(f"unknown ways: {', '.join(sorted(unknown))}")
    what, rows = compare(args.count, args.top, real=args.real, ways=ways)
    firsts = {r["first"] for r in rows.values()}
    print(f"{what}, top {args.top}; same best entry every way: {len(firsts) == 1}\n")
    print("| way | wall s | caller CPU s | caller peak MB | worker peaks MB | vs serial |")
    print("|---|---|---|---|---|---|")
    serial = float(rows[ways[0]]["wall"])  # type: ignore[arg-type]
    for mode, r in rows.items():
        wall = float(r["wall"])  # type: ignore[arg-type]
        peaks = ", ".join(f"{p:.0f}" for p in r["workers_peak"]) or "-"  # type: ignore[attr-defined]
        print(f"| {mode} | {wall:.1f} | {r['cpu']:.1f} | {r['peak']:.0f} | {peaks} | "
              f"{serial / wall:.2f}x |")  # fmt: skip
    return 0 if len(firsts) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
