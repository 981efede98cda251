# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    wjl_aftersales_hours_low = fields.Float(
        related="company_id.wjl_aftersales_hours_low", readonly=False
    )
    wjl_aftersales_hours_medium = fields.Float(
        related="company_id.wjl_aftersales_hours_medium", readonly=False
    )
    wjl_aftersales_hours_high = fields.Float(
        related="company_id.wjl_aftersales_hours_high", readonly=False
    )
    wjl_aftersales_hours_critical = fields.Float(
        related="company_id.wjl_aftersales_hours_critical", readonly=False
    )
    wjl_aftersales_escalation_hours = fields.Float(
        related="company_id.wjl_aftersales_escalation_hours", readonly=False
    )
    wjl_aftersales_autoclose_days = fields.Integer(
        related="company_id.wjl_aftersales_autoclose_days", readonly=False
    )
    wjl_aftersales_max_body_chars = fields.Integer(
        related="company_id.wjl_aftersales_max_body_chars", readonly=False
    )
    wjl_aftersales_alias_id = fields.Many2one(
        "mail.alias",
        string="After-Sales Email Alias",
        compute="_compute_wjl_aftersales_alias_id",
    )

    def _compute_wjl_aftersales_alias_id(self):
        alias = self.env.ref("wjl_aftersales.mail_alias_aftersales", raise_if_not_found=False)
        for settings in self:
            settings.wjl_aftersales_alias_id = alias

    def action_wjl_aftersales_open_routes(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_aftersales.wjl_aftersales_route_action"
        )

    def action_wjl_aftersales_open_stages(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_aftersales.wjl_aftersales_stage_action"
        )
