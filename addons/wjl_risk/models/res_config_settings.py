# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_risk_level_low_max = fields.Integer(
        related="company_id.wjl_risk_level_low_max", readonly=False
    )
    wjl_risk_level_medium_max = fields.Integer(
        related="company_id.wjl_risk_level_medium_max", readonly=False
    )
    wjl_risk_level_high_max = fields.Integer(
        related="company_id.wjl_risk_level_high_max", readonly=False
    )
    wjl_risk_review_days_low = fields.Integer(
        related="company_id.wjl_risk_review_days_low", readonly=False
    )
    wjl_risk_review_days_medium = fields.Integer(
        related="company_id.wjl_risk_review_days_medium", readonly=False
    )
    wjl_risk_review_days_high = fields.Integer(
        related="company_id.wjl_risk_review_days_high", readonly=False
    )
    wjl_risk_review_days_critical = fields.Integer(
        related="company_id.wjl_risk_review_days_critical", readonly=False
    )
    wjl_risk_kri_models = fields.Char(
        string="Measurable Models",
        config_parameter="wjl_risk.kri_models",
        help="Technical names of the business models that computed key risk indicators "
        "may measure, separated by commas; wjl.* stands for every model of the suite. "
        "Technical models (ir.*, res.users, res.groups, mail.*, ...) are refused whatever "
        "this list says (R7.2.2).",
    )
