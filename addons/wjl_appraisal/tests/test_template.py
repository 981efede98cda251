# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager

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


@tagged("post_install", "-at_install")
class TestTemplateLineTotals(WjlAppraisalCommon):
    """R4.3.1: the weights of a template add up to 100 whatever path writes its
    indicators: one indicator written, deleted or added by RPC is refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Line = cls.env["wjl.appraisal.template.line"].with_user(cls.hr_officer)
        cls.output, cls.safety = cls.template_b.line_ids

    @contextmanager
    def _assert_total_refused(self, total):
        with self.assertRaises(ValidationError) as refusal:
            yield
        self.assertRegex(
            str(refusal.exception),
            rf"^The indicator weights of template Line B add up to {total}(\.0+)?; they "
            r"must add up to 100\.$",
        )

    def test_write_one_indicator_refused(self):
        with self._assert_total_refused(41):
            self.output.with_user(self.hr_officer).write({"weight": 1})
        self.assertEqual(self.output.weight, 60)
        # A context value sent by RPC does not switch the check off.
        rpc_context = {"wjl_appraisal_weight_check_queue": {"template_ids": []}}
        with self._assert_total_refused(41):
            self.output.with_user(self.hr_officer).with_context(**rpc_context).write({"weight": 1})
        with self._assert_total_refused(41):
            self.template_b.with_user(self.hr_officer).with_context(**rpc_context).write(
                {"line_ids": [Command.update(self.output.id, {"weight": 1})]}
            )

    def test_unlink_one_indicator_refused(self):
        with self._assert_total_refused(60):
            self.safety.with_user(self.hr_officer).unlink()
        self.assertTrue(self.safety.exists())

    def test_create_extra_indicator_refused(self):
        with self._assert_total_refused(110):
            self.Line.create({"template_id": self.template_b.id, "name": "Extra", "weight": 10})
        self.assertEqual(len(self.template_b.line_ids), 2)

    def test_move_indicator_to_other_template_refused(self):
        """Moving an indicator changes two totals; the template it leaves is
        checked too, even when the one it joins is rebalanced in the same save."""
        senior = self.template_a_senior.with_user(self.hr_officer)
        with self._assert_total_refused(60):
            senior.write(
                {
                    "line_ids": [
                        Command.link(self.safety.id),
                        Command.update(senior.line_ids.id, {"weight": 60}),
                    ]
                }
            )
        self.assertEqual(self.safety.template_id, self.template_b)

    def test_refusal_translated(self):
        """The refusal speaks the user's language (zh_CN)."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"]._load_module_terms(["wjl_appraisal"], ["zh_CN"])
        self.hr_officer.lang = "zh_CN"
        output, safety = (self.template_b.line_ids.with_user(self.hr_officer)).with_context(
            lang=self.hr_officer.lang
        )
        for name, call in (
            ("write", lambda: output.write({"weight": 1})),
            ("unlink", lambda: safety.unlink()),
            (
                "create",
                lambda: output.create(
                    {"template_id": self.template_b.id, "name": "Extra", "weight": 10}
                ),
            ),
        ):
            with self.subTest(path=name):
                with self.assertRaises(ValidationError) as refusal:
                    call()
                self.assertRegex(
                    str(refusal.exception),
                    r"^模板 Line B 的考核指标权重合计为 [\d.]+；合计必须为 100。$",
                )

    def test_valid_moves_still_accepted(self):
        """Adding an indicator and rebalancing in one template save is one check."""
        self.template_b.with_user(self.hr_officer).write(
            {
                "line_ids": [
                    Command.update(self.output.id, {"weight": 50}),
                    Command.update(self.safety.id, {"weight": 30}),
                    Command.create({"name": "Tidiness", "weight": 20}),
                ]
            }
        )
        self.assertEqual(self.template_b.total_weight, 100)
        self.template_b.with_user(self.hr_officer).write(
            {
                "line_ids": [
                    Command.delete(self.safety.id),
                    Command.update(self.output.id, {"weight": 80}),
                ]
            }
        )
        self.assertEqual(self.template_b.line_ids.mapped("weight"), [80, 20])

    def test_form_edit_of_several_indicators_saves(self):
        """An HR officer rebalances the weights in the form: the intermediate totals
        (70 + 40, then 70 + 30 - 30 ...) are not refused, the saved one is checked."""
        form = Form(self.template_b.with_user(self.hr_officer))
        with form.line_ids.edit(0) as line:
            line.weight = 70
        with form.line_ids.edit(1) as line:
            line.weight = 20
        with form.line_ids.new() as line:
            line.name = "Tidiness"
            line.weight = 10
        template = form.save()
        self.assertEqual(template.line_ids.mapped("weight"), [70, 20, 10])
        form = Form(template)
        form.line_ids.remove(2)
        with form.line_ids.edit(1) as line:
            line.weight = 30
        form.save()
        self.assertEqual(template.line_ids.mapped("weight"), [70, 30])
        form = Form(template)
        with form.line_ids.edit(0) as line:
            line.weight = 10
        with self.assertRaises(ValidationError):
            form.save()

    def test_check_not_deferred_after_template_save(self):
        """A template created or saved by a user hands back records on which a later
        indicator write is checked again."""
        template = (
            self.env["wjl.appraisal.template"]
            .with_user(self.hr_officer)
            .create({"name": "Solo", "line_ids": [Command.create({"name": "All", "weight": 100})]})
        )
        with self.assertRaises(ValidationError):
            template.line_ids.write({"weight": 50})
