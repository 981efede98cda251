# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import api, models


class WjlBudgetEvaluationXlsx(models.AbstractModel):
    """Excel export of the year-end evaluation 年度预算执行评价 (R5.1.4)."""

    _name = "wjl.budget.evaluation.xlsx"
    _description = "Budget Evaluation Excel Export"

    @api.model
    def _generate(self, budget):
        """Return the evaluation of ``budget`` as xlsx bytes.

        Reads the budget as the current user: the caller's access rights apply.
        """
        budget.ensure_one()
        budget.check_access("read")
        rows = budget._get_evaluation_rows()
        totals = budget._get_evaluation_totals(rows)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Evaluation")[:31])
        title = workbook.add_format({"bold": True, "font_size": 14})
        head = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00", "border": 1})
        pct = workbook.add_format({"num_format": "0.0", "border": 1})
        text = workbook.add_format({"border": 1, "text_wrap": True})
        bold_money = workbook.add_format({"num_format": "#,##0.00", "border": 1, "bold": True})
        bold_text = workbook.add_format({"border": 1, "bold": True})
        sheet.write(0, 0, self.env._("Year-end evaluation: %s", budget.name), title)
        sheet.write(
            1,
            0,
            self.env._(
                "%(start)s to %(end)s, %(company)s",
                start=str(budget.date_from),
                end=str(budget.date_to),
                company=budget.company_id.name,
            ),
        )
        headers = [
            self.env._("Department"),
            self.env._("Category"),
            self.env._("Planned"),
            self.env._("Adjusted"),
            self.env._("Actual"),
            self.env._("Variance"),
            self.env._("Execution (%)"),
            self.env._("Variance (%)"),
            self.env._("Deviation Explanation"),
        ]
        for col, label in enumerate(headers):
            sheet.write(3, col, label, head)
        row_index = 4
        for row in rows:
            sheet.write(row_index, 0, row["department"], text)
            sheet.write(row_index, 1, row["category"], text)
            for col, key in enumerate(("planned", "adjusted", "actual", "variance"), start=2):
                sheet.write_number(row_index, col, row[key], money)
            sheet.write_number(row_index, 6, row["execution_rate"], pct)
            sheet.write_number(row_index, 7, row["variance_pct"], pct)
            sheet.write(row_index, 8, "\n".join(row["explanations"]), text)
            row_index += 1
        row_index += 1
        for row in totals:
            sheet.write(row_index, 0, self.env._("Total"), bold_text)
            sheet.write(row_index, 1, row["category"], bold_text)
            for col, key in enumerate(("planned", "adjusted", "actual", "variance"), start=2):
                sheet.write_number(row_index, col, row[key], bold_money)
            sheet.write_number(row_index, 6, row["execution_rate"], pct)
            sheet.write_number(row_index, 7, row["variance_pct"], pct)
            row_index += 1
        sheet.set_column(0, 1, 22)
        sheet.set_column(2, 7, 16)
        sheet.set_column(8, 8, 60)
        workbook.close()
        return output.getvalue()
