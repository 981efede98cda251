"""Benchmark harness of the WJL Operations Suite.

A scenario times one feature of the suite (``subject``) against the stock-Odoo
operation it builds on (``baseline``) in the same run, on the same data, and counts
the SQL queries of each through Odoo's cursor. Scenarios live in
``bench/scenarios/<addon>.py`` as subclasses of :class:`Scenario`.
"""

import random
import time


class Scenario:
    """Base class of a benchmark scenario.

    Subclasses set ``name`` (unique), ``addon`` (the addon it needs installed),
    ``target`` (the issue's target, in words) and ``max_ratio`` (subject time /
    baseline time allowed), and implement :meth:`setup`, :meth:`baseline` and
    :meth:`subject`; :meth:`extra` may add figures and set ``"ok": False`` when a
    target other than the time ratio fails.
    """

    name = None
    addon = None
    target = ""
    max_ratio = None
    seed = 20261127

    def __init__(self):
        self.random = random.Random(self.seed)

    def setup(self, env, scale):
        """Build the data (fixed seed: ``self.random``); return a state object."""
        return None

    def baseline(self, env, state):
        raise NotImplementedError

    def subject(self, env, state):
        raise NotImplementedError

    def extra(self, env, state, result):
        return {}


def _measure(env, func, state):
    env.flush_all()
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    started = time.perf_counter()
    func(env, state)
    env.flush_all()
    elapsed = time.perf_counter() - started
    return elapsed, env.cr.sql_log_count - queries_before


def run_scenario(env, scenario, scale):
    """Run one scenario in ``env``; the caller rolls the cursor back afterwards."""
    started = time.perf_counter()
    state = scenario.setup(env, scale)
    env.flush_all()
    setup_time = time.perf_counter() - started
    baseline_time, baseline_queries = _measure(env, scenario.baseline, state)
    subject_time, subject_queries = _measure(env, scenario.subject, state)
    result = {
        "name": scenario.name,
        "addon": scenario.addon,
        "target": scenario.target,
        "scale": scale,
        "setup_time": round(setup_time, 3),
        "baseline_time": round(baseline_time, 4),
        "subject_time": round(subject_time, 4),
        "baseline_queries": baseline_queries,
        "subject_queries": subject_queries,
        "ratio": round(subject_time / baseline_time, 3) if baseline_time else None,
        "max_ratio": scenario.max_ratio,
    }
    extra = dict(scenario.extra(env, state, result) or {})
    ok = extra.pop("ok", True)
    if scenario.max_ratio is not None and result["ratio"] is not None:
        ok = ok and result["ratio"] <= scenario.max_ratio
    result["extra"] = extra
    result["ok"] = bool(ok)
    return result
