# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class WjlAppraisalImprovementItem(models.Model):
    """An action of an improvement plan, with its owner and deadline (R4.3.4)."""

    _name = "wjl.appraisal.improvement.item"
    _inherit = ["wjl.required.text.mixin"]
    _description = "Improvement Plan Item"
    _order = "improvement_id, deadline, id"
    _wjl_required_text_fields = ("name",)

    improvement_id = fields.Many2one(
        "wjl.appraisal.improvement", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Action", required=True)
    owner_id = fields.Many2one("hr.employee", required=True)
    deadline = fields.Date(required=True)
    done = fields.Boolean()
