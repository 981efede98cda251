# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestReports(HttpCase, WjlAppraisalCommon):
    """The PDF of one appraisal for the employee file and the bonus sheet (R4.3.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        appraisals = cls.cycle.appraisal_ids
        appraisals.action_self_review()
        appraisals.action_submit_self()
        appraisals.line_ids.write({"score": 95})

    def test_pdf_of_one_appraisal(self):
        appraisal = self.cycle.appraisal_ids[0]
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("wjl_appraisal.action_report_wjl_appraisal", appraisal.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "wjl_appraisal.action_report_wjl_appraisal", appraisal.ids
        )[0]
        self.assertIn(appraisal.employee_id.name, html.decode())

    def test_bonus_sheet_xlsx(self):
        content = self.cycle.with_user(self.hr_officer)._wjl_bonus_sheet_xlsx()
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        employees = {row[0]: row for row in rows if row[0]}
        self.assertEqual(set(employees), set(self.cycle.appraisal_ids.employee_id.mapped("name")))
        self.assertEqual(employees["Staff A2"][7], 2400)  # 2000 x 1.2
        self.assertEqual(rows[-1][7], sum(self.cycle.appraisal_ids.mapped("bonus_amount")))
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.manager_a)._wjl_bonus_sheet_xlsx()

    def test_bonus_sheet_route(self):
        url = f"/wjl_appraisal/cycle/{self.cycle.id}/bonus_sheet"
        self.authenticate("wjlp_hr", "wjlp_hr")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.authenticate("wjlp_manager_a", "wjlp_manager_a")
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
