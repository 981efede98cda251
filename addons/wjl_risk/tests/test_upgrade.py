# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """An upgrade (-u wjl_risk) keeps what administrators changed (R7.2.2)."""

    wjl_module = "wjl_risk"

    def test_upgrade_does_not_put_users_back_into_groups(self):
        admin = self.env.ref("base.user_admin")
        risk_admin = self.env.ref("wjl_risk.group_risk_admin")
        regulation_admin = self.env.ref("wjl_base.group_wjl_admin")
        # the regulation administrator role implies the risk one: remove both
        (risk_admin | regulation_admin).write({"users": [(3, admin.id)]})
        self.assertNotIn(admin, risk_admin.users)
        self.wjl_upgrade()
        self.assertNotIn(admin, risk_admin.users)
        self.assertNotIn(admin, regulation_admin.users)

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
