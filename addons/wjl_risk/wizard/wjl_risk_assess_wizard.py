# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

LIKELIHOODS = [
    ("1", "1 - Rare"),
    ("2", "2 - Unlikely"),
    ("3", "3 - Possible"),
    ("4", "4 - Likely"),
    ("5", "5 - Almost certain"),
]
IMPACTS = [
    ("1", "1 - Negligible"),
    ("2", "2 - Minor"),
    ("3", "3 - Moderate"),
    ("4", "4 - Major"),
    ("5", "5 - Severe"),
]


class WjlRiskAssessWizard(models.TransientModel):
    """(Re)assess a risk: qualitative rating and quantitative estimate (R6.1.2)."""

    _name = "wjl.risk.assess.wizard"
    _description = "Assess Risk"

    risk_id = fields.Many2one("wjl.risk", required=True, ondelete="cascade")
    likelihood = fields.Selection(LIKELIHOODS, required=True)
    impact = fields.Selection(IMPACTS, required=True)
    score = fields.Integer(compute="_compute_score_level")
    level = fields.Selection(related="risk_id.level", string="Current Level", readonly=True)
    new_level = fields.Selection(
        selection=lambda self: self.env["wjl.risk"]._fields["level"].selection,
        compute="_compute_score_level",
    )
    expected_loss = fields.Monetary()
    currency_id = fields.Many2one(related="risk_id.currency_id")
    notes = fields.Text()

    @api.model
    def default_get(self, fields_list):
        vals = super().default_get(fields_list)
        risk = self.env["wjl.risk"].browse(vals.get("risk_id"))
        if risk.exists():
            if risk.likelihood:
                vals.setdefault("likelihood", str(risk.likelihood))
            if risk.impact:
                vals.setdefault("impact", str(risk.impact))
            vals.setdefault("expected_loss", risk.expected_loss)
        return vals

    @api.depends("likelihood", "impact", "risk_id")
    def _compute_score_level(self):
        for wizard in self:
            score = int(wizard.likelihood or 0) * int(wizard.impact or 0)
            company = wizard.risk_id.company_id or self.env.company
            wizard.score = score
            wizard.new_level = company._wjl_risk_level(score)

    def action_confirm(self):
        self.ensure_one()
        self.risk_id._wjl_record_assessment(
            int(self.likelihood),
            int(self.impact),
            notes=self.notes,
            expected_loss=self.expected_loss,
        )
        return {"type": "ir.actions.act_window_close"}
