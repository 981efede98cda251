# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class WjlDepartmentDuty(models.Model):
    """A duty a department carries under the regulation (R2.2); its name is real text."""

    _name = "wjl.department.duty"
    _inherit = ["wjl.required.text.mixin"]
    _description = "Department Duty"
    _wjl_required_text_fields = ("name",)
    _order = "department_id, sequence, id"

    sequence = fields.Integer(default=10)
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(string="Duty", required=True, translate=True)
    description = fields.Text(translate=True)
    clause = fields.Char(
        help="Clause of the operations regulation this duty comes from, e.g. R2.2.2.",
    )
    company_id = fields.Many2one(related="department_id.company_id", store=True)
