# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WjlQualityCriterion(models.Model):
    """One check of a quality gate 质量关卡 (R3.3.3).

    A *pass/fail* criterion is judged by the inspector; a *measurement* is judged
    automatically against ``norm - tolerance_lower`` .. ``norm + tolerance_upper``.
    """

    _name = "wjl.quality.criterion"
    _inherit = ["wjl.required.text.mixin"]
    _description = "Quality Criterion"
    _order = "gate_id, sequence, id"
    _wjl_required_text_fields = ("name",)

    sequence = fields.Integer(default=10)
    gate_id = fields.Many2one("wjl.quality.gate", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Criterion", required=True, translate=True)
    criterion_type = fields.Selection(
        [("passfail", "Pass/Fail"), ("measure", "Measurement")],
        string="Type",
        required=True,
        default="passfail",
    )
    norm = fields.Float(digits=(16, 4))
    tolerance_lower = fields.Float(
        string="Lower Tolerance",
        digits=(16, 4),
        help="Accepted deviation below the norm.",
    )
    tolerance_upper = fields.Float(
        string="Upper Tolerance",
        digits=(16, 4),
        help="Accepted deviation above the norm.",
    )
    uom_name = fields.Char(string="Unit", help="Unit of the measured value, e.g. mm.")
    description = fields.Text(string="Method", translate=True)
    company_id = fields.Many2one(related="gate_id.company_id", store=True)

    @api.constrains("tolerance_lower", "tolerance_upper")
    def _check_tolerances(self):
        for criterion in self:
            if criterion.tolerance_lower < 0 or criterion.tolerance_upper < 0:
                raise ValidationError(
                    self.env._(
                        "Tolerances of %s are deviations from the norm and cannot be " "negative.",
                        criterion.name,
                    )
                )

    def _judge(self, value):
        """Return ``"pass"`` or ``"fail"`` for a measured ``value``."""
        self.ensure_one()
        low = self.norm - self.tolerance_lower
        high = self.norm + self.tolerance_upper
        return "pass" if low - 1e-9 <= value <= high + 1e-9 else "fail"
