# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests.common import TransactionCase, new_test_user


class WjlRiskCommon(TransactionCase):
    """Two departments with their own head and staff, and a risk administrator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "wjl_risk_level_low_max": 4,
                "wjl_risk_level_medium_max": 9,
                "wjl_risk_level_high_max": 16,
                "wjl_risk_review_days_low": 180,
                "wjl_risk_review_days_medium": 90,
                "wjl_risk_review_days_high": 30,
                "wjl_risk_review_days_critical": 7,
            }
        )
        cls.admin = new_test_user(cls.env, "risk_test_admin", groups="wjl_risk.group_risk_admin")
        cls.manager = new_test_user(
            cls.env, "risk_test_manager", groups="wjl_risk.group_risk_manager"
        )
        cls.staff = new_test_user(cls.env, "risk_test_staff", groups="wjl_risk.group_risk_user")
        cls.other_manager = new_test_user(
            cls.env, "risk_test_other_manager", groups="wjl_risk.group_risk_manager"
        )
        cls.other_staff = new_test_user(
            cls.env, "risk_test_other_staff", groups="wjl_risk.group_risk_user"
        )
        Department = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]
        cls.department = Department.create({"name": "Risk Test Department"})
        cls.other_department = Department.create({"name": "Risk Test Other Department"})
        for user, department, is_manager in (
            (cls.manager, cls.department, True),
            (cls.staff, cls.department, False),
            (cls.other_manager, cls.other_department, True),
            (cls.other_staff, cls.other_department, False),
        ):
            employee = Employee.create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
            if is_manager:
                department.manager_id = employee
        cls.cat_operational = cls.env.ref("wjl_risk.risk_category_operational")
        cls.cat_financial = cls.env.ref("wjl_risk.risk_category_financial")
        cls.Risk = cls.env["wjl.risk"]
        cls.risk = cls._create_risk("Risk test supplier failure", 3, 3)
        cls.other_risk = cls._create_risk(
            "Risk test other department risk",
            2,
            2,
            department=cls.other_department,
            owner=cls.other_manager,
        )

    @classmethod
    def _create_risk(cls, name, likelihood=0, impact=0, department=None, owner=None, **vals):
        return cls.env["wjl.risk"].create(
            {
                "name": name,
                "category_id": cls.cat_operational.id,
                "department_id": (department or cls.department).id,
                "owner_id": (owner or cls.manager).id,
                "likelihood": likelihood,
                "impact": impact,
                **vals,
            }
        )
