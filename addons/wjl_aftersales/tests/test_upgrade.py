# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrades keep what users configured (issue 11 item 11, R7.2.2)."""

from odoo.modules.module import get_manifest
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

MODULE = "wjl_aftersales"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
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

    def test_group_link_and_members_survive(self):
        """Unlinking Regulation Administrator from Customer Service holds, and a
        user taken out of Customer Service is not put back."""
        self.wjl_assert_role_link_survives(
            "wjl_base.group_wjl_admin",
            "wjl_aftersales.group_aftersales_cs",
            "security/wjl_aftersales_security.xml",
        )

    def test_data_and_demo_files_are_noupdate(self):
        """Every data and demo file of records users configure is ``noupdate``
        (demo: the group memberships of the demo users and the demo tickets)."""
        manifest = get_manifest(MODULE)
        files = [f for f in manifest["data"] if f.startswith("data/")] + manifest["demo"]
        self.assertEqual(self.wjl_reloaded_records(files), [])
