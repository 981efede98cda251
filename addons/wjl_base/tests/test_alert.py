# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WjlBaseCommon


@tagged("post_install", "-at_install")
class TestAlertApi(WjlBaseCommon):
    """The alert centre API every addon uses (R6.3.2, R2.2.6)."""

    def test_raise_creates_alert_and_activity_for_manager(self):
        alert = self.Alert.raise_alert(
            self.source_1,
            "test_kind",
            level="warning",
            message="<p>Receipt failed</p>",
            department=self.dept_a,
        )
        self.assertRecordValues(
            alert,
            [
                {
                    "kind": "test_kind",
                    "level": "warning",
                    "state": "open",
                    "res_model": "res.partner",
                    "res_id": self.source_1.id,
                    "res_name": "Supplier One",
                    "department_id": self.dept_a.id,
                    "user_ids": self.manager_a.ids,
                    "raise_count": 1,
                    "company_id": self.company.id,
                }
            ],
        )
        self.assertIn("Receipt failed", alert.message)
        activities = self._alert_activities(alert)
        self.assertEqual(activities.user_id, self.manager_a)
        self.assertEqual(
            activities.activity_type_id, self.env.ref("wjl_base.mail_activity_type_alert")
        )

    def test_raise_again_updates_instead_of_duplicating(self):
        first = self.Alert.raise_alert(
            self.source_1, "test_kind", level="warning", message="first", department=self.dept_a
        )
        second = self.Alert.raise_alert(
            self.source_1, "test_kind", level="critical", message="second", department=self.dept_a
        )
        self.assertEqual(first, second)
        self.assertEqual(
            self.Alert.search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", self.source_1.id)]
            ),
            1,
        )
        self.assertRecordValues(first, [{"level": "critical", "raise_count": 2}])
        self.assertIn("second", first.message)
        # Still one activity for the manager, not two.
        self.assertEqual(len(self._alert_activities(first)), 1)
        # The escalation is written in the chatter.
        self.assertTrue(
            any("Escalated" in (m.body or "") for m in first.message_ids),
        )

    def test_other_kind_or_source_gets_its_own_alert(self):
        a1 = self.Alert.raise_alert(self.source_1, "kind_one", department=self.dept_a)
        a2 = self.Alert.raise_alert(self.source_1, "kind_two", department=self.dept_a)
        a3 = self.Alert.raise_alert(self.source_2, "kind_one", department=self.dept_a)
        self.assertEqual(len(a1 | a2 | a3), 3)

    def test_given_users_receive_activities(self):
        alert = self.Alert.raise_alert(
            self.source_1, "test_kind", department=self.dept_a, users=self.staff_a | self.staff_b
        )
        self.assertEqual(alert.user_ids, self.staff_a | self.staff_b)
        self.assertEqual(self._alert_activities(alert).user_id, self.staff_a | self.staff_b)
        # Adding a user on a second raise adds their activity only.
        self.Alert.raise_alert(self.source_1, "test_kind", users=self.staff_a2)
        self.assertEqual(
            self._alert_activities(alert).user_id, self.staff_a | self.staff_b | self.staff_a2
        )

    def test_fallback_user_when_department_has_no_manager(self):
        orphan = self.env["hr.department"].create({"name": "Headless", "wjl_code": "TST-H"})
        alert = self.Alert.raise_alert(self.source_1, "test_kind", department=orphan)
        self.assertEqual(alert.user_ids, self.fallback)
        self.assertEqual(self._alert_activities(alert).user_id, self.fallback)
        # Without any department either.
        alert = self.Alert.raise_alert(self.source_2, "test_kind")
        self.assertEqual(alert.user_ids, self.fallback)

    def test_department_taken_from_source(self):
        """A source with a department_id (or a department itself) routes to it."""
        alert = self.Alert.raise_alert(self.emp_manager_b, "test_kind")
        self.assertEqual(alert.department_id, self.dept_b)
        self.assertEqual(alert.user_ids, self.manager_b)
        alert = self.Alert.raise_alert(self.dept_a, "test_kind")
        self.assertEqual(alert.department_id, self.dept_a)

    def test_resolve_closes_alert_and_activities(self):
        alert = self.Alert.raise_alert(self.source_1, "test_kind", department=self.dept_a)
        resolved = self.Alert.resolve_alert(self.source_1, "test_kind")
        self.assertEqual(resolved, alert)
        self.assertEqual(alert.state, "resolved")
        self.assertTrue(alert.date_resolved)
        self.assertFalse(self._alert_activities(alert))
        # Nothing left to resolve.
        self.assertFalse(self.Alert.resolve_alert(self.source_1, "test_kind"))
        # Raising again after resolution opens a new alert.
        again = self.Alert.raise_alert(self.source_1, "test_kind", department=self.dept_a)
        self.assertNotEqual(again, alert)
        self.assertEqual(again.state, "open")

    def test_resolve_only_matching_kind(self):
        a1 = self.Alert.raise_alert(self.source_1, "kind_one", department=self.dept_a)
        a2 = self.Alert.raise_alert(self.source_1, "kind_two", department=self.dept_a)
        self.Alert.resolve_alert(self.source_1, "kind_one")
        self.assertEqual(a1.state, "resolved")
        self.assertEqual(a2.state, "open")

    def test_batch_of_sources(self):
        sources = self.source_1 | self.source_2 | self.source_3
        alerts = self.Alert.raise_alert(sources, "batch_kind", department=self.dept_a)
        self.assertEqual(len(alerts), 3)
        self.assertEqual(set(alerts.mapped("res_id")), set(sources.ids))
        again = self.Alert.raise_alert(sources, "batch_kind", department=self.dept_a)
        self.assertEqual(again, alerts)

    def test_any_user_can_raise_through_the_api(self):
        """A business rule run by a user without alert rights still raises its alert."""
        alert = self.Alert.with_user(self.outsider).raise_alert(
            self.source_1, "test_kind", department=self.dept_a
        )
        self.assertEqual(alert.sudo().user_ids, self.manager_a)
        resolved = self.Alert.with_user(self.outsider).resolve_alert(self.source_1, "test_kind")
        self.assertEqual(resolved.sudo().state, "resolved")

    def test_unknown_level_refused(self):
        with self.assertRaises(UserError):
            self.Alert.raise_alert(self.source_1, "test_kind", level="panic")

    def test_acknowledge_and_resolve_buttons(self):
        alert = self.Alert.raise_alert(self.source_1, "test_kind", users=self.staff_a)
        alert.with_user(self.staff_a).action_acknowledge()
        self.assertRecordValues(
            alert, [{"state": "acknowledged", "acknowledged_by_id": self.staff_a.id}]
        )
        alert.with_user(self.staff_a).action_resolve()
        self.assertRecordValues(alert, [{"state": "resolved", "resolved_by_id": self.staff_a.id}])
        with self.assertRaises(UserError):
            alert.with_user(self.staff_a).action_resolve()

    def test_staff_cannot_rewrite_an_alert(self):
        alert = self.Alert.raise_alert(self.source_1, "test_kind", users=self.staff_a)
        with self.assertRaises(AccessError):
            alert.with_user(self.staff_a).write({"level": "info"})
        with self.assertRaises(AccessError):
            alert.with_user(self.staff_a).write({"user_ids": [(6, 0, [])]})
        alert.with_user(self.reg_admin).write({"level": "info"})
        self.assertEqual(alert.level, "info")

    def test_open_source(self):
        alert = self.Alert.raise_alert(self.source_1, "test_kind", department=self.dept_a)
        action = alert.action_open_source()
        self.assertEqual((action["res_model"], action["res_id"]), ("res.partner", self.source_1.id))
        self.source_1.unlink()
        with self.assertRaises(UserError):
            alert.action_open_source()
