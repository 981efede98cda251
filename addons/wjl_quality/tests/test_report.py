# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
import zipfile

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

    def test_report_from_receipt_and_mo(self):
        Report = self.env["ir.actions.report"]
        html, _fmt = Report._render_qweb_html(
            "wjl_quality.action_report_picking_inspection", self.picking.ids
        )
        self.assertIn("10.37", html.decode())
        self.company.external_report_layout_id = self.env.ref("web.external_layout_standard")
        action = self.inspection.action_print_report()
        self.assertEqual(action["report_name"], "wjl_quality.report_inspection")
        report = self.env.ref("wjl_quality.action_report_production_inspection")
        self.assertEqual(report.binding_model_id.model, "mrp.production")
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

    def test_xlsx_export(self):
        action = self.inspection.action_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        data = base64.b64decode(attachment.datas)
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.inspection.name, strings)
        self.assertIn("Thickness", strings)
