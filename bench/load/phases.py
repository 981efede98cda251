"""The concurrent phases of the load check: confirming clients and portal readers.

Each client is a thread with its own HTTP session (one buyer each, logged in like
the web client); the server does the work, the threads mostly wait on sockets.
"""

import collections
import re
import statistics
import threading
import time

from .rpc import JsonRpcSession, PageResult

PO_MODEL = "purchase.order"
REDIRECTS = (301, 302, 303, 307, 308)


def login_clients(base_url, db, buyers, password):
    clients = []
    for buyer in buyers:
        client = JsonRpcSession(base_url)
        client.authenticate(db, buyer["login"], password)
        clients.append(client)
    return clients


def run_confirmations(clients, drafts, seconds):
    """Each client confirms its own drafts, one by one, for ``seconds``.

    A refused draft goes back to the end of the client's queue (a user trying
    again later), so only confirmations use drafts up.

    :return: (start time, list of outcomes per client, clients that ran out of drafts)
    """
    barrier = threading.Barrier(len(clients) + 1)
    outcomes = [[] for __ in clients]
    ran_out = []

    def work(index):
        barrier.wait()
        stop_at = start + seconds
        pending = collections.deque(drafts[index])
        while pending:
            if time.monotonic() >= stop_at:
                return
            order_id = pending.popleft()
            outcome = clients[index].call_kw(PO_MODEL, "button_confirm", [[order_id]])
            outcomes[index].append(outcome)
            if outcome.kind != "ok":
                pending.append(order_id)  # still a draft: offered again later
        ran_out.append(index)

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    start = time.monotonic()
    barrier.wait()
    for thread in threads:
        thread.join()
    return start, outcomes, sorted(ran_out)


def confirm_all_at_once(clients, order_ids):
    """All clients confirm one order each at the same moment (a barrier releases them)."""
    barrier = threading.Barrier(len(clients))
    outcomes = [None] * len(clients)

    def work(index):
        barrier.wait()
        outcomes[index] = clients[index].call_kw(PO_MODEL, "button_confirm", [[order_ids[index]]])

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def summarize_confirmations(start, outcomes, ran_out, seconds):
    """Counts, latencies and throughput of a confirmation phase.

    Throughput is confirmed orders per second from the start to the end of the
    last successful confirmation: once a ``stop`` budget is used up, every later
    order is refused, and the rate of refusals is not a rate of purchases.
    """
    flat = [o for client in outcomes for o in client]
    ok = [o for o in flat if o.kind == "ok"]
    clean = [o for o in flat if o.kind == "clean"]
    unclean = [o for o in flat if o.kind == "unclean"]
    window = (max(o.end for o in ok) - start) if ok else seconds
    return {
        "seconds": round(max((o.end for o in flat), default=start) - start, 2),
        "attempts": len(flat),
        "confirmed": len(ok),
        "refused_clean": len(clean),
        "unclean": len(unclean),
        "throughput_window_s": round(window, 2),
        "throughput_per_s": round(len(ok) / window, 3) if window > 0 else 0.0,
        "latency_ok_s": _latency(ok),
        "latency_refused_s": _latency(clean),
        "first_refusal_s": round(min(o.end for o in clean) - start, 2) if clean else None,
        "clean_error_names": sorted({o.error_name for o in clean}),
        "refusal_sample": clean[0].message[:300] if clean else "",
        "unclean_samples": [
            {"status": o.status, "error": o.error_name, "message": o.message[:300]}
            for o in unclean[:5]
        ],
        "clients_out_of_drafts": ran_out,
    }


def _latency(outcomes):
    if not outcomes:
        return None
    times = sorted(o.seconds for o in outcomes)
    return {
        "median": round(statistics.median(times), 3),
        "p95": round(times[min(len(times) - 1, int(len(times) * 0.95))], 3),
        "max": round(times[-1], 3),
    }


class PortalReaders:
    """Portal users fetching their pages in a loop until stopped (R1.2, R3.5).

    Each page is checked: the expected status, every own reference of the page's
    kind listed, no reference of another partner's record.
    """

    def __init__(self, base_url, db, users, password):
        self.users = users
        self.sessions = []
        for user in users:
            session = JsonRpcSession(base_url)
            session.authenticate(db, user["login"], password)
            self.sessions.append(session)
        names = sorted(
            {name for u in users for refs in u["own"].values() for __, name in refs}
            | {name for u in users for refs in u["foreign"].values() for __, name in refs},
            key=len,
            reverse=True,
        )
        self.pattern = re.compile(
            r"(?<![\w/.-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w/.-])"
        )
        self.results = []
        self.stop_event = threading.Event()
        self.threads = []

    def pages(self, user):
        """(path, expected status, own references expected, foreign names forbidden)."""
        own, foreign = user["own"], user["foreign"]
        if user["role"] == "supplier":
            lists = [("/my/quality", "supplier"), ("/my/quality/nonconformances", "nc")]
            detail = "/my/quality/inspection/%d"
            kind = "supplier"
        else:
            lists = [("/my/aftersales", "customer")]
            detail = "/my/aftersales/%d"
            kind = "customer"
        forbidden = {name for refs in foreign.values() for __, name in refs}
        pages = [(path, 200, {n for __, n in own[key]}, forbidden) for path, key in lists]
        pages += [(detail % rid, 200, {name}, forbidden) for rid, name in own[kind][:2]]
        pages += [(detail % rid, "redirect", set(), forbidden) for rid, __ in foreign[kind][:2]]
        return pages

    def start(self):
        for session, user in zip(self.sessions, self.users):
            thread = threading.Thread(target=self._loop, args=(session, user), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self):
        self.stop_event.set()
        for thread in self.threads:
            thread.join()
        self.threads = []
        self.stop_event = threading.Event()

    def _loop(self, session, user):
        pages = self.pages(user)
        while not self.stop_event.is_set():
            for path, expected, own, forbidden in pages:
                self.results.append(self._fetch(session, user, path, expected, own, forbidden))
                if self.stop_event.is_set():
                    return

    def _fetch(self, session, user, path, expected, own, forbidden):
        status, location, text, seconds = session.get(path)
        result = PageResult(f"{user['login']} {path}", status, seconds)
        if expected == "redirect":
            if status not in REDIRECTS and status != 200:
                result.problems.append(f"HTTP {status}")
        elif status != expected:
            result.problems.append(f"HTTP {status} {location}".strip())
        found = set(self.pattern.findall(text)) if status == 200 else set()
        if found & forbidden:
            result.problems.append("foreign: " + ", ".join(sorted(found & forbidden)))
        if status == 200 and own - found:
            result.problems.append("own missing: " + ", ".join(sorted(own - found)))
        return result

    def summary(self, since=0):
        results = self.results[since:]
        problems = [(r.url, p) for r in results for p in r.problems]
        times = sorted(r.seconds for r in results)
        return {
            "pages": len(results),
            "http_errors": sum(1 for __, p in problems if p.startswith("HTTP")),
            "foreign_records": sum(1 for __, p in problems if p.startswith("foreign")),
            "own_missing": sum(1 for __, p in problems if p.startswith("own missing")),
            "problem_samples": [f"{url}: {p}" for url, p in problems[:5]],
            "latency_s": {
                "median": round(statistics.median(times), 3),
                "p95": round(times[min(len(times) - 1, int(len(times) * 0.95))], 3),
            }
            if times
            else None,
        }
