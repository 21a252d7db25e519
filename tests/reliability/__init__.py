"""Reliability: real processes and injected faults (kill -9, damaged, read-only and locked
databases, time moved through the command line, file modes and logs).

The long variants are marked `slow` and run only with ASKWHY_LONG_TESTS=1 (see conftest.py).
"""
