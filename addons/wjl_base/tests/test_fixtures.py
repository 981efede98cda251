# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The shared test fixtures build what their docstrings promise (every addon relies on them)."""

from .common import WjlBaseCommon


class TestFixtures(WjlBaseCommon):
    def test_department_with_head_and_staff(self):
        self.assertEqual(self.dept_a.manager_id.user_id, self.manager_a)
        self.assertEqual(
            set(self.dept_a.member_ids.user_id.mapped("login")),
            {"wjl_manager_a", "wjl_staff_a", "wjl_staff_a2"},
        )
        self.assertTrue(self.manager_a.has_group("wjl_base.group_wjl_manager"))

    def test_portal_customer_keeps_its_name_and_company(self):
        user = self.wjl_portal_user(
            "wjl_portal_c", company_name="Customer C", name="Li Na", email="li.na@c.example"
        )
        self.assertTrue(user.share)
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual((user.name, user.email), ("Li Na", "li.na@c.example"))
        self.assertEqual(user.partner_id.commercial_partner_id.name, "Customer C")
