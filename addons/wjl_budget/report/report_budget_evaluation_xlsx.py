# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ReportBudgetEvaluationXlsx(models.AbstractModel):
    """Excel export of the year-end evaluation 年度预算执行评价 (R5.1.4).

    The budget's *Print* menu offers it (OCA ``report_xlsx``). The figures are
    read as the user: a department head sees the lines of their departments only.
    """

    _name = "report.wjl_budget.report_budget_evaluation_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Budget Evaluation Excel Export"

    def generate_xlsx_report(self, workbook, data, budgets):
        budgets.check_access("read")
        formats = self._evaluation_formats(workbook)
        for budget in budgets:
            sheet = workbook.add_worksheet(budget.name[:31])
            self._write_evaluation(sheet, budget, formats)

    def _evaluation_formats(self, workbook):
        def add(**options):
            return workbook.add_format({"border": 1, **options})

        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "head": add(bold=True, bg_color="#D9E1F2"),
            "money": add(num_format="#,##0.00"),
            "pct": add(num_format="0.0"),
            "text": add(text_wrap=True),
            "bold_money": add(num_format="#,##0.00", bold=True),
            "bold_text": add(bold=True),
        }

    def _write_evaluation(self, sheet, budget, formats):
        env = self.env
        rows = budget._get_evaluation_rows()
        totals = budget._get_evaluation_totals(rows)
        sheet.write(0, 0, env._("Year-end evaluation: %s", budget.name), formats["title"])
        sheet.write(
            1,
            0,
            env._(
                "%(start)s to %(end)s, %(company)s",
                start=str(budget.date_from),
                end=str(budget.date_to),
                company=budget.company_id.name,
            ),
        )
        headers = [
            env._("Department"),
            env._("Category"),
            env._("Planned"),
            env._("Adjusted"),
            env._("Actual"),
            env._("Variance"),
            env._("Execution (%)"),
            env._("Variance (%)"),
            env._("Deviation Explanation"),
        ]
        for col, label in enumerate(headers):
            sheet.write(3, col, label, formats["head"])
        row_index = 4
        for row in rows:
            self._write_row(sheet, row_index, row, formats, row["department"])
            sheet.write(row_index, 8, "\n".join(row["explanations"]), formats["text"])
            row_index += 1
        row_index += 1
        for row in totals:
            self._write_row(sheet, row_index, row, formats, env._("Total"), bold=True)
            row_index += 1
        sheet.set_column(0, 1, 22)
        sheet.set_column(2, 7, 16)
        sheet.set_column(8, 8, 60)

    def _write_row(self, sheet, row_index, row, formats, label, bold=False):
        text = formats["bold_text" if bold else "text"]
        money = formats["bold_money" if bold else "money"]
        sheet.write(row_index, 0, label, text)
        sheet.write(row_index, 1, row["category"], text)
        for col, key in enumerate(("planned", "adjusted", "actual", "variance"), start=2):
            sheet.write_number(row_index, col, row[key], money)
        sheet.write_number(row_index, 6, row["execution_rate"], formats["pct"])
        sheet.write_number(row_index, 7, row["variance_pct"], formats["pct"])
