# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict

import pytz
from markupsafe import Markup

from odoo import api, models
from odoo.tools import html2plaintext, plaintext2html
from odoo.tools.mail import email_normalize, parse_contact_from_email

from odoo.addons.mail.tools.alias_error import AliasError

from .mail_alias import REFUSED_KEY

_logger = logging.getLogger(__name__)

ORIGINAL_NAME = "original-message.html"


class WjlAftersalesTicket(models.Model):
    """Mail side of the after-sales ticket: email intake (R3.5.1) and the
    customer messages of each stage (R3.5.3), in the company's time zone."""

    _inherit = "wjl.aftersales.ticket"

    # ------------------------------------------------------------------
    # Customer messages (R3.5.3)
    # ------------------------------------------------------------------

    def _track_template(self, changes):
        res = super()._track_template(changes)
        ticket = self[0]
        if "stage_id" in changes and ticket.stage_id.mail_template_id:
            res["stage_id"] = (
                ticket.stage_id.mail_template_id,
                {
                    "auto_delete_keep_log": False,
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                    "email_layout_xmlid": "mail.mail_notification_light",
                },
            )
        return res

    def _wjl_subscribe_customer(self):
        """The customer who wrote in (email, portal) follows the ticket's chatter.

        Customers of tickets logged by staff get the stage messages through the
        mail templates and see the ticket on the portal without following it.
        """
        by_partner = defaultdict(list)
        for ticket in self:
            if ticket.partner_id:
                by_partner[ticket.partner_id.id].append(ticket.id)
        for partner_id, ticket_ids in by_partner.items():
            self.browse(ticket_ids).message_subscribe([partner_id])

    def _mail_get_partner_fields(self, introspect_fields=False):
        return ["partner_id"]

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        for ticket in self:
            if ticket.partner_id:
                ticket._message_add_suggested_recipient(
                    recipients, partner=ticket.partner_id, reason=self.env._("Customer")
                )
            elif ticket.contact_email:
                ticket._message_add_suggested_recipient(
                    recipients, email=ticket.contact_email, reason=self.env._("Customer Email")
                )
        return recipients

    def _wjl_customer_lang(self):
        """Language of the customer messages: the customer's, else the company's."""
        self.ensure_one()
        return self.partner_id.lang or self.company_id.partner_id.lang or "zh_CN"

    def _wjl_tz(self):
        """Time zone of the ticket's deadlines: its company's working calendar (R3.5.2)."""
        self.ensure_one()
        # sudo: customers may not read the company's calendar; only its zone is used
        return (self.company_id or self.env.company).sudo()._wjl_aftersales_tz()

    def _wjl_format_datetime(self, value):
        """``value`` as customers read it in emails and on the portal (R3.5.3).

        Shown in the time zone of the deadline's working calendar, with its UTC
        offset (``2026-03-03 12:00 (UTC+08:00)``, read alike in every language),
        so the email, the portal and a back-end user of that zone read the same
        time.
        """
        self.ensure_one()
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(pytz.timezone(self._wjl_tz()))
        offset = local.strftime("%z")
        return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"

    # ------------------------------------------------------------------
    # Email intake (R3.5.1)
    # ------------------------------------------------------------------

    @api.model
    def _wjl_mail_is_empty(self, msg_dict):
        """No readable text in the body and no attachment: nothing to work on."""
        if msg_dict.get("attachments"):
            return False
        text = html2plaintext(msg_dict.get("body") or "")
        return not any(
            char.isprintable() and not char.isspace() and char != "\ufffd" for char in text
        )

    def _alias_get_error(self, message, message_dict, alias):
        """An empty or unreadable email opens no ticket: the alias bounces it."""
        error = super()._alias_get_error(message, message_dict, alias)
        if error or self.ids:  # replies to a ticket are not new requests
            return error
        if self._wjl_mail_is_empty(message_dict):
            _logger.info(
                "After-sales alias: no ticket for the empty or unreadable email %s from %s",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            message_dict[REFUSED_KEY] = "empty"
            return AliasError(
                "wjl_aftersales_empty", self.env._("the message is empty or cannot be read")
            )
        return False

    @api.model
    def _wjl_cut_body(self, msg_dict):
        """Cut a huge body to the company's limit (Settings); the whole original
        is kept as an attachment of the message, hence of the ticket."""
        limit = self.env.company.wjl_aftersales_max_body_chars
        body = msg_dict.get("body") or ""
        if limit <= 0 or len(body) <= limit:
            return
        text = html2plaintext(body)[:limit]
        note = self.env._(
            "The message was longer than %(limit)s characters: it is cut here; the whole "
            "message is attached as %(name)s.",
            limit=limit,
            name=ORIGINAL_NAME,
        )
        msg_dict["body"] = plaintext2html(text) + Markup("<p><i>%s</i></p>") % note
        msg_dict["attachments"] = list(msg_dict.get("attachments") or []) + [
            (ORIGINAL_NAME, body.encode(), {})
        ]

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Open a ticket from an email sent to the after-sales alias (R3.5.1).

        The sender is matched to a customer by email address; a sender who is not
        a customer yet keeps the name and address as contact details. An empty
        email opens nothing; a huge body is cut (see ``_wjl_cut_body``).
        """
        if self._wjl_mail_is_empty(msg_dict):
            raise ValueError(
                "After-sales: no ticket for the empty or unreadable email "
                f"{msg_dict.get('message_id')} from {msg_dict.get('email_from')}"
            )
        self._wjl_cut_body(msg_dict)
        values = dict(custom_values or {})
        name, email = parse_contact_from_email(msg_dict.get("email_from") or "")
        partner = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not partner and email:
            partner = self.env["res.partner"].search(
                [("email_normalized", "=", email_normalize(email))], limit=1
            )
        values.setdefault("channel", "email")
        values.setdefault(
            "title", (msg_dict.get("subject") or "").strip() or self.env._("No Subject")
        )
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("contact_email", email)
        values.setdefault("contact_name", name or email)
        if partner:
            values.setdefault("partner_id", partner.id)
        values["name"] = "/"
        ticket = super().message_new(msg_dict, custom_values=values)
        ticket._wjl_subscribe_customer()
        return ticket

    def message_update(self, msg_dict, update_vals=None):
        """A huge reply is cut as a new email is (R3.5.1)."""
        self._wjl_cut_body(msg_dict)
        return super().message_update(msg_dict, update_vals=update_vals)
