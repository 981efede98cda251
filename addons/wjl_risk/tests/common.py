# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlFixtures


class WjlRiskCommon(WjlFixtures, TransactionCase):
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
        cls.admin = cls.wjl_user("risk_test_admin", "wjl_risk.group_risk_admin")
        cls.manager = cls.wjl_user("risk_test_manager", "wjl_risk.group_risk_manager")
        cls.staff = cls.wjl_user("risk_test_staff", "wjl_risk.group_risk_user")
        cls.other_manager = cls.wjl_user("risk_test_other_manager", "wjl_risk.group_risk_manager")
        cls.other_staff = cls.wjl_user("risk_test_other_staff", "wjl_risk.group_risk_user")
        cls.department = cls.wjl_department(
            "Risk Test Department", head=cls.manager, staff=(cls.staff,)
        )
        cls.other_department = cls.wjl_department(
            "Risk Test Other Department", head=cls.other_manager, staff=(cls.other_staff,)
        )
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
