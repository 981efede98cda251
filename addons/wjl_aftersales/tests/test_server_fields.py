# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fields the server decides and what the portal may give (issue 11 item 4).

R3.5.1: the reference comes from the sequence and is unique; a customer submits
only what the portal form offers. R3.5.4: ratings come from the confirmation
flow only. R7.2.2: no user writes the server's fields through RPC.
"""

from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import AftersalesCommon

PORTAL_FORGED = {
    "name": "SH-FORGED",
    "date_received": "2020-01-01 00:00:00",
    "sla_state": "breached",
    "rating_last_value": 5,
    "confirmation_state": "satisfied",
    "reopen_count": 7,
    "deadline": "2030-01-01 00:00:00",
    "severity": "critical",
    "user_id": 1,
    "department_id": False,
    "stage_id": False,
    "resolution": "<p>Done</p>",
    "company_id": False,
}


@tagged("post_install", "-at_install")
class TestServerFields(AftersalesCommon):
    def _portal_vals(self, **extra):
        vals = {
            "title": "Desk wobbles",
            "description": "<p>Since Monday</p>",
            "channel": "online",
            "partner_id": self.contact_a.id,
            "problem_class": "quality",
            "product_id": self.product.id,
        }
        vals.update(extra)
        return vals

    def test_portal_create_accepts_the_portal_form(self):
        """R3.5.1: what the portal form offers is accepted; the server numbers it."""
        ticket = self.Ticket.with_user(self.portal_a).create(self._portal_vals())
        self.assertRecordValues(
            ticket,
            [
                {
                    "channel": "online",
                    "sla_state": "on_time",
                    "confirmation_state": "none",
                    "rating_last_value": 0,
                    "reopen_count": 0,
                    "department_id": self.dept_quality.id,
                }
            ],
        )
        self.assertTrue(ticket.sudo().name.startswith("SH"))

    def test_portal_create_refuses_every_other_field(self):
        """R3.5.1, R7.2.2: a portal RPC create with any other field is refused."""
        Ticket = self.Ticket.with_user(self.portal_a)
        count = self.Ticket.search_count([])
        for fname, value in PORTAL_FORGED.items():
            with self.subTest(field=fname):
                with self.assertRaises(AccessError) as caught:
                    Ticket.create(self._portal_vals(**{fname: value}))
                label = self.Ticket._fields[fname]._description_string(self.env)
                self.assertIn(label, str(caught.exception))
                self.assertIn("portal", str(caught.exception))
        self.assertEqual(self.Ticket.search_count([]), count)

    def test_portal_create_refuses_context_defaults(self):
        """Defaults in the RPC context count as given values."""
        Ticket = self.Ticket.with_user(self.portal_a).with_context(
            default_rating_last_value=5, default_sla_state="breached"
        )
        with self.assertRaises(AccessError):
            Ticket.create(self._portal_vals())

    def test_portal_create_online_sold_product_only(self):
        """The portal form offers online tickets about sold products only."""
        Ticket = self.Ticket.with_user(self.portal_a)
        with self.assertRaises(AccessError):
            Ticket.create(self._portal_vals(channel="visit"))
        hidden = self.env["product.product"].create({"name": "Internal part", "sale_ok": False})
        with self.assertRaises(AccessError):
            Ticket.create(self._portal_vals(product_id=hidden.id))

    def test_portal_cannot_rate_by_write(self):
        """R3.5.4: ratings come from the confirmation flow only."""
        ticket = self._resolve(self._ticket())
        with self.assertRaises(AccessError):
            ticket.with_user(self.portal_a).write({"rating_last_value": 5})
        self.assertFalse(ticket.rating_last_value)
        # the confirmation flow (portal route, sudo after the access check) rates
        ticket._wjl_customer_confirm(4, "Fine")
        self.assertRecordValues(
            ticket, [{"rating_last_value": 4, "confirmation_state": "satisfied"}]
        )

    def test_internal_create_refuses_reference_and_dates(self):
        """R7.2.2: staff cannot choose the reference or the reception time by RPC."""
        Ticket = self.Ticket.with_user(self.cs)
        other = self._ticket()
        for fname, value in (
            ("name", other.name),
            ("date_received", "2020-01-01 00:00:00"),
            ("sla_state", "breached"),
            ("confirmation_state", "satisfied"),
        ):
            with self.subTest(field=fname):
                with self.assertRaises(AccessError):
                    Ticket.create({"title": "Call", fname: value})
        ticket = Ticket.create({"title": "Call", "name": "/"})
        self.assertNotEqual(ticket.name, "/")

    def test_internal_write_refuses_server_fields(self):
        """R7.2.2: customer service cannot write the fields the server decides."""
        ticket = self._resolve(self._ticket())
        forged = {
            "name": "SH-FORGED",
            "date_received": datetime(2020, 1, 1),
            "sla_state": "on_time",
            "rating_last_value": 5,
            "confirmation_state": "satisfied",
            "reopen_count": 0,
            "deadline": datetime(2030, 1, 1),
            "date_sla_risk": datetime(2030, 1, 1),
            "date_resolved": datetime(2020, 1, 1),
            "date_closed": datetime(2020, 1, 1),
            "date_breached": False,
            "sla_escalated": False,
            "auto_closed": True,
        }
        for fname, value in forged.items():
            with self.subTest(field=fname):
                with self.assertRaises(AccessError) as caught:
                    ticket.with_user(self.cs).write({fname: value})
                self.assertIn("set by the system", str(caught.exception))
        # what staff work on stays writable, and the buttons still set the fields
        ticket.with_user(self.cs).write({"root_cause": "Cable", "severity": "low"})
        ticket.with_user(self.cs).action_reopen()
        self.assertRecordValues(
            ticket,
            [{"state": "in_progress", "reopen_count": 1, "confirmation_state": "not_solved"}],
        )

    def test_form_still_logs_a_call(self):
        """The back-end form does not send the server's fields: creation works."""
        form = Form(self.Ticket.with_user(self.cs))
        form.title = "Caller: desk noise"
        form.partner_id = self.contact_a
        ticket = form.save()
        self.assertTrue(ticket.name.startswith("SH"))
        self.assertTrue(ticket.date_received)

    def test_copy_gets_a_new_reference_and_reception(self):
        ticket = self._ticket(date_received=datetime(2026, 3, 2, 9, 0))
        copy = ticket.with_user(self.cs).copy()
        self.assertNotEqual(copy.name, ticket.name)
        self.assertNotEqual(copy.date_received, ticket.date_received)

    def test_reference_unique(self):
        """R3.5.1: a reference is unique in the database, even from data imports."""
        ticket = self._ticket()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Ticket.create({"title": "Duplicate", "name": ticket.name})

    def test_title_required_text(self):
        """Issue 11 item 9: a ticket's subject and a stage's name are real text."""
        with self.assertRaises(ValidationError):
            self.Ticket.with_user(self.cs).create({"title": "   "})
        ticket = self._ticket()
        with self.assertRaises(ValidationError):
            ticket.with_user(self.cs).write({"title": " \t"})
        with self.assertRaises(ValidationError):
            self.Ticket.with_user(self.portal_a).create(self._portal_vals(title="  "))
        stage = self.env.ref("wjl_aftersales.stage_new")
        with self.assertRaises(ValidationError):
            stage.write({"name": "  "})
