# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_company import CONTROL_ACTIONS


class WjlBudgetItem(models.Model):
    _inherit = "wjl.budget.item"

    control_action = fields.Selection(
        CONTROL_ACTIONS,
        help="What happens when a purchase order exceeds the budget of this item "
        "(R5.2). Empty: the company default from the Settings.",
    )

    def _get_control_action(self):
        """The effective control action at purchase confirmation (R5.2)."""
        self.ensure_one()
        return self.control_action or self.company_id.wjl_budget_control_action or "warn"
