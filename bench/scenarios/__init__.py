"""Benchmark scenarios, one module per addon (``bench/scenarios/<addon>.py``)."""
