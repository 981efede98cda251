# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAlertCentreTour(HttpCase):
    """A department head opens the alert centre and acknowledges an alert (R6.3.2)."""

    def test_manager_opens_alert_centre(self):
        manager = new_test_user(self.env, "wjl_tour_manager", groups="wjl_base.group_wjl_manager")
        department = self.env["hr.department"].create({"name": "Tour Line", "wjl_code": "TOUR"})
        employee = self.env["hr.employee"].create(
            {"name": "Tour Head", "user_id": manager.id, "department_id": department.id}
        )
        department.manager_id = employee
        source = self.env["res.partner"].create({"name": "Conveyor belt supplier"})
        alert = self.env["wjl.alert"].raise_alert(
            source, "tour_kind", level="critical", message="Belt worn", department=department
        )
        self.start_tour("/odoo", "wjl_base_alert_centre_tour", login="wjl_tour_manager")
        self.assertEqual(alert.state, "acknowledged")
        self.assertEqual(alert.acknowledged_by_id, manager)
