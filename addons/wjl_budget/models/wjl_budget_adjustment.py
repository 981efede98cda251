# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare


class WjlBudgetAdjustment(models.Model):
    """A budget adjustment 预算调整 (R5.1.3).

    Moves an amount from one budget line to another (transfer), or increases or
    decreases one line. Department heads request it, a Finance budget manager
    approves it; approved adjustments change the lines' adjusted amounts and stay
    as the history of the budget.
    """

    _name = "wjl.budget.adjustment"
    _description = "Budget Adjustment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.budget.amount.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "id desc"
    _wjl_required_text_fields = ("reason",)
    _wjl_amount_fields = ("amount",)

    # Decided by the server in the actions: the state, who and when (R5.1.3);
    # decided adjustments are the history of the budget.
    _wjl_guard_action_fields = frozenset(
        {
            "state",
            "requested_by_id",
            "approved_by_id",
            "date_approved",
            "from_amount_before",
            "to_amount_before",
        }
    )
    _wjl_guard_locked_states = frozenset({"approved", "refused"})

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    budget_id = fields.Many2one(
        "wjl.budget",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("state", "=", "approved")],
        tracking=True,
    )
    company_id = fields.Many2one(
        related="budget_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    adjustment_type = fields.Selection(
        [
            ("transfer", "Transfer between lines"),
            ("increase", "Increase"),
            ("decrease", "Decrease"),
        ],
        string="Type",
        required=True,
        default="transfer",
        tracking=True,
    )
    line_from_id = fields.Many2one(
        "wjl.budget.line",
        string="From Line",
        index=True,
        ondelete="cascade",
        domain="[('budget_id', '=', budget_id)]",
        tracking=True,
        help="Line giving the amount (transfer, decrease).",
    )
    line_to_id = fields.Many2one(
        "wjl.budget.line",
        string="To Line",
        index=True,
        ondelete="cascade",
        domain="[('budget_id', '=', budget_id)]",
        tracking=True,
        help="Line receiving the amount (transfer, increase).",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index=True,
        help="Department of the line receiving (else giving) the amount.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    from_amount_before = fields.Monetary(
        string="From Line Before",
        readonly=True,
        copy=False,
        help="Adjusted amount of the giving line before approval.",
    )
    to_amount_before = fields.Monetary(
        string="To Line Before",
        readonly=True,
        copy=False,
        help="Adjusted amount of the receiving line before approval.",
    )

    @api.depends("line_from_id.department_id", "line_to_id.department_id")
    def _compute_department_id(self):
        for adjustment in self:
            adjustment.department_id = (
                adjustment.line_to_id.department_id or adjustment.line_from_id.department_id
            )

    @api.constrains("adjustment_type", "line_from_id", "line_to_id", "amount", "budget_id")
    def _check_lines(self):
        for adj in self:
            if float_compare(adj.amount, 0.0, precision_digits=2) <= 0:
                raise ValidationError(self.env._("The amount of an adjustment must be positive."))
            needs_from = adj.adjustment_type in ("transfer", "decrease")
            needs_to = adj.adjustment_type in ("transfer", "increase")
            if needs_from != bool(adj.line_from_id) or needs_to != bool(adj.line_to_id):
                raise ValidationError(
                    self.env._(
                        "A transfer needs a line giving and a line receiving the amount; "
                        "an increase only a receiving line; a decrease only a giving line."
                    )
                )
            if adj.line_from_id and adj.line_from_id == adj.line_to_id:
                raise ValidationError(
                    self.env._("An adjustment cannot move an amount to the same line.")
                )
            for line in adj.line_from_id | adj.line_to_id:
                if line.budget_id != adj.budget_id:
                    raise ValidationError(
                        self.env._("The lines of an adjustment belong to its budget.")
                    )

    @api.onchange("adjustment_type")
    def _onchange_adjustment_type(self):
        if self.adjustment_type == "increase":
            self.line_from_id = False
        elif self.adjustment_type == "decrease":
            self.line_to_id = False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the reference comes from the sequence, a system counter, whoever
            # requests the adjustment and whatever the request says
            vals["name"] = (
                self.env["ir.sequence"].sudo().next_by_code("wjl.budget.adjustment") or "/"
            )
        adjustments = super().create(vals_list)
        if any(adj.budget_id.state != "approved" for adj in adjustments):
            raise UserError(
                self.env._("Only approved budgets are adjusted; change a draft budget directly.")
            )
        return adjustments

    def _wjl_guard_check_records(self, fnames):
        """The reference is the system's; a request changes while it is a draft,
        and then only Finance changes it (R5.1.3)."""
        if "name" in fnames:
            raise self._wjl_guard_refusal("reference", fnames)
        if any(adj.state != "draft" for adj in self) and not self.env.user.has_group(
            "wjl_budget.group_budget_manager"
        ):
            raise self._wjl_guard_refusal("decided", fnames)

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        env = self.env
        if kind == "reference":
            return UserError(env._("The reference of a budget adjustment is given by the system."))
        if kind == "decided":
            return AccessError(
                env._(
                    "Only a Finance budget manager approves budget adjustments "
                    "(R5.1.3); a request can be changed while it is a draft."
                )
            )
        if kind == "locked":
            return UserError(env._("An approved or refused adjustment is kept as history."))
        if kind == "action":
            return AccessError(
                env._(
                    "The state of a budget adjustment changes only through its buttons "
                    "(Submit, Approve, Refuse, Reset to Draft), which record who did it and "
                    "when (R5.1.3)."
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(adj.state not in ("draft", "refused") for adj in self):
            raise UserError(self.env._("Only draft or refused adjustments can be deleted."))

    def _check_finance_manager(self):
        if not self.env.su and not self.env.user.has_group("wjl_budget.group_budget_manager"):
            raise AccessError(
                self.env._("Only a Finance budget manager approves budget adjustments (R5.1.3).")
            )

    def action_submit(self):
        if any(adj.state != "draft" for adj in self):
            raise UserError(self.env._("Only draft adjustments can be submitted."))
        self._wjl_guard_write({"state": "to_approve"})
        return True

    def action_approve(self):
        self._check_finance_manager()
        for adj in self:
            if adj.state not in ("draft", "to_approve"):
                raise UserError(self.env._("The adjustment %s is already decided.", adj.name))
            if adj.budget_id.state != "approved":
                raise UserError(self.env._("Only approved budgets are adjusted."))
        source_lines = self.line_from_id
        # lock the lines concerned, like the purchase check does (R5.2)
        (source_lines | self.line_to_id)._lock_for_control()
        source_lines._refresh_amounts()
        latest = source_lines._fetch_committed_amounts()
        for adj in self:
            source = adj.line_from_id
            available = source.amount_available
            if source.id in latest:  # what others committed since this snapshot
                actual, committed, adjusted = latest[source.id]
                available = min(available, adjusted - actual - committed)
            if source and float_compare(adj.amount, available, precision_digits=2) > 0:
                raise UserError(
                    self.env._(
                        "%(line)s has only %(available)s available; it cannot give " "%(amount)s.",
                        line=source.display_name,
                        available=source.currency_id.format(available),
                        amount=source.currency_id.format(adj.amount),
                    )
                )
        for adj in self:
            adj._wjl_guard_write(
                {
                    "from_amount_before": adj.line_from_id.amount_adjusted,
                    "to_amount_before": adj.line_to_id.amount_adjusted,
                }
            )
        self._wjl_guard_write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        # recompute the adjusted amounts now: their constraint refuses a line
        # left below zero before anything else happens (R5.1.3)
        (self.line_from_id | self.line_to_id).flush_recordset(["amount_adjusted"])
        for adj in self:
            adj.budget_id.message_post(
                body=self.env._(
                    "Adjustment %(name)s approved: %(amount)s, %(reason)s",
                    name=adj.name,
                    amount=adj.currency_id.format(adj.amount),
                    reason=adj.reason,
                )
            )
        # lines that were over budget may be back within it
        receiving = self.line_to_id
        receiving._refresh_amounts()
        back = receiving.filtered(lambda line: line.amount_available >= 0)
        self.env["wjl.alert"].resolve_alert(back, "budget_overrun")
        return True

    def action_refuse(self):
        self._check_finance_manager()
        if any(adj.state not in ("draft", "to_approve") for adj in self):
            raise UserError(self.env._("Only pending adjustments can be refused."))
        self._wjl_guard_write({"state": "refused"})
        return True

    def action_reset_draft(self):
        if any(adj.state != "refused" for adj in self):
            raise UserError(self.env._("Only refused adjustments go back to draft."))
        self._wjl_guard_write({"state": "draft"})
        return True
