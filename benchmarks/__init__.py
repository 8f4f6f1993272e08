"""Synthetic structures and benchmarks (``benchmarks.generate``)."""
