# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import WjlBaseCommon


@tagged("post_install", "-at_install")
class TestGroups(WjlBaseCommon):
    """Roles of the regulation (R7.2.2)."""

    def test_implications(self):
        self.assertTrue(self.reg_admin.has_group("wjl_base.group_wjl_manager"))
        self.assertTrue(self.reg_admin.has_group("wjl_base.group_wjl_user"))
        self.assertTrue(self.manager_a.has_group("wjl_base.group_wjl_user"))
        self.assertFalse(self.manager_a.has_group("wjl_base.group_wjl_admin"))
        self.assertFalse(self.staff_a.has_group("wjl_base.group_wjl_manager"))
        self.assertTrue(self.staff_a.has_group("base.group_user"))
        self.assertFalse(self.outsider.has_group("wjl_base.group_wjl_user"))

    def test_admin_user_is_regulation_admin(self):
        self.assertTrue(self.env.ref("base.user_admin").has_group("wjl_base.group_wjl_admin"))

    def test_groups_share_one_category(self):
        groups = (
            self.env.ref("wjl_base.group_wjl_user")
            | self.env.ref("wjl_base.group_wjl_manager")
            | self.env.ref("wjl_base.group_wjl_admin")
        )
        self.assertEqual(groups.category_id, self.env.ref("wjl_base.module_category_wjl"))

    def test_root_menu_for_staff_only(self):
        root = self.env.ref("wjl_base.menu_wjl_root")
        visible_staff = self.env["ir.ui.menu"].with_user(self.staff_a)._visible_menu_ids()
        visible_outsider = self.env["ir.ui.menu"].with_user(self.outsider)._visible_menu_ids()
        self.assertIn(root.id, visible_staff)
        self.assertNotIn(root.id, visible_outsider)
        config = self.env.ref("wjl_base.menu_wjl_config")
        self.assertNotIn(config.id, visible_staff)
        self.assertIn(
            config.id, self.env["ir.ui.menu"].with_user(self.reg_admin)._visible_menu_ids()
        )
