# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import models

# key of an incoming email's values telling the alias why the after-sales ticket
# model refused it (see ``wjl.aftersales.ticket._alias_get_error``)
REFUSED_KEY = "wjl_aftersales_refused"


class MailAlias(models.Model):
    _inherit = "mail.alias"

    def _get_alias_bounced_body_fallback(self, message_dict):
        """Tell the sender of an empty email to the after-sales alias what to do
        (R3.5.1), instead of the generic "not allowed to contact" text."""
        if message_dict.get(REFUSED_KEY) != "empty":
            return super()._get_alias_bounced_body_fallback(message_dict)
        content = self.env._(
            "The message below could not be accepted by the address %(alias)s: it is "
            "empty or could not be read. Please describe your problem in the text of "
            "the email and send it again.",
            alias=self.display_name,
        )
        return Markup("<p>%(header)s,<br/><br/>%(content)s<br/><br/>%(regards)s</p>") % {
            "header": self.env._("Dear Sender"),
            "content": content,
            "regards": self.env._("Kind Regards"),
        }
