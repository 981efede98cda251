# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

COLUMN_WIDTHS = [16, 36, 14, 16, 14, 36, 36, 10, 10, 8, 10, 14, 14, 12, 14, 14, 60]
LEVEL_COLUMN, ASSESSMENT_COLUMN, REVIEW_COLUMN = 10, 14, 15
LEVEL_COLORS = {
    "low": {"bg_color": "#C6EFCE"},
    "medium": {"bg_color": "#FFEB9C"},
    "high": {"bg_color": "#F8CBAD"},
    "critical": {"bg_color": "#C00000", "font_color": "#FFFFFF"},
}


class WjlRiskRegisterXlsx(models.AbstractModel):
    """The risk register 风险清单 as an Excel workbook, in the risks' Print menu (R6.1.3).

    Rendered by OCA ``report_xlsx`` as the user who prints it: only what they may
    read is exported.
    """

    _name = "report.wjl_risk.register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Risk Register (Excel)"

    def generate_xlsx_report(self, workbook, data, risks):
        """One row per risk with its latest assessment and its response measures."""
        risks.check_access("read")
        formats = self._wjl_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Risk Register"))
        for col, (header, width) in enumerate(zip(self._wjl_headers(), COLUMN_WIDTHS)):
            sheet.write(0, col, header, formats["header"])
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 2)
        # one query each for the latest assessments and the measures of all risks
        latest = {}
        for assessment in self.env["wjl.risk.assessment"].search(
            [("risk_id", "in", risks.ids)], order="date desc, id desc"
        ):
            latest.setdefault(assessment.risk_id.id, assessment)
        measures = {}
        for measure in self.env["wjl.risk.measure"].search([("risk_id", "in", risks.ids)]):
            measures.setdefault(measure.risk_id.id, []).append(measure)
        selection = self._wjl_selections(risks)
        for row, risk in enumerate(risks, start=1):
            values = self._wjl_row(risk, selection, measures.get(risk.id, []))
            for col, value in enumerate(values):
                cell_format = formats.get(risk.level) if col == LEVEL_COLUMN else formats["wrap"]
                sheet.write(row, col, value, cell_format)
            assessment = latest.get(risk.id)
            if assessment:
                sheet.write_datetime(row, ASSESSMENT_COLUMN, assessment.date, formats["date"])
            if risk.next_review_date:
                sheet.write_datetime(row, REVIEW_COLUMN, risk.next_review_date, formats["date"])

    def _wjl_formats(self, workbook):
        formats = {
            level: workbook.add_format(dict(colors, valign="top"))
            for level, colors in LEVEL_COLORS.items()
        }
        formats["header"] = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        formats["wrap"] = workbook.add_format({"text_wrap": True, "valign": "top"})
        formats["date"] = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        return formats

    def _wjl_headers(self):
        return [
            self.env._("Reference"),
            self.env._("Risk"),
            self.env._("Category"),
            self.env._("Department"),
            self.env._("Risk Owner"),
            self.env._("Causes"),
            self.env._("Consequences"),
            self.env._("Likelihood"),
            self.env._("Impact"),
            self.env._("Score"),
            self.env._("Level"),
            self.env._("Expected Loss"),
            self.env._("Strategy"),
            self.env._("Status"),
            self.env._("Last Assessment"),
            self.env._("Next Review"),
            self.env._("Response Measures"),
        ]

    def _wjl_selections(self, risks):
        """Labels of the selections, in the user's language."""
        selection = {
            fname: dict(risks._fields[fname]._description_selection(self.env))
            for fname in ("level", "strategy", "state")
        }
        measure_state = self.env["wjl.risk.measure"]._fields["state"]
        selection["measure_state"] = dict(measure_state._description_selection(self.env))
        return selection

    def _wjl_row(self, risk, selection, measures):
        """The cells of a risk; the two dates are written apart, as dates."""
        measure_states = selection["measure_state"]
        measure_text = "\n".join(
            f"• {m.name} ({m.responsible_id.name or '-'}, "
            f"{m.deadline or '-'}, {measure_states.get(m.state, m.state)})"
            for m in measures
        )
        return [
            risk.code,
            risk.name,
            risk.category_id.name,
            risk.department_id.name,
            risk.owner_id.name or "",
            risk.causes or "",
            risk.consequences or "",
            risk.likelihood or "",
            risk.impact or "",
            risk.score or "",
            selection["level"].get(risk.level, ""),
            risk.expected_loss,
            selection["strategy"].get(risk.strategy, ""),
            selection["state"].get(risk.state, ""),
            None,
            None,
            measure_text,
        ]
