# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import WjlRiskCommon

XLSX_REPORT = "wjl_risk.action_report_wjl_risk_register_xlsx"


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
        """R6.1.3: the register in Excel, from the Print menu, with the user's rights."""
        self.env["wjl.risk.measure"].create(
            {"risk_id": self.risk.id, "name": "Excel measure", "responsible_id": self.staff.id}
        )
        report = self.env.ref(XLSX_REPORT)
        self.assertEqual(report.report_type, "xlsx")
        self.assertEqual(report.binding_model_id.model, "wjl.risk")
        rows = self._xlsx_rows(self.admin, self.risk | self.other_risk)
        self.assertEqual(rows[0][:2], ("Reference", "Risk"))
        by_code = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_code), {self.risk.code, self.other_risk.code})
        row = by_code[self.risk.code]
        self.assertEqual(row[1], "Risk test supplier failure")
        self.assertEqual((row[7], row[8], row[9], row[10]), (3, 3, 9, "Medium"))
        self.assertIn("Excel measure", row[16])
        self.assertEqual(row[14].date(), self.risk.last_assessment_date)

    def test_xlsx_register_as_the_user(self):
        """A head exports their department's risks, never another department's."""
        rows = self._xlsx_rows(self.manager, self.risk)
        self.assertEqual([row[0] for row in rows[1:]], [self.risk.code])
        with self.assertRaises(AccessError):
            self._xlsx_rows(self.manager, self.other_risk)
        action = self.env.ref(XLSX_REPORT).report_action(self.risk, config=False)
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["report_name"], "wjl_risk.register_xlsx")

    def _xlsx_rows(self, user, risks):
        content, report_format = (
            self.env["ir.actions.report"].with_user(user)._render(XLSX_REPORT, risks.ids)
        )
        self.assertEqual(report_format, "xlsx")
        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        return list(sheet.iter_rows(values_only=True))

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
