"""Benchmark data: a deterministic generator of a realistic workspace at three scales, on top
of the demo; its names, prose and scales are the data files beside this module."""

from tracker.data.bench.generate import BenchDataExistsError, generate, has_bench_data, row_counts
from tracker.data.bench.scales import SCALES, Scale

__all__ = ["SCALES", "BenchDataExistsError", "Scale", "generate", "has_bench_data", "row_counts"]
