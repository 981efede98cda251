# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One time zone for deadlines and days (issue 11 item 13, R3.5.2, R3.5.3, R3.5.5).

The company works in Asia/Shanghai: deadlines are planned on its working hours
there and shown at the same local time in the back end (user in Asia/Shanghai),
in the customer's email and on the portal, whatever the customer's own zone.
"""

from datetime import date, datetime

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import AftersalesCommon

# Monday 2 March 2026, 09:00 in Shanghai
MONDAY_9_SHANGHAI = datetime(2026, 3, 2, 1, 0)


@tagged("post_install", "-at_install")
class TestTimezone(HttpCase, AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar.tz = "Asia/Shanghai"
        cls.cs.tz = "Asia/Shanghai"
        # the customer reads their email in another zone than the company's
        cls.contact_a.tz = "Europe/Brussels"

    def _local(self, user, value):
        return fields.Datetime.context_timestamp(self.Ticket.with_user(user), value)

    def test_deadline_on_shanghai_working_hours(self):
        """R3.5.2: the working hours are Shanghai's, not UTC's."""
        high = self._ticket(severity="high", date_received=MONDAY_9_SHANGHAI)
        # Monday 09:00-12:00, 13:00-17:00 (7 h) + Tuesday 08:00-09:00 in Shanghai
        self.assertEqual(high.deadline, datetime(2026, 3, 3, 1, 0))
        # received Monday 18:00 in Shanghai (10:00 UTC, inside UTC "office hours"):
        # the 4 hours are Tuesday 08:00-12:00 in Shanghai
        critical = self._ticket(severity="critical", date_received=datetime(2026, 3, 2, 10, 0))
        self.assertEqual(critical.deadline, datetime(2026, 3, 3, 4, 0))
        self.assertEqual(self._local(self.cs, critical.deadline).strftime("%H:%M"), "12:00")

    def test_email_portal_and_backend_agree(self):
        """R3.5.3: the email and the portal show the back end's local time."""
        ticket = self._ticket(
            severity="critical", date_received=datetime(2026, 3, 2, 10, 0)
        ).with_context(tracking_disable=False)
        backend = self._local(self.cs, ticket.deadline).strftime("%Y-%m-%d %H:%M")
        self.assertEqual(backend, "2026-03-03 12:00")
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking starts after the creating transaction
        ticket.with_user(self.cs).action_assess()
        self.env.flush_all()
        self.env.cr.precommit.run()
        email = ticket.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        self.assertEqual(len(email), 1)
        self.assertIn(f"{backend} (UTC+08:00)", email.body)
        self.assertNotIn("05:00", email.body)  # 12:00 in Shanghai is 05:00 in Brussels

        self.authenticate("wjla_portal_a", "wjla_portal_a")
        page = self.url_open(f"/my/aftersales/{ticket.id}").text
        self.assertIn(f"{backend} (UTC+08:00)", page)
        received = self._local(self.cs, ticket.date_received).strftime("%Y-%m-%d %H:%M")
        self.assertIn(f"{received} (UTC+08:00)", page)

    def test_summary_default_months_in_user_zone(self):
        """R3.5.5: at 23:30 UTC on 31 December it is already January in Shanghai."""
        with freeze_time("2026-12-31 23:30:00"):
            wizard = (
                self.env["wjl.aftersales.summary.export"]
                .with_user(self.cs)
                .with_context(tz="Asia/Shanghai")
                .create({})
            )
        self.assertEqual(
            (wizard.date_from, wizard.date_to), (date(2026, 12, 1), date(2026, 12, 31))
        )

    def test_summary_months_in_company_zone(self):
        """R3.5.5: a ticket of 1 April 04:00 in Shanghai is in April's summary."""
        march = self._ticket(date_received=datetime(2026, 3, 31, 15, 0))  # 23:00 local
        april = self._ticket(date_received=datetime(2026, 3, 31, 20, 0))  # 04:00 local
        wizard = self.env["wjl.aftersales.summary.export"].create(
            {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}
        )
        tickets = self.Ticket.search(wizard._domain())
        self.assertIn(march, tickets)
        self.assertNotIn(april, tickets)
        Summary = self.env["report.wjl_aftersales.summary_xlsx"]
        rows = Summary._wjl_summary_rows(wizard._domain(), "date_received:month", self.company)
        months = [row[0] for row in rows]
        self.assertEqual(months, ["2026-03"])
