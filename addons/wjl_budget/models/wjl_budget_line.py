# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .wjl_budget_amount_mixin import MAX_AMOUNT, check_amount


class WjlBudgetLine(models.Model):
    """One month of one budget item for one department (R5.1.2).

    Money is attributed to a department through the analytic ledger: an
    analytic entry counts for the line when its general account is one of the
    item's accounts, its date is in the line's month and its analytic account
    is the department's (posted journal items create these entries, weighted by
    their analytic distribution; manual analytic entries count too). Actual and
    committed amounts are computed for any number of lines at once by
    :meth:`_fetch_amounts`, in a constant number of queries.

    Finance (budget managers) writes the lines of draft budgets; department
    heads only explain the deviation of their lines (R5.1.3), also once the
    budget is approved.
    """

    _name = "wjl.budget.line"
    _inherit = [
        "wjl.budget.amount.mixin",
        "wjl.budget.ledger.mixin",
        "wjl.field.guard.mixin",
    ]
    _description = "Budget Line"
    _order = "budget_id, department_id, item_id, date_from, id"
    _rec_names_search = ["department_id", "item_id", "budget_id"]

    _wjl_guard_action_fields = frozenset({"date_deviation_check"})
    # department heads write the explanation of their lines only (R5.1.3)
    _wjl_guard_group_fields = {"wjl_budget.group_budget_manager": "__all__"}
    _wjl_guard_free_fields = frozenset({"deviation_explanation"})
    _wjl_guard_locked_states = frozenset({"submitted", "approved", "closed"})
    _wjl_guard_locked_writable = frozenset({"deviation_explanation"})
    _wjl_amount_fields = ("amount_planned",)
    _AMOUNT_FIELDS = [
        "amount_actual",
        "amount_committed",
        "amount_available",
        "execution_rate",
        "variance",
        "variance_pct",
    ]  # in the order of _amount_values()

    budget_id = fields.Many2one("wjl.budget", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        related="budget_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        related="budget_id.state", store=True, index=True, string="Budget State"
    )
    department_id = fields.Many2one("hr.department", required=True, index=True, ondelete="restrict")
    analytic_account_id = fields.Many2one(
        related="department_id.wjl_analytic_account_id",
        store=True,
        index=True,
        string="Analytic Account",
    )
    item_id = fields.Many2one(
        "wjl.budget.item", string="Budget Item", required=True, index=True, ondelete="restrict"
    )
    category = fields.Selection(related="item_id.category", store=True, index=True)
    date_from = fields.Date(string="Start Date", required=True, index=True)
    date_to = fields.Date(string="End Date", required=True, index=True)
    period_label = fields.Char(string="Period", compute="_compute_period_label")
    amount_planned = fields.Monetary(
        string="Planned",
        help="Planned amount as allocated and approved (预算数, R5.1.2).",
    )
    adjustment_in_ids = fields.One2many(
        "wjl.budget.adjustment", "line_to_id", string="Adjustments In"
    )
    adjustment_out_ids = fields.One2many(
        "wjl.budget.adjustment", "line_from_id", string="Adjustments Out"
    )
    amount_adjustment = fields.Monetary(
        string="Adjustment",
        compute="_compute_amount_adjusted",
        store=True,
        help="Sum of the approved budget adjustments of the line (R5.1.3).",
    )
    amount_adjusted = fields.Monetary(
        string="Adjusted",
        compute="_compute_amount_adjusted",
        store=True,
        help="Planned amount after the approved adjustments.",
    )
    amount_actual = fields.Monetary(
        string="Actual",
        compute="_compute_amounts",
        help="Posted journal items of the item's accounts attributed to the "
        "department by their analytic distribution (实际数).",
    )
    amount_committed = fields.Monetary(
        string="Committed",
        compute="_compute_amounts",
        help="Confirmed purchase order lines not billed yet (已占用).",
    )
    amount_available = fields.Monetary(
        string="Available",
        compute="_compute_amounts",
        help="Adjusted planned amount minus actual and committed amounts (可用余额).",
    )
    execution_rate = fields.Float(
        string="Execution (%)", compute="_compute_amounts", aggregator="avg"
    )
    variance = fields.Monetary(compute="_compute_amounts")
    variance_pct = fields.Float(string="Variance (%)", compute="_compute_amounts", aggregator="avg")
    deviation_explanation = fields.Text(
        help="The department head explains the deviation of the month (R5.1.3); shown "
        "in the dashboard and the year-end evaluation.",
    )
    date_deviation_check = fields.Date(string="Deviation Checked On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "line_uniq",
            "unique(budget_id, department_id, item_id, date_from)",
            "A budget has one line per department, item and month.",
        ),
    ]

    @api.constrains("date_from", "date_to", "budget_id")
    def _check_period(self):
        for line in self:
            if line.date_from.day != 1 or line.date_to != line.date_from + relativedelta(day=31):
                raise ValidationError(
                    self.env._("A budget line covers exactly one calendar month.")
                )
            budget = line.budget_id
            if line.date_from < budget.date_from or line.date_to > budget.date_to:
                raise ValidationError(
                    self.env._(
                        "The month %(month)s is outside the budget %(budget)s.",
                        month=line.period_label,
                        budget=budget.name,
                    )
                )

    @api.constrains("amount_planned", "amount_adjusted")
    def _check_amounts(self):
        """Planned and adjusted amounts stay between 0 and MAX_AMOUNT (R5.1.2, R5.1.3).

        Checked whenever the adjusted amount is recomputed too: an approved
        decrease or transfer never leaves a line below zero, whatever path
        approves it.
        """
        for line in self:
            label = self._fields["amount_planned"]._description_string(self.env)
            check_amount(self.env, line.amount_planned, label)
            if line.amount_adjusted < 0 or line.amount_adjusted > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "The adjustments of %(line)s would bring it to %(amount)s: a budget "
                        "line stays between 0 and %(maximum)s. Decrease it by at most its "
                        "adjusted amount (R5.1.3).",
                        line=line.display_name,
                        amount=line.currency_id.format(line.amount_adjusted),
                        maximum=line.currency_id.format(MAX_AMOUNT),
                    )
                )

    @api.depends("date_from")
    def _compute_period_label(self):
        for line in self:
            line.period_label = line.date_from and line.date_from.strftime("%Y-%m") or ""

    @api.depends("budget_id", "department_id", "item_id", "date_from")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (
                    line.budget_id.name,
                    line.department_id.name,
                    line.item_id.name,
                    line.period_label,
                )
                if part
            )

    @api.depends(
        "amount_planned",
        "adjustment_in_ids.state",
        "adjustment_in_ids.amount",
        "adjustment_out_ids.state",
        "adjustment_out_ids.amount",
    )
    def _compute_amount_adjusted(self):
        for line in self:
            adjustment = sum(
                adj.amount for adj in line.adjustment_in_ids if adj.state == "approved"
            ) - sum(adj.amount for adj in line.adjustment_out_ids if adj.state == "approved")
            line.amount_adjustment = adjustment
            line.amount_adjusted = line.amount_planned + adjustment

    def _refresh_amounts(self):
        """Recompute the actual, committed and available amounts now, in one batch."""
        self.invalidate_recordset(self._AMOUNT_FIELDS)
        self.mapped("amount_available")
        return self

    def _compute_amounts(self):
        # Odoo computes non-stored fields by batches of up to 1,000 records, each
        # with the constant number of queries of _fetch_amounts().
        amounts = self._fetch_amounts()
        for line in self:
            actual, committed, adjusted = amounts.get(line.id) or (0.0, 0.0, line.amount_adjusted)
            values = self._amount_values(actual, committed, adjusted)
            for fname, value in zip(self._AMOUNT_FIELDS, values):
                line[fname] = value

    @api.model
    def _amount_values(self, actual, committed, adjusted):
        """Values of :attr:`_AMOUNT_FIELDS` from the line's three amounts."""
        return (
            actual,
            committed,
            adjusted - actual - committed,
            actual / adjusted * 100.0 if adjusted else 0.0,
            actual - adjusted,
            (actual - adjusted) / adjusted * 100.0 if adjusted else 0.0,
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        budgets = self.env["wjl.budget"].browse(
            {vals["budget_id"] for vals in vals_list if vals.get("budget_id")}
        )
        if any(budget.state != "draft" for budget in budgets):
            raise UserError(
                self.env._(
                    "Lines can only be added to draft budgets; an approved budget "
                    "changes through adjustments (R5.1.3)."
                )
            )
        departments = self.env["hr.department"].browse(
            {vals["department_id"] for vals in vals_list if vals.get("department_id")}
        )
        # The department's analytic account is how money is attributed to it; it
        # is created by the system on first use, whatever HR/analytic rights the
        # budget manager has (they may already create budget lines).
        departments.sudo()._wjl_ensure_analytic_account()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("department_id"):
            # system step, see create()
            department = self.env["hr.department"].browse(vals["department_id"])
            department.sudo()._wjl_ensure_analytic_account()
        return super().write(vals)

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind == "group":
            return AccessError(
                self.env._(
                    "Department heads may only explain the deviation of their "
                    "budget lines; ask Finance for an adjustment instead (R5.1.3)."
                )
            )
        if kind == "locked":
            return UserError(
                self.env._(
                    "The budget is no longer a draft, its lines are read-only. "
                    "Request a budget adjustment instead (R5.1.3)."
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.budget_id.state != "draft" for line in self):
            raise UserError(self.env._("Lines of a budget that is not a draft cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_request_adjustment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_budget.wjl_budget_adjustment_action"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_budget_id": self.budget_id.id,
                    "default_adjustment_type": "increase",
                    "default_line_to_id": self.id,
                },
            }
        )
        return action

    def action_open_journal_items(self):
        """The journal items behind the actual amount of the line."""
        self.ensure_one()
        domain = [
            ("parent_state", "=", "posted"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.category == "fund":
            domain.append(("journal_id", "in", self.item_id.journal_ids.ids))
        else:
            domain += [
                ("account_id", "in", self.item_id.account_ids.ids),
                ("analytic_distribution", "in", self.analytic_account_id.ids),
            ]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Items"),
            "res_model": "account.move.line",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # Monitoring (R5.1.3)
    # ------------------------------------------------------------------

    def _is_deviating(self, threshold):
        """Whether the line's execution deviates from its plan beyond ``threshold`` %."""
        self.ensure_one()
        if float_compare(self.amount_adjusted, 0.0, precision_digits=2) == 0:
            return float_compare(self.amount_actual, 0.0, precision_digits=2) != 0
        return abs(self.variance_pct) > threshold

    def _check_deviation(self):
        """Raise or resolve the ``budget_deviation`` alert of each line (R5.1.3).

        Computes every line in one batch, then raises one alert call per
        department (the department head and the Finance head are responsible).
        """
        Alert = self.env["wjl.alert"]
        self._refresh_amounts()
        deviating = defaultdict(lambda: self.browse())
        within = self.browse()
        for line in self:
            threshold = line.company_id.wjl_budget_deviation_threshold
            if line._is_deviating(threshold):
                deviating[line.department_id] |= line
            else:
                within |= line
        if within:
            Alert.resolve_alert(within, "budget_deviation")
        finance = self.env["hr.department"].sudo()._wjl_find_by_role("finance")
        finance_users = finance.manager_id.user_id
        for department, lines in deviating.items():
            users = department.sudo().manager_id.user_id | finance_users
            for line in lines:
                Alert.raise_alert(
                    line,
                    "budget_deviation",
                    level="warning",
                    message=line._deviation_message(),
                    department=department,
                    users=users or None,
                )
        self._wjl_guard_write({"date_deviation_check": fields.Date.context_today(self)})
        return deviating

    def _deviation_message(self):
        self.ensure_one()
        return self.env._(
            "%(line)s: actual %(actual)s against an adjusted plan of %(planned)s "
            "(variance %(variance)s %%). The department head records the explanation "
            "on the budget line (R5.1.3).",
            line=self.display_name,
            actual=self.currency_id.format(self.amount_actual),
            planned=self.currency_id.format(self.amount_adjusted),
            variance=round(self.variance_pct, 1),
        )

    @api.model
    def _cron_check_deviation(self, batch_size=500):
        """Monthly check of the completed months of approved budgets, in batches."""
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "approved"),
            ("date_to", "<", today),
            "|",
            ("date_deviation_check", "=", False),
            ("date_deviation_check", "<", today),
        ]
        lines = self.search(domain, limit=batch_size, order="id")
        lines._check_deviation()
        remaining = self.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(lines), remaining=remaining)
        return lines
