# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WjlAppraisalTemplateLine(models.Model):
    """An indicator of a template with its weight and target (R4.3.1)."""

    _name = "wjl.appraisal.template.line"
    _description = "Appraisal Template Indicator"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "wjl.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True, translate=True)
    weight = fields.Float(required=True, digits=(5, 2), help="Share of the score, in %.")
    target = fields.Char(translate=True, help="What is expected, e.g. 'on-time delivery 98 %'.")
    description = fields.Text(string="Scoring Guide", translate=True)

    @api.constrains("weight")
    def _check_weight(self):
        if any(line.weight <= 0 or line.weight > 100 for line in self):
            raise ValidationError(
                self.env._("An indicator weight must be more than 0 and at most 100.")
            )
