# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestReport(WjlQualityCommon):
    """R3.3.3: every inspection has its report 质量检验报告; statistics and export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.picking = cls._receipt([(cls.raw, 10)])
        cls.inspection = cls.picking.wjl_inspection_ids
        cls._record(cls.inspection, thickness=10.37)
        cls.inspection.with_user(cls.inspector).action_pass()

    def test_report_html_shows_measured_values(self):
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "wjl_quality.action_report_inspection", self.inspection.ids
        )
        html = html.decode()
        self.assertIn(self.inspection.name, html)
        self.assertIn("10.37", html)
        self.assertIn("Thickness", html)
        self.assertIn(self.inspector.name, html)

    def test_report_renders_real_pdf(self):
        pdf, fmt = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("wjl_quality.action_report_inspection", self.inspection.ids)
        )
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_report_from_receipt(self):
        Report = self.env["ir.actions.report"]
        html, _fmt = Report._render_qweb_html(
            "wjl_quality.action_report_picking_inspection", self.picking.ids
        )
        self.assertIn("10.37", html.decode())
        self.company.external_report_layout_id = self.env.ref("web.external_layout_standard")
        action = self.inspection.action_print_report()
        self.assertEqual(action["report_name"], "wjl_quality.report_inspection")
        # The stock user prints it from the receipt.
        html, _fmt = Report.with_user(self.stock_user)._render_qweb_html(
            "wjl_quality.action_report_picking_inspection", self.picking.ids
        )
        self.assertIn(self.inspection.name, html.decode())

    def test_statistics_read_group(self):
        _picking, failed = self._failed_receipt(qty=10, failed=2)
        Inspection = self.env["wjl.quality.inspection"]
        groups = Inspection._read_group(
            [("id", "in", (self.inspection | failed).ids)],
            ["partner_id"],
            ["pass_rate:avg", "first_pass_yield:avg"],
        )
        [(partner, pass_rate, fpy)] = groups
        self.assertEqual(partner, self.supplier)
        self.assertEqual(pass_rate, 50.0)
        self.assertEqual(fpy, 90.0)
        Nc = self.env["wjl.quality.nonconformance"]
        open_by_disposition = Nc._read_group(
            [("inspection_id", "=", failed.id)], ["disposition"], ["open_count:sum"]
        )
        self.assertEqual(open_by_disposition, [(False, 1)])

    def _xlsx(self, user, inspections):
        """The Excel export as ``user`` prints it from the Print menu, read back."""
        report = self.env.ref("wjl_quality.action_report_inspection_xlsx").with_user(user)
        content, fmt = report._render("wjl_quality.inspection_xlsx", inspections.ids, {})
        self.assertEqual(fmt, "xlsx")
        book = load_workbook(io.BytesIO(content), read_only=True)
        return {name: list(book[name].values) for name in book.sheetnames}

    def test_xlsx_export(self):
        """R3.3.3: the inspections and their results in Excel, an xlsx report of the
        inspection's Print menu (OCA report_xlsx), read as the user printing it."""
        report = self.env.ref("wjl_quality.action_report_inspection_xlsx")
        self.assertEqual(report.report_type, "xlsx")
        self.assertEqual(report.binding_model_id.model, "wjl.quality.inspection")
        action = report.with_user(self.inspector).report_action(self.inspection)
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["report_name"], "wjl_quality.inspection_xlsx")
        sheets = self._xlsx(self.inspector, self.inspection)
        [inspections, results] = sheets.values()
        self.assertEqual(inspections[0][0], "Reference")
        row = inspections[1]
        self.assertEqual(row[0], self.inspection.name)
        self.assertEqual(row[6], self.supplier.display_name)
        self.assertEqual(row[7], 10)
        self.assertEqual(row[10], "Passed")
        self.assertEqual(row[11], self.inspector.name)
        thickness = next(r for r in results[1:] if r[1] == "Thickness")
        self.assertEqual(thickness[0], self.inspection.name)
        self.assertEqual(thickness[6], 10.37)
        self.assertEqual(thickness[7], "Pass")

    def test_xlsx_export_is_read_as_the_user(self):
        employee = self.wjl_user("wjlq_report_employee", "base.group_user")
        with self.assertRaises(AccessError):
            self._xlsx(employee, self.inspection)
