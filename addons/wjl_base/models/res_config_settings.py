# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_alert_fallback_user_id = fields.Many2one(
        related="company_id.wjl_alert_fallback_user_id",
        readonly=False,
    )
    wjl_alert_deadline_days = fields.Integer(
        related="company_id.wjl_alert_deadline_days",
        readonly=False,
    )
