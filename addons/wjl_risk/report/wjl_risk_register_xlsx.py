# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import api, models


class WjlRiskRegisterXlsx(models.AbstractModel):
    """The risk register 风险清单 as an Excel workbook (R6.1.3)."""

    _name = "report.wjl_risk.register_xlsx"
    _description = "Risk Register (Excel)"

    @api.model
    def _generate(self, risks):
        """Return the xlsx bytes of ``risks`` with latest assessment and measures.

        Reads as the current user: only what they may read is exported.
        """
        risks.check_access("read")
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        level_formats = {
            "low": workbook.add_format({"bg_color": "#C6EFCE", "valign": "top"}),
            "medium": workbook.add_format({"bg_color": "#FFEB9C", "valign": "top"}),
            "high": workbook.add_format({"bg_color": "#F8CBAD", "valign": "top"}),
            "critical": workbook.add_format(
                {"bg_color": "#C00000", "font_color": "#FFFFFF", "valign": "top"}
            ),
        }
        selection = {
            fname: dict(risks._fields[fname]._description_selection(self.env))
            for fname in ("level", "strategy", "state")
        }
        measure_states = dict(
            self.env["wjl.risk.measure"]._fields["state"]._description_selection(self.env)
        )
        sheet = workbook.add_worksheet(self.env._("Risk Register"))
        headers = [
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
        widths = [16, 36, 14, 16, 14, 36, 36, 10, 10, 8, 10, 14, 14, 12, 14, 14, 60]
        for col, (header, width) in enumerate(zip(headers, widths)):
            sheet.write(0, col, header, bold)
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
        for row, risk in enumerate(risks, start=1):
            assessment = latest.get(risk.id)
            measure_text = "\n".join(
                f"• {m.name} ({m.responsible_id.name or '-'}, "
                f"{m.deadline or '-'}, {measure_states.get(m.state, m.state)})"
                for m in measures.get(risk.id, [])
            )
            values = [
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
            for col, value in enumerate(values):
                cell_format = level_formats.get(risk.level) if col == 10 else wrap
                sheet.write(row, col, value, cell_format)
            if assessment:
                sheet.write_datetime(row, 14, assessment.date, date_format)
            if risk.next_review_date:
                sheet.write_datetime(row, 15, risk.next_review_date, date_format)
        workbook.close()
        return output.getvalue()
