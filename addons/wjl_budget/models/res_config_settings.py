# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_budget_deviation_threshold = fields.Float(
        related="company_id.wjl_budget_deviation_threshold",
        readonly=False,
    )
