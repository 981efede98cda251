# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrades keep what users configured (issue 11 item 11, R7.2.2)."""

import importlib.util

from odoo import Command
from odoo.modules.module import get_manifest
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.misc import file_path

from odoo.addons.wjl_base.tests.common import WjlFixtures, WjlUpgradeMixin

MODULE = "wjl_aftersales"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, WjlFixtures, TransactionCase):
    wjl_module = MODULE

    def test_configuration_survives(self):
        """Stages, routes, templates, sequence, crons and alias stay as edited."""
        ref = self.env.ref
        stage = ref("wjl_aftersales.stage_new")
        route = ref("wjl_aftersales.route_usage")
        template = ref("wjl_aftersales.mail_template_ticket_assessed")
        sequence = ref("wjl_aftersales.seq_wjl_aftersales_ticket")
        cron = ref("wjl_aftersales.ir_cron_wjl_aftersales_sla")
        alias = ref("wjl_aftersales.mail_alias_aftersales")
        stage.write({"name": "Received", "sequence": 5})
        route.write({"department_id": ref("wjl_base.dept_technology").id, "sequence": 99})
        template.write({"subject": "Ticket {{ object.name }}"})
        sequence.write({"prefix": "AS-", "padding": 7})
        cron.write({"interval_number": 5, "active": False})
        alias.write({"alias_name": "service", "alias_contact": "partners"})
        self.wjl_upgrade(
            "data/ir_sequence_data.xml",
            "data/mail_template_data.xml",
            "data/wjl_aftersales_stage_data.xml",
            "data/wjl_aftersales_route_data.xml",
            "data/mail_alias_data.xml",
            "data/ir_cron_data.xml",
        )
        self.assertRecordValues(stage, [{"name": "Received", "sequence": 5}])
        self.assertRecordValues(
            route, [{"department_id": ref("wjl_base.dept_technology").id, "sequence": 99}]
        )
        self.assertEqual(template.subject, "Ticket {{ object.name }}")
        self.assertRecordValues(sequence, [{"prefix": "AS-", "padding": 7}])
        self.assertRecordValues(cron, [{"interval_number": 5, "active": False}])
        self.assertRecordValues(alias, [{"alias_name": "service", "alias_contact": "partners"}])

    def test_roles_imply_the_base_roles(self):
        """Roles convention (issue 12): the after-sales groups imply the base role
        they extend; no base role implies an after-sales group."""
        ref = self.env.ref
        user, manager, cs = (
            ref("wjl_aftersales.group_aftersales_user"),
            ref("wjl_aftersales.group_aftersales_manager"),
            ref("wjl_aftersales.group_aftersales_cs"),
        )
        self.assertIn(ref("wjl_base.group_wjl_user"), user.implied_ids)
        self.assertIn(ref("wjl_base.group_wjl_manager"), manager.implied_ids)
        self.assertIn(user, manager.implied_ids)
        self.assertIn(manager, cs.implied_ids)
        for role in ("group_wjl_user", "group_wjl_manager", "group_wjl_admin"):
            implied = ref(f"wjl_base.{role}").trans_implied_ids
            self.assertFalse(implied & (user | manager | cs), role)
        regulation_admin = self.wjl_user("wjla_reg_admin", "wjl_base.group_wjl_admin")
        self.assertNotIn(cs, regulation_admin.groups_id)

    def test_group_link_and_members_survive(self):
        """Unlinking Department Manager from the base manager role holds, and a
        user taken out of it is not put back; neither is the administrator taken
        out of Customer Service."""
        self.wjl_assert_role_link_survives(
            "wjl_aftersales.group_aftersales_manager",
            "wjl_base.group_wjl_manager",
            "security/wjl_aftersales_security.xml",
        )
        cs = self.env.ref("wjl_aftersales.group_aftersales_cs")
        admin = self.env.ref("base.user_admin")
        self.assertIn(admin, cs.users)
        cs.users = [Command.unlink(admin.id)]
        self.wjl_upgrade("security/wjl_aftersales_security.xml")
        self.assertNotIn(admin, cs.users)

    def test_migration_reverses_the_roles(self):
        """Upgrading from 18.0.1.0.1: Regulation Administrator no longer implies
        Customer Service (its members stay there), Department Manager implies the
        base manager role."""
        ref = self.env.ref
        admin_role, cs = ref("wjl_base.group_wjl_admin"), ref("wjl_aftersales.group_aftersales_cs")
        manager, base_manager = (
            ref("wjl_aftersales.group_aftersales_manager"),
            ref("wjl_base.group_wjl_manager"),
        )
        admin_role.implied_ids = [Command.link(cs.id)]
        manager.implied_ids = [Command.unlink(base_manager.id)]
        regulation_admin = self.wjl_user("wjla_old_admin", "wjl_base.group_wjl_admin")
        self.assertIn(cs, regulation_admin.groups_id)
        path = file_path("wjl_aftersales/migrations/18.0.1.0.2/post-migration.py")
        spec = importlib.util.spec_from_file_location("wjl_aftersales_migration_1_0_2", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.0.1")
        self.env.invalidate_all()
        self.assertNotIn(cs, admin_role.implied_ids)
        self.assertIn(base_manager, manager.implied_ids)
        self.assertIn(cs, regulation_admin.groups_id)

    def test_shipped_routes(self):
        """R3.5.2: technical problems go to Technology (R2.2.5), quality problems
        to Quality Control, usage questions to Customer Service."""
        ref = self.env.ref
        self.assertEqual(
            [
                ref(f"wjl_aftersales.route_{name}").department_id
                for name in ("technical", "quality", "usage")
            ],
            [
                ref("wjl_base.dept_technology"),
                ref("wjl_base.dept_quality"),
                ref("wjl_base.dept_customer_service"),
            ],
        )

    def test_data_and_demo_files_are_noupdate(self):
        """Every data and demo file of records users configure is ``noupdate``
        (demo: the group memberships of the demo users and the demo tickets)."""
        manifest = get_manifest(MODULE)
        files = [f for f in manifest["data"] if f.startswith("data/")] + manifest["demo"]
        self.assertEqual(self.wjl_reloaded_records(files), [])
