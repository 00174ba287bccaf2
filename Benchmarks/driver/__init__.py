"""The pieces of Benchmarks/run.py: running commands, the workload families, the goals."""
