# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

MODULE = "wjl_quality"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """R7.2.2: an upgrade (``-u wjl_quality``) keeps what administrators
    configured: the link of Regulation Administrator to Quality Manager, who is a
    quality manager, and the reference sequences."""

    wjl_module = MODULE

    def test_group_link_and_members_survive(self):
        self.wjl_assert_role_link_survives(
            "wjl_base.group_wjl_admin",
            "wjl_quality.group_quality_manager",
            "security/wjl_quality_security.xml",
        )

    def test_sequences_survive(self):
        inspection = self.env.ref("wjl_quality.seq_wjl_quality_inspection")
        nonconformance = self.env.ref("wjl_quality.seq_wjl_quality_nonconformance")
        inspection.write({"prefix": "INSP-", "padding": 7})
        nonconformance.write({"prefix": "BHG-"})
        self.wjl_upgrade("data/ir_sequence_data.xml")
        self.assertRecordValues(inspection, [{"prefix": "INSP-", "padding": 7}])
        self.assertEqual(nonconformance.prefix, "BHG-")
