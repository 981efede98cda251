# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SAMPLING = [
    ("all", "All Units"),
    ("percentage", "Percentage"),
    ("fixed", "Fixed Quantity"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    wjl_quality_default_blocking = fields.Boolean(
        string="Quality Gates Block by Default",
        default=True,
        help="New quality gates block the validation of receipts and manufacturing "
        "orders until their inspections are decided (R3.3.4).",
    )
    wjl_quality_default_sampling = fields.Selection(
        SAMPLING,
        string="Default Sampling",
        default="all",
        required=True,
    )
    wjl_quality_default_sampling_value = fields.Float(
        string="Default Sampling Value",
        default=10.0,
        help="Percentage or fixed quantity used by the default sampling.",
    )
    wjl_quality_quarantine_failed = fields.Boolean(
        string="Quarantine Failed Quantities",
        default=True,
        help="When a receipt or manufacturing order with a failed inspection is "
        "validated, the failed quantity goes to the warehouse quarantine location "
        "instead of stock (R3.3.3).",
    )
