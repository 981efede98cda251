# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.tests import tagged

from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestDates(WjlQualityCommon):
    """R3.3.3: the statistics month and the exported inspection date of an
    inspection are those of the user's time zone, not UTC (one "today")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspector.tz = "Asia/Shanghai"

    def test_month_and_export_in_user_time_zone(self):
        picking = self._receipt([(self.raw, 10)])
        inspection = picking.wjl_inspection_ids
        self._record(inspection)
        # 1 December 00:30 in Shanghai is still 30 November in UTC.
        with freeze_time("2026-11-30 16:30:00"):
            inspection.with_user(self.inspector).action_pass()
        inspection = inspection.with_user(self.inspector)
        self.assertEqual(inspection.date_month, date(2026, 12, 1))
        report = self.env.ref("wjl_quality.action_report_inspection_xlsx")
        data, _fmt = report.with_user(self.inspector)._render(
            "wjl_quality.inspection_xlsx", inspection.ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        self.assertEqual(sheet.cell(row=2, column=13).value, "2026-12-01 00:30:00")
