# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """An upgrade (-u wjl_risk) keeps what administrators changed (R7.2.2)."""

    wjl_module = "wjl_risk"

    def test_risk_groups_imply_base_roles_not_the_reverse(self):
        """The risk groups extend the base roles; the base roles imply no risk group
        (roles convention, README), so a base role alone gives no risk rights."""
        risk_groups = self.env.ref("wjl_risk.group_risk_user") | self.env.ref(
            "wjl_risk.group_risk_manager"
        )
        risk_groups |= self.env.ref("wjl_risk.group_risk_admin")
        user, manager, admin = risk_groups
        self.assertIn(self.env.ref("wjl_base.group_wjl_user"), user.implied_ids)
        self.assertIn(self.env.ref("wjl_base.group_wjl_manager"), manager.implied_ids)
        self.assertIn(user, manager.implied_ids)
        self.assertIn(manager, admin.implied_ids)
        for xmlid in (
            "base.group_user",
            "wjl_base.group_wjl_user",
            "wjl_base.group_wjl_manager",
            "wjl_base.group_wjl_admin",
        ):
            with self.subTest(group=xmlid):
                self.assertFalse(self.env.ref(xmlid).trans_implied_ids & risk_groups)
        head = new_test_user(self.env, "risk_upgrade_head", groups="wjl_base.group_wjl_manager")
        self.assertFalse(head.has_group("wjl_risk.group_risk_user"))
        self.assertIn(self.env.ref("base.user_admin"), admin.users)

    def test_upgrade_does_not_put_users_back_into_groups(self):
        admin = self.env.ref("base.user_admin")
        risk_admin = self.env.ref("wjl_risk.group_risk_admin")
        head = new_test_user(self.env, "risk_upgrade_head", groups="wjl_risk.group_risk_manager")
        risk_manager = self.env.ref("wjl_risk.group_risk_manager")
        risk_admin.users = [Command.unlink(admin.id)]
        risk_manager.users = [Command.unlink(head.id)]
        self.wjl_upgrade()
        self.assertNotIn(admin, risk_admin.users)
        self.assertNotIn(head, risk_manager.users)
        # the groups still extend the base roles
        self.assertIn(self.env.ref("wjl_base.group_wjl_manager"), risk_manager.implied_ids)

    def test_upgrade_keeps_configured_records(self):
        category = self.env.ref("wjl_risk.risk_category_market")
        cron = self.env.ref("wjl_risk.ir_cron_wjl_risk_indicator_evaluate")
        activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_review")
        sequence = self.env.ref("wjl_risk.seq_wjl_risk")
        parameter = self.env.ref("wjl_risk.config_parameter_kri_models")
        category.guidance = "Our own guidance"
        cron.interval_number = 6
        activity_type.delay_count = 3
        sequence.padding = 6
        parameter.value = "wjl.risk"
        self.wjl_upgrade()
        self.assertEqual(category.guidance, "Our own guidance")
        self.assertEqual(cron.interval_number, 6)
        self.assertEqual(activity_type.delay_count, 3)
        self.assertEqual(sequence.padding, 6)
        self.assertEqual(parameter.value, "wjl.risk")
