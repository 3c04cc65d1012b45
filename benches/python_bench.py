"""Times the Python call for a county hall-year, with its own harness (median of N runs).

    python benches/python_bench.py target/bench-data/county [--repeat 7]

Needs the kaoping wheel installed in the running interpreter (scripts/test_python.sh builds it into
target/venv-python). Prints three medians:

* ``python``: the public call, ``kaoping.evaluate(policy, Dataset.from_json(text), "2026")``:
  the core parses, validates and evaluates the year once (its 12 months and the year period), and
  Python decodes the period result into typed objects with ``Decimal`` scores (the months stay
  native until asked for).
* ``native calls``: the same two calls of the extension module without the Python-side decoding,
  which isolates what the Python layer adds.
* the number of subjects, as a check that the call did the work.

The native figure to compare with is criterion's ``county/native_period_months_2026`` (the same
work in Rust: parse, validate, evaluate, serialise the period result); BENCHMARKS.md gives the ratio.
"""

import argparse
import pathlib
import statistics
import sys
import time

import kaoping
from kaoping import _kaoping


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="a generated scale's directory (the first hall is used) or a dataset file")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    path = pathlib.Path(args.data)
    if path.is_dir():
        path = sorted(path.glob("*.json"))[0]
    text = path.read_text(encoding="utf-8")
    policy = kaoping.Policy.builtin()

    def public():
        return kaoping.evaluate(policy, kaoping.Dataset.from_json(text), "2026")

    native_policy = _kaoping.NativePolicy.builtin()

    def native():
        return native_policy.evaluate(_kaoping.NativeDataset.from_json(text), "2026")

    result = public()  # warm up, and check
    native()
    n = len(result.staff) + len(result.windows)
    t_public = median_time(public, args.repeat)
    t_native = median_time(native, args.repeat)
    print(f"{path}: {n} subjects")
    print(f"python (kaoping.evaluate, typed result)  {t_public * 1000:8.1f} ms")
    print(f"native calls (extension module only)     {t_native * 1000:8.1f} ms")
    print(f"python layer adds                         {(t_public / t_native - 1) * 100:7.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
