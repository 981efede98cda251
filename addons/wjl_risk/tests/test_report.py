# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile

from odoo.tests import HttpCase, tagged

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestRiskReports(WjlRiskCommon):
    def test_heatmap_counts_in_one_query(self):
        """The heat map counts open assessed risks per cell with one grouped query."""
        Risk = self.env["wjl.risk"]
        domain = [("department_id", "=", self.department.id)]
        self._create_risk("Heat 5x5 a", 5, 5)
        self._create_risk("Heat 5x5 b", 5, 5)
        self._create_risk("Heat closed", 5, 5).action_close()
        self._create_risk("Heat not assessed")
        Risk.get_heatmap_data(domain)  # warm-up
        with self.assertQueryCount(1):
            data = Risk.get_heatmap_data(domain)
        cells = {(c["likelihood"], c["impact"]): c for c in data["cells"]}
        self.assertEqual(len(cells), 25)
        self.assertEqual(cells[5, 5]["count"], 2)
        self.assertEqual(cells[5, 5]["level"], "critical")
        self.assertEqual(cells[3, 3]["count"], 1)  # the common risk
        self.assertEqual(cells[1, 1]["level"], "low")
        self.assertEqual(data["total"], 3)
        # a staff member of the other department sees none of them
        other = Risk.with_user(self.other_staff).get_heatmap_data(domain)
        self.assertEqual(other["total"], 0)

    def test_pdf_register(self):
        self.env["wjl.risk.measure"].create(
            {
                "risk_id": self.risk.id,
                "name": "Qualify second supplier",
                "responsible_id": self.staff.id,
            }
        )
        pdf, report_format = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("wjl_risk.action_report_wjl_risk_register", self.risk.ids)
        )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("wjl_risk.action_report_wjl_risk_register", self.risk.ids)[0]
            .decode()
        )
        self.assertIn("Qualify second supplier", html)
        self.assertIn("Risk test supplier failure", html)

    def test_xlsx_register(self):
        self.env["wjl.risk.measure"].create(
            {"risk_id": self.risk.id, "name": "Excel measure", "responsible_id": self.staff.id}
        )
        content = self.env["report.wjl_risk.register_xlsx"]._generate(self.risk | self.other_risk)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("Risk test supplier failure", strings)
        self.assertIn("Excel measure", strings)
        action = self.risk.action_export_register_xlsx()
        self.assertIn(f"ids={self.risk.id}", action["url"])

    def test_monitoring_review(self):
        """R6.3.3: alerts raised and resolved per period."""
        indicator = self.env["wjl.risk.indicator"].create(
            {
                "name": "Monitoring KRI",
                "risk_id": self.risk.id,
                "threshold_warning": 5,
                "threshold_critical": 10,
                "value": 6,
            }
        )
        indicator.value = 1
        alert = self.env["wjl.alert"].search(
            [("res_model", "=", indicator._name), ("res_id", "=", indicator.id)]
        )
        self.assertEqual(alert.state, "resolved")
        Report = self.env["wjl.risk.monitoring.report"]
        rows = Report.search([("alert_id", "=", alert.id)])
        self.assertEqual(sorted(rows.mapped("event")), ["raised", "resolved"])
        groups = Report._read_group(
            [("alert_id", "=", alert.id)],
            ["date:month"],
            ["raised_count:sum", "resolved_count:sum"],
        )
        self.assertEqual([(raised, resolved) for __, raised, resolved in groups], [(1, 1)])


@tagged("post_install", "-at_install")
class TestRiskXlsxDownload(HttpCase):
    def test_download(self):
        risk = self.env["wjl.risk"].create(
            {
                "name": "Download risk",
                "category_id": self.env.ref("wjl_risk.risk_category_market").id,
                "department_id": self.env["hr.department"].create({"name": "DL dept"}).id,
            }
        )
        self.authenticate("admin", "admin")
        response = self.url_open(f"/wjl_risk/register.xlsx?ids={risk.id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
