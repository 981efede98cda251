# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

STAGE_STATES = [
    ("new", "New"),
    ("assessed", "Assessed"),
    ("in_progress", "In Progress"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
]
OPEN_STATES = ("new", "assessed", "in_progress")


class WjlAftersalesStage(models.Model):
    """A configurable step of the after-sales flow (R3.5.1-R3.5.4).

    ``state`` tells the flow which step the stage stands for, so companies may
    rename stages or add more of them without breaking the buttons.
    """

    _name = "wjl.aftersales.stage"
    _description = "After-Sales Stage"
    _inherit = ["wjl.required.text.mixin"]
    _order = "sequence, id"
    _wjl_required_text_fields = ("name",)

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        STAGE_STATES,
        string="Step",
        required=True,
        default="new",
        help="Step of the after-sales flow this stage stands for: the buttons Assess, "
        "Resolve and Close move tickets to the first stage of their step.",
    )
    fold = fields.Boolean(
        string="Folded in Kanban",
        help="Fold this stage in the kanban view (typically the closed stage).",
    )
    is_closing = fields.Boolean(
        string="Closing Stage",
        help="Tickets in this stage are finished and form the service archive (R3.5.5).",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Customer Message",
        domain=[("model", "=", "wjl.aftersales.ticket")],
        help="Message sent to the customer when a ticket reaches this stage (R3.5.3).",
    )
    description = fields.Text(translate=True)
