# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestIndicatorAccess(WjlRiskCommon):
    """R7.2.2: a computed indicator measures only what its owner may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Indicator = cls.env["wjl.risk.indicator"]
        cls.env["ir.config_parameter"].set_param(
            "wjl_risk.kri_models", "wjl.*,hr.employee,res.partner"
        )
        # may read employees (system access right) but not their HR-only fields
        cls.system_admin = cls.wjl_user(
            "risk_test_system_admin", "wjl_risk.group_risk_admin,base.group_system"
        )
        cls.hr_admin = cls.wjl_user(
            "risk_test_hr_admin", "wjl_risk.group_risk_admin,hr.group_hr_user"
        )
        cls.employee = cls.env["hr.employee"].create(
            {"name": "KRIA confidential employee", "children": 3}
        )
        cls._create_risk(
            "KRIA other department risk", department=cls.other_department, owner=cls.other_manager
        )

    def _computed(self, model, owner=None, **vals):
        """A computed indicator configured by the risk administrator."""
        return (
            self.Indicator.with_user(self.admin)
            .create(
                {
                    "name": "KRIA indicator",
                    "risk_id": self.risk.id,
                    "source": "computed",
                    "model_id": self.env["ir.model"]._get_id(model),
                    "threshold_warning": 100,
                    "threshold_critical": 1000,
                    "owner_user_id": (owner or self.admin).id,
                    **vals,
                }
            )
            .with_env(self.env)
        )

    def _field(self, model, name):
        return self.env["ir.model.fields"]._get(model, name)

    def _evaluate(self, indicator, user=None):
        indicator.with_user(user or self.admin).with_context(lang="en_US").action_evaluate()
        return indicator

    def _assert_error(self, indicator, *words):
        self.assertRecordValues(indicator, [{"status": "error", "value": 0.0}])
        self.assertRecordValues(indicator.value_ids, [{"status": "error", "value": 0.0}])
        for word in words:
            self.assertIn(word, indicator.error_message)

    def _confidential_target(self):
        """The attack of the issue: the bonus of one employee's appraisals.

        ``wjl_appraisal`` is not a dependency of ``wjl_risk``; when it is not
        installed the same attack aims at a confidential figure of the employee
        record itself. Either way the owner, a risk administrator without HR or
        appraisal rights, may not read the employees the domain selects.

        :return: (model, measured field, domain)
        """
        if "wjl.appraisal" in self.env:
            return "wjl.appraisal", "bonus_amount", f"[('employee_id', '=', {self.employee.id})]"
        return "hr.employee", "children", f"[('id', '=', {self.employee.id})]"

    def test_confidential_figure_of_one_employee_is_not_measured(self):
        """A risk administrator without appraisal rights gets an error, no value."""
        model, field, domain = self._confidential_target()
        indicator = self._computed(
            model, measure="sum", measure_field_id=self._field(model, field).id, domain=domain
        )
        self._evaluate(indicator)
        self._assert_error(indicator, "Employee", self.admin.name, "access right")

    def test_technical_models_refused_whatever_the_setting(self):
        """The secret of the database cannot be read one character at a time."""
        self.env["ir.config_parameter"].set_param(
            "wjl_risk.kri_models", "wjl.*,ir.config_parameter,res.users,mail.message"
        )
        for model in ("ir.config_parameter", "res.users", "mail.message", "res.groups"):
            with self.subTest(model=model), self.assertRaises(ValidationError) as refusal:
                self._computed(
                    model,
                    domain="[('key', '=', 'database.secret'), ('value', '=like', '4%')]"
                    if model == "ir.config_parameter"
                    else "[]",
                )
            self.assertIn(model, str(refusal.exception))
        # an indicator forged in the database before this check is refused too
        indicator = self._computed("wjl.risk")
        self.env.cr.execute(
            "UPDATE wjl_risk_indicator SET model_id = %s, domain = %s WHERE id = %s",
            [
                self.env["ir.model"]._get_id("ir.config_parameter"),
                "[('key', '=', 'database.secret'), ('value', '=like', '%')]",
                indicator.id,
            ],
        )
        indicator.invalidate_recordset()
        self._evaluate(indicator)
        self._assert_error(indicator, "ir.config_parameter")

    def test_allow_list_setting(self):
        """Only the business models listed in Settings may be measured."""
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.wjl_risk_kri_models, "wjl.*,hr.employee,res.partner")
        settings.wjl_risk_kri_models = "res.partner"
        settings.execute()
        with self.assertRaises(ValidationError) as refusal:
            self._computed("wjl.risk")
        self.assertIn("Settings", str(refusal.exception))
        partners = self._computed("res.partner", domain="[('id', '=', 0)]")
        self._evaluate(partners)
        self.assertEqual(partners.status, "ok")

    def test_record_rules_of_the_owner_apply_in_the_cron(self):
        """The cron (run as the system) measures with each owner's record rules."""
        domain = "[('name', 'like', 'KRIA')]"
        for_admin = self._computed("wjl.risk", domain=domain)
        for_manager = self._computed("wjl.risk", owner=self.manager, domain=domain)
        for_staff_hr = self._computed("hr.employee", owner=self.staff)
        later = fields.Datetime.now() + timedelta(days=1)
        mine = for_admin | for_manager | for_staff_hr
        self.Indicator.search([("id", "not in", mine.ids)]).write({"next_evaluation_date": later})
        self.Indicator.with_context(lang="en_US")._cron_evaluate_due()
        self.assertRecordValues(
            mine,
            [
                {"status": "ok", "value": 1.0},  # the risk administrator sees both
                {"status": "ok", "value": 0.0},  # the head does not see the other one
                {"status": "error", "value": 0.0},  # staff may not read employees
            ],
        )
        self.assertIn("Employee", for_staff_hr.error_message)

    def test_owner_must_be_a_real_user_of_the_company(self):
        with self.assertRaises(ValidationError):
            self._computed("wjl.risk", owner=self.env.ref("base.user_root"))
        indicator = self._computed("wjl.risk")
        other_company = self.env["res.company"].create({"name": "KRIA other company"})
        self.admin.write({"company_ids": [(4, other_company.id)], "company_id": other_company.id})
        self.admin.write({"company_ids": [(3, self.company.id)]})
        self._evaluate(indicator, user=self.system_admin)
        self._assert_error(indicator, self.company.name)
        self.admin.active = False
        self._evaluate(indicator, user=self.system_admin)
        self.assertIn("active internal user", indicator.error_message)

    def test_owner_changed_by_risk_admins_only(self):
        """The owner defaults to the creator; only risk administrators change it."""
        self.assertEqual(self._computed("wjl.risk", owner=self.admin).owner_user_id, self.admin)
        manual = self.Indicator.with_user(self.manager).create(
            {"name": "KRIA manual", "risk_id": self.risk.id}
        )
        self.assertEqual(manual.owner_user_id, self.manager)
        with self.assertRaises(AccessError):
            manual.with_user(self.manager).write({"owner_user_id": self.admin.id})
        with self.assertRaises(AccessError):
            self.Indicator.with_user(self.manager).create(
                {"name": "KRIA manual", "risk_id": self.risk.id, "owner_user_id": self.admin.id}
            )
        manual.with_user(self.admin).write({"owner_user_id": self.staff.id})
        self.assertEqual(manual.owner_user_id, self.staff)

    def test_fields_restricted_by_groups_are_refused(self):
        """Measured, date and domain fields must be readable by the owner."""
        children = self._field("hr.employee", "children")
        cases = {
            "measured": {"measure": "sum", "measure_field_id": children.id},
            "domain": {"domain": "[('children', '>', 0)]"},
            "date": {
                "date_field_id": self._field("hr.employee", "birthday").id,
                "date_filter": "before_today",
            },
            "path": {"domain": "[('parent_id.children', '>', 0)]"},
        }
        for case, vals in cases.items():
            with self.subTest(case=case):
                indicator = self._computed("hr.employee", owner=self.system_admin, **vals)
                self._evaluate(indicator)
                self._assert_error(indicator, "restricted to some groups")
        # an HR officer may read them
        allowed = self._computed(
            "hr.employee",
            owner=self.hr_admin,
            measure="sum",
            measure_field_id=children.id,
            domain=f"[('id', '=', {self.employee.id})]",
        )
        self._evaluate(allowed)
        self.assertRecordValues(allowed, [{"status": "ok", "value": 3.0}])
