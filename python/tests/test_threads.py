"""The core runs without the GIL: other Python threads keep running while it computes, and
concurrent evaluations agree."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any
from concurrent.futures import ThreadPoolExecutor

import kaoping


def test_threads_get_the_same_results(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    expected = kaoping.evaluate(policy, sample, "2026-Q3").to_json()
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda _: kaoping.evaluate(policy, sample, "2026-Q3").to_json(), range(8)))
    assert got == [expected] * 8


def _longest_gap_during_calls(native_policy: Any, native_dataset: Any) -> tuple[float, int, float]:
    """(longest heartbeat gap during three native calls, number of gaps, one call's time)."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    ticks = []
    stop = threading.Event()

    def beat() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=beat)
    t.start()
    try:
        time.sleep(0.02)
        start = time.perf_counter()
        for _ in range(3):
            native_policy.evaluate(native_dataset, "2026")  # only the native call: no Python work
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
    during = [b - a for a, b in zip(ticks, ticks[1:]) if a >= start and b <= end]
    return (max(during) if during else float("inf")), len(during), (end - start) / 3


def test_the_gil_is_released_while_the_core_computes(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    """A heartbeat thread ticks every millisecond. Were the GIL held during the native call, it
    could not tick for the call's whole duration; released, its longest gap stays short. A call
    takes a few milliseconds, so one scheduling hiccup of the machine can make a gap as long as
    half a call: the measurement is taken up to three times, and a held GIL fails every one."""
    native_policy, native_dataset = policy._native, sample._native
    native_policy.evaluate(native_dataset, "2026")  # warm up
    tries = []
    for _ in range(3):
        gap, n, call = _longest_gap_during_calls(native_policy, native_dataset)
        tries.append((gap, n, call))
        if n >= 3 and gap < call / 2:
            return
    raise AssertionError("the heartbeat stalled during the native calls in every try: " + ", ".join(
        f"longest gap {g * 1000:.1f} ms of {n} during calls of {c * 1000:.1f} ms" for g, n, c in tries))
