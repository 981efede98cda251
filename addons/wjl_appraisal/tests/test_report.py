# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import WjlAppraisalCommon

BONUS_SHEET = "wjl_appraisal.action_report_bonus_sheet_xlsx"
CYCLE_MODEL = "wjl_appraisal.model_wjl_appraisal_cycle"


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

    def _bonus_sheet(self, user, cycles=None, lang="en_US"):
        """The bonus sheet ``user`` downloads from the Print menu, in ``lang``."""
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=lang)
            ._render(BONUS_SHEET, (cycles or self.cycle).ids)
        )
        self.assertEqual(report_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_bonus_sheet_xlsx(self):
        """R4.3.3: one row per appraisal with the bonus, and the total."""
        workbook = self._bonus_sheet(self.hr_officer)
        self.assertEqual(workbook.sheetnames, [self.cycle.name])
        sheet = workbook.active
        self.assertEqual(sheet["A1"].value, self.cycle.name)
        self.assertEqual(sheet["A4"].value, "Employee")
        self.assertEqual(sheet["H4"].value, "Bonus")
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        employees = {row[0]: row for row in rows if row[0]}
        self.assertEqual(set(employees), set(self.cycle.appraisal_ids.employee_id.mapped("name")))
        self.assertEqual(employees["Staff A2"][4], "Excellent")
        self.assertEqual(employees["Staff A2"][7], 2400)  # 2000 x 1.2
        self.assertEqual(rows[-1][6], "Total")
        self.assertEqual(rows[-1][7], sum(self.cycle.appraisal_ids.mapped("bonus_amount")))

    def test_bonus_sheet_one_sheet_per_cycle(self):
        other = self._generate(name="Test 2026 Q2", date_start="2026-04-01", date_end="2026-06-30")
        workbook = self._bonus_sheet(self.hr_officer, self.cycle | other)
        self.assertEqual(workbook.sheetnames, [self.cycle.name, other.name])

    def test_bonus_sheet_hr_only(self):
        """Appraisers and staff read the cycle, not its bonus sheet (R4.3.3)."""
        for user in (self.manager_a, self.staff_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._bonus_sheet(user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.cycle.with_user(user).action_export_bonus_sheet()

    def test_bonus_sheet_in_print_menu(self):
        """The cycle's Print menu offers the bonus sheet to HR officers only."""
        report = self.env.ref(BONUS_SHEET)
        self.assertRecordValues(
            report,
            [{"report_type": "xlsx", "binding_model_id": self.env.ref(CYCLE_MODEL).id}],
        )
        Actions = self.env["ir.actions.actions"]
        for user, offered in ((self.hr_officer, True), (self.manager_a, False)):
            with self.subTest(user=user.login):
                bindings = Actions.with_user(user).get_bindings("wjl.appraisal.cycle")
                ids = {action["id"] for action in bindings.get("report", [])}
                self.assertEqual(report.id in ids, offered)
        action = self.cycle.with_user(self.hr_officer).action_export_bonus_sheet()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], report.report_name)
        self.assertEqual(action["context"]["active_ids"], self.cycle.ids)

    def test_bonus_sheet_route(self):
        """The download of the web client: HR gets the workbook, an appraiser an error."""
        url = f"/report/xlsx/{self.env.ref(BONUS_SHEET).report_name}/{self.cycle.id}"
        self.authenticate("wjlp_hr", "wjlp_hr")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.authenticate("wjlp_manager_a", "wjlp_manager_a")
        response = self.url_open(url)
        self.assertNotEqual(response.content[:2], b"PK")

    def test_bonus_sheet_in_chinese(self):
        """A zh_CN HR officer gets the headers, grades and total in Chinese."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"]._load_module_terms(["wjl_appraisal"], ["zh_CN"])
        sheet = self._bonus_sheet(self.hr_officer, lang="zh_CN").active
        self.assertEqual(sheet["A4"].value, "员工")
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        employees = {row[0]: row for row in rows if row[0]}
        self.assertEqual(employees["Staff A2"][4], "优秀")
        self.assertEqual(rows[-1][6], "合计")
