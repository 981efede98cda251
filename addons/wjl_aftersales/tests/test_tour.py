# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Browser tour: customer service assesses and routes a ticket (R3.5.2)."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_assess_tour(self):
        cs = new_test_user(
            self.env,
            "wjla_tour_cs",
            groups="wjl_aftersales.group_aftersales_cs",
            lang="en_US",
        )
        ticket = self.env["wjl.aftersales.ticket"].create(
            {"title": "Tour: desk motor", "channel": "phone"}
        )
        self.start_tour(
            f"/odoo/action-wjl_aftersales.wjl_aftersales_ticket_action/{ticket.id}",
            "wjl_aftersales_assess_tour",
            login=cs.login,
        )
        self.assertRecordValues(
            ticket,
            [
                {
                    "state": "assessed",
                    "problem_class": "technical",
                    "severity": "high",
                    "department_id": self.env.ref("wjl_base.dept_technology").id,
                }
            ],
        )
        self.assertEqual(ticket.create_uid, self.env.user)
