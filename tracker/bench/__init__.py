"""Benchmark data: a deterministic generator of a realistic workspace at three scales."""

from tracker.bench.generate import BenchDataExists, generate, has_bench_data, row_counts
from tracker.bench.scales import SCALES, Scale

__all__ = ["SCALES", "BenchDataExists", "Scale", "generate", "has_bench_data", "row_counts"]
