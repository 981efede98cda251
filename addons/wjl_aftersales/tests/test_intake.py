# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Intake through every channel (R3.5.1)."""

from odoo.tests import Form, tagged

from .common import AftersalesCommon

EMAIL = """Return-Path: <{email_from}>
From: {name} <{email_from}>
To: aftersales@wjla-test.example.com
Subject: {subject}
Message-ID: {msg_id}
{extra}Date: Mon, 02 Mar 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@tagged("post_install", "-at_install")
class TestIntake(AftersalesCommon):
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
