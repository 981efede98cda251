# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestTemplate(WjlAppraisalCommon):
    """Indicator templates (R4.3.1): weights add up to 100."""

    def test_weights_must_sum_to_100_on_create(self):
        with self.assertRaisesRegex(ValidationError, "add up to 90"):
            self.env["wjl.appraisal.template"].create(
                {
                    "name": "Bad",
                    "line_ids": [
                        Command.create({"name": "One", "weight": 50}),
                        Command.create({"name": "Two", "weight": 40}),
                    ],
                }
            )
        with self.assertRaises(ValidationError):
            self.env["wjl.appraisal.template"].create({"name": "Empty"})

    def test_weights_checked_on_edit_and_total(self):
        self.assertEqual(self.template_b.total_weight, 100)
        output, safety = self.template_b.line_ids
        # Moving weight between two indicators in one save is fine.
        self.template_b.write(
            {
                "line_ids": [
                    Command.update(output.id, {"weight": 70}),
                    Command.update(safety.id, {"weight": 30}),
                ]
            }
        )
        self.assertEqual(output.weight, 70)
        with self.assertRaises(ValidationError):
            self.template_b.write({"line_ids": [Command.update(output.id, {"weight": 80})]})
        with self.assertRaises(ValidationError):
            self.template_b.write({"line_ids": [Command.delete(safety.id)]})

    def test_weight_bounds(self):
        with self.assertRaises(ValidationError):
            self.env["wjl.appraisal.template"].create(
                {
                    "name": "Negative",
                    "line_ids": [
                        Command.create({"name": "One", "weight": 110}),
                        Command.create({"name": "Two", "weight": -10}),
                    ],
                }
            )

    def test_form_template(self):
        """An HR officer builds a template in the form."""
        form = Form(self.env["wjl.appraisal.template"].with_user(self.hr_officer))
        form.name = "Form template"
        form.department_id = self.dept_b
        for name, weight in (("Speed", 70), ("Care", 30)):
            with form.line_ids.new() as line:
                line.name = name
                line.weight = weight
        self.assertEqual(form.total_weight, 100)
        template = form.save()
        self.assertEqual(len(template.line_ids), 2)

    def test_matching_most_specific_first(self):
        Template = self.env["wjl.appraisal.template"]
        index = Template._wjl_template_index(self.company)
        self.assertEqual(
            Template._wjl_match(index, self.dept_a, self.job_senior), self.template_a_senior
        )
        self.assertEqual(Template._wjl_match(index, self.dept_b, self.job_senior), self.template_b)
        self.assertEqual(
            Template._wjl_match(index, self.dept_a, self.env["hr.job"]), self.template_general
        )
