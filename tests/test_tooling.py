"""Checks of the CI tooling of issue 11 (R7.2.2): the upgrade check and the clock runs.

Plain pytest tests (no database): the upgrade check exists, explains in one line why it
cannot run, and is called from `.ci/run` after the tests; the clock runs refuse a bad
hour, and the root conftest.py refuses a clock run whose clock is not faked and lets
Odoo's transaction timestamp follow the faked clock when it is (TestOneClock runs in
every clock run of `tools/wjl-test`).
"""

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from odoo.tests import TransactionCase, tagged

ROOT = Path(__file__).resolve().parent.parent
UPGRADE_CHECK = ROOT / "tools" / "wjl-upgrade-check"


def _run(cmd, env=None, timeout=120):
    return subprocess.run(
        cmd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )


def test_ci_runs_tests_at_two_clocks_then_the_upgrade_check():
    """Issue 11 items 11 and 13: `.ci/run` installs faketime and runs both checks."""
    assert os.access(UPGRADE_CHECK, os.X_OK)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt_packages+=(faketime)" in ci
    assert re.search(r"WJL_CLOCKS=\$\{WJL_CLOCKS-23:30 16:30\}", ci)
    assert ci.index("make test") < ci.index("make upgrade-check")
    assert "tools/wjl-upgrade-check" in ci  # without make too
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target, command in (
        ("upgrade-check", "tools/wjl-upgrade-check"),
        ("load", "PYTHON=$(PYTHON) tools/wjl-load"),
        ("test-clocks", "tools/wjl-test"),
    ):
        assert re.search(rf"^{target}:\n\t.*{re.escape(command)}", makefile, re.M), target
        assert f"make {target}" in makefile, f"{target} missing from make help"


def test_upgrade_check_explains_missing_odoo(tmp_path):
    """The upgrade check stops at once, in one line, when Odoo 18 is not importable."""
    fake = tmp_path / "python"
    fake.write_text(f'#!/bin/sh\nexec {sys.executable} -S "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    run = _run([str(fake), str(UPGRADE_CHECK)])
    assert run.returncode == 2
    assert "Odoo 18 is not importable" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_upgrade_check_explains_unreachable_postgres():
    run = _run([sys.executable, str(UPGRADE_CHECK)], env={"PGHOST": "127.0.0.1", "PGPORT": "9"})
    assert run.returncode == 2
    assert "PostgreSQL is unreachable" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_test_command_refuses_a_bad_clock():
    run = _run(
        [str(ROOT / "tools" / "wjl-test")],
        env={"PYTHON": sys.executable, "WJL_CLOCKS": "23:30 25:00"},
    )
    assert run.returncode == 2
    assert "WJL_CLOCKS must list UTC hours as HH:MM" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def _collect(env, prefix=()):
    cmd = [*prefix, sys.executable, "-m", "pytest", "--collect-only"]
    cmd += ["-p", "no:cacheprovider", "tests/test_tooling.py"]
    return _run(cmd, env={"TZ": "UTC", **env})


def test_clock_run_refuses_an_unfaked_clock():
    """WJL_CLOCK without libfaketime would silently test the real hour: refused."""
    hour = (datetime.now(timezone.utc) + timedelta(hours=3)).strftime("%H:%M")
    run = _collect({"WJL_CLOCK": hour})
    assert run.returncode == 4, run.stdout + run.stderr
    assert f"WJL_CLOCK={hour} but the clock says" in run.stderr


def test_clock_run_under_faketime():
    """Under faketime at 23:30 UTC the run reports the faked clock and accepts it."""
    assert shutil.which("faketime"), "faketime is missing (Debian: apt-get install faketime)"
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    run = _collect(
        {"WJL_CLOCK": "23:30"},
        prefix=("faketime", "-f", f"@{today} 23:30:00"),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"clock: faked at 23:30 UTC (now {today} 23:3" in run.stdout


@tagged("post_install", "-at_install")
class TestOneClock(TransactionCase):
    def test_transaction_timestamp_follows_the_clock(self):
        """Odoo's cr.now() (create_date, write_date) and Python's clock agree, on the
        real clock and on the faked ones of the clock runs (WJL_CLOCK, conftest.py)."""
        partner = self.env["res.partner"].create({"name": "Clock check"})
        partner.flush_recordset()
        self.env.cr.execute("SELECT create_date FROM res_partner WHERE id = %s", [partner.id])
        create_date = self.env.cr.fetchone()[0]
        self.assertLess(abs(datetime.now() - create_date), timedelta(minutes=5))
