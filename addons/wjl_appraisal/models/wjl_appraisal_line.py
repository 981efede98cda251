# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .wjl_appraisal import OFFICER_GROUP


class WjlAppraisalLine(models.Model):
    """One indicator of an appraisal: weight, target, the employee's
    self-assessment and the appraiser's score 0–100 (R4.3.1, R4.3.2)."""

    _name = "wjl.appraisal.line"
    _inherit = ["wjl.required.text.mixin", "wjl.field.guard.mixin"]
    _description = "Appraisal Indicator"
    _order = "appraisal_id, sequence, id"
    _wjl_required_text_fields = ("name",)

    # Who may write what (R4.3.2, R7.2.2), as on the appraisal: HR officers all
    # until the appraisal is done, the employee and the appraiser their part in
    # their step (see _wjl_guard_check_records).
    _EMPLOYEE_FIELDS = frozenset({"self_assessment"})
    _APPRAISER_FIELDS = frozenset({"score", "manager_comment"})
    _wjl_fields_by_role = {"employee": _EMPLOYEE_FIELDS, "appraiser": _APPRAISER_FIELDS}
    _wjl_guard_group_fields = {OFFICER_GROUP: "__all__"}
    _wjl_guard_free_fields = _EMPLOYEE_FIELDS | _APPRAISER_FIELDS
    _wjl_guard_admin_group = OFFICER_GROUP
    _wjl_guard_locked_states = frozenset({"done"})

    appraisal_id = fields.Many2one("wjl.appraisal", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True)
    description = fields.Text(string="Scoring Guide")
    weight = fields.Float(required=True, digits=(5, 2))
    target = fields.Char()
    self_assessment = fields.Text(string="Self-Assessment")
    score = fields.Float(digits=(5, 2), help="From 0 to 100.")
    manager_comment = fields.Text(string="Appraiser Comment")
    state = fields.Selection(related="appraisal_id.state")

    @api.constrains("score")
    def _check_score(self):
        if any(not 0.0 <= line.score <= 100.0 for line in self):
            raise ValidationError(self.env._("A score lies between 0 and 100."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su and any(a.state == "done" for a in lines.appraisal_id):
            raise UserError(self.env._("A done appraisal cannot be changed."))
        return lines

    def _wjl_guard_check_records(self, fnames):
        """Employees and appraisers write their part in their step only (R4.3.2)."""
        res = super()._wjl_guard_check_records(fnames)
        self.appraisal_id._wjl_check_role_fields(fnames, self)
        return res

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        """The wording of the appraisal: its state and the fields (R7.2.2)."""
        if kind == "locked":
            return self.appraisal_id._wjl_done_refusal()
        if kind == "group" and self:
            return self.appraisal_id[:1]._wjl_write_refused(fnames, self)
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    def unlink(self):
        if not self.env.su and any(a.state == "done" for a in self.appraisal_id):
            raise UserError(self.env._("A done appraisal cannot be changed."))
        return super().unlink()
