# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

# the data files of the manifest that hold configurable records and groups
CONFIG_FILES = (
    "security/wjl_budget_security.xml",
    "data/ir_sequence_data.xml",
    "data/ir_cron_data.xml",
)


@tagged("post_install", "-at_install")
class TestBudgetUpgrade(WjlUpgradeMixin, TransactionCase):
    """An upgrade keeps what users changed (issue 11 item 11, R7.2.2).

    The data files are loaded again as ``-u wjl_budget`` loads them.
    """

    wjl_module = "wjl_budget"

    def test_upgrade_keeps_configuration(self):
        sequence = self.env.ref("wjl_budget.seq_wjl_budget_adjustment")
        cron = self.env.ref("wjl_budget.ir_cron_budget_deviation")
        rule = self.env.ref("wjl_budget.wjl_budget_line_rule_department_head")
        sequence.prefix = "ADJ-"
        cron.write({"interval_number": 2, "active": False})
        rule.domain_force = "[('department_id.manager_id.user_id', '=', user.id)]"
        self.wjl_upgrade(*CONFIG_FILES)
        self.assertEqual(sequence.prefix, "ADJ-")
        self.assertRecordValues(cron, [{"interval_number": 2, "active": False}])
        self.assertEqual(rule.domain_force, "[('department_id.manager_id.user_id', '=', user.id)]")

    def test_upgrade_adds_nobody_to_groups(self):
        """Regulation administrators removed from Budget Manager stay removed."""
        self.wjl_assert_role_link_survives(
            "wjl_base.group_wjl_admin", "wjl_budget.group_budget_manager", *CONFIG_FILES
        )
