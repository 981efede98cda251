# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Assessment and routing by problem class and product category (R3.5.2, R2.2.5)."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestRouting(AftersalesCommon):
    def test_route_per_class(self):
        """R3.5.2: technical -> Technology (R2.2.5), quality -> QC, usage -> CS."""
        tickets = self.Ticket.create(
            [
                {"title": "T", "problem_class": "technical"},
                {"title": "Q", "problem_class": "quality"},
                {"title": "U", "problem_class": "usage"},
            ]
        )
        self.assertEqual(
            tickets.mapped("department_id"), self.dept_tech | self.dept_quality | self.dept_cs
        )
        self.assertEqual(tickets[0].department_id, self.dept_tech)
        self.assertEqual(tickets[1].department_id, self.dept_quality)
        self.assertEqual(tickets[2].department_id, self.dept_cs)

    def test_assess_through_form(self):
        """R3.5.2: customer service sets class and severity, then assesses."""
        ticket = self.Ticket.with_user(self.cs).create({"title": "Noise"})
        self.assertFalse(ticket.department_id)
        with Form(ticket) as form:
            form.problem_class = "quality"
            form.severity = "critical"
            self.assertEqual(form.department_id, self.dept_quality)
        ticket.action_assess()
        self.assertRecordValues(
            ticket, [{"state": "assessed", "department_id": self.dept_quality.id}]
        )
        self.assertTrue(ticket.date_assessed)

    def test_assess_requires_class_and_route(self):
        ticket = self.Ticket.with_user(self.cs).create({"title": "?"})
        with self.assertRaises(UserError):
            ticket.action_assess()
        ticket.problem_class = "other"  # no shipped route for "other"
        with self.assertRaises(UserError):
            ticket.action_assess()
        ticket.department_id = self.dept_cs  # chosen by hand
        ticket.action_assess()
        self.assertEqual(ticket.state, "assessed")

    def test_route_product_category_override(self):
        """R3.5.2: a route for a product category beats the class-wide route."""
        Category = self.env["product.category"]
        furniture = Category.create({"name": "Furniture"})
        desks = Category.create({"name": "Desks", "parent_id": furniture.id})
        production = self.env.ref("wjl_base.dept_production")
        self.env["wjl.aftersales.route"].create(
            {
                "problem_class": "quality",
                "product_categ_id": furniture.id,
                "department_id": production.id,
            }
        )
        desk = self.env["product.product"].create({"name": "Desk", "categ_id": desks.id})
        other = self.env["product.product"].create({"name": "Lamp"})
        on_desk, on_lamp = self.Ticket.create(
            [
                {"title": "Crack", "problem_class": "quality", "product_id": desk.id},
                {"title": "Flicker", "problem_class": "quality", "product_id": other.id},
            ]
        )
        self.assertEqual(on_desk.department_id, production)
        self.assertEqual(on_lamp.department_id, self.dept_quality)
        # a deeper category wins over its parent
        logistics = self.env.ref("wjl_base.dept_logistics")
        self.env["wjl.aftersales.route"].create(
            {
                "problem_class": "quality",
                "product_categ_id": desks.id,
                "department_id": logistics.id,
            }
        )
        on_desk.product_id = other
        on_desk.product_id = desk
        self.assertEqual(on_desk.department_id, logistics)

    def test_route_unique(self):
        with self.assertRaises(ValidationError):
            self.env["wjl.aftersales.route"].create(
                {
                    "problem_class": "technical",
                    "department_id": self.dept_cs.id,
                    "company_id": False,
                }
            )
