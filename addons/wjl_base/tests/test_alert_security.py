# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import WjlBaseCommon


@tagged("post_install", "-at_install")
class TestAlertSecurity(WjlBaseCommon):
    """Who sees which alert (R7.2.2): staff theirs, heads their department's, admins all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Alert = cls.env["wjl.alert"]
        cls.alert_staff_a = Alert.raise_alert(
            cls.source_1, "sec_kind", department=cls.dept_a, users=cls.staff_a
        )
        cls.alert_staff_a2 = Alert.raise_alert(
            cls.source_2, "sec_kind", department=cls.dept_a, users=cls.staff_a2
        )
        cls.alert_dept_b = Alert.raise_alert(
            cls.source_3, "sec_kind", department=cls.dept_b, users=cls.staff_b
        )
        cls.all_alerts = cls.alert_staff_a | cls.alert_staff_a2 | cls.alert_dept_b

    def _visible(self, user):
        return self.env["wjl.alert"].with_user(user).search([("id", "in", self.all_alerts.ids)])

    def test_staff_sees_only_own_alerts(self):
        self.assertEqual(self._visible(self.staff_a), self.alert_staff_a)
        self.alert_staff_a.with_user(self.staff_a).read(["name", "level"])

    def test_staff_reads_the_form_fields(self):
        """What the alert form shows is readable by the staff it is assigned to."""
        alert = self.alert_staff_a.with_user(self.staff_a)
        values = alert.read(["res_model_name", "res_name", "department_id", "user_ids"])[0]
        self.assertEqual(values["res_model_name"], self.env["ir.model"]._get("res.partner").name)

    def test_staff_refused_colleague_alert(self):
        with self.assertRaises(AccessError):
            self.alert_staff_a2.with_user(self.staff_a).read(["name"])
        with self.assertRaises(AccessError):
            self.alert_staff_a2.with_user(self.staff_a).action_acknowledge()

    def test_manager_sees_department_alerts(self):
        self.assertEqual(self._visible(self.manager_a), self.alert_staff_a | self.alert_staff_a2)

    def test_manager_refused_other_department(self):
        with self.assertRaises(AccessError):
            self.alert_dept_b.with_user(self.manager_a).read(["name"])

    def test_admin_sees_all(self):
        self.assertEqual(self._visible(self.reg_admin), self.all_alerts)

    def test_user_without_role_refused(self):
        with self.assertRaises(AccessError):
            self.env["wjl.alert"].with_user(self.outsider).search([])

    def test_only_admin_creates_or_deletes_by_hand(self):
        vals = {
            "name": "Manual",
            "kind": "manual",
            "res_model": "res.partner",
            "res_id": self.source_1.id,
        }
        with self.assertRaises(AccessError):
            self.env["wjl.alert"].with_user(self.manager_a).create(vals)
        with self.assertRaises(AccessError):
            self.alert_staff_a.with_user(self.staff_a).unlink()
        manual = self.env["wjl.alert"].with_user(self.reg_admin).create(vals)
        manual.unlink()

    def test_duties_readable_but_not_writable_by_staff(self):
        duty = self.env.ref("wjl_base.dept_quality").wjl_duty_ids[:1]
        duty.with_user(self.staff_a).read(["name"])
        with self.assertRaises(AccessError):
            duty.with_user(self.staff_a).write({"name": "Changed"})

    def test_settings_company_fallback(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.wjl_alert_fallback_user_id, self.fallback)
        settings.wjl_alert_fallback_user_id = self.manager_b
        settings.execute()
        self.assertEqual(self.company.wjl_alert_fallback_user_id, self.manager_b)
