"""Evaluation: scorers and corpus readers behind ``eventlens eval`` and the accuracy gate.

Entry points: :func:`eventlens.eval.runner.run` (all suites, tables, JSON and
docs/accuracy.md), :mod:`eventlens.eval.gate` (floors in ``baseline.json``), and one
``run_<name>_suite(data_dir, limit, extract_many)`` per suite. Importing this
package loads nothing heavy; suites import the pipeline when they run.
"""
