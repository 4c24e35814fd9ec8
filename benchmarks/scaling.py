"""Speed-up of 2 local worker processes and of a 2-worker Dask cluster over 1 process, rules-only.

    python benchmarks/scaling.py [--articles 1500] [--repeat 2] [--workers 2]

Each figure is the best of --repeat runs (this machine is shared: another job holding a core halves a
2-process run). Beside it, the same ratio for a plain CPU loop in 1 and N processes says how much parallelism
the machine had to give at that moment: a speed-up near the loop's is all there was to get. Wall times
include starting the workers and loading the pipeline in each (about 4 s a worker), as a real run does.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tppo_extract.batch import Item, iter_results  # noqa: E402

EXAMPLES = ROOT / "examples" / "articles"
SHARED_DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _loop(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _cpu_check(workers: int, n: int = 40_000_000) -> float:
    """Speed-up of ``workers`` processes each running the same loop over one process running all of them."""
    t0 = time.perf_counter()
    for _ in range(workers):
        _loop(n)
    one = time.perf_counter() - t0
    ctx = multiprocessing.get_context("spawn")
    t0 = time.perf_counter()
    with ctx.Pool(workers) as pool:
        pool.map(_loop, [n] * workers)
    many = time.perf_counter() - t0
    return one / many


def _best(run: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for d in (EXAMPLES, SHARED_DEV) for p in sorted(d.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in range(args.articles):
            p = Path(tmp) / f"a{k:05d}.txt"
            p.write_text(texts[k % len(texts)], encoding="utf-8")
            paths.append(p)
        items = [Item(path=str(p), doc_id=p.name) for p in paths]

        def local(n: int) -> Callable[[], None]:
            return lambda: sum(1 for _ in iter_results(items, models=False, n_process=n))

        def on_dask() -> None:
            sum(1 for _ in iter_results(items, models=False, engine="dask", workers=args.workers))

        one = _best(local(1), args.repeat)
        print(f"{args.articles} articles, rules-only, best of {args.repeat}: 1 process {one:.1f} s")
        many = _best(local(args.workers), args.repeat)
        loop = _cpu_check(args.workers)
        print(f"  {args.workers} processes  {many:6.1f} s  x{one / many:.2f}   (CPU-loop check beside it: x{loop:.2f})")
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("  dask: not installed (pip install 'tppo-extract[dask]')")
            return
        dask_time = _best(on_dask, args.repeat)
        loop = _cpu_check(args.workers)
        ratio = one / dask_time
        print(f"  dask, {args.workers} workers {dask_time:6.1f} s  x{ratio:.2f}   (CPU-loop check: x{loop:.2f})")


if __name__ == "__main__":
    main()
