"""Run the benchmark scenarios against an installed database.

    python3 -m bench.run --config ODOO_CONF --db DB [--scale 1.0] [--only NAME ...]
        [--repeat N] [--single-order]

Prints a table and writes ``bench/results.json``. Exit code 1 when a scenario
misses its target (``--no-fail`` to report only). ``tools/wjl-bench`` builds a
fresh database and calls this.
"""

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import sys
import traceback

import odoo
from odoo import SUPERUSER_ID, api

from . import scenarios as scenarios_pkg
from .harness import Scenario, combine, run_scenario

HERE = os.path.dirname(os.path.abspath(__file__))


def discover():
    found = []
    for module_info in pkgutil.iter_modules(scenarios_pkg.__path__):
        module = importlib.import_module(f"{scenarios_pkg.__name__}.{module_info.name}")
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Scenario) and obj is not Scenario and obj.name:
                found.append(obj)
    return sorted(found, key=lambda cls: (cls.addon or "", cls.name))


def format_table(results):
    head = (
        "scenario",
        "baseline s",
        "subject s",
        "ratio",
        "fwd/rev",
        "target",
        "queries b/s",
        "ok",
    )
    rows = [head]
    for r in results:
        if "error" in r:
            rows.append((r["name"], "-", "-", "-", "-", r.get("target", ""), "-", "ERROR"))
            continue
        rows.append(
            (
                r["name"],
                f"{r['baseline_time']:.3f}",
                f"{r['subject_time']:.3f}",
                f"{r['ratio']:.2f}" if r["ratio"] is not None else "-",
                f"{r['ratio_forward']:.2f}/{r['ratio_reversed']:.2f}"
                if "ratio_reversed" in r
                else "-",
                f"<= {r['max_ratio']}" if r["max_ratio"] else "",
                f"{r['baseline_queries']}/{r['subject_queries']}",
                "yes" if r["ok"] else "NO",
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    for r in results:
        if r.get("extra"):
            lines.append(f"  {r['name']}: " + ", ".join(f"{k}={v}" for k, v in r["extra"].items()))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--output", default=os.path.join(HERE, "results.json"))
    parser.add_argument("--no-fail", action="store_true")
    parser.add_argument(
        "--single-order",
        action="store_true",
        help="run baseline then subject once, instead of averaging with the reversed order",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each scenario this many times in each order and take the medians "
        "(wall-clock times on a shared machine are noisy)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        installed = set(
            env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        )
    results = []
    for cls in discover():
        if args.only and cls.name not in args.only:
            continue
        if cls.addon not in installed:
            print(f"skip {cls.name}: {cls.addon} is not installed", file=sys.stderr)
            continue
        print(f"running {cls.name} (scale {args.scale}) ...", file=sys.stderr, flush=True)
        passes = ([False] if args.single_order else [False, True]) * args.repeat
        outcome = []
        try:
            for reverse in passes:
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    try:
                        outcome.append(run_scenario(env, cls(), args.scale, reverse=reverse))
                    finally:
                        cr.rollback()
            results.append(combine(*outcome))
        except Exception as exc:  # report the failure and go on with the others
            traceback.print_exc()
            results.append({"name": cls.name, "target": cls.target, "error": repr(exc)})
    print(format_table(results))
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    failed = [r["name"] for r in results if not r.get("ok")]
    if failed and not args.no_fail:
        print("missed targets: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
