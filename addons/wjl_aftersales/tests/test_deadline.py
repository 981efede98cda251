# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Deadlines by severity on the working calendar (R3.5.2)."""

from datetime import datetime

from odoo.tests import tagged

from .common import AftersalesCommon

MONDAY_9 = datetime(2026, 3, 2, 9, 0)
FRIDAY_9 = datetime(2026, 3, 6, 9, 0)


@tagged("post_install", "-at_install")
class TestDeadline(AftersalesCommon):
    def test_deadline_by_severity(self):
        tickets = self.Ticket.create(
            [
                {"title": sev, "severity": sev, "date_received": MONDAY_9}
                for sev in ("critical", "high", "medium", "low")
            ]
        )
        self.assertEqual(
            tickets.mapped("deadline"),
            [
                datetime(2026, 3, 2, 14, 0),  # 3h morning + 1h after lunch
                datetime(2026, 3, 3, 9, 0),  # 7h Monday + 1h Tuesday
                datetime(2026, 3, 4, 9, 0),  # 7 + 8 + 1
                datetime(2026, 3, 9, 9, 0),  # a working week later
            ],
        )
        # at risk once 80 % of the working time is used: 3.2h of 4h
        self.assertEqual(tickets[0].date_sla_risk, datetime(2026, 3, 2, 13, 12))

    def test_deadline_skips_weekend(self):
        ticket = self._ticket(severity="high", date_received=FRIDAY_9)
        self.assertEqual(ticket.deadline, datetime(2026, 3, 9, 9, 0))

    def test_batch_matches_plan_hours(self):
        """The batched planning gives the calendar's own plan_hours result."""
        starts = [
            datetime(2026, 3, d, h, m)
            for d in (2, 4, 6, 7)
            for h, m in ((7, 0), (12, 30), (16, 45))
        ]
        hours = [0.5, 4, 8, 16, 40, 100]
        requests = [(s, h) for s in starts for h in hours]
        planned = self.Ticket._wjl_plan_hours_batch(self.calendar, requests)
        expected = [self.calendar.plan_hours(h, s, compute_leaves=True) for s, h in requests]
        self.assertEqual(planned, expected)

    def test_severity_change_moves_deadline(self):
        ticket = self._ticket(severity="low", date_received=MONDAY_9)
        ticket.severity = "critical"
        self.assertEqual(ticket.deadline, datetime(2026, 3, 2, 14, 0))

    def test_settings_hours(self):
        settings = self.env["res.config.settings"].create({})
        settings.wjl_aftersales_hours_critical = 2
        settings.execute()
        self.assertEqual(self.company.wjl_aftersales_hours_critical, 2)
        ticket = self._ticket(severity="critical", date_received=MONDAY_9)
        self.assertEqual(ticket.deadline, datetime(2026, 3, 2, 11, 0))
