# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request


class WjlRiskController(http.Controller):
    @http.route("/wjl_risk/register.xlsx", type="http", auth="user", methods=["GET"])
    def risk_register_xlsx(self, ids="", **kwargs):
        """Download the risk register as Excel (R6.1.3), with the user's rights."""
        Risk = request.env["wjl.risk"]
        id_list = [int(i) for i in ids.split(",") if i.strip().isdigit()]
        risks = Risk.search([("id", "in", id_list)] if id_list else [])
        content = request.env["report.wjl_risk.register_xlsx"]._generate(risks)
        filename = request.env._("Risk Register") + ".xlsx"
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
