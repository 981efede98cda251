# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

CONTROL_ACTIONS = [
    ("stop", "Stop"),
    ("warn", "Warn"),
    ("ignore", "Ignore"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    wjl_budget_control_action = fields.Selection(
        CONTROL_ACTIONS,
        string="Budget Control Action",
        default="warn",
        required=True,
        help="What happens when a purchase order would exceed the available budget "
        "(R5.2): stop refuses the confirmation, warn confirms and raises an alert, "
        "ignore does nothing. Budget items may override it.",
    )
    wjl_budget_tolerance = fields.Float(
        string="Budget Tolerance (%)",
        default=0.0,
        help="Percentage of the (adjusted) planned amount a budget line may be "
        "exceeded by before the control action applies (R5.2).",
    )
