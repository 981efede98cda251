# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal ticket page shows the chatter of the mail app: its terms
        ("The conversation is empty.", "Send"...) are read in the customer's
        language only when the portal pages load the mail translations too."""
        mods = super()._get_translation_frontend_modules_name()
        return mods + ["mail"]
