# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.modules.module import get_manifest
from odoo.tests import tagged

from .common import WjlBaseCommon, WjlUpgradeMixin


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, WjlBaseCommon):
    """Issue 11, item 11: ``-u wjl_base`` keeps what users configured (R7.2.2).

    Each data file is loaded again the way an upgrade loads it (mode ``update``).
    """

    wjl_module = "wjl_base"

    def test_removed_administrator_stays_removed(self):
        group = self.env.ref("wjl_base.group_wjl_admin")
        admin = self.env.ref("base.user_admin")
        group.users = [Command.unlink(admin.id)]
        self.wjl_upgrade("security/wjl_base_security.xml")
        self.assertNotIn(admin, group.users)
        self.assertFalse(admin.has_group("wjl_base.group_wjl_admin"))

    def test_alert_activity_type_keeps_its_settings(self):
        activity_type = self.env.ref("wjl_base.mail_activity_type_alert")
        activity_type.write({"name": "Deal with the alert", "delay_count": 3})
        self.wjl_upgrade("data/mail_activity_type_data.xml")
        self.assertRecordValues(activity_type, [{"name": "Deal with the alert", "delay_count": 3}])

    def test_departments_duties_and_plan_keep_their_settings(self):
        department = self.env.ref("wjl_base.dept_quality")
        duty = self.env.ref("wjl_base.duty_admin_1")
        plan = self.env.ref("wjl_base.analytic_plan_department")
        department.wjl_code = "QA"
        duty.name = "Archives only"
        plan.name = "Cost centres"
        self.wjl_upgrade("data/hr_department_data.xml")
        self.wjl_upgrade("data/account_analytic_plan_data.xml")
        self.assertEqual(department.wjl_code, "QA")
        self.assertEqual(duty.name, "Archives only")
        self.assertEqual(plan.name, "Cost centres")

    def test_data_and_demo_files_load_on_install_only(self):
        """Every record and function of ``data/`` and ``demo/`` is ``noupdate``: the
        demo users' groups, the demo company's settings and the demo alerts are set
        up once (an upgrade re-raised the demo alerts and reset the fallback user)."""
        manifest = get_manifest("wjl_base")
        files = [f for f in manifest["data"] + manifest["demo"] if f.startswith(("data/", "demo/"))]
        self.assertIn("demo/wjl_base_demo.xml", files)
        self.assertEqual(self.wjl_reloaded_records(files), [])
