# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import WjlBaseCommon


@tagged("post_install", "-at_install")
class TestAlertDeadlineTimezone(WjlBaseCommon):
    """Issue 11, item 13: an alert activity's deadline counts from "today" where the
    responsible person works, whoever raises the alert and whatever the hour (R6.3.2).

    Frozen at 23:30 UTC and at 16:30 UTC: in Asia/Shanghai (UTC+8) it is already the
    next day, in UTC and Europe/Brussels it is not.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.wjl_alert_deadline_days = 1
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.staff_a.tz = "Asia/Shanghai"
        cls.staff_b.tz = "America/Los_Angeles"
        cls.fallback.tz = False  # works on the company's time

    def _deadlines(self, caller_tz):
        alert = self.Alert.with_context(tz=caller_tz).raise_alert(
            self.source_1, "tz_kind", users=self.staff_a | self.fallback | self.staff_b
        )
        activities = self._alert_activities(alert)
        return {activity.user_id: activity.date_deadline for activity in activities}

    @freeze_time("2026-03-01 23:30:00")
    def test_deadline_at_2330_utc(self):
        deadlines = self._deadlines("UTC")
        self.assertEqual(deadlines[self.staff_a], date(2026, 3, 3))  # 07:30 on 2 March
        self.assertEqual(deadlines[self.fallback], date(2026, 3, 3))  # company: Shanghai
        self.assertEqual(deadlines[self.staff_b], date(2026, 3, 2))  # 15:30 on 1 March

    @freeze_time("2026-03-01 16:30:00")
    def test_deadline_at_1630_utc(self):
        deadlines = self._deadlines("Europe/Brussels")
        self.assertEqual(deadlines[self.staff_a], date(2026, 3, 3))  # 00:30 on 2 March
        self.assertEqual(deadlines[self.fallback], date(2026, 3, 3))
        self.assertEqual(deadlines[self.staff_b], date(2026, 3, 2))  # 08:30 on 1 March

    @freeze_time("2026-03-01 23:30:00")
    def test_company_without_time_zone_counts_in_utc(self):
        self.company.partner_id.tz = False
        deadlines = self._deadlines("Asia/Shanghai")
        self.assertEqual(deadlines[self.fallback], date(2026, 3, 2))
