# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    wjl_appraisal_bonus_base = fields.Monetary(
        string="Performance Bonus Base",
        currency_field="currency_id",
        groups="hr.group_hr_user",
        help="Bonus at coefficient 1 for this employee; empty uses the default of the "
        "settings (R4.3.3).",
    )
    wjl_appraisal_ids = fields.One2many(
        "wjl.appraisal", "employee_id", string="Appraisals", groups="hr.group_hr_user"
    )
    wjl_appraisal_count = fields.Integer(
        compute="_compute_wjl_appraisal_count", groups="hr.group_hr_user"
    )

    def _compute_wjl_appraisal_count(self):
        counts = dict(
            self.env["wjl.appraisal"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.wjl_appraisal_count = counts.get(employee, 0)

    def action_wjl_open_appraisals(self):
        """The employee's history of grades (R4.3.2)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_appraisal.wjl_appraisal_action_history"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
