"""Benchmark harness of the WJL Operations Suite.

A scenario times one feature of the suite (``subject``) against the stock-Odoo
operation it builds on (``baseline``) in the same run, on the same data, and counts
the SQL queries of each through Odoo's cursor. Scenarios live in
``bench/scenarios/<addon>.py`` as subclasses of :class:`Scenario`.
"""

import gc
import random
import statistics
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
    # Start both sides from a collected heap: environments and records left alive by
    # the setup or by the baseline would otherwise slow down whichever side runs next.
    gc.collect()
    queries_before = env.cr.sql_log_count
    started = time.perf_counter()
    func(env, state)
    env.flush_all()
    elapsed = time.perf_counter() - started
    return elapsed, env.cr.sql_log_count - queries_before


def run_scenario(env, scenario, scale, reverse=False):
    """Run one scenario in ``env``; the caller rolls the cursor back afterwards.

    ``reverse`` runs the subject before the baseline: whichever side runs second
    works on a database and caches the first one already warmed or filled, so
    :func:`combine` takes forward and reversed passes together. Only a forward
    pass computes the extra figures.
    """
    started = time.perf_counter()
    state = scenario.setup(env, scale)
    env.flush_all()
    setup_time = time.perf_counter() - started
    if reverse:
        subject_time, subject_queries = _measure(env, scenario.subject, state)
        baseline_time, baseline_queries = _measure(env, scenario.baseline, state)
    else:
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
    if reverse:
        result["reversed"] = True
        return result
    extra = dict(scenario.extra(env, state, result) or {})
    ok = extra.pop("ok", True)
    result["extra"] = extra
    result["ok"] = bool(ok)
    return result


def combine(forward, *others):
    """One result from the passes of a scenario: the first, forward pass (with the
    extra figures), then any reversed and repeated passes.

    Times are the medians over the passes (with one forward and one reversed pass,
    their means), the ratio is their quotient; the time target is checked on it,
    the other targets (``extra``) on every forward pass, whose first one gives the
    extra figures. ``ratio_forward`` and ``ratio_reversed`` are the medians of the
    ratios of the passes in each order.
    """
    passes = [forward, *others]
    result = dict(forward)
    if len(passes) > 1:
        for key in ("baseline_time", "subject_time"):
            result[key] = round(statistics.median(p[key] for p in passes), 4)
        for key, reverse in (("ratio_forward", False), ("ratio_reversed", True)):
            ratios = [p["ratio"] for p in passes if p.get("reversed", False) == reverse]
            if ratios and None not in ratios:
                result[key] = round(statistics.median(ratios), 3)
        result["ratio"] = (
            round(result["subject_time"] / result["baseline_time"], 3)
            if result["baseline_time"]
            else None
        )
        result["passes"] = len(passes)
        result["pass_ratios"] = [p["ratio"] for p in passes]
    result.pop("reversed", None)
    result["ok"] = all(p.get("ok", True) for p in passes)
    if result["max_ratio"] is not None and result["ratio"] is not None:
        result["ok"] = result["ok"] and result["ratio"] <= result["max_ratio"]
    return result
