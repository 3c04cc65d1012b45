"""Times the Python call for a county hall-year, with its own harness (median of N runs).

    python benches/python_bench.py target/bench-data/county [--repeat 7]

Needs the kaoping wheel installed in the running interpreter (scripts/test_python.sh builds it into
target/venv-python). Prints four medians:

* ``python``: the public call, ``kaoping.evaluate(policy, Dataset.from_json(text), "2026")``:
  the core parses, validates and evaluates the year once (its 12 months and the year period), and
  the native module builds the typed period result from the core's value (``Decimal`` scores; no
  JSON, which is written only when ``to_json()`` asks; the months stay native until asked for).
* ``python, from bytes``: the same with the file's bytes as read (``Path.read_bytes()``, what
  ``Dataset.from_file`` does): the core checks the bytes in place, no UTF-8 encoding of a ``str``.
* ``native calls``: the same two calls of the extension module without building the typed
  result, which isolates what the Python layer adds.
* the number of subjects, as a check that the call did the work.

and, to tell the Python layer's parts apart, the median of building the typed period result alone
(``NativePeriod.build``, what ``evaluate`` adds to the extension's calls), and for comparison of
the JSON path it replaced (and still takes when a value does not fit the classes): writing the
period JSON (``NativePeriod.to_json``), decoding it (``kaoping._types.decode_json``) and its
``json.loads``. Nothing in the typed period result is built lazily (the months are, by design, and
are not counted here), so the public call does all the work a user's first access would.

The public and native calls are timed alternately, one of each per round, so that a slow spell of
the machine weighs on both medians alike.

The native figure to compare with is criterion's ``county/native_period_months_2026`` (the same
work in Rust: parse, validate, evaluate, serialise the period result); BENCHMARKS.md gives the ratio.
"""

import argparse
import json
import pathlib
import statistics
import sys
import time

import kaoping
from kaoping import _kaoping, _types
from kaoping._api import PeriodResult


def median_times(fns, repeat):
    """The median time of each function, calling them in turn ``repeat`` times."""
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, ts in zip(fns, times):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
    return [statistics.median(ts) for ts in times]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="a generated scale's directory (the first hall is used) or a dataset file")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    path = pathlib.Path(args.data)
    if path.is_dir():
        path = sorted(path.glob("*.json"))[0]
    text = path.read_text(encoding="utf-8")
    data = path.read_bytes()
    policy = kaoping.Policy.builtin()

    def public():
        return kaoping.evaluate(policy, kaoping.Dataset.from_json(text), "2026")

    def public_bytes():
        return kaoping.evaluate(policy, kaoping.Dataset.from_json(data), "2026")

    native_policy = _kaoping.NativePolicy.builtin()

    def native():
        return native_policy.evaluate(_kaoping.NativeDataset.from_json(text), "2026")

    result = public()  # warm up, and check
    assert public_bytes().to_json() == result.to_json()
    period, _ = native()
    summary = period.to_json()
    plan = _types.native_plan(PeriodResult)
    n = len(result.staff) + len(result.windows)
    t_public, t_bytes, t_native = median_times([public, public_bytes, native], args.repeat)
    t_build, t_json, t_decode, t_loads = median_times(
        [lambda: period.build(plan), period.to_json, lambda: _types.decode_json(PeriodResult, summary), lambda: json.loads(summary)],
        args.repeat,
    )
    print(f"{path}: {n} subjects")
    print(f"python (kaoping.evaluate, typed result)  {t_public * 1000:8.1f} ms")
    print(f"native calls (extension module only)     {t_native * 1000:8.1f} ms")
    print(f"python, from bytes (Dataset.from_json(b)) {t_bytes * 1000:8.1f} ms")
    print(f"python layer adds                         {(t_public / t_native - 1) * 100:7.1f} %")
    print(f"  building the typed period result alone  {t_build * 1000:8.1f} ms ({t_build / t_native * 100:.1f} % of the native calls)")
    print(f"  the JSON path instead: writing the JSON {t_json * 1000:8.1f} ms, decoding it {t_decode * 1000:.1f} ms (json.loads {t_loads * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
