"""Load check of the suite under a real multi-process server (issue 11).

    python3 -m bench.load.load_check --config ODOO_CONF --db DB [--phase-seconds 30]
        [--clients 8] [--workers 4] [--alert-rounds 6] [--max-ratio 1.3] [--deadline EPOCH]

Runs against an installed database (``tools/wjl-load`` builds a fresh one and drops
it afterwards). Data are prepared through the ORM as superuser, then Odoo is started
with ``--workers`` on 127.0.0.1 and concurrent JSON-RPC clients run these phases:

1. ``baseline``: the clients confirm purchase orders on a budget line whose item is
   under control ``ignore`` (no budget control), while the portal users read;
2. ``stop``: the same on a line under ``stop`` (R5.2) whose budget runs out part-way
   (``--stop-fill`` of what the baseline confirmed): no overspend, every refusal a
   clean ``UserError``, serialization retries counted from the server log, the
   throughput ratio baseline / stop at most ``--max-ratio``; portal users read
   ``/my/quality`` and ``/my/aftersales`` meanwhile (no error, no foreign record);
3. ``alerts``: rounds of all clients confirming at once over a line under ``warn``,
   which raises a ``budget_*`` alert: exactly one open alert per line and kind
   (R7.2.2) after each round, which is then resolved.

Prints a table, writes ``bench/load/results.json`` and exits 1 when a check fails.
"""

import argparse
import contextlib
import json
import math
import os
import platform
import signal
import sys
import tempfile
import time
import traceback
from datetime import date, datetime, timezone

import odoo
from odoo import SUPERUSER_ID, api

from . import phases, prepare
from .server import OdooServer, python_executable

HERE = os.path.dirname(os.path.abspath(__file__))
RESERVE_SECONDS = 45  # kept for the final checks and the server's shutdown


class CheckFailed(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db", required=True, help="installed database to run on")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--phase-seconds", type=float, default=30.0, help="per phase")
    parser.add_argument("--alert-rounds", type=int, default=6)
    parser.add_argument(
        "--warmup", type=int, default=2, help="orders each client confirms before the baseline"
    )
    parser.add_argument(
        "--stop-fill",
        type=float,
        default=0.6,
        help="stop budget = this share of the orders the baseline confirmed",
    )
    parser.add_argument(
        "--max-rate",
        type=float,
        default=25.0,
        help="orders/s the drafts of the baseline are sized for",
    )
    parser.add_argument("--max-ratio", type=float, default=1.3)
    parser.add_argument(
        "--deadline",
        type=float,
        default=0.0,
        help="epoch time by which everything must be over (default: now + 600 s)",
    )
    parser.add_argument("--results", default=os.path.join(HERE, "results.json"))
    parser.add_argument("--workdir", help="directory for the server's log and pid file")
    return parser.parse_args(argv)


class LoadCheck:
    def __init__(self, args):
        self.args = args
        self.deadline = args.deadline or time.time() + 600
        self.registry = None
        self.server = None
        self.data = {}
        self.portal_users = []
        self.results = {"phases": {}, "checks": []}

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @contextlib.contextmanager
    def env(self):
        """A superuser environment in its own committed transaction."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def phase_seconds(self):
        remaining = self.deadline - time.time() - RESERVE_SECONDS
        seconds = min(self.args.phase_seconds, remaining)
        if seconds < 5:
            raise CheckFailed(
                "the time budget is used up (--deadline): shorten --phase-seconds "
                "or give the check more time"
            )
        return seconds

    def check(self, name, ok, detail):
        self.results["checks"].append({"name": name, "ok": bool(ok), "detail": detail})

    def log(self, message):
        stamp = datetime.now().strftime("%H:%M:%S")
        print(f"wjl-load {stamp}: {message}", flush=True)

    # ------------------------------------------------------------------
    # main flow
    # ------------------------------------------------------------------

    def run(self):
        odoo.tools.config.parse_config(
            ["-c", self.args.config, "-d", self.args.db, "--log-level=warn"]
        )
        self.registry = odoo.modules.registry.Registry(self.args.db)
        self.results["started"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.results["machine"] = machine_info()
        self.prepare()
        workdir = self.args.workdir or tempfile.mkdtemp(prefix="wjl-load-server.")
        self.server = OdooServer(
            python_executable(), self.args.config, self.args.db, workdir, self.args.workers
        )
        try:
            self.log(f"starting Odoo with --workers {self.args.workers} on {self.server.base_url}")
            self.server.start()
            self.run_phases()
        finally:
            self.server.stop()
            self.results["server_log_total"] = self.server.log_counts(0)
        self.verify()

    def prepare(self):
        self.log("preparing data through the ORM ...")
        started = time.time()
        year = date.today().year + 11
        with self.env() as env:
            self.data = prepare.prepare_budget(env, self.args.clients, year)
        per_client = math.ceil(self.args.max_rate * self.args.phase_seconds / self.args.clients)
        warmup = self.args.warmup
        with self.env() as env:
            drafts = prepare.make_drafts(env, self.data, "ignore", warmup + per_client)
            self.data["drafts_warmup"] = [orders[:warmup] for orders in drafts]
            self.data["drafts_baseline"] = [orders[warmup:] for orders in drafts]
            self.data["drafts_warn"] = prepare.make_drafts(
                env, self.data, "warn", self.args.alert_rounds
            )
        with self.env() as env:
            users = prepare.prepare_portal(env)
        with self.env() as env:
            self.portal_users = prepare.portal_references(env, users)
        self.results["prepare_seconds"] = round(time.time() - started, 1)
        self.log(f"data ready in {self.results['prepare_seconds']}s")

    def run_phases(self):
        base_url, db, password = self.server.base_url, self.args.db, prepare.PASSWORD
        clients = phases.login_clients(base_url, db, self.data["buyers"], password)
        readers = phases.PortalReaders(base_url, db, self.portal_users, password)
        self.warm_up(clients, readers)
        baseline = self.confirm_phase("baseline", clients, readers, self.data["drafts_baseline"])
        self.make_stop_budget(baseline)
        self.confirm_phase("stop", clients, readers, self.data["drafts_stop"])
        self.alert_phase(clients)

    def warm_up(self, clients, readers):
        """Every worker loads its caches before the timed phases (not measured)."""
        self.log(f"warm-up: {self.args.warmup} orders per client, portal pages ...")
        readers.start()
        try:
            __, outcomes, __ = phases.run_confirmations(
                clients, self.data["drafts_warmup"], self.args.phase_seconds
            )
        finally:
            readers.stop()
        flat = [o for client in outcomes for o in client]
        self.results["warmup"] = {
            "confirmed": sum(1 for o in flat if o.kind == "ok"),
            "errors": sorted({o.error_name or o.message[:100] for o in flat if o.kind != "ok"}),
        }

    def make_stop_budget(self, baseline):
        """The stop line runs out after ``--stop-fill`` of what the baseline confirmed."""
        orders = max(self.args.clients, int(baseline["confirmed"] * self.args.stop_fill))
        # refused drafts are offered again: only confirmations use drafts up, and
        # the budget limits them; twice a client's share is room enough
        per_client = math.ceil(2 * orders / self.args.clients) + 2
        with self.env() as env:
            line_id = prepare.make_budget_line(env, self.data, "stop", orders * prepare.PRICE)
            self.data["lines"]["stop"] = line_id
            self.data["drafts_stop"] = prepare.make_drafts(env, self.data, "stop", per_client)
        self.results["stop_budget"] = {
            "planned": orders * prepare.PRICE,
            "orders_it_covers": orders,
            "drafts_per_client": per_client,
        }

    def confirm_phase(self, name, clients, readers, drafts):
        seconds = self.phase_seconds()
        self.log(f"phase {name}: {len(clients)} clients confirm orders for {seconds:.0f}s ...")
        offset, since = self.server.log_offset(), len(readers.results)
        readers.start()
        try:
            start, outcomes, ran_out = phases.run_confirmations(clients, drafts, seconds)
        finally:
            readers.stop()
        result = phases.summarize_confirmations(start, outcomes, ran_out, seconds)
        result["server_log"] = self.server.log_counts(offset)
        result["portal"] = readers.summary(since)
        result["control"] = {"baseline": "ignore"}.get(name, name)
        self.results["phases"][name] = result
        self.log(
            f"phase {name}: {result['confirmed']} confirmed, {result['refused_clean']} refused "
            f"cleanly, {result['unclean']} unclean, {result['throughput_per_s']} orders/s, "
            f"{result['server_log']['retries']} serialization retries"
        )
        return result

    def alert_phase(self, clients):
        """Rounds of all clients confirming at once over the ``warn`` line."""
        self.phase_seconds()  # enough time left?
        self.log(f"phase alerts: {self.args.alert_rounds} rounds of {len(clients)} clients ...")
        offset, rounds = self.server.log_offset(), []
        started = time.monotonic()
        for index in range(self.args.alert_rounds):
            if time.monotonic() - started > self.args.phase_seconds:
                break
            drafts = [orders[index] for orders in self.data["drafts_warn"]]
            outcomes = phases.confirm_all_at_once(clients, drafts)
            rounds.append(self.close_alert_round(outcomes))
        result = {
            "rounds": len(rounds),
            "seconds": round(time.monotonic() - started, 2),
            "rounds_detail": rounds,
            "server_log": self.server.log_counts(offset),
        }
        self.results["phases"]["alerts"] = result
        self.log(
            "phase alerts: open alerts per round "
            + ", ".join(str(r["open_alerts"]) for r in rounds)
        )

    def close_alert_round(self, outcomes):
        """Count the open alerts of the warn line, then resolve them for the next round."""
        with self.env() as env:
            alerts = self.open_alerts(env, self.data["lines"]["warn"])
            by_kind = {}
            for alert in alerts:
                by_kind[alert.kind] = by_kind.get(alert.kind, 0) + 1
            result = {
                "confirmed": sum(1 for o in outcomes if o.kind == "ok"),
                "refused_clean": sum(1 for o in outcomes if o.kind == "clean"),
                "unclean": sum(1 for o in outcomes if o.kind == "unclean"),
                "errors": sorted({o.error_name for o in outcomes if o.kind != "ok"}),
                "open_alerts": len(alerts),
                "by_kind": by_kind,
                "raise_count": sum(alerts.mapped("raise_count")),
            }
            if alerts:
                alerts.action_resolve()
        return result

    @staticmethod
    def open_alerts(env, line_id):
        return env["wjl.alert"].search(
            [
                ("res_model", "=", "wjl.budget.line"),
                ("res_id", "=", line_id),
                ("kind", "=like", "budget\\_%"),
                ("state", "!=", "resolved"),
            ]
        )

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------

    def verify(self):
        phases_ = self.results["phases"]
        base, stop, alerts = phases_["baseline"], phases_["stop"], phases_["alerts"]
        self.verify_budget(stop)
        for name, phase in (("baseline", base), ("stop", stop)):
            self.check(
                f"a: every {name} refusal a clean UserError/ValidationError",
                phase["unclean"] == 0 and phase["server_log"]["retries_exhausted"] == 0,
                f"{phase['refused_clean']} clean ({', '.join(phase['clean_error_names'])}), "
                f"{phase['unclean']} unclean, "
                f"{phase['server_log']['retries_exhausted']} retries exhausted",
            )
        self.check(
            "a: the stop budget ran out (refusals exercised)",
            stop["refused_clean"] > 0,
            f"first refusal after {stop['first_refusal_s']}s",
        )
        ratio = base["throughput_per_s"] / stop["throughput_per_s"] if stop["confirmed"] else None
        self.results["throughput_ratio"] = round(ratio, 3) if ratio else None
        self.check(
            f"a: throughput ignore / stop <= {self.args.max_ratio}",
            ratio is not None and ratio <= self.args.max_ratio,
            f"{base['throughput_per_s']} / {stop['throughput_per_s']} orders/s = "
            + (f"{ratio:.2f}" if ratio else "-"),
        )
        ran_out = base["clients_out_of_drafts"] + stop["clients_out_of_drafts"]
        self.check(
            "a: the drafts lasted the whole phases",
            not ran_out,
            f"{len(ran_out)} clients ran out of drafts (raise --max-rate)" if ran_out else "",
        )
        self.verify_alerts(alerts)
        self.verify_portal(base, stop)
        errors = self.results["server_log_total"]["errors"]
        self.check(
            "server log: no ERROR",
            errors == 0,
            f"{errors} ERROR lines " + "; ".join(self.results["server_log_total"]["error_samples"]),
        )

    def verify_budget(self, stop):
        with self.env() as env:
            line = env["wjl.budget.line"].browse(self.data["lines"]["stop"])
            planned, actual, committed = (
                line.amount_adjusted,
                line.amount_actual,
                line.amount_committed,
            )
            confirmed = env["purchase.order"].search_count(
                [
                    ("id", "in", [i for orders in self.data["drafts_stop"] for i in orders]),
                    ("state", "=", "purchase"),
                ]
            )
        self.results["stop_budget"].update(
            {"actual": actual, "committed": committed, "confirmed_in_db": confirmed}
        )
        self.check(
            "a: no overspend (committed + actual <= planned)",
            committed + actual <= planned + 0.005,
            f"committed {committed:.2f} + actual {actual:.2f} vs planned {planned:.2f}",
        )
        self.check(
            "a: orders confirmed in the database = confirmations answered OK",
            confirmed == stop["confirmed"],
            f"{confirmed} in the database, {stop['confirmed']} answered OK",
        )

    def verify_alerts(self, alerts):
        rounds = alerts["rounds_detail"]
        self.check(
            "b: exactly one open alert per line and kind after each round",
            rounds
            and all(
                r["open_alerts"] >= 1 and all(n == 1 for n in r["by_kind"].values()) for r in rounds
            ),
            "open alerts per round: " + ", ".join(str(r["open_alerts"]) for r in rounds),
        )
        self.check(
            "b: every warn confirmation succeeded",
            rounds and all(r["confirmed"] == self.args.clients for r in rounds),
            "confirmed per round: "
            + ", ".join(str(r["confirmed"]) for r in rounds)
            + "; errors: "
            + ", ".join(sorted({e for r in rounds for e in r["errors"]}) or ["none"]),
        )

    def verify_portal(self, base, stop):
        portal = [base["portal"], stop["portal"]]
        pages = sum(p["pages"] for p in portal)
        samples = [s for p in portal for s in p["problem_samples"]][:3]
        self.check(
            "c: portal pages answer without HTTP error",
            pages > 0 and all(p["http_errors"] == 0 for p in portal),
            f"{pages} pages, {sum(p['http_errors'] for p in portal)} HTTP errors",
        )
        self.check(
            "c: portal pages list own records only",
            all(p["foreign_records"] == 0 and p["own_missing"] == 0 for p in portal),
            f"{sum(p['foreign_records'] for p in portal)} foreign, "
            f"{sum(p['own_missing'] for p in portal)} own missing"
            + (f" ({'; '.join(samples)})" if samples else ""),
        )


def machine_info():
    return {
        "cpus": os.cpu_count(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "odoo": odoo.release.version,
    }


def format_report(results):
    lines = ["", "phase      control  seconds  confirmed  refused  unclean  orders/s  retries"]
    for name in ("baseline", "stop"):
        p = results["phases"].get(name)
        if p:
            lines.append(
                f"{name:<10} {p['control']:<8} {p['seconds']:>7}  {p['confirmed']:>9}  "
                f"{p['refused_clean']:>7}  {p['unclean']:>7}  {p['throughput_per_s']:>8}  "
                f"{p['server_log']['retries']:>7}"
            )
    alerts = results["phases"].get("alerts")
    if alerts:
        lines.append(
            f"alerts     warn     {alerts['seconds']:>7}  rounds {alerts['rounds']}, open alerts "
            + ", ".join(str(r["open_alerts"]) for r in alerts["rounds_detail"])
            + f"; retries {alerts['server_log']['retries']}"
        )
    for name in ("baseline", "stop"):
        portal = results["phases"].get(name, {}).get("portal")
        if portal:
            lines.append(
                f"portal during {name}: {portal['pages']} pages, {portal['http_errors']} HTTP "
                f"errors, {portal['foreign_records']} foreign records, median "
                f"{(portal['latency_s'] or {}).get('median')}s"
            )
    lines += ["", "check" + " " * 64 + "ok"]
    for check in results["checks"]:
        lines.append(f"{check['name']:<68} {'yes' if check['ok'] else 'NO'}   {check['detail']}")
    lines.append("")
    lines.append("load check: " + ("PASSED" if results.get("ok") else "FAILED"))
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, lambda *__: sys.exit(143))
    check = LoadCheck(args)
    try:
        check.run()
    except Exception as exc:  # reported in the table and the JSON, then the run fails
        if not isinstance(exc, CheckFailed):
            traceback.print_exc()
        check.check("load check ran to the end", False, str(exc)[:500])
    results = check.results
    results["ok"] = bool(results["checks"]) and all(c["ok"] for c in results["checks"])
    results["machine"] = dict(
        results.get("machine", {}), loadavg_at_end=[round(x, 2) for x in os.getloadavg()]
    )
    hidden = ("config", "results", "workdir", "deadline")
    results["config"] = {k: v for k, v in vars(args).items() if k not in hidden}
    with open(args.results, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2, default=str)
        handle.write("\n")
    print(format_report(results))
    print(f"wjl-load: results written to {os.path.relpath(args.results)}")
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
