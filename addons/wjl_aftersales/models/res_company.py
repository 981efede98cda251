# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    wjl_aftersales_hours_low = fields.Float(
        string="After-Sales Hours (Low)",
        default=40.0,
        help="Working hours given to solve a low-severity ticket (R3.5.2).",
    )
    wjl_aftersales_hours_medium = fields.Float(
        string="After-Sales Hours (Medium)",
        default=16.0,
        help="Working hours given to solve a medium-severity ticket (R3.5.2).",
    )
    wjl_aftersales_hours_high = fields.Float(
        string="After-Sales Hours (High)",
        default=8.0,
        help="Working hours given to solve a high-severity ticket (R3.5.2).",
    )
    wjl_aftersales_hours_critical = fields.Float(
        string="After-Sales Hours (Critical)",
        default=4.0,
        help="Working hours given to solve a critical ticket (R3.5.2).",
    )
    wjl_aftersales_escalation_hours = fields.Float(
        string="After-Sales Escalation Delay (hours)",
        default=8.0,
        help="Hours after its breach at which a still open ticket escalates to the "
        "department manager.",
    )
    wjl_aftersales_autoclose_days = fields.Integer(
        string="After-Sales Auto-Close Delay (days)",
        default=7,
        help="Days after which a resolved ticket the customer did not confirm closes "
        "by itself (R3.5.4). 0 disables the automatic closing.",
    )
    wjl_aftersales_max_body_chars = fields.Integer(
        string="After-Sales Email Body Limit (characters)",
        default=100000,
        help="Longer emails to the after-sales alias are cut to this many characters "
        "of text in the ticket; the whole email is attached to the ticket (R3.5.1). "
        "0 keeps every email whole.",
    )

    def _wjl_aftersales_tz(self):
        """Time zone of the after-sales deadlines: the working calendar's (R3.5.2).

        Deadlines are planned on the calendar's working hours, so emails, the
        portal and reports show them in that zone; without a calendar, the zone
        of the company's address.
        """
        self.ensure_one()
        return self.resource_calendar_id.tz or self.partner_id.tz or "UTC"

    def _wjl_aftersales_severity_hours(self):
        """Working hours by severity for this company (R3.5.2)."""
        self.ensure_one()
        return {
            "low": self.wjl_aftersales_hours_low,
            "medium": self.wjl_aftersales_hours_medium,
            "high": self.wjl_aftersales_hours_high,
            "critical": self.wjl_aftersales_hours_critical,
        }
