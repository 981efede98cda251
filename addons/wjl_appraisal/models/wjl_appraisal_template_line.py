# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WjlAppraisalTemplateLine(models.Model):
    """An indicator of a template with its weight and target (R4.3.1)."""

    _name = "wjl.appraisal.template.line"
    _inherit = ["wjl.required.text.mixin"]
    _description = "Appraisal Template Indicator"
    _order = "template_id, sequence, id"
    _wjl_required_text_fields = ("name",)

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

    @api.constrains("weight", "template_id")
    def _check_template_weights(self):
        """The templates of these indicators still add up to 100 (R4.3.1), whatever
        path wrote the indicators (form, RPC on one indicator, import)."""
        self._wjl_check_template_totals(self.template_id)

    def _wjl_check_template_totals(self, templates):
        """Check the weight totals of ``templates`` now, or at the end of the
        template save in progress (see ``WeightCheckQueue``)."""
        queue = self.env["wjl.appraisal.template"]._wjl_weight_check_queue()
        if queue is not None:
            queue.template_ids.update(templates.ids)
            return
        templates.exists()._check_weights()

    def write(self, vals):
        # An indicator moved to another template changes the total of both.
        previous = self.template_id if "template_id" in vals else self.template_id.browse()
        res = super().write(vals)
        self._wjl_check_template_totals(previous - self.template_id)
        return res

    def unlink(self):
        """The remaining indicators of the templates still add up to 100 (R4.3.1)."""
        templates = self.template_id
        res = super().unlink()
        self._wjl_check_template_totals(templates)
        return res
