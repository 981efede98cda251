# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestDepartmentRules(WjlRiskCommon):
    """R6.1.1, R7.2.2: staff and heads create and edit only inside their departments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proposal = (
            cls.env["wjl.risk"]
            .with_user(cls.staff)
            .create(
                {
                    "name": "Rules staff proposal",
                    "category_id": cls.cat_financial.id,
                    "department_id": cls.department.id,
                }
            )
            .with_env(cls.env)
        )
        cls.measure = cls.env["wjl.risk.measure"].create(
            {"risk_id": cls.risk.id, "name": "Rules measure", "responsible_id": cls.staff.id}
        )
        cls.indicator = cls.env["wjl.risk.indicator"].create(
            {"name": "Rules manual KRI", "risk_id": cls.risk.id}
        )

    def test_staff_cannot_move_a_proposal_to_another_department(self):
        """The attack of the issue: department and owner of another department."""
        with self.assertRaises(AccessError) as refusal:
            self.proposal.with_user(self.staff).write(
                {"department_id": self.other_department.id, "owner_id": self.other_manager.id}
            )
        self.assertIn("own departments", str(refusal.exception))
        self.assertEqual(self.proposal.department_id, self.department)
        with self.assertRaises(AccessError):
            self.proposal.with_user(self.staff).write({"department_id": self.other_department.id})
        with self.assertRaises(AccessError) as refusal:
            self.proposal.with_user(self.staff).write({"owner_id": self.other_manager.id})
        self.assertIn("must work in its department", str(refusal.exception))
        # inside the department the proposal stays editable
        self.proposal.with_user(self.staff).write({"owner_id": self.manager.id, "causes": "x"})
        self.assertEqual(self.proposal.owner_id, self.manager)

    def test_head_cannot_move_a_risk_to_another_department(self):
        with self.assertRaises(AccessError):
            self.risk.with_user(self.manager).write({"department_id": self.other_department.id})
        with self.assertRaises(AccessError):
            self.env["wjl.risk"].with_user(self.manager).create(
                {
                    "name": "Rules head risk elsewhere",
                    "category_id": self.cat_financial.id,
                    "department_id": self.other_department.id,
                }
            )
        self.assertEqual(self.risk.department_id, self.department)

    def test_reference_and_identifier_are_set_by_the_system(self):
        """Staff choose neither the reference nor who identified the risk."""
        Risk = self.env["wjl.risk"].with_user(self.staff)
        vals = {
            "name": "Rules forged proposal",
            "category_id": self.cat_financial.id,
            "department_id": self.department.id,
        }
        forged = Risk.create(dict(vals, code=self.risk.code))
        self.assertNotEqual(forged.code, self.risk.code)
        self.assertEqual(forged.identified_by_id, self.staff)
        with self.assertRaises(AccessError):
            Risk.create(dict(vals, identified_by_id=self.other_staff.id))
        for field, value in (
            ("code", "RSK/FORGED"),
            ("identified_by_id", self.other_staff.id),
            ("last_assessment_date", "1999-01-01"),
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                forged.write({field: value})

    def test_risk_reference_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.proposal.write({"code": self.risk.code})
                self.env.flush_all()
        other_company = self.env["res.company"].create({"name": "Rules other company"})
        elsewhere = self._create_risk("Rules elsewhere", company_id=other_company.id)
        elsewhere.code = self.risk.code  # another company may use the same reference
        self.env.flush_all()

    def test_measures_stay_in_their_department(self):
        """The responsible updates their measure; heads move it within their departments."""
        self.measure.with_user(self.staff).action_start()
        self.assertEqual(self.measure.state, "in_progress")
        self.measure.with_user(self.staff).write({"check_note": "Half of the stock is there"})
        with self.assertRaises(AccessError):
            self.measure.with_user(self.staff).write({"risk_id": self.other_risk.id})
        with self.assertRaises(AccessError):
            self.measure.with_user(self.staff).write({"responsible_id": self.other_staff.id})
        with self.assertRaises(AccessError):
            self.measure.with_user(self.manager).write({"risk_id": self.other_risk.id})
        with self.assertRaises(AccessError):
            self.env["wjl.risk.measure"].with_user(self.manager).create(
                {"risk_id": self.other_risk.id, "name": "Rules measure elsewhere"}
            )
        self.measure.with_user(self.manager).write({"risk_id": self.proposal.id})
        self.assertEqual(self.measure.risk_id, self.proposal)

    def test_states_and_results_change_through_actions_only(self):
        """States and evaluation results are not written directly (R7.2.2)."""
        with self.assertRaises(AccessError):
            self.risk.with_user(self.manager).write({"state": "closed"})
        with self.assertRaises(AccessError):
            self.measure.with_user(self.staff).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.manager).write({"status": "ok"})
        with self.assertRaises(AccessError):
            self.env["wjl.risk.indicator"].with_user(self.manager).create(
                {"name": "Rules forged KRI", "risk_id": self.risk.id, "status": "ok"}
            )
        with self.assertRaises(AccessError):
            self.env["wjl.risk.measure"].with_user(self.manager).create(
                {"risk_id": self.risk.id, "name": "Rules forged measure", "state": "done"}
            )
        with self.assertRaises(AccessError):
            self.risk.with_user(self.staff).action_close()
        with self.assertRaises(AccessError):
            self.other_risk.with_user(self.manager).action_close()
        self.risk.with_user(self.manager).action_close()
        self.assertRecordValues(self.risk, [{"state": "closed", "write_uid": self.manager.id}])
        self.risk.with_user(self.manager).action_reopen()
        self.assertEqual(self.risk.state, "assessed")
        self.measure.with_user(self.staff).action_done()
        self.assertEqual(self.measure.state, "done")

    def test_administrators_correct_system_fields_but_not_states(self):
        """Risk administrators correct what the system set; states still move through
        the buttons, for them too (R6.1.3, R7.2.2, field guard of wjl_base)."""
        risk = self.risk.with_user(self.admin)
        risk.write({"code": "RSK/CORRECTED", "identified_by_id": self.staff.id})
        self.assertRecordValues(
            self.risk, [{"code": "RSK/CORRECTED", "identified_by_id": self.staff.id}]
        )
        with self.assertRaises(AccessError) as refusal:
            risk.write({"state": "closed"})
        self.assertIn("change only through its buttons", str(refusal.exception))
        with self.assertRaises(AccessError):
            self.env["wjl.risk"].with_user(self.admin).create(
                {
                    "name": "Rules forged closed risk",
                    "category_id": self.cat_financial.id,
                    "department_id": self.department.id,
                    "state": "closed",
                }
            )
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.admin).write({"status": "critical"})
        risk.action_close()
        self.assertEqual(self.risk.state, "closed")

    def test_refusals_name_the_rule(self):
        """The messages users know: who assesses, what the system sets, measures."""
        with self.assertRaises(AccessError) as refusal:
            self.proposal.with_user(self.staff).write({"likelihood": 2, "impact": 2})
        self.assertIn("Only department heads and risk administrators", str(refusal.exception))
        with self.assertRaises(AccessError) as refusal:
            self.proposal.with_user(self.staff).write({"code": "RSK/X"})
        self.assertIn("set by the system (Reference)", str(refusal.exception))
        with self.assertRaises(AccessError) as refusal:
            self.proposal.with_user(self.staff).action_assess()
        self.assertIn("Only department heads", str(refusal.exception))
        with self.assertRaises(AccessError) as refusal:
            self.measure.with_user(self.staff).write({"responsible_id": self.manager.id})
        self.assertIn("update the progress of your measure", str(refusal.exception))
        with self.assertRaises(AccessError) as refusal:
            self.indicator.with_user(self.manager).write({"risk_id": self.other_risk.id})
        self.assertIn("own departments", str(refusal.exception))

    def test_indicators_stay_in_their_department(self):
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.manager).write({"risk_id": self.other_risk.id})
        with self.assertRaises(AccessError):
            self.env["wjl.risk.indicator"].with_user(self.manager).create(
                {"name": "Rules KRI elsewhere", "risk_id": self.other_risk.id}
            )
        self.assertEqual(self.indicator.risk_id, self.risk)

    def test_round_parts_completed_through_the_action_only(self):
        review = self.env["wjl.risk.review"].create(
            {
                "name": "Rules round",
                "date_deadline": "2099-01-01",
                "department_ids": [(6, 0, self.department.ids)],
            }
        )
        review.action_start()
        with self.assertRaises(AccessError):
            review.line_ids.with_user(self.manager).write({"state": "done"})
        with self.assertRaises(AccessError):
            review.line_ids.with_user(self.manager).write(
                {"department_id": self.other_department.id}
            )
        review.line_ids.with_user(self.manager).action_mark_done()
        self.assertRecordValues(review.line_ids, [{"state": "done", "done_by_id": self.manager.id}])

    def test_names_are_real_text(self):
        """Names and titles reject empty or white-space-only values (RPC included)."""
        cases = [
            (self.proposal, self.staff),
            (self.risk, self.manager),
            (self.measure, self.manager),
            (self.indicator, self.manager),
            (self.cat_financial, self.admin),
        ]
        for record, user in cases:
            for value in ("", "   ", "\n\t"):
                with self.subTest(model=record._name, value=value):
                    with self.assertRaises(ValidationError):
                        record.with_user(user).write({"name": value})
        review = self.env["wjl.risk.review"].with_user(self.admin)
        with self.assertRaises(ValidationError):
            review.create(
                {
                    "name": "  ",
                    "date_deadline": "2099-01-01",
                    "department_ids": [(6, 0, self.department.ids)],
                }
            )
        with self.assertRaises(ValidationError):
            self.env["wjl.risk"].with_user(self.staff).create(
                {
                    "name": " ",
                    "category_id": self.cat_financial.id,
                    "department_id": self.department.id,
                }
            )

    def test_refusals_in_chinese_name_fields_in_chinese(self):
        """Messages shown in zh_CN carry no English field names (R7.2.2)."""
        proposal = self.proposal.with_user(self.staff).with_context(lang="zh_CN")
        with self.assertRaises(AccessError) as refusal:
            proposal.write({"likelihood": 3, "impact": 3})
        message = str(refusal.exception)
        self.assertIn("可能性", message)
        for english in ("likelihood", "impact", "Likelihood", "Impact"):
            self.assertNotIn(english, message)
        with self.assertRaises(AccessError) as refusal:
            proposal.write({"department_id": self.other_department.id})
        self.assertIn("您只能创建和编辑本部门的", str(refusal.exception))
