# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import WjlBaseCommon


@tagged("post_install", "-at_install")
class TestAlertAuditTrail(WjlBaseCommon):
    """R6.3.2, R7.2.2: an alert's state and who acknowledged or resolved it, and when,
    are set by the server in its actions; nobody but the regulation administrator
    writes them directly (issue 11, item 3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alert = cls.Alert.raise_alert(
            cls.source_1, "audit_kind", department=cls.dept_a, users=cls.staff_a
        )

    def _forged_values(self):
        return {
            "state": "resolved",
            "date_acknowledged": "1999-01-01 00:00:00",
            "acknowledged_by_id": self.staff_a2.id,
            "date_resolved": "1999-01-01",
            "resolved_by_id": self.staff_a2.id,
        }

    def test_staff_and_head_cannot_forge_the_trail_over_rpc(self):
        """A staff member and their department head both see the alert; neither may
        write its state or audit fields, one field at a time as an RPC ``write``."""
        for user in (self.staff_a, self.manager_a):
            alert = self.alert.with_user(user)
            alert.read(["state"])  # the user does see the alert
            for fname, value in self._forged_values().items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaisesRegex(AccessError, "Acknowledge, Resolve and Reopen"):
                        alert.write({fname: value})
        self.assertRecordValues(
            self.alert,
            [
                {
                    "state": "open",
                    "date_acknowledged": False,
                    "acknowledged_by_id": False,
                    "date_resolved": False,
                    "resolved_by_id": False,
                }
            ],
        )
        self.assertEqual(len(self._alert_activities(self.alert)), 1)

    def test_refusal_names_the_field(self):
        with self.assertRaisesRegex(AccessError, "Resolved On"):
            self.alert.with_user(self.staff_a).write({"date_resolved": "1999-01-01"})

    def test_regulation_admin_may_correct_the_trail(self):
        self.alert.with_user(self.reg_admin).write(
            {"date_acknowledged": "2026-01-05 09:00:00", "acknowledged_by_id": self.staff_a.id}
        )
        self.assertRecordValues(
            self.alert,
            [
                {
                    "date_acknowledged": datetime(2026, 1, 5, 9, 0),
                    "acknowledged_by_id": self.staff_a.id,
                }
            ],
        )

    def test_form_does_not_let_staff_edit_the_state(self):
        form = Form(self.alert.with_user(self.staff_a))
        with self.assertRaises(AssertionError):
            form.state = "resolved"

    @freeze_time("2026-03-02 08:00:00")
    def test_actions_set_who_and_when_from_the_server(self):
        self.alert.with_user(self.staff_a).action_acknowledge()
        self.assertRecordValues(
            self.alert,
            [
                {
                    "state": "acknowledged",
                    "acknowledged_by_id": self.staff_a.id,
                    "date_acknowledged": datetime(2026, 3, 2, 8, 0),
                }
            ],
        )
        with freeze_time("2026-03-02 09:30:00"):
            self.alert.with_user(self.manager_a).action_resolve()
        self.assertRecordValues(
            self.alert,
            [
                {
                    "state": "resolved",
                    "resolved_by_id": self.manager_a.id,
                    "date_resolved": datetime(2026, 3, 2, 9, 30),
                }
            ],
        )

    def test_resolve_closes_the_activities(self):
        self.assertEqual(self._alert_activities(self.alert).user_id, self.staff_a)
        self.alert.with_user(self.staff_a).action_resolve()
        self.assertFalse(self._alert_activities(self.alert))
        done = self.alert.message_ids.filtered(lambda m: m.mail_activity_type_id)
        alert_type = self.env.ref("wjl_base.mail_activity_type_alert")
        self.assertEqual(done.mail_activity_type_id, alert_type)

    @freeze_time("2026-03-02 03:00:00")
    def test_reopen_gives_the_activities_back(self):
        self.alert.sudo().user_ids |= self.staff_a2
        self.alert.with_user(self.manager_a).action_resolve()
        self.assertFalse(self._alert_activities(self.alert))
        self.alert.with_user(self.manager_a).action_reopen()
        self.assertRecordValues(
            self.alert, [{"state": "open", "date_resolved": False, "resolved_by_id": False}]
        )
        activities = self._alert_activities(self.alert)
        self.assertEqual(activities.user_id, self.staff_a | self.staff_a2)
        # one day to act (the company's setting), from today
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 3, 3)})

    def test_actions_check_the_users_access(self):
        colleague_alert = self.Alert.raise_alert(
            self.source_2, "audit_kind", department=self.dept_a, users=self.staff_a2
        )
        with self.assertRaises(AccessError):
            colleague_alert.with_user(self.staff_a).action_resolve()
        self.assertEqual(colleague_alert.state, "open")
        other_dept = self.Alert.raise_alert(
            self.source_3, "audit_kind", department=self.dept_b, users=self.staff_b
        )
        other_dept.action_resolve()
        with self.assertRaises(AccessError):
            other_dept.with_user(self.manager_a).action_reopen()
        self.assertEqual(other_dept.state, "resolved")

    def test_staff_cannot_reopen(self):
        """The Reopen button is for department heads; RPC obeys the same rule."""
        self.alert.with_user(self.staff_a).action_resolve()
        with self.assertRaises(AccessError):
            self.alert.with_user(self.staff_a).action_reopen()
        self.assertEqual(self.alert.state, "resolved")

    def test_reopen_refused_while_a_newer_alert_is_open(self):
        self.alert.action_resolve()
        newer = self.Alert.raise_alert(self.source_1, "audit_kind", department=self.dept_a)
        self.assertNotEqual(newer, self.alert)
        with self.assertRaisesRegex(UserError, "Supplier One"):
            self.alert.with_user(self.manager_a).action_reopen()


@tagged("post_install", "-at_install")
class TestAlertMessagesInChinese(WjlBaseCommon):
    """Issue 11, item 12: what the alert centre writes reads in Chinese in zh_CN (R6.3.2)."""

    def test_escalation_note_uses_translated_levels(self):
        Alert = self._zh_cn(self.Alert)
        alert = Alert.raise_alert(self.source_1, "esc_kind", level="info", department=self.dept_a)
        Alert.raise_alert(self.source_1, "esc_kind", level="critical", department=self.dept_a)
        notes = alert.message_ids.mapped("body")
        self.assertTrue(any("预警等级由提示升级为严重。" in note for note in notes), notes)

    def test_refusal_names_fields_in_chinese(self):
        alert = self.Alert.raise_alert(self.source_1, "i18n_kind", users=self.staff_a)
        alert = self._zh_cn(alert.with_user(self.staff_a))
        with self.assertRaises(AccessError) as refusal:
            alert.write({"level": "info"})
        self.assertIn("等级", str(refusal.exception))
        self.assertNotIn("level", str(refusal.exception))
        with self.assertRaises(AccessError) as refusal:
            alert.write({"date_resolved": "1999-01-01"})
        self.assertIn("解除", str(refusal.exception))
        self.assertNotIn("date_resolved", str(refusal.exception))
