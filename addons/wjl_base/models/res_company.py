# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    wjl_alert_fallback_user_id = fields.Many2one(
        "res.users",
        string="Alert Fallback Responsible",
        domain=[("share", "=", False)],
        help="Receives the follow-up activity of an alert whose department has no "
        "manager user (R6.3.2).",
    )
    wjl_alert_deadline_days = fields.Integer(
        string="Alert Activity Deadline (days)",
        default=1,
        help="Number of days given to the responsible users to act on a new alert.",
    )
