# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.wjl_base.tests.common import WjlFixtures

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestRiskSecurity(WjlRiskCommon):
    """R7.2.2: access control of the risk register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.indicator = cls.env["wjl.risk.indicator"].create(
            {
                "name": "Security manual KRI",
                "risk_id": cls.risk.id,
                "threshold_warning": 5,
                "threshold_critical": 10,
                "value": 1,
            }
        )
        cls.other_indicator = cls.env["wjl.risk.indicator"].create(
            {
                "name": "Security other KRI",
                "risk_id": cls.other_risk.id,
                "threshold_warning": 5,
                "threshold_critical": 10,
                "value": 1,
            }
        )
        cls.computed = cls.env["wjl.risk.indicator"].create(
            {
                "name": "Security computed KRI",
                "risk_id": cls.risk.id,
                "source": "computed",
                "model_id": cls.env["ir.model"]._get_id("wjl.risk"),
                "domain": "[]",
                "threshold_warning": 1000,
                "threshold_critical": 2000,
                "owner_user_id": cls.admin.id,
            }
        )
        cls.computed.action_evaluate()
        cls.measure = cls.env["wjl.risk.measure"].create(
            {"risk_id": cls.risk.id, "name": "Security measure", "responsible_id": cls.staff.id}
        )

    def test_staff_reads_own_department_only(self):
        risk = self.risk.with_user(self.staff)
        self.assertEqual(risk.name, "Risk test supplier failure")
        self.assertTrue(risk.assessment_ids.score)
        self.assertTrue(self.computed.with_user(self.staff).value)
        self.assertTrue(self.computed.with_user(self.staff).value_ids)
        with self.assertRaises(AccessError):
            self.other_risk.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            self.other_indicator.with_user(self.staff).read(["value"])
        with self.assertRaises(AccessError):
            self.other_indicator.value_ids.with_user(self.staff).read(["value"])
        with self.assertRaises(AccessError):
            self.other_risk.assessment_ids.with_user(self.staff).read(["score"])
        visible = self.env["wjl.risk"].with_user(self.staff).search([("name", "like", "Risk test")])
        self.assertIn(self.risk, visible)
        self.assertNotIn(self.other_risk, visible)

    def test_staff_proposes_but_does_not_assess(self):
        Risk = self.env["wjl.risk"].with_user(self.staff)
        proposal = Risk.create(
            {
                "name": "Staff proposal",
                "category_id": self.cat_financial.id,
                "department_id": self.department.id,
            }
        )
        self.assertEqual(proposal.state, "identified")
        proposal.causes = "Seen at the warehouse"
        with self.assertRaises(AccessError):
            proposal.write({"likelihood": 3, "impact": 3})
        with self.assertRaises(AccessError):
            proposal.action_close()
        with self.assertRaises(AccessError):
            Risk.create(
                {
                    "name": "Staff proposal elsewhere",
                    "category_id": self.cat_financial.id,
                    "department_id": self.other_department.id,
                }
            )
        with self.assertRaises(AccessError):
            self.risk.with_user(self.staff).write({"name": "Renamed by staff"})
        with self.assertRaises(AccessError):
            proposal.unlink()

    def test_staff_measures(self):
        """Staff read measures; the responsible updates theirs; nobody else."""
        self.measure.with_user(self.staff).action_start()
        self.assertEqual(self.measure.state, "in_progress")
        with self.assertRaises(AccessError):
            self.env["wjl.risk.measure"].with_user(self.staff).create(
                {"risk_id": self.risk.id, "name": "Staff measure"}
            )
        with self.assertRaises(AccessError):
            self.measure.with_user(self.other_staff).read(["name"])

    def test_manager_edits_own_department(self):
        risk = self.risk.with_user(self.manager)
        risk.write({"name": "Renamed by manager", "strategy": "reduce"})
        risk._wjl_record_assessment(2, 3, notes="manager")
        self.assertEqual(risk.score, 6)
        with self.assertRaises(AccessError):
            self.other_risk.with_user(self.manager).write({"name": "Not mine"})
        with self.assertRaises(AccessError):
            self.risk.with_user(self.manager).unlink()
        # manual indicators of their department
        self.indicator.with_user(self.manager).value = 6
        self.assertEqual(self.indicator.status, "warning")
        with self.assertRaises(AccessError):
            self.other_indicator.with_user(self.manager).write({"value": 6})
        # assessment history is written by the system only
        with self.assertRaises(AccessError):
            self.risk.assessment_ids[:1].with_user(self.manager).write({"score": 1})

    def test_only_risk_admins_configure_computed_indicators(self):
        Indicator = self.env["wjl.risk.indicator"].with_user(self.manager)
        vals = {
            "name": "Manager computed",
            "risk_id": self.risk.id,
            "source": "computed",
            "model_id": self.env["ir.model"]._get_id("res.partner"),
            "domain": "[]",
        }
        with self.assertRaises(AccessError):
            Indicator.create(vals)
        with self.assertRaises(AccessError):
            self.computed.with_user(self.manager).write({"domain": "[('id', '>', 0)]"})
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.manager).write({"source": "computed"})
        with self.assertRaises(AccessError):
            self.computed.with_user(self.manager).unlink()
        # the manager may still ask for an evaluation of their indicators
        self.computed.with_user(self.manager).action_evaluate()
        with self.assertRaises(AccessError):
            self.computed.with_user(self.staff).action_evaluate()
        admin_indicator = Indicator.with_user(self.admin).create(vals)
        admin_indicator.write({"domain": "[('id', '>', 0)]"})
        self.assertEqual(admin_indicator.source, "computed")

    def test_review_round_rights(self):
        review = self.env["wjl.risk.review"].create(
            {
                "name": "Security round",
                "date_deadline": "2099-01-01",
                "department_ids": [(6, 0, (self.department | self.other_department).ids)],
            }
        )
        review.action_start()
        line = review.line_ids.filtered(lambda line: line.department_id == self.department)
        with self.assertRaises(AccessError):
            line.with_user(self.other_manager).action_mark_done()
        with self.assertRaises(AccessError):
            line.with_user(self.staff).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["wjl.risk.review"].with_user(self.manager).create(
                {
                    "name": "Manager round",
                    "date_deadline": "2099-01-01",
                    "department_ids": [(6, 0, self.department.ids)],
                }
            )
        line.with_user(self.manager).action_mark_done()
        self.assertEqual(line.state, "done")

    def test_categories_and_monitoring_report(self):
        with self.assertRaises(AccessError):
            self.cat_financial.with_user(self.manager).write({"name": "Money"})
        with self.assertRaises(AccessError):
            self.env["wjl.risk.monitoring.report"].with_user(self.staff).search([])
        self.env["wjl.risk.monitoring.report"].with_user(self.manager).search([])


@tagged("post_install", "-at_install")
class TestRiskSecurityRpc(WjlFixtures, HttpCase):
    """The same rules hold over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.wjl_user(
            "risk_rpc_manager", "wjl_risk.group_risk_manager", password="risk_rpc_manager"
        )
        cls.staff = cls.wjl_user(
            "risk_rpc_staff", "wjl_risk.group_risk_user", password="risk_rpc_staff"
        )
        cls.department = cls.wjl_department(
            "Risk RPC Department", head=cls.manager, staff=(cls.staff,)
        )
        cls.other_department = cls.wjl_department("Risk RPC Other")
        category = cls.env.ref("wjl_risk.risk_category_legal")
        cls.risk = cls.env["wjl.risk"].create(
            {"name": "RPC risk", "category_id": category.id, "department_id": cls.department.id}
        )
        cls.other_risk = cls.env["wjl.risk"].create(
            {
                "name": "RPC other risk",
                "category_id": category.id,
                "department_id": cls.other_department.id,
            }
        )

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_rpc_refusals(self):
        self.authenticate("risk_rpc_staff", "risk_rpc_staff")
        self.assertEqual(
            self._call("wjl.risk", "read", [[self.risk.id], ["name"]])[0]["name"], "RPC risk"
        )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("wjl.risk", "read", [[self.other_risk.id], ["name"]])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("wjl.risk", "write", [[self.risk.id], {"likelihood": 5, "impact": 5}])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("wjl.risk.indicator", "create", [{"name": "x", "risk_id": self.risk.id}])

        self.authenticate("risk_rpc_manager", "risk_rpc_manager")
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call(
                "wjl.risk.indicator",
                "create",
                [
                    {
                        "name": "RPC computed",
                        "risk_id": self.risk.id,
                        "source": "computed",
                        "model_id": self.env["ir.model"]._get_id("res.users"),
                        "domain": "[]",
                    }
                ],
            )
        indicator_id = self._call(
            "wjl.risk.indicator",
            "create",
            [
                {
                    "name": "RPC manual",
                    "risk_id": self.risk.id,
                    "threshold_warning": 1,
                    "threshold_critical": 2,
                }
            ],
        )
        self.assertTrue(indicator_id)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call("wjl.risk", "write", [[self.other_risk.id], {"name": "hacked"}])
