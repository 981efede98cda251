"""Root pytest configuration of the WJL suite: the clock runs (issue 11 item 13, R7.2.2).

`tools/wjl-test` reruns the suite with the clock at given UTC hours of the current date
(``WJL_CLOCKS="23:30 16:30"``): pytest runs under libfaketime (``faketime``) with
``WJL_CLOCK`` set to the hour. libfaketime fakes the clock of this process, its threads
(Odoo's HTTP server) and the browser it starts, so ``date.today()``, ``datetime.now()``
and ``fields.Date.context_today`` see that hour, as on a machine whose clock is there.

PostgreSQL's clock is not faked (it is another process, shared with other databases):
the transaction timestamp Odoo takes from it (``cr.now()``: ``create_date``,
``write_date``, ``Datetime.now`` defaults through the cursor) then follows the faked
clock instead, the way Odoo's own ``TestCursor.now`` does, so that every "now" of a test
agrees as it would at that hour. Nothing changes when ``WJL_CLOCK`` is not set.
"""

import os
from datetime import datetime, timedelta

import pytest

CLOCK = os.environ.get("WJL_CLOCK", "")


def _transaction_now(self):
    """The transaction's timestamp from the (faked) clock of this process."""
    if self._now is None:
        self._now = datetime.now()
    return self._now


def pytest_configure(config):
    if not CLOCK:
        return
    hour, minute = (int(part) for part in CLOCK.split(":"))
    now = datetime.now()
    expected = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if abs(now - expected) > timedelta(minutes=30):
        raise pytest.UsageError(
            f"WJL_CLOCK={CLOCK} but the clock says {now:%H:%M} UTC: "
            "run pytest under faketime (tools/wjl-test does it with WJL_CLOCKS)."
        )
    from odoo import sql_db  # noqa: PLC0415 - only on clock runs, after pytest-odoo

    sql_db.Cursor.now = _transaction_now


def pytest_report_header(config):
    if CLOCK:
        return f"clock: faked at {CLOCK} UTC (now {datetime.now():%Y-%m-%d %H:%M:%S})"
    return None
