# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Access control (R7.2.2): customer service, departments, managers, portal."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestSecurity(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.t_tech = cls._ticket(title="Tech A", partner_id=cls.contact_a.id)
        cls.t_quality = cls._ticket(
            title="Quality B", problem_class="quality", partner_id=cls.contact_b.id
        )
        cls.t_unrouted = cls._ticket(title="New", problem_class=False, partner_id=False)

    def test_customer_service_sees_all(self):
        Ticket = self.Ticket.with_user(self.cs)
        self.assertEqual(
            Ticket.search([("id", "in", (self.t_tech | self.t_quality | self.t_unrouted).ids)]),
            self.t_tech | self.t_quality | self.t_unrouted,
        )
        ticket = Ticket.create({"title": "Call"})
        ticket.problem_class = "usage"
        ticket.action_assess()

    def test_department_staff_see_their_department(self):
        Ticket = self.Ticket.with_user(self.tech_staff)
        self.assertEqual(
            Ticket.search([]),
            self.t_tech | self.Ticket.search([("department_id", "=", self.dept_tech.id)]),
        )
        self.assertNotIn(self.t_quality, Ticket.search([]))
        with self.assertRaises(AccessError):
            self.t_quality.with_user(self.tech_staff).read(["title"])
        with self.assertRaises(AccessError):
            self.t_unrouted.with_user(self.tech_staff).write({"title": "x"})
        # their own department's ticket can be worked on
        self.t_tech.with_user(self.tech_staff).write({"root_cause": "Cable"})
        # assigned tickets stay visible
        self.t_quality.user_id = self.tech_staff
        self.t_quality.with_user(self.tech_staff).read(["title"])

    def test_department_staff_cannot_create_or_delete(self):
        with self.assertRaises(AccessError):
            self.Ticket.with_user(self.tech_staff).create({"title": "x"})
        with self.assertRaises(AccessError):
            self.t_tech.with_user(self.tech_staff).unlink()

    def test_manager_analysis_own_department(self):
        Report = self.env["wjl.aftersales.report"]
        rows = Report.with_user(self.tech_manager).search([])
        self.assertIn(self.t_tech.id, rows.ids)
        self.assertNotIn(self.t_quality.id, rows.ids)
        self.assertIn(self.t_quality.id, Report.with_user(self.cs).search([]).ids)
        with self.assertRaises(AccessError):
            Report.with_user(self.tech_staff).search([])

    def test_outsider_refused(self):
        with self.assertRaises(AccessError):
            self.t_tech.with_user(self.outsider).read(["title"])
        with self.assertRaises(AccessError):
            self.env["wjl.aftersales.route"].with_user(self.outsider).search([])

    def test_configuration_read_only(self):
        route = self.env.ref("wjl_aftersales.route_technical")
        stage = self.env.ref("wjl_aftersales.stage_new")
        route.with_user(self.cs).read(["department_id"])
        with self.assertRaises(AccessError):
            route.with_user(self.cs).write({"department_id": self.dept_cs.id})
        with self.assertRaises(AccessError):
            stage.with_user(self.tech_manager).write({"name": "X"})
        with self.assertRaises(AccessError):
            self.env["wjl.aftersales.summary.export"].with_user(self.tech_staff).create({})

    def test_portal_isolation(self):
        """Customers only see their commercial partner's tickets."""
        as_a = self.Ticket.with_user(self.portal_a)
        self.assertEqual(as_a.search([]), self.t_tech)
        self.assertEqual(self.Ticket.with_user(self.portal_b).search([]), self.t_quality)
        with self.assertRaises(AccessError):
            self.t_quality.with_user(self.portal_a).read(["title"])
        with self.assertRaises(AccessError):
            self.t_tech.with_user(self.portal_a).write({"title": "changed"})
        with self.assertRaises(AccessError):
            as_a.create({"title": "For B", "partner_id": self.contact_b.id})
        mine = as_a.create({"title": "Mine", "partner_id": self.contact_a.id, "channel": "online"})
        self.assertEqual(mine.commercial_partner_id, self.customer_a)
        with self.assertRaises(AccessError):
            self.env["wjl.aftersales.route"].with_user(self.portal_a).search([])
