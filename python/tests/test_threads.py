"""The core runs without the GIL: other Python threads keep running while it computes, and
concurrent evaluations agree."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import kaoping


def test_threads_get_the_same_results(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    expected = kaoping.evaluate(policy, sample, "2026-Q3").to_json()
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda _: kaoping.evaluate(policy, sample, "2026-Q3").to_json(), range(8)))
    assert got == [expected] * 8


def test_the_gil_is_released_while_the_core_computes(policy: kaoping.Policy, sample: kaoping.Dataset) -> None:
    """A heartbeat thread ticks every millisecond. Were the GIL held during the native call, it
    could not tick for the call's whole duration; released, its longest gap stays short."""
    native_policy, native_dataset = policy._native, sample._native
    native_policy.evaluate(native_dataset, "2026")  # warm up
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
    call = (end - start) / 3
    assert len(during) >= 3, f"the heartbeat did not run during the native calls ({call * 1000:.0f} ms each)"
    assert max(during) < call / 2, f"longest heartbeat gap {max(during) * 1000:.1f} ms during native calls of {call * 1000:.1f} ms"
