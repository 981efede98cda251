# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class WjlBudgetAllocate(models.TransientModel):
    """Allocation 预算分解 of a company-level total to departments (R5.1.2).

    The total of one budget item is split among departments by amounts or by
    percentages (the split must add up to the total), then each department's
    share is spread over the months of the budget, evenly or by monthly weights.
    """

    _name = "wjl.budget.allocate"
    _inherit = ["wjl.budget.amount.mixin"]
    _description = "Budget Allocation"
    _wjl_amount_fields = ("amount_total",)

    budget_id = fields.Many2one("wjl.budget", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="budget_id.company_id")
    currency_id = fields.Many2one(related="budget_id.currency_id")
    item_id = fields.Many2one(
        "wjl.budget.item",
        string="Budget Item",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    amount_total = fields.Monetary(string="Company Total", required=True)
    split_mode = fields.Selection(
        [("amount", "By amount"), ("percent", "By percentage")],
        string="Split",
        required=True,
        default="amount",
    )
    spread_mode = fields.Selection(
        [("even", "Evenly over the months"), ("weights", "By monthly weights")],
        string="Spread",
        required=True,
        default="even",
    )
    line_ids = fields.One2many("wjl.budget.allocate.line", "wizard_id", string="Departments")
    month_ids = fields.One2many("wjl.budget.allocate.month", "wizard_id", string="Monthly Weights")
    amount_allocated = fields.Monetary(compute="_compute_allocated", string="Allocated")
    percent_allocated = fields.Float(compute="_compute_allocated", string="Allocated (%)")
    amount_difference = fields.Monetary(compute="_compute_allocated", string="Difference")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        budget = self.env["wjl.budget"].browse(res.get("budget_id"))
        if budget and "month_ids" in fields_list and not res.get("month_ids"):
            res["month_ids"] = self._month_commands(budget)
        return res

    @api.model
    def _month_commands(self, budget):
        return [fields.Command.clear()] + [
            fields.Command.create({"date_from": date_from, "weight": 1.0})
            for date_from, __ in budget._get_months()
        ]

    @api.onchange("budget_id")
    def _onchange_budget_id(self):
        if self.budget_id:
            self.month_ids = self._month_commands(self.budget_id)

    @api.depends("line_ids.amount", "line_ids.percent", "split_mode", "amount_total")
    def _compute_allocated(self):
        for wizard in self:
            if wizard.split_mode == "percent":
                wizard.percent_allocated = sum(wizard.line_ids.mapped("percent"))
                wizard.amount_allocated = wizard.amount_total * wizard.percent_allocated / 100.0
            else:
                wizard.amount_allocated = sum(wizard.line_ids.mapped("amount"))
                wizard.percent_allocated = (
                    wizard.amount_allocated / wizard.amount_total * 100.0
                    if wizard.amount_total
                    else 0.0
                )
            wizard.amount_difference = wizard.amount_total - wizard.amount_allocated

    def _department_amounts(self):
        """Each department's share of the total; raise when the split is wrong."""
        self.ensure_one()
        currency = self.currency_id
        if not self.line_ids:
            raise UserError(self.env._("Add the departments that share the total."))
        departments = self.line_ids.department_id
        if len(departments) != len(self.line_ids):
            raise ValidationError(self.env._("Each department appears once in the split."))
        if self.split_mode == "percent":
            total_pct = sum(self.line_ids.mapped("percent"))
            if float_compare(total_pct, 100.0, precision_digits=4) != 0:
                raise ValidationError(
                    self.env._(
                        "The percentages add up to %(pct)s %%, not 100 %%. Correct the "
                        "split so that the whole total is allocated.",
                        pct=round(total_pct, 4),
                    )
                )
            amounts = [
                currency.round(self.amount_total * share.percent / 100.0) for share in self.line_ids
            ]
            # rounding remainder goes to the last department
            amounts[-1] = currency.round(amounts[-1] + self.amount_total - sum(amounts))
        else:
            amounts = [currency.round(share.amount) for share in self.line_ids]
            if currency.compare_amounts(sum(amounts), self.amount_total) != 0:
                raise ValidationError(
                    self.env._(
                        "The departments' amounts add up to %(allocated)s but the total "
                        "is %(total)s (difference %(difference)s). Correct the split so "
                        "that it adds up to the total.",
                        allocated=currency.format(sum(amounts)),
                        total=currency.format(self.amount_total),
                        difference=currency.format(self.amount_total - sum(amounts)),
                    )
                )
        return list(zip(self.line_ids.department_id, amounts))

    def _month_weights(self):
        self.ensure_one()
        months = self.budget_id._get_months()
        if self.spread_mode == "even":
            return [(date_from, date_to, 1.0) for date_from, date_to in months]
        weights = {m.date_from: m.weight for m in self.month_ids}
        if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
            raise ValidationError(
                self.env._("The monthly weights must be positive and not all zero.")
            )
        return [(date_from, date_to, weights.get(date_from, 0.0)) for date_from, date_to in months]

    def action_allocate(self):
        self.ensure_one()
        budget = self.budget_id
        if budget.state != "draft":
            raise UserError(
                self.env._("Only draft budgets are allocated; this one is %s.", budget.state)
            )
        if float_compare(self.amount_total, 0.0, precision_digits=2) < 0:
            raise ValidationError(self.env._("The total to allocate cannot be negative."))
        shares = self._department_amounts()
        months = self._month_weights()
        total_weight = sum(weight for __, __, weight in months)
        currency = self.currency_id
        Line = self.env["wjl.budget.line"]
        # the new split replaces the previous allocation of these departments
        Line.search(
            [
                ("budget_id", "=", budget.id),
                ("item_id", "=", self.item_id.id),
                ("department_id", "in", [dept.id for dept, __ in shares]),
            ]
        ).unlink()
        vals_list = []
        for department, amount in shares:
            monthly = [currency.round(amount * weight / total_weight) for __, __, weight in months]
            monthly[-1] = currency.round(monthly[-1] + amount - sum(monthly))
            for (date_from, date_to, __), month_amount in zip(months, monthly):
                vals_list.append(
                    {
                        "budget_id": budget.id,
                        "department_id": department.id,
                        "item_id": self.item_id.id,
                        "date_from": date_from,
                        "date_to": date_to,
                        "amount_planned": month_amount,
                    }
                )
        lines = Line.create(vals_list)
        budget.message_post(
            body=self.env._(
                "%(item)s: %(total)s allocated to %(count)s departments (R5.1.2).",
                item=self.item_id.display_name,
                total=currency.format(self.amount_total),
                count=len(shares),
            )
        )
        return lines


class WjlBudgetAllocateLine(models.TransientModel):
    _name = "wjl.budget.allocate.line"
    _inherit = ["wjl.budget.amount.mixin"]
    _description = "Budget Allocation Share"
    _wjl_amount_fields = ("amount",)

    wizard_id = fields.Many2one("wjl.budget.allocate", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    department_id = fields.Many2one("hr.department", required=True)
    amount = fields.Monetary()
    percent = fields.Float(string="Percentage")


class WjlBudgetAllocateMonth(models.TransientModel):
    _name = "wjl.budget.allocate.month"
    _description = "Budget Allocation Monthly Weight"
    _order = "date_from"

    wizard_id = fields.Many2one("wjl.budget.allocate", required=True, ondelete="cascade")
    date_from = fields.Date(string="Month", required=True)
    name = fields.Char(compute="_compute_name", string="Period")
    weight = fields.Float(default=1.0)

    @api.depends("date_from")
    def _compute_name(self):
        for month in self:
            month.name = month.date_from and month.date_from.strftime("%Y-%m") or ""
