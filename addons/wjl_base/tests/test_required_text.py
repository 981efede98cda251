# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WjlBaseCommon

BLANKS = ("", "   ", "\n\t ", False)


@tagged("post_install", "-at_install")
class TestRequiredText(WjlBaseCommon):
    """Issue 11, item 9: ``wjl.required.text.mixin`` refuses names that are empty or
    white space only, on create and write, from any caller (R7.2.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Duty = cls.env["wjl.department.duty"]
        cls.duty = cls.Duty.create({"department_id": cls.dept_a.id, "name": "Line checks"})

    def test_duty_create_refuses_blank_names(self):
        for value in BLANKS:
            with self.subTest(value=value):
                with self.assertRaisesRegex(ValidationError, "Duty of Department Duty"):
                    self.Duty.create({"department_id": self.dept_a.id, "name": value})

    def test_duty_write_refuses_blank_names(self):
        for value in BLANKS:
            with self.subTest(value=value):
                with self.assertRaisesRegex(ValidationError, "Duty"):
                    self.duty.write({"name": value})
        self.assertEqual(self.duty.name, "Line checks")

    def test_batch_create_refuses_one_blank_name(self):
        with self.assertRaises(ValidationError):
            self.Duty.create(
                [
                    {"department_id": self.dept_a.id, "name": "Fine"},
                    {"department_id": self.dept_a.id, "name": " "},
                ]
            )

    def test_translated_values_are_checked_in_every_language(self):
        with self.assertRaises(ValidationError):
            self.duty.write({"name": {"en_US": "Line checks", "zh_CN": "  "}})
        with self.assertRaises(ValidationError):
            self.Duty.create({"department_id": self.dept_a.id, "name": {"en_US": ""}})

    def test_real_text_and_other_fields_pass(self):
        duty = self.Duty.create({"department_id": self.dept_a.id, "name": "  Safety walk "})
        self.assertTrue(duty.name.strip())
        duty.write({"sequence": 5, "description": ""})
        self.assertEqual(duty.sequence, 5)

    def test_alert_subject_must_be_real_text(self):
        alert = self.Alert.raise_alert(self.source_1, "text_kind", department=self.dept_a)
        with self.assertRaisesRegex(ValidationError, "Subject of Alert"):
            alert.with_user(self.reg_admin).write({"name": "   "})
        with self.assertRaises(ValidationError):
            self.Alert.with_user(self.reg_admin).create(
                {"name": "", "kind": "manual", "res_model": "res.partner", "res_id": 1}
            )

    def test_message_names_the_field_in_chinese(self):
        with self.assertRaises(ValidationError) as refusal:
            self._zh_cn(self.duty).write({"name": " "})
        message = str(refusal.exception)
        self.assertIn("职责", message)
        self.assertIn("部门职责", message)
        self.assertNotIn("Duty", message)
