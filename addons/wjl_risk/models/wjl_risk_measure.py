# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# Who answers for a measure and for which risk: decided by department heads.
MANAGER_FIELDS = frozenset({"risk_id", "responsible_id"})


class WjlRiskMeasure(models.Model):
    """A response measure of a risk (R6.2.2) and the check of its effect (R6.2.3)."""

    _name = "wjl.risk.measure"
    _description = "Risk Response Measure"
    _inherit = ["wjl.required.text.mixin", "wjl.risk.field.guard"]
    _order = "deadline, id"
    _wjl_required_text_fields = ("name",)
    # The responsible updates the progress of their measure; only heads move it to
    # another risk or hand it to someone else, and only within their departments
    # (R6.2.2, R7.2.2). The state moves through the buttons only.
    _wjl_guard_action_fields = frozenset({"state"})
    _wjl_guard_group_fields = {"wjl_risk.group_risk_manager": MANAGER_FIELDS}
    _wjl_guard_rule_fields = MANAGER_FIELDS

    name = fields.Char(string="Measure", required=True)
    description = fields.Text()
    risk_id = fields.Many2one("wjl.risk", required=True, ondelete="cascade", index=True)
    responsible_id = fields.Many2one("res.users", domain=[("share", "=", False)])
    deadline = fields.Date()
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
    )
    check_result = fields.Selection(
        [
            ("effective", "Effective"),
            ("partial", "Partially Effective"),
            ("ineffective", "Not Effective"),
        ],
        string="Effectiveness",
        help="Result of the periodic check that the measure works (R6.2.3).",
    )
    check_date = fields.Date(string="Checked On")
    check_note = fields.Text(string="Check Notes")
    is_late = fields.Boolean(compute="_compute_is_late")
    department_id = fields.Many2one(
        related="risk_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)

    @api.depends("deadline", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for measure in self:
            measure.is_late = bool(
                measure.deadline
                and measure.deadline < today
                and measure.state in ("todo", "in_progress")
            )

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind == "group":
            return AccessError(
                self.env._(
                    "Only department heads may move a response measure to another risk or "
                    "hand it to someone else; update the progress of your measure instead."
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    @api.onchange("check_result")
    def _onchange_check_result(self):
        if self.check_result and not self.check_date:
            self.check_date = fields.Date.context_today(self)

    def action_start(self):
        self._wjl_set_state("in_progress")
        return True

    def action_done(self):
        self._wjl_set_state("done")
        return True

    def action_cancel(self):
        self._wjl_set_state("cancelled")
        return True

    def _wjl_set_state(self, state):
        """The responsible or a head moves the measures on (R6.2.2, R7.2.2).

        Who may edit the measures is checked, then the action writes the state:
        nobody writes it directly.
        """
        self._wjl_guard_write({"state": state})
