"""Start and stop a multi-process Odoo server (``--workers``) for the load check.

The server listens on 127.0.0.1 only (HTTP and the gevent port, both free ports
picked at start), runs no cron (``--max-cron-threads 0``), serves only the check's
database and logs to a file where the retries of serialization failures are
counted (Odoo logs ``SERIALIZATION_FAILURE, N tries left, try again ...`` at INFO
level from ``odoo.service.model``).
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time

import requests

LAUNCHER = """import os
os.environ["TZ"] = "UTC"
import odoo
odoo.cli.main()
"""
# "2026-12-02 06:00:00,123 4242 ERROR db odoo.http: ..."
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) ")
RETRY = re.compile(
    r"\b(SERIALIZATION_FAILURE|DEADLOCK_DETECTED|LOCK_NOT_AVAILABLE), \d+ tries left"
)
GIVE_UP = re.compile(r"maximum number of tries reached")
CONFLICT = re.compile(
    r"could not serialize access|deadlock detected|could not obtain lock|"
    r"SerializationFailure|DeadlockDetected|LockNotAvailable"
)


def log_entries(text):
    """(level, text) of each log entry: its first line and the lines that follow it."""
    level, lines = None, []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if match:
            if level:
                yield level, "\n".join(lines)
            level, lines = match["level"], [line]
        elif level:
            lines.append(line)
    if level:
        yield level, "\n".join(lines)


def free_port():
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OdooServer:
    """``odoo --workers N`` on 127.0.0.1 in its own process group."""

    def __init__(self, python, config, db, workdir, workers=4):
        self.python = python
        self.config = config
        self.db = db
        self.workdir = workdir
        self.workers = workers
        self.port = free_port()
        self.gevent_port = free_port()
        self.logfile = os.path.join(workdir, "server.log")
        self.process = None
        self.pidfile = os.path.join(workdir, "server.pid")
        self.stderr = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        # A launcher script, not ``-m odoo``: the prefork server re-runs
        # ``sys.argv[0]`` to spawn its gevent process.
        launcher = os.path.join(self.workdir, "odoo-launcher.py")
        with open(launcher, "w", encoding="utf-8") as handle:
            handle.write(LAUNCHER)
        return [
            self.python,
            launcher,
            "-c",
            self.config,
            "-d",
            self.db,
            f"--db-filter=^{re.escape(self.db)}$",
            "--no-database-list",
            f"--workers={self.workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            f"--gevent-port={self.gevent_port}",
            f"--logfile={self.logfile}",
            "--log-level=warn",
            "--log-handler=odoo.service.model:INFO",
            "--limit-time-real=600",
            "--limit-time-cpu=300",
        ]

    def start(self, timeout=180.0):
        """Start the server and wait until ``/web/health`` answers."""
        open(self.logfile, "a", encoding="utf-8").close()
        self.stderr = open(os.path.join(self.workdir, "server.stderr"), "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            start_new_session=True,  # its own process group, stopped as a whole
        )
        with open(self.pidfile, "w", encoding="utf-8") as handle:
            handle.write(str(self.process.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited at start:\n{self.tail()}")
            try:
                if requests.get(self.base_url + "/web/health", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the server did not answer within {timeout:.0f}s:\n{self.tail()}")

    def stop(self, timeout=30.0):
        """Stop the server's process group: SIGTERM, then SIGKILL after ``timeout``."""
        if not self.process:
            return
        pgid = self.process.pid  # start_new_session: the group is the server's own
        try:
            os.killpg(pgid, signal.SIGTERM)
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.process.wait(10)
        except ProcessLookupError:
            pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)  # workers left behind by the master, if any
        with contextlib.suppress(OSError):
            os.remove(self.pidfile)
        if self.stderr:
            self.stderr.close()

    def log_offset(self):
        return os.path.getsize(self.logfile)

    def log_counts(self, start, end=None):
        """Retries, conflicts, give-ups, errors and warnings logged between two offsets.

        A serialization failure is logged twice: the failing statement as an
        ``ERROR odoo.sql_db: bad query`` entry (``could not serialize access``), then
        the retry at INFO. Those ERROR entries are counted as ``conflicts``, not as
        errors; every other ERROR or CRITICAL entry is an error.
        """
        counts = {"retries": 0, "retries_exhausted": 0, "conflicts": 0, "errors": 0}
        counts["warnings"], samples = 0, []
        with open(self.logfile, encoding="utf-8", errors="replace") as handle:
            handle.seek(start)
            text = handle.read((end - start) if end is not None else -1)
        for level, entry in log_entries(text):
            if RETRY.search(entry):
                counts["retries"] += 1
            if GIVE_UP.search(entry):
                counts["retries_exhausted"] += 1
            if level in ("ERROR", "CRITICAL"):
                if "bad query" in entry and CONFLICT.search(entry):
                    counts["conflicts"] += 1
                    continue
                counts["errors"] += 1
                if len(samples) < 5:
                    samples.append(" ".join(entry.split())[:400])
            elif level == "WARNING":
                counts["warnings"] += 1
        counts["error_samples"] = samples
        return counts

    def tail(self, lines=30):
        try:
            with open(self.logfile, encoding="utf-8", errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        except OSError:
            return ""


def python_executable():
    return os.environ.get("PYTHON") or sys.executable
