# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_appraisal_threshold_excellent = fields.Float(
        related="company_id.wjl_appraisal_threshold_excellent", readonly=False
    )
    wjl_appraisal_threshold_good = fields.Float(
        related="company_id.wjl_appraisal_threshold_good", readonly=False
    )
    wjl_appraisal_threshold_pass = fields.Float(
        related="company_id.wjl_appraisal_threshold_pass", readonly=False
    )
    wjl_appraisal_coef_excellent = fields.Float(
        related="company_id.wjl_appraisal_coef_excellent", readonly=False
    )
    wjl_appraisal_coef_good = fields.Float(
        related="company_id.wjl_appraisal_coef_good", readonly=False
    )
    wjl_appraisal_coef_pass = fields.Float(
        related="company_id.wjl_appraisal_coef_pass", readonly=False
    )
    wjl_appraisal_coef_fail = fields.Float(
        related="company_id.wjl_appraisal_coef_fail", readonly=False
    )
    # own currency field: res.config.settings has none without `account`
    wjl_appraisal_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Bonus Currency"
    )
    wjl_appraisal_bonus_base = fields.Monetary(
        related="company_id.wjl_appraisal_bonus_base",
        currency_field="wjl_appraisal_currency_id",
        readonly=False,
    )
    wjl_appraisal_quota_mode = fields.Selection(
        related="company_id.wjl_appraisal_quota_mode", readonly=False
    )
    wjl_appraisal_hr_user_id = fields.Many2one(
        related="company_id.wjl_appraisal_hr_user_id", readonly=False
    )
