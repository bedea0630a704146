"""Benchmark: binding one call's arguments (issue 3's target).

Usage: ``python bench/binder_bench.py [--calls N]``

Binds ``-P0 a -P6 v -P7 v -P8 v -P9 v -P10 v`` (6 named arguments) against
a 12-parameter command with 6 parameter sets (parameters 0-5 each mandatory
in their own set, 6-11 in all sets) plus the common parameters, through
``pwshlike.commands.binder.bind_arguments``, and reports the median time of
one binding.  Target: median at most 30 microseconds.  The 100,000-call
advanced-function target is measured by ``loop_bench.py``.

Exit status: 0 when the target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from startup_bench import machine_info

TARGET_US = 30.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=20_000)
    options = parser.parse_args()
    from pwshlike.commands.binder import bind_arguments
    from pwshlike.commands.common import common_parameters
    from pwshlike.commands.metadata import CommandMetadata, ParameterMetadata, ParameterSetSpec
    from pwshlike.runtime.pipeline import CommandArgument

    params = []
    for i in range(12):
        sets = {f"Set{i}": ParameterSetSpec(mandatory=True)} if i < 6 else None
        params.append(ParameterMetadata(f"P{i}", "String", sets=sets))
    metadata = CommandMetadata("Test-Bench", params + common_parameters(), default_parameter_set="Set0")
    arguments = [CommandArgument("P0", "a")] + [CommandArgument(f"P{i}", "v") for i in range(6, 11)]
    binding = bind_arguments(metadata, arguments, "Test-Bench", is_script=False)
    assert binding.parameter_set == "Set0" and len(binding.bound) == 6, "binding went wrong"
    times = []
    for _ in range(options.calls):
        start = time.perf_counter()
        bind_arguments(metadata, arguments, "Test-Bench", is_script=False)
        times.append(time.perf_counter() - start)
    median_us = statistics.median(times) * 1e6
    print("\n".join(machine_info()))
    print(f"bind 6 named arguments, 12 parameters, 6 sets: median {median_us:.1f} us "
          f"(p90 {statistics.quantiles(times, n=10)[-1] * 1e6:.1f} us) over {options.calls} bindings; "
          f"target <= {TARGET_US:.0f} us")
    return 0 if median_us <= TARGET_US else 1


if __name__ == "__main__":
    sys.exit(main())
