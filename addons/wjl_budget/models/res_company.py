# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    wjl_budget_deviation_threshold = fields.Float(
        string="Deviation Threshold (%)",
        default=10.0,
        help="Deviation between actual and planned amounts, in percent of the plan, "
        "above which the monthly check raises a budget deviation alert (R5.1.3).",
    )
