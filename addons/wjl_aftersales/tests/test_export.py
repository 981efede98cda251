# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Service archive analysis and monthly summary export (R3.5.5)."""

import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AftersalesCommon

REPORT = "wjl_aftersales.action_report_aftersales_summary_xlsx"


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
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["data"]["date_from"], "2026-03-01")
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.cs)
            ._render(REPORT, [], data=action["data"])
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            book.sheetnames,
            ["By Class", "By Severity", "By Department", "By Month", "By Product"],
        )
        rows = self._rows(book["By Class"])
        self.assertEqual(rows["Technical Problem"][:3], [1, 1, 2.0])
        self.assertEqual(rows["Technical Problem"][4], 4.0)  # average satisfaction
        self.assertEqual(sum(v[0] for v in rows.values()), 2)
        month = book["By Month"]
        self.assertEqual(month.cell(4, 1).value, "2026-03")

    def _rows(self, sheet):
        return {
            sheet.cell(r, 1).value: [sheet.cell(r, c).value for c in range(2, 8)]
            for r in range(4, sheet.max_row + 1)
        }

    def test_print_menu_of_the_analysis(self):
        """R3.5.5: the workbook is in the Print menu of the analysis and sums the
        rows chosen, as the user may read them (a manager: their department)."""
        report = self.env.ref(REPORT)
        self.assertEqual(report.binding_model_id.model, "wjl.aftersales.report")
        self.assertEqual(report.report_type, "xlsx")
        tech = self._ticket()
        quality = self._ticket(problem_class="quality")
        self.env.flush_all()
        Analysis = self.env["wjl.aftersales.report"]
        rows_ids = Analysis.search([("ticket_id", "in", (tech | quality).ids)]).ids
        content, __ = report.with_user(self.cs)._render(REPORT, rows_ids)
        rows = self._rows(openpyxl.load_workbook(io.BytesIO(content))["By Department"])
        self.assertEqual(
            rows,
            {
                self.dept_tech.name: [1, 0, 0, 0, 0, 0],
                self.dept_quality.name: [1, 0, 0, 0, 0, 0],
            },
        )
        # the department manager reads their department's rows only
        mine = Analysis.with_user(self.tech_manager).search([("id", "in", rows_ids)])
        self.assertEqual(mine.ticket_id, tech)
        content, __ = report.with_user(self.tech_manager)._render(REPORT, mine.ids)
        rows = self._rows(openpyxl.load_workbook(io.BytesIO(content))["By Department"])
        self.assertEqual(list(rows), [self.dept_tech.name])
        # department staff do not read the analysis: no workbook either
        with self.assertRaises(AccessError):
            report.with_user(self.tech_staff)._render(REPORT, mine.ids)
