# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Service levels by the cron, alerts and escalation (R3.5.2, R3.5.3)."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import AftersalesCommon

MONDAY_9 = datetime(2026, 3, 2, 9, 0)


@tagged("post_install", "-at_install")
class TestSla(AftersalesCommon):
    def _sla_alerts(self, tickets):
        return self.Alert.search(
            [
                ("res_model", "=", tickets._name),
                ("res_id", "in", tickets.ids),
                ("kind", "=", "aftersales_sla"),
            ]
        )

    def _cron(self, when):
        with freeze_time(when):
            self.Ticket._cron_update_sla()

    def test_at_risk_breached_escalated_resolved(self):
        with freeze_time(MONDAY_9):
            critical = self._ticket(severity="critical", date_received=MONDAY_9)
            high = self._ticket(severity="high", date_received=MONDAY_9, problem_class="quality")
            critical.action_assess()
            high.action_assess()
        # deadline critical 14:00 (at risk 13:12), high Tue 09:00
        self._cron(datetime(2026, 3, 2, 12, 0))
        self.assertEqual((critical | high).mapped("sla_state"), ["on_time", "on_time"])
        self._cron(datetime(2026, 3, 2, 13, 30))
        self.assertEqual(critical.sla_state, "at_risk")
        self.assertFalse(self._sla_alerts(critical))

        self._cron(datetime(2026, 3, 2, 14, 30))
        self.assertEqual(critical.sla_state, "breached")
        self.assertEqual(critical.date_breached, datetime(2026, 3, 2, 14, 30))
        alert = self._sla_alerts(critical)
        self.assertRecordValues(
            alert,
            [{"level": "critical", "state": "open", "department_id": self.dept_tech.id}],
        )
        self.assertIn(self.tech_manager, alert.user_ids)
        # raised once: another run changes nothing
        self._cron(datetime(2026, 3, 2, 14, 45))
        self.assertEqual(self._sla_alerts(critical), alert)
        self.assertEqual(alert.raise_count, 1)

        # escalation two hours after the breach: critical and to the manager
        critical.user_id = self.tech_staff
        self._cron(datetime(2026, 3, 2, 16, 31))
        self.assertTrue(critical.sla_escalated)
        self.assertEqual(alert.raise_count, 2)
        self.assertIn(self.tech_manager, alert.user_ids)
        self.assertIn(self.tech_staff, alert.user_ids)

        # high severity breaches the next day with a warning
        self._cron(datetime(2026, 3, 3, 9, 30))
        self.assertRecordValues(self._sla_alerts(high), [{"level": "warning", "state": "open"}])

        # solving resolves the alert
        self._resolve(critical)
        self.assertEqual(alert.state, "resolved")
        self.assertEqual(critical.sla_state, "breached")  # history kept
        self._cron(datetime(2026, 3, 3, 10, 0))
        self.assertEqual(self._sla_alerts(critical), alert)

    def test_closed_tickets_ignored(self):
        ticket = self._ticket(severity="critical", date_received=MONDAY_9)
        self._resolve(ticket)
        self._cron(datetime(2026, 3, 5, 9, 0))
        self.assertEqual(ticket.sla_state, "on_time")
        self.assertFalse(self._sla_alerts(ticket))

    def test_breach_recovers_when_deadline_moves(self):
        ticket = self._ticket(severity="critical", date_received=MONDAY_9)
        self._cron(datetime(2026, 3, 2, 15, 0))
        self.assertEqual(ticket.sla_state, "breached")
        ticket.severity = "low"
        self._cron(datetime(2026, 3, 2, 15, 5))
        self.assertEqual(ticket.sla_state, "on_time")
        self.assertEqual(self._sla_alerts(ticket).state, "resolved")

    def test_cron_constant_queries(self):
        """The cron's queries do not grow with the number of open tickets."""

        def batch(count):
            return self.Ticket.create(
                [
                    {
                        "title": f"T{i}",
                        "problem_class": "technical",
                        "severity": "critical",
                        "date_received": MONDAY_9,
                    }
                    for i in range(count)
                ]
            )

        small = batch(3)
        self._cron(datetime(2026, 3, 2, 10, 0))  # warm-up
        counts = []
        for when, count in ((datetime(2026, 3, 2, 13, 30), 0), (datetime(2026, 3, 2, 13, 31), 30)):
            tickets = batch(count) if count else small  # 3, then 30 tickets go at risk
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with freeze_time(when):
                self.Ticket._cron_update_sla()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(set(tickets.mapped("sla_state")), {"at_risk"})
        self.assertEqual(counts[0], counts[1])
        self.env.invalidate_all()
        with freeze_time(datetime(2026, 3, 2, 13, 32)), self.assertQueryCount(1):
            self.Ticket._cron_update_sla()  # nothing changes: one search
