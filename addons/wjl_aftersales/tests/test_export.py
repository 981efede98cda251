# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Service archive analysis and monthly summary export (R3.5.5)."""

import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestExport(AftersalesCommon):
    def test_analysis_and_excel(self):
        t1 = self._ticket(date_received=datetime(2026, 3, 2, 9, 0), product_id=self.product.id)
        t2 = self._ticket(
            date_received=datetime(2026, 3, 3, 9, 0), problem_class="quality", severity="low"
        )
        self._ticket(date_received=datetime(2026, 4, 3, 9, 0))  # other month
        self._resolve(t1)
        t1.date_resolved = datetime(2026, 3, 2, 11, 0)
        t1._wjl_customer_confirm(4)
        self.env.flush_all()
        groups = self.env["wjl.aftersales.report"]._read_group(
            [("ticket_id", "in", (t1 | t2).ids)],
            ["problem_class"],
            ["ticket_count:sum", "hours_to_resolve:avg", "on_time_rate:avg", "satisfaction:avg"],
        )
        by_class = {g[0]: g[1:] for g in groups}
        self.assertEqual(by_class["technical"], (1, 2.0, 100.0, 4.0))
        self.assertEqual(by_class["quality"][0], 1)
        self.assertFalse(any(by_class["quality"][1:]))

        wizard = (
            self.env["wjl.aftersales.summary.export"]
            .with_user(self.cs)
            .create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        )
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        self.assertEqual(
            book.sheetnames,
            ["By Class", "By Severity", "By Department", "By Month", "By Product"],
        )
        sheet = book["By Class"]
        rows = {
            sheet.cell(r, 1).value: [sheet.cell(r, c).value for c in range(2, 8)]
            for r in range(4, sheet.max_row + 1)
        }
        self.assertEqual(rows["Technical Problem"][:3], [1, 1, 2.0])
        self.assertEqual(sum(v[0] for v in rows.values()), 2)
        month = book["By Month"]
        self.assertEqual(month.cell(4, 1).value, "2026-03")
