# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request


class WjlAppraisalController(http.Controller):
    @http.route("/wjl_appraisal/cycle/<int:cycle_id>/bonus_sheet", type="http", auth="user")
    def bonus_sheet(self, cycle_id, **kwargs):
        """The bonus sheet of a cycle for Finance (R4.3.3); HR officers only."""
        cycle = request.env["wjl.appraisal.cycle"].browse(cycle_id).exists()
        if not cycle:
            raise request.not_found()
        cycle.check_access("read")
        content = cycle._wjl_bonus_sheet_xlsx()
        filename = f"{cycle.name} - bonus.xlsx"
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
