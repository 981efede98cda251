# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WjlQualityCommon

BLANKS = ("", "   ", "\t\n ")


@tagged("post_install", "-at_install")
class TestRequiredText(WjlQualityCommon):
    """R3.3.3, R7.2.2: names of gates and criteria and the references of
    inspections and nonconformances are real text, whatever path writes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection = cls.env["wjl.quality.inspection"].create(
            {"gate_id": cls.gate_in.id, "product_id": cls.raw.id, "product_qty": 5}
        )
        cls.nonconformance = cls.env["wjl.quality.nonconformance"].create(
            {"inspection_id": cls.inspection.id, "product_id": cls.raw.id, "product_qty": 1}
        )

    def _assert_blank_refused(self, records, user, create_vals):
        records = records.with_user(user)
        for blank in BLANKS:
            with self.subTest(model=records._name, value=repr(blank)):
                with self.assertRaisesRegex(ValidationError, "cannot be empty or white space"):
                    records.write({"name": blank})
                with self.assertRaisesRegex(ValidationError, "cannot be empty or white space"):
                    records.create(dict(create_vals, name=blank))
        self.assertTrue(all(records.mapped("name")))

    def test_gate_and_criterion_names(self):
        self._assert_blank_refused(self.gate_in, self.manager, {"stage": "incoming"})
        self._assert_blank_refused(
            self.gate_in.criterion_ids[:1], self.manager, {"gate_id": self.gate_in.id}
        )

    def test_inspection_reference(self):
        self._assert_blank_refused(
            self.inspection,
            self.inspector,
            {"gate_id": self.gate_in.id, "product_id": self.raw.id, "product_qty": 1},
        )
        # Without a reference, the sequence gives one.
        self.assertNotEqual(self.inspection.name, "/")

    def test_nonconformance_reference(self):
        self._assert_blank_refused(
            self.nonconformance,
            self.manager,
            {"inspection_id": self.inspection.id, "product_id": self.raw.id, "product_qty": 1},
        )
        with self.assertRaisesRegex(ValidationError, "cannot be empty or white space"):
            self.nonconformance.with_user(self.inspector).write({"name": " "})
