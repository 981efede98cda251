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


class WjlFixtures:
    """Builders of the organisation every addon's tests stand on (R2.1).

    Mixed into a test case, they create users, departments with their head and
    staff (as employees), and portal customers, the same way for every addon.
    """

    @classmethod
    def wjl_user(cls, login, groups="wjl_base.group_wjl_user", **values):
        """A user of ``groups`` (comma-separated xml ids), e.g. a head or a buyer."""
        return new_test_user(cls.env, login, groups=groups, **values)

    @classmethod
    def wjl_department(cls, name, code=None, head=None, staff=(), parent=None, **values):
        """A department whose head (a user) manages it and whose staff (users) work in it.

        Each user gets an employee in the department; the head's employee is the
        department's manager.
        """
        vals = {"name": name, "wjl_code": code, **values}
        if parent:
            vals["parent_id"] = parent.id
        department = cls.env["hr.department"].create(vals)
        Employee = cls.env["hr.employee"]
        if head:
            department.manager_id = Employee.create(
                {"name": head.name, "user_id": head.id, "department_id": department.id}
            )
        if staff:
            Employee.create(
                [
                    {"name": user.name, "user_id": user.id, "department_id": department.id}
                    for user in staff
                ]
            )
        return department

    @classmethod
    def wjl_portal_user(cls, login, company_name=None, **values):
        """A portal user, contact of a new customer company when ``company_name`` is given."""
        name = values.pop("name", login.replace("_", " ").title())
        email = values.pop("email", f"{login}@example.com")
        partner_vals = {"name": name, "email": email}
        if company_name:
            company = cls.env["res.partner"].create({"name": company_name, "is_company": True})
            partner_vals["parent_id"] = company.id
        partner = cls.env["res.partner"].create(partner_vals)
        # the user's name and email are its partner's: given again, not overwritten
        return new_test_user(
            cls.env,
            login,
            groups="base.group_portal",
            partner_id=partner.id,
            name=name,
            email=email,
            **values,
        )


class WjlBaseCommon(WjlFixtures, TransactionCase):
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
        cls.staff_a = cls.wjl_user("wjl_staff_a")
        cls.staff_a2 = cls.wjl_user("wjl_staff_a2")
        cls.staff_b = cls.wjl_user("wjl_staff_b")
        cls.manager_a = cls.wjl_user("wjl_manager_a", "wjl_base.group_wjl_manager")
        cls.manager_b = cls.wjl_user("wjl_manager_b", "wjl_base.group_wjl_manager")
        cls.reg_admin = cls.wjl_user("wjl_admin", "wjl_base.group_wjl_admin")
        cls.fallback = cls.wjl_user("wjl_fallback")
        cls.outsider = cls.wjl_user("wjl_outsider", "base.group_user")
        cls.dept_a = cls.wjl_department(
            "Test Line A", "TST-A", head=cls.manager_a, staff=(cls.staff_a, cls.staff_a2)
        )
        cls.dept_b = cls.wjl_department(
            "Test Line B", "TST-B", head=cls.manager_b, staff=(cls.staff_b,)
        )
        cls.emp_manager_a = cls.dept_a.manager_id
        cls.emp_manager_b = cls.dept_b.manager_id
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
