# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The field guard every addon declares its write rules with (R7.2.2)."""

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError

from .common import WjlBaseCommon


class TestFieldGuard(WjlBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .guard_models import WjlGuardTestNote, WjlGuardTestRecord

        cls.loader.update_registry((WjlGuardTestRecord, WjlGuardTestNote))
        Access = cls.env["ir.model.access"]
        for model in ("wjl.guard.test", "wjl.guard.test.note"):
            Access.create(
                {
                    "name": f"{model} user",
                    "model_id": cls.env["ir.model"]._get_id(model),
                    "group_id": cls.env.ref("wjl_base.group_wjl_user").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
            )
        cls.env["ir.rule"].create(
            {
                "name": "guard test: own records",
                "model_id": cls.env["ir.model"]._get_id("wjl.guard.test"),
                "domain_force": "[('owner_id', '=', user.id)]",
                "groups": [(4, cls.env.ref("wjl_base.group_wjl_user").id)],
                "perm_read": False,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": False,
            }
        )
        cls.Record = cls.env["wjl.guard.test"]
        cls.record = cls.Record.with_user(cls.staff_a).create({"name": "Plan", "amount": 0})

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    # action fields ------------------------------------------------------

    def test_action_fields_refused_to_direct_writes(self):
        head_record = self.Record.with_user(self.manager_a).create({"name": "Head plan"})
        for record in (self.record.with_user(self.staff_a), head_record):
            with self.subTest(user=record.env.user.login):
                with self.assertRaisesRegex(AccessError, "buttons"):
                    record.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.record.with_user(self.staff_a).write({"approved_by_id": self.staff_a.id})
        self.assertEqual(self.record.state, "draft")

    def test_action_writes_them_with_who(self):
        self.record.with_user(self.staff_a).action_approve()
        self.assertEqual(self.record.state, "approved")
        self.assertEqual(self.record.approved_by_id, self.staff_a)

    def test_action_checks_write_access(self):
        """The action of a user who may not write the record is refused (record rule)."""
        with self.assertRaises(AccessError):
            self.record.with_user(self.staff_b).action_approve()
        self.assertEqual(self.record.state, "draft")

    def test_rpc_context_cannot_open_the_flow(self):
        """The flow token is an object; a JSON context (RPC) can only send data."""
        for token in (True, 1, "1", "wjl_guard_flow"):
            record = self.record.with_user(self.staff_a).with_context(wjl_guard_flow=token)
            with self.subTest(token=token), self.assertRaises(AccessError):
                record.write({"state": "approved"})

    def test_admin_and_superuser_correct_them(self):
        self.record.sudo().owner_id = self.reg_admin
        self.record.with_user(self.reg_admin).write({"approved_by_id": self.staff_b.id})
        self.assertEqual(self.record.approved_by_id, self.staff_b)
        self.record.sudo().write({"approved_by_id": False})
        self.assertFalse(self.record.approved_by_id)

    def test_admin_fields_leave_the_state_to_the_buttons(self):
        """Administrators correct the admin fields only; the state stays the buttons'."""
        self.record.sudo().owner_id = self.reg_admin
        with self.assertRaisesRegex(AccessError, "buttons"):
            self.record.with_user(self.reg_admin).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.Record.with_user(self.reg_admin).create({"name": "F", "state": "closed"})
        self.record.with_user(self.reg_admin).action_approve()
        self.assertEqual(self.record.state, "approved")

    def test_create_refuses_action_values_but_not_defaults(self):
        Record = self.Record.with_user(self.staff_a)
        self.assertEqual(Record.create({"name": "A", "state": "draft"}).state, "draft")
        self.assertEqual(Record.create({"name": "B", "approved_by_id": False}).state, "draft")
        with self.assertRaises(AccessError):
            Record.create({"name": "C", "state": "approved"})
        with self.assertRaises(AccessError):
            Record.with_context(default_state="closed").create({"name": "D"})
        self.assertFalse(self.Record.search([("name", "in", ("C", "D"))]))

    # group fields -------------------------------------------------------

    def test_group_fields_for_members_only(self):
        with self.assertRaisesRegex(AccessError, "Amount"):
            self.record.with_user(self.staff_a).write({"amount": 10})
        with self.assertRaises(AccessError):
            self.Record.with_user(self.staff_a).create({"name": "E", "amount": 5})
        self.record.sudo().owner_id = self.manager_a
        self.record.with_user(self.manager_a).write({"amount": 10})
        self.assertEqual(self.record.amount, 10)

    def test_all_fields_but_free_ones(self):
        note = self.env["wjl.guard.test.note"].create({"name": "Rule"})
        note.with_user(self.staff_a).write({"comment": "seen"})
        self.assertEqual(note.comment, "seen")
        with self.assertRaises(AccessError):
            note.with_user(self.manager_a).write({"name": "Other rule"})
        note.with_user(self.reg_admin).write({"name": "Other rule"})
        self.assertEqual(note.name, "Other rule")

    # locked states -----------------------------------------------------

    def test_locked_states(self):
        self.record.with_user(self.staff_a).action_approve()
        with self.assertRaisesRegex(UserError, "Approved"):
            self.record.with_user(self.staff_a).write({"name": "Changed"})
        with self.assertRaises(UserError):
            self.record.sudo().write({"name": "Changed"})
        self.record.with_user(self.staff_a).write({"explanation": "Why the plan moved"})
        self.record.with_user(self.staff_a).message_post(body="Still open to the chatter")
        self.record.with_user(self.staff_a)._wjl_guard_write({"state": "closed"})
        self.assertEqual(
            (self.record.name, self.record.state, self.record.explanation),
            ("Plan", "closed", "Why the plan moved"),
        )

    def test_no_access_hears_of_access_first(self):
        """A user without write access is refused by the access rights, whatever the
        guard would say (locked record, reserved field)."""
        self.record.with_user(self.staff_a).action_approve()
        with self.assertRaisesRegex(AccessError, "wjl.guard.test"):
            self.record.with_user(self.outsider).write({"name": "Changed"})

    # record rules and per-record hook ----------------------------------

    def test_rule_fields_rechecked_on_the_written_values(self):
        """Odoo checks write rules before the write; moving a record out is refused."""
        with self.assertRaisesRegex(AccessError, "Plan"):
            self.record.with_user(self.staff_a).write({"owner_id": self.staff_b.id})
        self.env.cr.execute("SELECT owner_id FROM wjl_guard_test WHERE id = %s", [self.record.id])
        self.assertEqual(self.env.cr.fetchone()[0], self.staff_a.id)

    def test_record_hook(self):
        self.record.frozen = True
        with self.assertRaises(AccessError):
            self.record.with_user(self.staff_a).write({"name": "Renamed"})
        self.assertEqual(self.record.name, "Plan")

    def test_refusal_in_chinese(self):
        record = self._zh_cn(self.record.with_user(self.staff_a))
        with self.assertRaisesRegex(AccessError, "按钮"):
            record.write({"state": "approved"})
