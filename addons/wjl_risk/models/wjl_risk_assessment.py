# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_company import RISK_LEVELS


class WjlRiskAssessment(models.Model):
    """One (re)assessment of a risk, kept so that its trend is visible (R6.1.2).

    Rows are added by the risk itself each time its likelihood or impact is
    set; the level is a snapshot taken with the thresholds of that day.
    """

    _name = "wjl.risk.assessment"
    _description = "Risk Assessment"
    _order = "date desc, id desc"
    _rec_name = "risk_id"

    risk_id = fields.Many2one("wjl.risk", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    assessor_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    likelihood = fields.Integer(required=True)
    impact = fields.Integer(required=True)
    score = fields.Integer()
    level = fields.Selection(RISK_LEVELS)
    notes = fields.Text()
    department_id = fields.Many2one(
        related="risk_id.department_id", store=True, string="Department"
    )
    category_id = fields.Many2one(related="risk_id.category_id", store=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
