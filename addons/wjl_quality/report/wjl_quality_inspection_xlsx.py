# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReportWjlQualityInspectionXlsx(models.AbstractModel):
    """Excel export of inspections with their results (R3.3.3), OCA ``report_xlsx``.

    Print menu of the inspections; the data is read as the user printing it.
    """

    _name = "report.wjl_quality.inspection_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quality Inspections Excel Export"

    def generate_xlsx_report(self, workbook, data, inspections):
        bold = workbook.add_format({"bold": True})
        for title, headers, rows in (
            self._inspection_sheet(inspections),
            self._result_sheet(inspections),
        ):
            sheet = workbook.add_worksheet(title)
            sheet.write_row(0, 0, headers, bold)
            for row, values in enumerate(rows, start=1):
                sheet.write_row(row, 0, values)

    def _labels(self, model, fname):
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    def _local_datetime(self, record, moment):
        """``moment`` (UTC) as text in the user's time zone, as the form shows it."""
        if not moment:
            return ""
        return fields.Datetime.to_string(fields.Datetime.context_timestamp(record, moment))

    def _inspection_sheet(self, inspections):
        """Title, headers and rows of the sheet listing the inspections."""
        headers = [
            self.env._("Reference"),
            self.env._("Stage"),
            self.env._("Gate"),
            self.env._("Product"),
            self.env._("Lot/Serial Number"),
            self.env._("Source"),
            self.env._("Supplier"),
            self.env._("Quantity"),
            self.env._("Quantity to Inspect"),
            self.env._("Failed Quantity"),
            self.env._("Status"),
            self.env._("Inspector"),
            self.env._("Inspection Date"),
        ]
        stages = self._labels("wjl.quality.inspection", "stage")
        states = self._labels("wjl.quality.inspection", "state")
        rows = (
            [
                insp.name,
                stages.get(insp.stage, ""),
                insp.gate_id.name,
                insp.product_id.display_name,
                insp.lot_id.name or "",
                insp.source_name or "",
                insp.partner_id.display_name or "",
                insp.product_qty,
                insp.qty_to_inspect,
                insp.qty_failed,
                states.get(insp.state, ""),
                insp.user_id.name or "",
                self._local_datetime(insp, insp.date_inspected),
            ]
            for insp in inspections
        )
        return self.env._("Inspections"), headers, rows

    def _result_sheet(self, inspections):
        """Title, headers and rows of the sheet listing the results of each criterion."""
        headers = [
            self.env._("Reference"),
            self.env._("Criterion"),
            self.env._("Norm"),
            self.env._("Lower Tolerance"),
            self.env._("Upper Tolerance"),
            self.env._("Unit"),
            self.env._("Measured Value"),
            self.env._("Result"),
        ]
        results = self._labels("wjl.quality.inspection.line", "result")
        rows = (
            [
                line.inspection_id.name,
                line.name,
                line.norm if measure else "",
                line.tolerance_lower if measure else "",
                line.tolerance_upper if measure else "",
                line.uom_name or "",
                line.measured_value if measure and line.measured else "",
                results.get(line.result, ""),
            ]
            for line in inspections.line_ids
            for measure in [line.criterion_type == "measure"]
        )
        return self.env._("Results"), headers, rows
