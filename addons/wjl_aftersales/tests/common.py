# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class AftersalesCommon(TransactionCase):
    """Fixtures of the after-sales tests, built without demo data.

    - a UTC working calendar (Mon-Fri 08:00-12:00, 13:00-17:00) on the company
      and fixed hours per severity (critical 4, high 8, medium 16, low 40);
    - customer service ``cs``; Technology staff ``tech_staff`` and head
      ``tech_manager``; Quality staff ``quality_staff``; a user with no
      after-sales group ``outsider``;
    - two customer companies, each with a contact and a portal user.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Ticket = cls.env["wjl.aftersales.ticket"]
        cls.Alert = cls.env["wjl.alert"]
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "After-sales test calendar (UTC)",
                "tz": "UTC",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for start, stop, period in ((8, 12, "morning"), (13, 17, "afternoon"))
                ],
            }
        )
        cls.company.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "wjl_aftersales_hours_critical": 4,
                "wjl_aftersales_hours_high": 8,
                "wjl_aftersales_hours_medium": 16,
                "wjl_aftersales_hours_low": 40,
                "wjl_aftersales_escalation_hours": 2,
                "wjl_aftersales_autoclose_days": 7,
            }
        )
        cls.dept_tech = cls.env.ref("wjl_base.dept_technology")
        cls.dept_quality = cls.env.ref("wjl_base.dept_quality")
        cls.dept_cs = cls.env.ref("wjl_base.dept_customer_service")

        cls.cs = new_test_user(
            cls.env, "wjla_cs", groups="wjl_aftersales.group_aftersales_cs", name="CS Agent"
        )
        cls.tech_staff = new_test_user(
            cls.env, "wjla_tech", groups="wjl_aftersales.group_aftersales_user"
        )
        cls.tech_manager = new_test_user(
            cls.env, "wjla_tech_head", groups="wjl_aftersales.group_aftersales_manager"
        )
        cls.quality_staff = new_test_user(
            cls.env, "wjla_quality", groups="wjl_aftersales.group_aftersales_user"
        )
        cls.outsider = new_test_user(cls.env, "wjla_outsider", groups="base.group_user")
        Employee = cls.env["hr.employee"]
        cls.emp_tech_manager = Employee.create(
            {"name": "Tech Head", "user_id": cls.tech_manager.id, "department_id": cls.dept_tech.id}
        )
        Employee.create(
            [
                {
                    "name": "Tech Staff",
                    "user_id": cls.tech_staff.id,
                    "department_id": cls.dept_tech.id,
                },
                {
                    "name": "Quality Staff",
                    "user_id": cls.quality_staff.id,
                    "department_id": cls.dept_quality.id,
                },
            ]
        )
        cls.dept_tech.manager_id = cls.emp_tech_manager

        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "Customer A Ltd", "is_company": True, "email": "info@customer-a.example.com"}
        )
        cls.contact_a = Partner.create(
            {
                "name": "Alice A",
                "parent_id": cls.customer_a.id,
                "email": "alice@customer-a.example.com",
                "lang": "en_US",
            }
        )
        cls.customer_b = Partner.create(
            {"name": "Customer B Ltd", "is_company": True, "email": "info@customer-b.example.com"}
        )
        cls.contact_b = Partner.create(
            {"name": "Bob B", "parent_id": cls.customer_b.id, "email": "bob@customer-b.example.com"}
        )
        cls.portal_a = new_test_user(
            cls.env,
            "wjla_portal_a",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
            name="Alice A",
            email=cls.contact_a.email,
            lang="en_US",
        )
        cls.portal_b = new_test_user(
            cls.env,
            "wjla_portal_b",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
            name="Bob B",
            email=cls.contact_b.email,
            lang="en_US",
        )
        cls.product = cls.env["product.product"].create({"name": "Lifting Desk", "sale_ok": True})

    @classmethod
    def _ticket(cls, **vals):
        values = {
            "title": "Desk does not lift",
            "partner_id": cls.contact_a.id,
            "channel": "phone",
            "problem_class": "technical",
            "severity": "high",
        }
        values.update(vals)
        return cls.Ticket.create(values)

    def _resolve(self, ticket, text="<p>Replaced the motor.</p>"):
        if ticket.state == "new":
            ticket.action_assess()
        ticket.resolution = text
        ticket.action_resolve()
        return ticket
