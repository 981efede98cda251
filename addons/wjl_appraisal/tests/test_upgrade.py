# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlUpgradeMixin

MODULE = "wjl_appraisal"


@tagged("post_install", "-at_install")
class TestUpgradeKeepsChanges(WjlUpgradeMixin, TransactionCase):
    """R7.2.2: an upgrade (``-u wjl_appraisal``) keeps what administrators
    configured: the roles linked to the appraisal groups, who is in them, the
    sequence and the activity types."""

    wjl_module = MODULE

    def test_group_links_and_members_survive(self):
        officer = self.env.ref("wjl_appraisal.group_appraisal_officer")
        appraiser = self.env.ref("wjl_appraisal.group_appraisal_manager")
        hr_user_group = self.env.ref("hr.group_hr_user")
        head_group = self.env.ref("wjl_base.group_wjl_manager")
        admin_group = self.env.ref("wjl_base.group_wjl_admin")
        hr_user = new_test_user(self.env, "wjlp_upgrade_hr", groups="hr.group_hr_user")
        head = new_test_user(self.env, "wjlp_upgrade_head", groups="wjl_base.group_wjl_manager")
        self.assertIn(hr_user, officer.users)
        # The administrator unlinks the roles and takes the users out of the groups.
        hr_user_group.implied_ids = [Command.unlink(officer.id)]
        head_group.implied_ids = [Command.unlink(appraiser.id)]
        admin_group.implied_ids = [Command.unlink(officer.id)]
        officer.users = [Command.unlink(hr_user.id)]
        appraiser.users = [Command.unlink(hr_user.id), Command.unlink(head.id)]
        self.wjl_upgrade("security/wjl_appraisal_security.xml")
        self.assertNotIn(officer, hr_user_group.implied_ids)
        self.assertNotIn(appraiser, head_group.implied_ids)
        self.assertNotIn(officer, admin_group.implied_ids)
        self.assertNotIn(hr_user, officer.users)
        self.assertNotIn(hr_user, appraiser.users)
        self.assertNotIn(head, appraiser.users)

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
