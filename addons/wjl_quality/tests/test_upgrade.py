# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

MODULE = "wjl_quality"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """R7.2.2: an upgrade (``-u wjl_quality``) keeps what administrators
    configured: who is a quality manager (the administrator, taken out, stays
    out) and the reference sequences."""

    wjl_module = MODULE

    def test_members_survive(self):
        group = self.env.ref("wjl_quality.group_quality_manager")
        admin = self.env.ref("base.user_admin")
        self.assertIn(admin, group.users, "the administrator is Quality Manager on install")
        group.users = [Command.unlink(admin.id)]
        self.wjl_upgrade("security/wjl_quality_security.xml")
        self.assertNotIn(admin, group.users)
        self.assertNotIn(group, self.env.ref("wjl_base.group_wjl_admin").implied_ids)

    def test_sequences_survive(self):
        inspection = self.env.ref("wjl_quality.seq_wjl_quality_inspection")
        nonconformance = self.env.ref("wjl_quality.seq_wjl_quality_nonconformance")
        inspection.write({"prefix": "INSP-", "padding": 7})
        nonconformance.write({"prefix": "BHG-"})
        self.wjl_upgrade("data/ir_sequence_data.xml")
        self.assertRecordValues(inspection, [{"prefix": "INSP-", "padding": 7}])
        self.assertEqual(nonconformance.prefix, "BHG-")
