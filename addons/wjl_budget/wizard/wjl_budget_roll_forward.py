# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class WjlBudgetRollForward(models.TransientModel):
    """Roll a budget forward into next year's draft budget (R5.1.4)."""

    _name = "wjl.budget.roll.forward"
    _description = "Budget Roll Forward"

    budget_id = fields.Many2one("wjl.budget", required=True, ondelete="cascade")
    name = fields.Char(
        string="New Budget Name", compute="_compute_name", store=True, readonly=False
    )
    growth_pct = fields.Float(string="Growth (%)", default=0.0)
    base = fields.Selection(
        [
            ("adjusted", "Adjusted amounts"),
            ("planned", "Planned amounts"),
            ("actual", "Actual amounts"),
        ],
        required=True,
        default="adjusted",
        help="Which figures of this year the next year's lines start from.",
    )

    @api.depends("budget_id")
    def _compute_name(self):
        for wizard in self:
            budget = wizard.budget_id
            wizard.name = budget and self.env._("Budget %s", budget.date_from.year + 1)

    def action_roll_forward(self):
        self.ensure_one()
        self.budget_id._check_budget_manager()
        if self.budget_id.state not in ("approved", "closed"):
            raise UserError(self.env._("Only approved or closed budgets are rolled forward."))
        new_budget = self.budget_id._roll_forward(
            growth_pct=self.growth_pct, base=self.base, name=self.name
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "wjl.budget",
            "res_id": new_budget.id,
            "views": [(False, "form")],
            "target": "current",
        }
