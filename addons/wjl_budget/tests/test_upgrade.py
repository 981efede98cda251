# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
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

    def test_roles_extend_the_base_roles(self):
        """Roles (README): the budget groups imply the base roles they extend, never the
        other way round, and stock groups are left alone."""
        user, manager = (
            self.env.ref("wjl_budget.group_budget_user"),
            self.env.ref("wjl_budget.group_budget_manager"),
        )
        self.assertIn(self.env.ref("wjl_base.group_wjl_user"), user.implied_ids)
        self.assertIn(self.env.ref("wjl_base.group_wjl_manager"), manager.implied_ids)
        self.assertIn(user, manager.implied_ids)
        budget_groups = user | manager
        for role in ("group_wjl_user", "group_wjl_manager", "group_wjl_admin"):
            implied = self.env.ref(f"wjl_base.{role}").trans_implied_ids
            self.assertFalse(implied & budget_groups, role)

    def test_upgrade_adds_nobody_to_groups(self):
        """The administrator removed from Budget Manager stays removed."""
        manager = self.env.ref("wjl_budget.group_budget_manager")
        admin = self.env.ref("base.user_admin")
        self.assertIn(admin, manager.users)
        manager.users = [Command.unlink(admin.id)]
        self.wjl_upgrade(*CONFIG_FILES)
        self.assertNotIn(admin, manager.users)
