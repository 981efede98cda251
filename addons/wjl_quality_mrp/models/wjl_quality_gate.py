# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


def _archive_as_incoming(gates):
    """Uninstalling: the manufacturing gates are archived, not deleted (inspections keep them)."""
    gates.write({"stage": "incoming", "active": False})


class WjlQualityGate(models.Model):
    """Manufacturing stages of the quality gates (R3.3.3).

    ``in_process`` gates inspect manufacturing orders of semi-finished products
    (半成品检验, products used as components of another bill of materials),
    ``finished`` gates those of end products (成品检验).
    """

    _inherit = "wjl.quality.gate"

    stage = fields.Selection(
        selection_add=[
            ("in_process", "In-process Inspection"),
            ("finished", "Finished-goods Inspection"),
        ],
        ondelete={"in_process": _archive_as_incoming, "finished": _archive_as_incoming},
    )
