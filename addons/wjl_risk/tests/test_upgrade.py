# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.convert import convert_file


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(TransactionCase):
    """An upgrade (-u wjl_risk) keeps what administrators changed (R7.2.2)."""

    def _upgrade_data(self):
        """Load the data files of wjl_risk as ``-u wjl_risk`` does."""
        manifest = get_manifest("wjl_risk")
        idref = {}
        for filename in manifest["data"]:
            convert_file(self.env, "wjl_risk", filename, idref, mode="update", noupdate=False)
        self.env.invalidate_all()

    def test_upgrade_does_not_put_users_back_into_groups(self):
        admin = self.env.ref("base.user_admin")
        risk_admin = self.env.ref("wjl_risk.group_risk_admin")
        regulation_admin = self.env.ref("wjl_base.group_wjl_admin")
        # the regulation administrator role implies the risk one: remove both
        (risk_admin | regulation_admin).write({"users": [(3, admin.id)]})
        self.assertNotIn(admin, risk_admin.users)
        self._upgrade_data()
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
        self._upgrade_data()
        self.assertEqual(category.guidance, "Our own guidance")
        self.assertEqual(cron.interval_number, 6)
        self.assertEqual(activity_type.delay_count, 3)
        self.assertEqual(sequence.padding, 6)
        self.assertEqual(parameter.value, "wjl.risk")
