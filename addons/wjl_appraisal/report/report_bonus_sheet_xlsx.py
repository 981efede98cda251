# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import models

# characters Excel refuses in a sheet name
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class ReportBonusSheetXlsx(models.AbstractModel):
    """The bonus sheet of appraisal cycles for Finance 绩效奖金表 (R4.3.3).

    The cycle's *Print* menu offers it (OCA ``report_xlsx``) to HR officers; one
    sheet per cycle, the figures read as the user.
    """

    _name = "report.wjl_appraisal.report_bonus_sheet_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appraisal Bonus Sheet Excel Export"

    def generate_xlsx_report(self, workbook, data, cycles):
        cycles._wjl_check_hr()
        cycles.check_access("read")
        formats = {
            "bold": workbook.add_format({"bold": True}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "number": workbook.add_format({"num_format": "0.00"}),
        }
        for cycle in cycles:
            name = SHEET_NAME_FORBIDDEN.sub("-", cycle.name)[:31] or self.env._("Bonus Sheet")
            self._write_bonus_sheet(workbook.add_worksheet(name), cycle, formats)

    def _bonus_sheet_headers(self):
        env = self.env
        return [
            env._("Employee"),
            env._("Department"),
            env._("Job Position"),
            env._("Score"),
            env._("Grade"),
            env._("Bonus Base"),
            env._("Coefficient"),
            env._("Bonus"),
            env._("Status"),
        ]

    def _write_bonus_sheet(self, sheet, cycle, formats):
        """Title, period, one row per appraisal (by department and employee), total."""
        Appraisal = self.env["wjl.appraisal"]
        grades = dict(Appraisal._fields["grade"]._description_selection(self.env))
        states = dict(Appraisal._fields["state"]._description_selection(self.env))
        sheet.write(0, 0, cycle.name, formats["bold"])
        sheet.write(1, 0, f"{cycle.date_start} – {cycle.date_end}")
        for col, header in enumerate(self._bonus_sheet_headers()):
            sheet.write(3, col, header, formats["bold"])
        appraisals = cycle.appraisal_ids.sorted(
            lambda a: (a.department_id.name or "", a.employee_id.name or "")
        )
        row = 4
        for appraisal in appraisals:
            sheet.write(row, 0, appraisal.employee_id.name or "")
            sheet.write(row, 1, appraisal.department_id.name or "")
            sheet.write(row, 2, appraisal.job_id.name or "")
            sheet.write_number(row, 3, appraisal.score, formats["number"])
            sheet.write(row, 4, grades.get(appraisal.grade, ""))
            sheet.write_number(row, 5, appraisal.bonus_base, formats["money"])
            sheet.write_number(row, 6, appraisal.grade_coefficient, formats["number"])
            sheet.write_number(row, 7, appraisal.bonus_amount, formats["money"])
            sheet.write(row, 8, states.get(appraisal.state, ""))
            row += 1
        sheet.write(row, 6, self.env._("Total"), formats["bold"])
        sheet.write_number(row, 7, sum(appraisals.mapped("bonus_amount")), formats["money"])
        sheet.set_column(0, 2, 18)
        sheet.set_column(3, 8, 12)
