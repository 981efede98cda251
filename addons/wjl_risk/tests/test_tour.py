# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRiskTour(HttpCase):
    def test_heatmap_tour(self):
        """Open the heat map and drill into the critical cell (R6.1.2)."""
        self.env["wjl.risk"].create(
            {
                "name": "Heat map tour risk",
                "category_id": self.env.ref("wjl_risk.risk_category_technical").id,
                "department_id": self.env["hr.department"].create({"name": "Tour dept"}).id,
                "likelihood": 5,
                "impact": 5,
                "strategy": "reduce",
            }
        )
        self.start_tour("/odoo", "wjl_risk_heatmap_tour", login="admin")
