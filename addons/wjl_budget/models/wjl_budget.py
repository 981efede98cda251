# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .wjl_budget_item import CATEGORIES

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("closed", "Closed"),
]


class WjlBudget(models.Model):
    """The annual budget 年度预算 compiled by Finance (R5.1.1).

    Draft budgets are allocated to departments (R5.1.2) and submitted; once
    approved they are read-only, only changed through approved adjustments
    (R5.1.3), checked at purchase confirmation (R5.2) and finally closed with a
    year-end evaluation that feeds next year's budget (R5.1.4).
    """

    _name = "wjl.budget"
    _description = "Annual Budget"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "date_from desc, id desc"
    _wjl_required_text_fields = ("name",)

    # Decided by the server in the actions: the state, who approved and when
    # (R5.1.1); an approved or closed budget is read-only (R5.1.2).
    _wjl_guard_action_fields = frozenset(
        {"state", "date_approved", "approved_by_id", "date_closed"}
    )
    _wjl_guard_locked_states = frozenset({"approved", "closed"})

    name = fields.Char(required=True, tracking=True)
    date_from = fields.Date(
        string="Start Date",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="End Date",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, index=True, copy=False
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    line_ids = fields.One2many("wjl.budget.line", "budget_id", string="Budget Lines")
    department_ids = fields.Many2many(
        "hr.department",
        "wjl_budget_department_rel",
        "budget_id",
        "department_id",
        string="Departments",
        compute="_compute_department_ids",
        store=True,
        groups="wjl_budget.group_budget_user",
        help="Departments with a line in the budget: the record rule of department "
        "heads is based on them (R7.2.2).",
    )
    adjustment_ids = fields.One2many("wjl.budget.adjustment", "budget_id", string="Adjustments")
    previous_budget_id = fields.Many2one(
        "wjl.budget",
        string="Rolled Forward From",
        copy=False,
        readonly=True,
        help="The budget whose evaluation this budget was rolled forward from (R5.1.4).",
    )
    note = fields.Html(string="Notes")
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    line_count = fields.Integer(compute="_compute_line_count")
    adjustment_count = fields.Integer(compute="_compute_line_count")
    amount_planned = fields.Monetary(compute="_compute_amounts", string="Planned")
    amount_adjusted = fields.Monetary(compute="_compute_amounts", string="Adjusted")
    amount_actual = fields.Monetary(compute="_compute_amounts", string="Actual")
    amount_committed = fields.Monetary(compute="_compute_amounts", string="Committed")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for budget in self:
            if budget.date_from > budget.date_to:
                raise ValidationError(
                    self.env._("The budget %s ends before it starts.", budget.name)
                )
            month_end = budget.date_to + relativedelta(day=31)
            if budget.date_from.day != 1 or budget.date_to != month_end:
                raise ValidationError(
                    self.env._(
                        "The budget %s must cover whole months: start on the first day "
                        "of a month and end on the last day of a month.",
                        budget.name,
                    )
                )

    @api.depends("line_ids.department_id")
    def _compute_department_ids(self):
        """Departments of the lines, read in one query.

        Not through ``line_ids``: the record rules of department heads are
        evaluated on this field as superuser, and reading ``line_ids`` there would
        put every line of the budget in the cache shared with the user (R7.2.2).
        """
        stored = self.filtered("id")
        # sudo: a technical field computed from every line of the budget; only
        # department ids are read, and it is never shown to department heads
        groups = dict(
            self.env["wjl.budget.line"]
            .sudo()
            ._read_group(
                [("budget_id", "in", stored.ids)], ["budget_id"], ["department_id:array_agg"]
            )
        )
        for budget in stored:
            budget.department_ids = [fields.Command.set(sorted(set(groups.get(budget, []))))]
        for budget in self - stored:
            budget.department_ids = budget.line_ids.department_id

    @api.depends("line_ids", "adjustment_ids")
    @api.depends_context("uid")
    def _compute_line_count(self):
        lines = dict(
            self.env["wjl.budget.line"]._read_group(
                [("budget_id", "in", self.ids)], ["budget_id"], ["__count"]
            )
        )
        adjustments = dict(
            self.env["wjl.budget.adjustment"]._read_group(
                [("budget_id", "in", self.ids)], ["budget_id"], ["__count"]
            )
        )
        for budget in self:
            budget.line_count = lines.get(budget, 0)
            budget.adjustment_count = adjustments.get(budget, 0)

    @api.depends_context("uid")
    def _compute_amounts(self):
        """Totals of the lines the current user may read (R5.1, R7.2.2).

        A department head gets the figures of their departments, a budget user
        those of the whole budget: the lines are grouped with the user's record
        rules, never as superuser. Three queries whatever the number of budgets.
        """
        groups = self.env["wjl.budget.line"]._read_group(
            [("budget_id", "in", self.ids)],
            ["budget_id"],
            ["amount_planned:sum", "amount_adjusted:sum", "id:array_agg"],
        )
        line_ids = [line_id for __, __, __, ids in groups for line_id in ids]
        # one batch for all lines of all budgets (constant number of queries)
        amounts = self.env["wjl.budget.line"].browse(line_ids)._fetch_amounts()
        totals = defaultdict(lambda: (0.0, 0.0, 0.0, 0.0))
        for budget, planned, adjusted, ids in groups:
            actual = sum(amounts.get(line_id, (0.0, 0.0))[0] for line_id in ids)
            committed = sum(amounts.get(line_id, (0.0, 0.0))[1] for line_id in ids)
            totals[budget.id] = (planned, adjusted, actual, committed)
        for budget in self:
            planned, adjusted, actual, committed = totals[budget.id]
            budget.amount_planned = planned
            budget.amount_adjusted = adjusted
            budget.amount_actual = actual
            budget.amount_committed = committed

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        # who may write a budget at all (access rights) before what (the guard)
        self.check_access("write")
        return super().write(vals)

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind == "action":
            return UserError(
                self.env._(
                    "The state of a budget changes only through its buttons (Submit, "
                    "Approve, Reset to Draft, Close Year), which record who did it and "
                    "when (R5.1.1)."
                )
            )
        if kind == "locked":
            return UserError(
                self.env._(
                    "The budget %s is approved and read-only (R5.1.2). Change it "
                    "through a budget adjustment instead.",
                    self.name,
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(budget.state != "draft" for budget in self):
            raise UserError(self.env._("Only draft budgets can be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_budget_manager(self):
        if not self.env.su and not self.env.user.has_group("wjl_budget.group_budget_manager"):
            raise AccessError(self.env._("Only Finance budget managers can do this (R5.1.1)."))

    def action_submit(self):
        for budget in self:
            if budget.state != "draft":
                raise UserError(
                    self.env._("Only draft budgets can be submitted (%s).", budget.name)
                )
            if not budget.line_ids:
                raise UserError(
                    self.env._(
                        "The budget %s has no lines yet: allocate it to the departments "
                        "first (R5.1.2).",
                        budget.name,
                    )
                )
        self._wjl_guard_write({"state": "submitted"})
        return True

    def action_reset_draft(self):
        self._check_budget_manager()
        if any(budget.state != "submitted" for budget in self):
            raise UserError(self.env._("Only submitted budgets can be reset to draft."))
        self._wjl_guard_write({"state": "draft"})
        return True

    def action_approve(self):
        self._check_budget_manager()
        for budget in self:
            if budget.state != "submitted":
                raise UserError(
                    self.env._("Only submitted budgets can be approved (%s).", budget.name)
                )
        self._check_no_overlap()
        self._wjl_guard_write(
            {
                "state": "approved",
                "date_approved": fields.Datetime.now(),
                "approved_by_id": self.env.user.id,
            }
        )
        return True

    def _check_no_overlap(self):
        """Two approved budgets of a company must not cover the same dates (R5.2)."""
        for budget in self:
            other = self.search(
                [
                    ("id", "!=", budget.id),
                    ("company_id", "=", budget.company_id.id),
                    ("state", "in", ("approved", "closed")),
                    ("date_from", "<=", budget.date_to),
                    ("date_to", ">=", budget.date_from),
                ],
                limit=1,
            )
            if other:
                raise UserError(
                    self.env._(
                        "The budget %(budget)s overlaps the approved budget %(other)s: "
                        "spending would be counted twice. Change its dates first.",
                        budget=budget.name,
                        other=other.name,
                    )
                )

    def action_close(self):
        """Close the year and attach its evaluation 年度预算执行评价 (R5.1.4)."""
        self._check_budget_manager()
        if any(budget.state != "approved" for budget in self):
            raise UserError(self.env._("Only approved budgets can be closed."))
        self._wjl_guard_write({"state": "closed", "date_closed": fields.Datetime.now()})
        if not self.env.context.get("wjl_budget_no_evaluation_attachment"):
            self._attach_evaluation()
        return True

    def _attach_evaluation(self):
        report = self.env.ref("wjl_budget.action_report_budget_evaluation")
        for budget in self:
            pdf, __ = self.env["ir.actions.report"]._render_qweb_pdf(report, budget.ids)
            budget.message_post(
                body=self.env._("The budget is closed; its evaluation is attached."),
                attachments=[(self.env._("Evaluation %s.pdf", budget.name), pdf)],
            )

    def action_open_allocation(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_budget.wjl_budget_allocate_action"
        )
        action["context"] = {"default_budget_id": self.id}
        return action

    def action_open_roll_forward(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_budget.wjl_budget_roll_forward_action"
        )
        action["context"] = {"default_budget_id": self.id}
        return action

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("wjl_budget.wjl_budget_line_action")
        action["domain"] = [("budget_id", "=", self.id)]
        action["context"] = {"default_budget_id": self.id, "search_default_group_department": 1}
        return action

    def action_open_adjustments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_budget.wjl_budget_adjustment_action"
        )
        action["domain"] = [("budget_id", "=", self.id)]
        action["context"] = {"default_budget_id": self.id}
        return action

    def action_print_evaluation(self):
        self.ensure_one()
        return self.env.ref("wjl_budget.action_report_budget_evaluation").report_action(self)

    def action_export_evaluation_xlsx(self):
        self.ensure_one()
        return self.env.ref("wjl_budget.action_report_budget_evaluation_xlsx").report_action(self)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _get_months(self):
        """The months of the budget, as a list of (first day, last day)."""
        self.ensure_one()
        months = []
        start = self.date_from
        while start <= self.date_to:
            months.append((start, start + relativedelta(day=31)))
            start += relativedelta(months=1)
        return months

    def _get_evaluation_rows(self):
        """Year-end evaluation figures per department and category (R5.1.4).

        :return: list of dicts (department, category, planned, adjusted, actual,
            variance, execution rate, explanations) followed by per-category totals
        """
        self.ensure_one()
        # the lines the current user may read: a department head evaluates their
        # departments, Finance the whole budget (R7.2.2)
        lines = self.env["wjl.budget.line"].search([("budget_id", "=", self.id)])
        amounts = lines._fetch_amounts()
        category_names = dict(CATEGORIES)
        groups = {}
        for line in lines:
            key = (line.department_id, line.category)
            row = groups.setdefault(
                key,
                {
                    "department": line.department_id.display_name,
                    "category": category_names.get(line.category, ""),
                    "category_code": line.category,
                    "planned": 0.0,
                    "adjusted": 0.0,
                    "actual": 0.0,
                    "explanations": [],
                },
            )
            row["planned"] += line.amount_planned
            row["adjusted"] += line.amount_adjusted
            row["actual"] += amounts.get(line.id, (0.0, 0.0, 0.0))[0]
            if line.deviation_explanation:
                row["explanations"].append(
                    f"{line.item_id.display_name} {line.period_label}: "
                    f"{line.deviation_explanation}"
                )
        rows = sorted(
            groups.values(), key=lambda r: (r["department"] or "", r["category_code"] or "")
        )
        for row in rows:
            self._finish_evaluation_row(row)
        return rows

    def _get_evaluation_totals(self, rows):
        totals = {}
        for row in rows:
            total = totals.setdefault(
                row["category_code"],
                {
                    "department": "",
                    "category": row["category"],
                    "category_code": row["category_code"],
                    "planned": 0.0,
                    "adjusted": 0.0,
                    "actual": 0.0,
                    "explanations": [],
                },
            )
            for key in ("planned", "adjusted", "actual"):
                total[key] += row[key]
        result = sorted(totals.values(), key=lambda r: r["category_code"])
        for row in result:
            self._finish_evaluation_row(row)
        return result

    def _finish_evaluation_row(self, row):
        row["variance"] = row["actual"] - row["adjusted"]
        row["execution_rate"] = row["actual"] / row["adjusted"] * 100.0 if row["adjusted"] else 0.0
        row["variance_pct"] = row["variance"] / row["adjusted"] * 100.0 if row["adjusted"] else 0.0
        return row

    def _roll_forward(self, growth_pct=0.0, base="adjusted", name=None):
        """Create next year's draft budget from this one (R5.1.4).

        :param float growth_pct: growth applied to every line, in percent
        :param str base: ``planned``, ``adjusted`` or ``actual`` amounts as the base
        :return: the new draft ``wjl.budget``
        """
        self.ensure_one()
        currency = self.currency_id
        new_budget = self.create(
            {
                "name": name or self.env._("%s (rolled forward)", self.name),
                "date_from": self.date_from + relativedelta(years=1),
                "date_to": self.date_to + relativedelta(years=1, day=31),
                "company_id": self.company_id.id,
                "previous_budget_id": self.id,
            }
        )
        amounts = self.line_ids._fetch_amounts() if base == "actual" else {}
        factor = 1.0 + (growth_pct or 0.0) / 100.0
        vals_list = []
        for line in self.line_ids:
            if base == "actual":
                amount = amounts.get(line.id, (0.0, 0.0, 0.0))[0]
            elif base == "planned":
                amount = line.amount_planned
            else:
                amount = line.amount_adjusted
            date_from = line.date_from + relativedelta(years=1)
            vals_list.append(
                {
                    "budget_id": new_budget.id,
                    "department_id": line.department_id.id,
                    "item_id": line.item_id.id,
                    "date_from": date_from,
                    "date_to": date_from + relativedelta(day=31),
                    "amount_planned": currency.round(amount * factor),
                }
            )
        self.env["wjl.budget.line"].create(vals_list)
        new_budget.message_post(
            body=self.env._(
                "Rolled forward from %(budget)s with a growth of %(growth)s %%.",
                budget=self.name,
                growth=growth_pct,
            )
        )
        return new_budget
