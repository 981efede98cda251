# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .wjl_risk_indicator import STATUSES


class WjlRiskIndicatorValue(models.Model):
    """One measured value of a key risk indicator: its trend (R6.3.1)."""

    _name = "wjl.risk.indicator.value"
    _description = "Key Risk Indicator Value"
    _order = "date desc, id desc"
    _rec_name = "indicator_id"

    indicator_id = fields.Many2one(
        "wjl.risk.indicator", required=True, ondelete="cascade", index=True
    )
    risk_id = fields.Many2one(related="indicator_id.risk_id", store=True, string="Risk")
    department_id = fields.Many2one(
        related="indicator_id.risk_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one(related="indicator_id.risk_id.company_id", store=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    value = fields.Float(digits=(16, 4))
    status = fields.Selection(STATUSES)
    error_message = fields.Text(string="Error")
