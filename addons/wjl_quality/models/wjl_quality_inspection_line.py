# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

DECIDED = ("passed", "failed")


class WjlQualityInspectionLine(models.Model):
    """Result of one criterion in an inspection (R3.3.3).

    A measured value is judged against the criterion's tolerance automatically; a
    pass/fail criterion is chosen by the inspector. Once the inspection is
    decided its results are frozen (``wjl.field.guard.mixin``: locked in the
    decided states, only the note and the order stay writable).
    """

    _name = "wjl.quality.inspection.line"
    _inherit = ["wjl.field.guard.mixin"]
    _description = "Quality Inspection Result"
    _order = "inspection_id, sequence, id"
    _wjl_guard_locked_states = frozenset(DECIDED)
    _wjl_guard_locked_writable = frozenset({"note", "sequence"})

    sequence = fields.Integer(default=10)
    inspection_id = fields.Many2one(
        "wjl.quality.inspection", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("wjl.quality.criterion", required=True, ondelete="restrict")
    name = fields.Char(related="criterion_id.name", string="Criterion Name")
    criterion_type = fields.Selection(related="criterion_id.criterion_type")
    norm = fields.Float(related="criterion_id.norm")
    tolerance_lower = fields.Float(related="criterion_id.tolerance_lower")
    tolerance_upper = fields.Float(related="criterion_id.tolerance_upper")
    uom_name = fields.Char(related="criterion_id.uom_name")
    measured_value = fields.Float(digits=(16, 4))
    measured = fields.Boolean(
        readonly=True, help="A value was measured (set when the value is entered)."
    )
    choice = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail")],
        string="Judgement",
        help="For pass/fail criteria: the inspector's judgement.",
    )
    result = fields.Selection(
        [("pending", "Pending"), ("pass", "Pass"), ("fail", "Fail")],
        compute="_compute_result",
        store=True,
    )
    note = fields.Char()
    state = fields.Selection(related="inspection_id.state")
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)

    @api.depends(
        "measured",
        "measured_value",
        "choice",
        "criterion_id.criterion_type",
        "criterion_id.norm",
        "criterion_id.tolerance_lower",
        "criterion_id.tolerance_upper",
    )
    def _compute_result(self):
        for line in self:
            if line.criterion_id.criterion_type == "measure":
                line.result = (
                    line.criterion_id._judge(line.measured_value) if line.measured else "pending"
                )
            else:
                line.result = line.choice or "pending"

    @api.onchange("measured_value")
    def _onchange_measured_value(self):
        if self.criterion_type == "measure":
            self.measured = True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "measured_value" in vals:
                vals["measured"] = True
        return super().create(vals_list)

    def write(self, vals):
        if "measured_value" in vals:
            vals = dict(vals, measured=True)
        return super().write(vals)

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind == "locked":
            return UserError(self.env._("The results of a decided inspection cannot be changed."))
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    def _display_value(self):
        self.ensure_one()
        if self.criterion_type == "measure":
            if not self.measured:
                return "-"
            return f"{self.measured_value:g} {self.uom_name or ''}".strip()
        return dict(self._fields["choice"]._description_selection(self.env)).get(self.choice, "-")
