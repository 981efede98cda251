# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Intake through every channel (R3.5.1)."""

import base64
from unittest.mock import patch

from odoo.tests import Form, tagged
from odoo.tools import html2plaintext, mute_logger

from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.wjl_aftersales.models import wjl_aftersales_ticket_mail as ticket_mail

from .common import AftersalesCommon

EMAIL = """Return-Path: <{email_from}>
From: {name} <{email_from}>
To: aftersales@wjla-test.example.com
Subject: {subject}
Message-ID: {msg_id}
{extra}Date: Mon, 02 Mar 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="{charset}"
Content-Transfer-Encoding: {transfer}

{body}
"""


@tagged("post_install", "-at_install")
class TestIntake(AftersalesCommon, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create({"name": "wjla-test.example.com"})
        cls.alias = cls.env.ref("wjl_aftersales.mail_alias_aftersales")
        cls.alias.alias_domain_id = cls.alias_domain

    def _process(self, **kw):
        values = {
            "name": "Alice A",
            "email_from": "alice@customer-a.example.com",
            "subject": "Desk motor broken",
            "msg_id": "<wjla-1@customer-a.example.com>",
            "extra": "",
            "body": "The motor of my desk makes a noise and stops.",
            "charset": "utf-8",
            "transfer": "8bit",
        }
        values.update(kw)
        return self.env["mail.thread"].message_process(False, EMAIL.format(**values))

    def test_phone_quick_create(self):
        """R3.5.1: a phone call is logged with the quick-create form and numbered."""
        form = Form(
            self.Ticket.with_user(self.cs),
            view="wjl_aftersales.wjl_aftersales_ticket_view_form_quick_create",
        )
        form.title = "Caller: desk wobbles"
        form.partner_id = self.contact_a
        ticket = form.save()
        self.assertRecordValues(
            ticket,
            [
                {
                    "channel": "phone",
                    "state": "new",
                    "contact_name": "Alice A",
                    "contact_email": "alice@customer-a.example.com",
                    "sla_state": "on_time",
                }
            ],
        )
        self.assertTrue(ticket.name.startswith("SH"))
        other = self._ticket()
        self.assertNotEqual(ticket.name, other.name)

    def test_phone_caller_not_partner(self):
        """R3.5.1: a caller who is not a customer yet keeps name and phone."""
        ticket = self.Ticket.with_user(self.cs).create(
            {"title": "Spare parts?", "contact_name": "Wang", "contact_phone": "+86 138"}
        )
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.contact_name, "Wang")

    def test_email_gateway_known_customer(self):
        """R3.5.1: an email to the alias opens a ticket, matched by address; replies stay."""
        ticket_id = self._process()
        ticket = self.Ticket.browse(ticket_id)
        self.assertRecordValues(
            ticket,
            [
                {
                    "channel": "email",
                    "partner_id": self.contact_a.id,
                    "commercial_partner_id": self.customer_a.id,
                    "title": "Desk motor broken",
                    "state": "new",
                    "contact_email": "alice@customer-a.example.com",
                }
            ],
        )
        self.assertIn("makes a noise", ticket.description)
        self.assertIn(self.contact_a, ticket.message_partner_ids)
        # the customer's reply lands in the same ticket
        count = self.Ticket.search_count([])
        reply_id = self._process(
            subject="Re: Desk motor broken",
            msg_id="<wjla-2@customer-a.example.com>",
            extra="In-Reply-To: <wjla-1@customer-a.example.com>\n"
            "References: <wjla-1@customer-a.example.com>\n",
            body="It also smells burnt.",
        )
        self.assertEqual(reply_id, ticket.id)
        self.assertEqual(self.Ticket.search_count([]), count)
        self.assertTrue(any("smells burnt" in (m.body or "") for m in ticket.message_ids))

    def test_email_gateway_unknown_sender(self):
        """R3.5.1: an unknown sender keeps name and address as contact details."""
        ticket = self.Ticket.browse(
            self._process(
                name="Zhang San",
                email_from="zhang@unknown.example.com",
                msg_id="<wjla-3@unknown.example.com>",
            )
        )
        self.assertRecordValues(
            ticket,
            [
                {
                    "channel": "email",
                    "partner_id": False,
                    "contact_name": "Zhang San",
                    "contact_email": "zhang@unknown.example.com",
                }
            ],
        )

    # -- robust intake (issue 11 item 10) ---------------------------------

    def _tickets_from(self, email):
        return self.Ticket.search([("contact_email", "=", email)])

    def _bounces_to(self, email):
        return [mail for mail in self._mails if email in (mail["email_to"] or [""])[0]]

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_email_empty_opens_no_ticket(self):
        """R3.5.1: an empty email opens no ticket; the sender gets a bounce."""
        sender = "empty@unknown.example.com"
        with self.mock_mail_gateway(), patch.object(ticket_mail._logger, "info") as log:
            result = self._process(
                email_from=sender, subject="", msg_id="<wjla-empty@x>", body="  \n"
            )
        self.assertFalse(result)
        self.assertFalse(self._tickets_from(sender))
        self.assertIn("empty or unreadable", log.call_args.args[0])
        bounces = self._bounces_to(sender)
        self.assertEqual(len(bounces), 1)
        self.assertIn("empty or could not be read", html2plaintext(bounces[0]["body"]))

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_email_unreadable_opens_no_ticket(self):
        """R3.5.1: a body that cannot be decoded is no request either."""
        sender = "garbled@unknown.example.com"
        garbled = base64.b64encode(b"\xff\xfe\xfd\xfc" * 8).decode()
        with self.mock_mail_gateway():
            self._process(
                email_from=sender,
                msg_id="<wjla-garbled@x>",
                body=garbled,
                extra="",
                transfer="base64",
                charset="utf-8",
            )
        self.assertFalse(self._tickets_from(sender))
        self.assertEqual(len(self._bounces_to(sender)), 1)

    def test_email_oversized_body_is_cut(self):
        """R3.5.1: a huge body is cut to the setting; the whole email is attached."""
        settings = self.env["res.config.settings"].create({})
        settings.wjl_aftersales_max_body_chars = 500
        settings.execute()
        sender = "long@unknown.example.com"
        body = "The desk is broken. " + "x" * 3000 + " THE END"
        ticket = self.Ticket.browse(
            self._process(email_from=sender, msg_id="<wjla-long@x>", body=body)
        )
        self.assertEqual(ticket, self._tickets_from(sender))
        description = html2plaintext(ticket.description)
        self.assertIn("The desk is broken.", description)
        self.assertNotIn("THE END", description)
        self.assertIn("longer than 500 characters", description)
        self.assertLess(len(description), 500 + 200)
        original = self.env["ir.attachment"].search(
            [("res_model", "=", ticket._name), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(original.name, "original-message.html")
        self.assertIn("THE END", base64.b64decode(original.datas).decode())
        # the message in the chatter is cut too and carries the attachment
        message = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertNotIn("THE END", message.body)
        self.assertEqual(message.attachment_ids, original)

    def test_email_normal_body_kept_whole(self):
        """A normal email is not cut and carries no extra attachment."""
        ticket = self.Ticket.browse(self._process(msg_id="<wjla-normal@x>"))
        self.assertIn("makes a noise and stops", ticket.description)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", ticket._name), ("res_id", "=", ticket.id)]
            )
        )
