# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

MODULE = "wjl_appraisal"
APPRAISER = "wjl_appraisal.group_appraisal_manager"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """R7.2.2: an upgrade (``-u wjl_appraisal``) keeps what administrators
    configured: the base roles the appraisal groups imply, who is in them, the
    sequence and the activity types."""

    wjl_module = MODULE

    def test_roles_imply_base_roles_not_the_reverse(self):
        """The appraisal groups extend the base roles; Odoo's HR groups and the
        base roles imply no appraisal group (roles convention, README)."""
        officer = self.env.ref("wjl_appraisal.group_appraisal_officer")
        appraiser = self.env.ref("wjl_appraisal.group_appraisal_manager")
        self.assertIn(self.env.ref("wjl_base.group_wjl_manager"), appraiser.implied_ids)
        self.assertIn(appraiser, officer.implied_ids)
        for xmlid in (
            "hr.group_hr_user",
            "hr.group_hr_manager",
            "wjl_base.group_wjl_user",
            "wjl_base.group_wjl_manager",
            "wjl_base.group_wjl_admin",
        ):
            with self.subTest(group=xmlid):
                self.assertFalse(
                    self.env.ref(xmlid).trans_implied_ids & (officer | appraiser),
                    f"{xmlid} implies an appraisal group",
                )
        hr_user = new_test_user(self.env, "wjlp_upgrade_hr", groups="hr.group_hr_user")
        head = new_test_user(self.env, "wjlp_upgrade_head", groups="wjl_base.group_wjl_manager")
        self.assertFalse((hr_user | head).filtered(lambda u: u.has_group(APPRAISER)))
        self.assertIn(self.env.ref("base.user_admin"), officer.users)

    def test_upgrade_puts_nobody_back_into_a_group(self):
        """Users an administrator took out of the appraisal groups, the
        administrator included, stay out after an upgrade (R7.2.2)."""
        officer = self.env.ref("wjl_appraisal.group_appraisal_officer")
        appraiser = self.env.ref(APPRAISER)
        admin = self.env.ref("base.user_admin")
        hr_user = new_test_user(
            self.env, "wjlp_upgrade_hr", groups="wjl_appraisal.group_appraisal_officer"
        )
        head = new_test_user(self.env, "wjlp_upgrade_head", groups=APPRAISER)
        officer.users = [Command.unlink(admin.id), Command.unlink(hr_user.id)]
        appraiser.users = [Command.unlink(head.id)]
        self.wjl_upgrade()
        self.assertNotIn(admin, officer.users)
        self.assertNotIn(hr_user, officer.users)
        self.assertNotIn(head, appraiser.users)
        # the groups still extend the base roles
        self.assertIn(self.env.ref("wjl_base.group_wjl_manager"), appraiser.implied_ids)
        self.assertIn(appraiser, officer.implied_ids)

    def test_configured_records_survive(self):
        sequence = self.env.ref("wjl_appraisal.seq_wjl_appraisal_improvement")
        interview = self.env.ref("wjl_appraisal.mail_activity_type_improvement")
        follow_up = self.env.ref("wjl_appraisal.mail_activity_type_follow_up")
        sequence.write({"prefix": "PLAN-", "padding": 6})
        interview.write({"name": "Interview", "delay_count": 3})
        follow_up.write({"summary": "Check the plan"})
        self.wjl_upgrade("data/ir_sequence_data.xml", "data/mail_activity_type_data.xml")
        self.assertRecordValues(sequence, [{"prefix": "PLAN-", "padding": 6}])
        self.assertRecordValues(interview, [{"name": "Interview", "delay_count": 3}])
        self.assertEqual(follow_up.summary, "Check the plan")
