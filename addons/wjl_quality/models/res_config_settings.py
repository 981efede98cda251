# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_quality_default_blocking = fields.Boolean(
        related="company_id.wjl_quality_default_blocking", readonly=False
    )
    wjl_quality_default_sampling = fields.Selection(
        related="company_id.wjl_quality_default_sampling", readonly=False
    )
    wjl_quality_default_sampling_value = fields.Float(
        related="company_id.wjl_quality_default_sampling_value", readonly=False
    )
    wjl_quality_quarantine_failed = fields.Boolean(
        related="company_id.wjl_quality_quarantine_failed", readonly=False
    )
