# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlFixtures


class AftersalesCommon(WjlFixtures, TransactionCase):
    """Fixtures of the after-sales tests, built without demo data.

    - a UTC working calendar (Mon-Fri 08:00-12:00, 13:00-17:00) on the company
      and fixed hours per severity (critical 4, high 8, medium 16, low 40);
    - three departments to which the shipped routes send the problem classes:
      Technology (head ``tech_manager``, staff ``tech_staff``), Quality (staff
      ``quality_staff``) and Customer Service;
    - customer service ``cs``; a user with no after-sales group ``outsider``;
    - two customer companies, each with a contact who is a portal user.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Ticket = cls.env["wjl.aftersales.ticket"]
        cls.Alert = cls.env["wjl.alert"]
        cls._setup_calendar()
        cls.cs = cls.wjl_user("wjla_cs", "wjl_aftersales.group_aftersales_cs", name="CS Agent")
        cls.tech_staff = cls.wjl_user("wjla_tech", "wjl_aftersales.group_aftersales_user")
        cls.tech_manager = cls.wjl_user("wjla_tech_head", "wjl_aftersales.group_aftersales_manager")
        cls.quality_staff = cls.wjl_user("wjla_quality", "wjl_aftersales.group_aftersales_user")
        cls.outsider = cls.wjl_user("wjla_outsider", "base.group_user")
        cls.dept_tech = cls.wjl_department(
            "After-Sales Test Technology",
            "WJLA-TECH",
            head=cls.tech_manager,
            staff=(cls.tech_staff,),
        )
        cls.dept_quality = cls.wjl_department(
            "After-Sales Test Quality", "WJLA-QC", staff=(cls.quality_staff,)
        )
        cls.dept_cs = cls.wjl_department("After-Sales Test Customer Service", "WJLA-CS")
        cls.emp_tech_manager = cls.dept_tech.manager_id
        for xmlid, department in (
            ("wjl_aftersales.route_technical", cls.dept_tech),
            ("wjl_aftersales.route_quality", cls.dept_quality),
            ("wjl_aftersales.route_usage", cls.dept_cs),
        ):
            cls.env.ref(xmlid).department_id = department
        cls.portal_a = cls.wjl_portal_user(
            "wjla_portal_a",
            company_name="Customer A Ltd",
            lang="en_US",
        )
        cls.portal_b = cls.wjl_portal_user(
            "wjla_portal_b",
            company_name="Customer B Ltd",
            lang="en_US",
        )
        cls.contact_a, cls.contact_b = cls.portal_a.partner_id, cls.portal_b.partner_id
        # new_test_user names the user (hence the partner) after the login and
        # gives it an address of its own: the contacts keep theirs
        cls.contact_a.write({"name": "Alice A", "email": "alice@customer-a.example.com"})
        cls.contact_b.write({"name": "Bob B", "email": "bob@customer-b.example.com"})
        cls.customer_a, cls.customer_b = cls.contact_a.parent_id, cls.contact_b.parent_id
        cls.product = cls.env["product.product"].create({"name": "Lifting Desk", "sale_ok": True})

    @classmethod
    def _setup_calendar(cls):
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
