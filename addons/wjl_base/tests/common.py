# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo import Command
from odoo.modules.module import get_manifest
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase
from odoo.tools import file_open
from odoo.tools.convert import convert_file


class WjlUpgradeMixin:
    """Load an addon's files again the way an upgrade (``-u``) does (R7.2.2).

    Set ``wjl_module`` on the test class; upgrades must keep what users
    configured and must not put anybody back into a group.
    """

    wjl_module = None

    def wjl_upgrade(self, *filenames, kind="data"):
        """Reload ``filenames`` (default: every data file of the manifest) in update mode."""
        for filename in filenames or get_manifest(self.wjl_module)["data"]:
            convert_file(self.env, self.wjl_module, filename, {}, mode="update", kind=kind)
        self.env.invalidate_all()

    def wjl_assert_role_link_survives(self, role_xmlid, group_xmlid, *filenames):
        """Unlinking ``group`` from the ``role`` that implies it, and taking a member
        of the role out of ``group``, both survive an upgrade (no one is put back)."""
        role, group = self.env.ref(role_xmlid), self.env.ref(group_xmlid)
        user = new_test_user(self.env, f"wjl_upgrade_{group.id}", groups=role_xmlid)
        self.assertIn(user, group.users)
        role.implied_ids = [Command.unlink(group.id)]
        group.users = [Command.unlink(user.id)]
        self.wjl_upgrade(*filenames)
        self.assertNotIn(group, role.implied_ids)
        self.assertNotIn(user, group.users)

    def wjl_reloaded_records(self, filenames):
        """The records and functions of ``filenames`` that an upgrade loads again.

        :return: list of "file: xml id" for each one outside a ``noupdate`` block
        """
        reloaded = []
        for filename in filenames:
            with file_open(f"{self.wjl_module}/{filename}", "rb") as xml:
                root = etree.parse(xml).getroot()
            for node in root.iter("record", "function"):
                flags = [el.get("noupdate") for el in node.iterancestors("odoo", "data")]
                if next((f for f in flags if f is not None), None) not in ("1", "True"):
                    reloaded.append(f"{filename}: {node.get('id') or node.get('name')}")
        return reloaded


class WjlBaseCommon(TransactionCase):
    """Two departments with a head and a staff member each, and an admin.

    Built from scratch, without demo data: ``dept_a`` (head ``manager_a``, staff
    ``staff_a`` and ``staff_a2``) and ``dept_b`` (head ``manager_b``, staff ``staff_b``).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Alert = cls.env["wjl.alert"]
        cls.staff_a = new_test_user(cls.env, "wjl_staff_a", groups="wjl_base.group_wjl_user")
        cls.staff_a2 = new_test_user(cls.env, "wjl_staff_a2", groups="wjl_base.group_wjl_user")
        cls.staff_b = new_test_user(cls.env, "wjl_staff_b", groups="wjl_base.group_wjl_user")
        cls.manager_a = new_test_user(cls.env, "wjl_manager_a", groups="wjl_base.group_wjl_manager")
        cls.manager_b = new_test_user(cls.env, "wjl_manager_b", groups="wjl_base.group_wjl_manager")
        cls.reg_admin = new_test_user(cls.env, "wjl_admin", groups="wjl_base.group_wjl_admin")
        cls.fallback = new_test_user(cls.env, "wjl_fallback", groups="wjl_base.group_wjl_user")
        cls.outsider = new_test_user(cls.env, "wjl_outsider", groups="base.group_user")

        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "Test Line A", "wjl_code": "TST-A"})
        cls.dept_b = Department.create({"name": "Test Line B", "wjl_code": "TST-B"})
        Employee = cls.env["hr.employee"]
        cls.emp_manager_a = Employee.create(
            {"name": "Head A", "user_id": cls.manager_a.id, "department_id": cls.dept_a.id}
        )
        cls.emp_manager_b = Employee.create(
            {"name": "Head B", "user_id": cls.manager_b.id, "department_id": cls.dept_b.id}
        )
        Employee.create(
            [
                {"name": "Staff A", "user_id": cls.staff_a.id, "department_id": cls.dept_a.id},
                {"name": "Staff A2", "user_id": cls.staff_a2.id, "department_id": cls.dept_a.id},
                {"name": "Staff B", "user_id": cls.staff_b.id, "department_id": cls.dept_b.id},
            ]
        )
        cls.dept_a.manager_id = cls.emp_manager_a
        cls.dept_b.manager_id = cls.emp_manager_b
        cls.company.wjl_alert_fallback_user_id = cls.fallback
        # Any record can be the source of an alert; partners are neutral ones.
        cls.source_1, cls.source_2, cls.source_3 = cls.env["res.partner"].create(
            [{"name": "Supplier One"}, {"name": "Supplier Two"}, {"name": "Supplier Three"}]
        )

    def _zh_cn(self, records):
        """``records`` in zh_CN, the language being installed when the test database lacks it."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"]._load_module_terms(["wjl_base"], ["zh_CN"])
        return records.with_context(lang="zh_CN")

    def _alert_activities(self, alert):
        return self.env["mail.activity"].search(
            [("res_model", "=", "wjl.alert"), ("res_id", "=", alert.id)]
        )
