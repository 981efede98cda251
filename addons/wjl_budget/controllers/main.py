# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request


class WjlBudgetController(http.Controller):
    @http.route(
        "/wjl_budget/evaluation/<int:budget_id>/xlsx", type="http", auth="user", methods=["GET"]
    )
    def evaluation_xlsx(self, budget_id, **kwargs):
        """Download the year-end evaluation as Excel (R5.1.4); the user's rights apply."""
        budget = request.env["wjl.budget"].browse(budget_id)
        try:
            budget.check_access("read")
            content = request.env["wjl.budget.evaluation.xlsx"]._generate(budget.exists())
        except (AccessError, MissingError):
            return request.not_found()
        filename = f"{budget.name}.xlsx"
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
