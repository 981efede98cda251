# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class WjlRiskCategory(models.Model):
    """Risk category of R6.1.1 with the typical response measures of R6.2.2."""

    _name = "wjl.risk.category"
    _description = "Risk Category"
    _inherit = ["wjl.required.text.mixin"]
    _order = "sequence, id"
    _wjl_required_text_fields = ("name", "code")

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    guidance = fields.Text(
        string="Typical Measures",
        translate=True,
        help="Typical response measures for risks of this category (R6.2.2).",
    )
    color = fields.Integer()
    risk_ids = fields.One2many("wjl.risk", "category_id", string="Risks")
    risk_count = fields.Integer(compute="_compute_risk_count")

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The code of a risk category must be unique."),
    ]

    @api.depends("risk_ids")
    def _compute_risk_count(self):
        counts = dict(
            self.env["wjl.risk"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.risk_count = counts.get(category, 0)
