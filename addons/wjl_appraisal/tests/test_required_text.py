# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WjlAppraisalCommon

BLANKS = ("", "   ", "\t\n ")


@tagged("post_install", "-at_install")
class TestRequiredText(WjlAppraisalCommon):
    """R4.3.1, R4.3.4, R7.2.2: names of templates, indicators, cycles, improvement
    plans and their items are real text, whatever path writes them (RPC included)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        cls.appraisal = cls.cycle.appraisal_ids[:1]
        cls.plan = cls.env["wjl.appraisal.improvement"].create(
            {
                "appraisal_id": cls.appraisal.id,
                "item_ids": [
                    Command.create(
                        {
                            "name": "Weekly coaching",
                            "owner_id": cls.emp_manager_a.id,
                            "deadline": "2026-06-30",
                        }
                    )
                ],
            }
        )

    def _assert_blank_refused(self, records, create_vals, fname="name"):
        """Writing and creating ``fname`` blank is refused for an HR officer."""
        records = records.with_user(self.hr_officer)
        for blank in BLANKS:
            with self.subTest(model=records._name, value=repr(blank)):
                with self.assertRaisesRegex(ValidationError, "cannot be empty or white space"):
                    records.write({fname: blank})
                with self.assertRaisesRegex(ValidationError, "cannot be empty or white space"):
                    records.create(dict(create_vals, **{fname: blank}))
        self.assertTrue(all(records.mapped(fname)))

    def test_template_and_indicator_names(self):
        self._assert_blank_refused(
            self.template_b,
            {"line_ids": [Command.create({"name": "All", "weight": 100})]},
        )
        self._assert_blank_refused(
            self.template_a_senior.line_ids,
            {"template_id": self.template_a_senior.id, "weight": 100},
        )

    def test_cycle_name(self):
        self._assert_blank_refused(
            self.cycle,
            {"period": "quarterly", "date_start": "2026-04-01", "date_end": "2026-06-30"},
        )

    def test_appraisal_indicator_name(self):
        self._assert_blank_refused(
            self.appraisal.line_ids[:1], {"appraisal_id": self.appraisal.id, "weight": 1}
        )

    def test_improvement_plan_and_item(self):
        self._assert_blank_refused(self.plan, {"appraisal_id": self.appraisal.id})
        self._assert_blank_refused(
            self.plan.item_ids,
            {
                "improvement_id": self.plan.id,
                "owner_id": self.emp_manager_a.id,
                "deadline": "2026-06-30",
            },
        )
        # The reference still comes from the sequence when none is given.
        self.assertNotEqual(self.plan.name, "/")
