# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Solving, customer messages, confirmation and satisfaction (R3.5.3, R3.5.4)."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestFlow(AftersalesCommon):
    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _rating_alerts(self, ticket):
        return self.Alert.search(
            [
                ("res_model", "=", ticket._name),
                ("res_id", "=", ticket.id),
                ("kind", "=", "aftersales_rating"),
            ]
        )

    def test_resolve_needs_resolution(self):
        """R3.5.4: resolving needs a resolution."""
        ticket = self._ticket()
        ticket.action_assess()
        with self.assertRaises(UserError):
            ticket.action_resolve()
        with self.assertRaises(ValidationError):
            ticket.stage_id = self.env.ref("wjl_aftersales.stage_resolved")
        self._resolve(ticket)
        self.assertRecordValues(ticket, [{"state": "resolved", "confirmation_state": "pending"}])
        self.assertTrue(ticket.date_resolved)

    def test_stage_change_messages_customer(self):
        """R3.5.3: each stage change sends the customer a message (mail template)."""
        ticket = self._ticket().with_context(tracking_disable=False)
        self._flush_tracking()  # tracking starts after the creating transaction
        ticket.action_assess()
        self._flush_tracking()
        ticket.action_start()
        self._flush_tracking()
        self._resolve(ticket)
        self._flush_tracking()
        messages = ticket.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        subjects = messages.mapped("subject")
        self.assertEqual(len(messages), 3, subjects)
        self.assertTrue(any("has been assessed" in s for s in subjects), subjects)
        resolved = messages.filtered(lambda m: "please confirm" in (m.subject or ""))
        self.assertIn(f"/my/aftersales/{ticket.id}", resolved.body)
        self.assertIn("access_token=", resolved.body)
        # the rating pages of the rating app answer the confirmation too (R3.5.4)
        token = ticket._rating_get_access_token()
        self.assertIn(f"/rate/{token}/5", resolved.body)

    def test_stage_message_in_chinese(self):
        """R3.5.3: a Chinese-speaking customer gets the message in zh_CN."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.skipTest("zh_CN is not installed")
        self.contact_a.lang = "zh_CN"
        ticket = self._ticket().with_context(tracking_disable=False)
        self._flush_tracking()  # tracking starts after the creating transaction
        ticket.action_assess()
        self._flush_tracking()
        message = ticket.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("工单", message.subject)

    def test_confirm_satisfied_closes(self):
        """R3.5.4: a satisfied customer's confirmation closes the ticket."""
        ticket = self._resolve(self._ticket())
        ticket._wjl_customer_confirm(5, "Great")
        self.assertRecordValues(
            ticket,
            [
                {
                    "state": "closed",
                    "confirmation_state": "satisfied",
                    "rating_last_value": 5,
                    "rating_last_feedback": "Great",
                }
            ],
        )
        rating = self.env["rating.rating"].search(
            [("res_model", "=", ticket._name), ("res_id", "=", ticket.id)]
        )
        self.assertRecordValues(
            rating, [{"rating": 5, "feedback": "Great", "partner_id": self.contact_a.id}]
        )
        self.assertFalse(self._rating_alerts(ticket))

    def test_rating_statistics(self):
        """R3.5.4, R3.5.5: the answers are the ticket's ratings, with the rating
        app's statistics."""
        first = self._resolve(self._ticket())
        first._wjl_customer_confirm(5, "Great")
        second = self._resolve(self._ticket())
        second._wjl_customer_confirm(1, "Too slow")
        self.assertRecordValues(
            first | second,
            [
                {"rating_count": 1, "rating_avg": 5, "rating_last_text": "top"},
                {"rating_count": 1, "rating_avg": 1, "rating_last_text": "ko"},
            ],
        )
        self.assertEqual(second.rating_percentage_satisfaction, 0)
        self.assertEqual(
            self.Ticket.search([("id", "in", (first | second).ids), ("rating_avg", ">=", 4)]),
            first,
        )

    def test_low_rating_forces_analysis(self):
        """R3.5.4: a rating <= 2 needs reason and action, alerts the manager."""
        ticket = self._resolve(self._ticket())
        ticket._wjl_customer_confirm(2, "Too slow")
        self.assertEqual(ticket.state, "resolved")
        alert = self._rating_alerts(ticket)
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.user_ids, self.tech_manager)
        self.assertEqual(alert.department_id, self.dept_tech)
        with self.assertRaises(UserError):
            ticket.with_user(self.cs).action_close()
        with self.assertRaises(ValidationError):
            ticket.stage_id = self.env.ref("wjl_aftersales.stage_closed")
        ticket.with_user(self.cs).write(
            {
                "dissatisfaction_reason": "Waited for a part",
                "improvement_action": "Keep spare motors in stock",
            }
        )
        ticket.with_user(self.cs).action_close()
        self.assertEqual(ticket.state, "closed")
        self.assertEqual(alert.state, "resolved")

    def test_not_solved_reopens(self):
        """R3.5.4: 'not solved' reopens the ticket."""
        ticket = self._resolve(self._ticket())
        ticket._wjl_customer_reopen("Still broken")
        self.assertRecordValues(
            ticket,
            [
                {
                    "state": "in_progress",
                    "confirmation_state": "not_solved",
                    "reopen_count": 1,
                    "date_resolved": False,
                }
            ],
        )
        self.assertTrue(any("Still broken" in (m.body or "") for m in ticket.message_ids))
        self._resolve(ticket)
        self.assertEqual(ticket.confirmation_state, "pending")

    def test_autoclose_unconfirmed(self):
        """R3.5.4: tickets unconfirmed for N days close by themselves, marked so."""
        start = datetime(2026, 3, 2, 9, 0)
        with freeze_time(start):
            ticket = self._resolve(self._ticket())
            confirmed = self._resolve(self._ticket())
            confirmed._wjl_customer_confirm(4)
        with freeze_time(start + timedelta(days=6)):
            self.assertFalse(self.Ticket._cron_autoclose() & ticket)
        with freeze_time(start + timedelta(days=7, minutes=1)):
            closed = self.Ticket._cron_autoclose()
        self.assertIn(ticket, closed)
        self.assertRecordValues(
            ticket, [{"state": "closed", "auto_closed": True, "confirmation_state": "auto"}]
        )

    def test_close_only_resolved(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.action_close()
