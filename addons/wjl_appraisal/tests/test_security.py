# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged

from .common import WjlAppraisalCommon


class SelfReviewCommon(WjlAppraisalCommon):
    """A generated cycle whose appraisals are in self-review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        cls.apr_a = cls.cycle.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_staff_a)
        cls.apr_a2 = cls.cycle.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_staff_a2)
        cls.apr_b = cls.cycle.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_staff_b)
        cls.cycle.appraisal_ids.action_self_review()


@tagged("post_install", "-at_install")
class TestSecurity(SelfReviewCommon):
    """Access control (R7.2.2): employees their own appraisal and only their
    self-assessment in self-review; appraisers their department's; HR all."""

    def _visible(self, user):
        return self.env["wjl.appraisal"].with_user(user).search([("cycle_id", "=", self.cycle.id)])

    def test_who_sees_what(self):
        self.assertEqual(self._visible(self.staff_a), self.apr_a)
        manager_a_sees = self._visible(self.manager_a)
        self.assertEqual(manager_a_sees.department_id, self.dept_a)
        self.assertEqual(len(manager_a_sees), 3)
        self.assertEqual(len(self._visible(self.hr_officer)), 5)
        self.assertEqual(
            self.env["wjl.appraisal.line"]
            .with_user(self.staff_a)
            .search([("appraisal_id.cycle_id", "=", self.cycle.id)]),
            self.apr_a.line_ids,
        )

    def test_colleague_and_other_department_refused(self):
        for user, appraisal in (
            (self.staff_a, self.apr_a2),  # a colleague of the same department
            (self.staff_a, self.apr_b),  # another department
            (self.manager_a, self.apr_b),  # another department's head
        ):
            with self.subTest(user=user.login, appraisal=appraisal.display_name):
                with self.assertRaises(AccessError):
                    appraisal.with_user(user).read(["score"])
                with self.assertRaises(AccessError):
                    appraisal.line_ids.with_user(user).read(["score"])
                with self.assertRaises(AccessError):
                    appraisal.with_user(user).write({"self_comment": "x"})
                with self.assertRaises(AccessError):
                    Form(appraisal.with_user(user))

    def test_employee_writes_only_self_assessment_in_self_review(self):
        line = self.apr_a.line_ids[0].with_user(self.staff_a)
        line.self_assessment = "All tasks delivered"
        self.apr_a.with_user(self.staff_a).self_comment = "Good quarter"
        with self.assertRaises(AccessError):
            line.score = 100
        with self.assertRaises(AccessError):
            self.apr_a.with_user(self.staff_a).bonus_base = 10000
        with self.assertRaises(AccessError):
            self.apr_a.with_user(self.staff_a).appraiser_id = self.staff_a
        with self.assertRaises(AccessError):
            self.env["wjl.appraisal.line"].with_user(self.staff_a).create(
                {"appraisal_id": self.apr_a.id, "name": "Extra", "weight": 1}
            )
        self.apr_a.with_user(self.staff_a).action_submit_self()
        with self.assertRaises(AccessError):
            line.self_assessment = "changed after submitting"

    def test_appraiser_scores_only_in_manager_review(self):
        line = self.apr_a.line_ids[0].with_user(self.manager_a)
        with self.assertRaises(AccessError):
            line.score = 80  # still in self-review
        self.apr_a.with_user(self.staff_a).action_submit_self()
        line.write({"score": 80, "manager_comment": "On target"})
        self.assertEqual(line.score, 80)
        with self.assertRaises(AccessError):
            line.self_assessment = "written for the employee"
        with self.assertRaises(AccessError):
            self.apr_a.with_user(self.manager_a).bonus_base = 5000

    def test_refusal_in_chinese_names_state_and_fields(self):
        """R7.2.2: a zh_CN employee who may not change a field reads the refusal in
        Chinese: the state and the fields by their translated labels, no English
        selection label ("Self-Review") nor technical field name (bonus_base)."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"]._load_module_terms(["wjl_appraisal"], ["zh_CN"])
        self.staff_a.lang = "zh_CN"
        appraisal = self.apr_a.with_user(self.staff_a).with_context(lang="zh_CN")
        with self.assertRaises(AccessError) as refusal:
            appraisal.write({"bonus_base": 10000})
        message = str(refusal.exception)
        self.assertIn("员工自评", message)
        self.assertIn("奖金基数", message)
        for english in ("Self-Review", "bonus_base", "Bonus Base"):
            self.assertNotIn(english, message)
        with self.assertRaises(AccessError) as refusal:
            appraisal.line_ids[0].write({"score": 100})
        message = str(refusal.exception)
        self.assertIn("员工自评", message)
        self.assertIn("得分", message)
        self.assertNotIn("Self-Review", message)
        self.assertNotIn("score", message)

    def test_hr_edits_all_but_done(self):
        self.apr_b.with_user(self.hr_officer).write({"bonus_base": 1500, "hr_comment": "ok"})
        self.assertEqual(self.apr_b.bonus_base, 1500)

    def test_configuration_models_refused(self):
        for user in (self.staff_a, self.manager_a):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["wjl.appraisal.template"].with_user(user).create(
                        {"name": "Mine", "line_ids": [Command.create({"name": "X", "weight": 100})]}
                    )
                with self.assertRaises(AccessError):
                    self.env["wjl.appraisal.quota"].with_user(user).create(
                        {"grade": "excellent", "max_percent": 99}
                    )
                with self.assertRaises(AccessError):
                    self.cycle.with_user(user).write({"name": "Renamed"})
                with self.assertRaises(AccessError):
                    self.env["wjl.appraisal"].with_user(user).create(
                        {"cycle_id": self.cycle.id, "employee_id": self.emp_manager_a.id}
                    )
        with self.assertRaises(AccessError):
            self.env["wjl.appraisal.quota"].with_user(self.staff_a).search([])

    def test_improvement_plan_access(self):
        plan = (
            self.env["wjl.appraisal.improvement"]
            .with_user(self.manager_b)
            .create({"appraisal_id": self.apr_b.id, "cause_analysis": "<p>x</p>"})
        )
        self.assertEqual(plan.with_user(self.staff_b).read(["decision"])[0]["decision"], "none")
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_b).write({"decision": "coaching"})
        with self.assertRaises(AccessError):
            plan.with_user(self.manager_a).read(["decision"])
        with self.assertRaises(AccessError):
            plan.with_user(self.staff_a).read(["decision"])
        with self.assertRaises(AccessError):
            self.env["wjl.appraisal.improvement"].with_user(self.manager_a).create(
                {"appraisal_id": self.apr_b.id}
            )

    def test_form_as_employee(self):
        """In the UI the employee fills the self-assessment; scores are read-only."""
        with Form(self.apr_a.with_user(self.staff_a)) as form:
            form.self_comment = "Delivered everything"
            with form.line_ids.edit(0) as line:
                line.self_assessment = "Done on time"
                with self.assertRaises(AssertionError):
                    line.score = 100
            with self.assertRaises(AssertionError):
                form.bonus_base = 99999
        self.assertEqual(self.apr_a.line_ids[0].self_assessment, "Done on time")

    def test_form_as_appraiser(self):
        self.apr_a.with_user(self.staff_a).action_submit_self()
        with Form(self.apr_a.with_user(self.manager_a)) as form:
            for index, score in enumerate((90, 80, 70)):
                with form.line_ids.edit(index) as line:
                    line.score = score
                    with self.assertRaises(AssertionError):
                        line.self_assessment = "not mine"
        self.assertAlmostEqual(self.apr_a.score, 50 * 0.9 + 30 * 0.8 + 20 * 0.7)


@tagged("post_install", "-at_install")
class TestSecurityRpc(HttpCase, SelfReviewCommon):
    """The same refusals through the JSON-RPC route of the web client."""

    def _call_kw(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_rpc_refusals(self):
        self.authenticate("wjlp_staff_a", "wjlp_staff_a")
        own = self._call_kw("wjl.appraisal", "read", [self.apr_a.ids, ["score"]])
        self.assertNotIn("error", own)
        other = self._call_kw("wjl.appraisal", "read", [self.apr_b.ids, ["score"]])
        self.assertEqual(other["error"]["data"]["name"], "odoo.exceptions.AccessError")
        score = self._call_kw(
            "wjl.appraisal.line", "write", [self.apr_a.line_ids[:1].ids, {"score": 100}]
        )
        self.assertEqual(score["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertEqual(self.apr_a.line_ids[0].score, 0)
        self.authenticate("wjlp_manager_a", "wjlp_manager_a")
        other = self._call_kw(
            "wjl.appraisal", "web_read", [self.apr_b.ids], {"specification": {"score": {}}}
        )
        self.assertEqual(other["error"]["data"]["name"], "odoo.exceptions.AccessError")


@tagged("post_install", "-at_install")
class TestFieldGuard(SelfReviewCommon):
    """The declarations of the field guard of wjl_base (R7.2.2): the states are
    set by the buttons, done appraisals are locked, plans stay with appraisals
    their author may write."""

    def test_state_only_through_the_buttons(self):
        for user in (self.staff_a, self.manager_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.apr_a.with_user(user).write({"state": "done"})
        self.apr_a.with_user(self.staff_a).action_submit_self()
        self.assertEqual(self.apr_a.state, "manager_review")

    def test_done_locks_the_appraisal_and_its_indicators(self):
        self.apr_b.with_user(self.hr_officer).action_submit_self()
        self._score(self.apr_b, 90, 90)
        self.apr_b.with_user(self.hr_officer).action_submit_manager()
        self.apr_b.with_user(self.hr_officer).action_done()
        for record, vals in (
            (self.apr_b, {"bonus_base": 1}),
            (self.apr_b.line_ids[0], {"score": 1}),
        ):
            with self.subTest(model=record._name), self.assertRaisesRegex(UserError, "is done"):
                record.with_user(self.hr_officer).write(vals)

    def _plan_of_b(self):
        Plan = self.env["wjl.appraisal.improvement"].with_user(self.manager_b)
        return Plan.create({"appraisal_id": self.apr_b.id})

    def test_plan_state_through_the_buttons(self):
        plan = self._plan_of_b()
        with self.assertRaises(AccessError):
            plan.write({"state": "closed"})
        with self.assertRaises(AccessError):
            self.env["wjl.appraisal.improvement"].with_user(self.manager_b).create(
                {"appraisal_id": self.apr_b.id, "state": "closed"}
            )
        plan.action_close()
        self.assertEqual(plan.state, "closed")
        plan.action_reopen()
        self.assertEqual(plan.state, "open")

    def test_plan_stays_with_an_appraisal_of_its_author(self):
        """An appraiser cannot move a plan to another department's appraisal."""
        plan = self._plan_of_b()
        with self.assertRaises(AccessError):
            plan.write({"appraisal_id": self.apr_a.id})
        self.assertEqual(plan.appraisal_id, self.apr_b)
