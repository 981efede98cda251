# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .wjl_appraisal import OFFICER_GROUP

DECISIONS = [
    ("none", "None"),
    ("coaching", "Coaching"),
    ("training", "Training"),
    ("position_change", "Position Change"),
]


class WjlAppraisalImprovement(models.Model):
    """Performance interview and improvement plan of a failed appraisal (R4.3.4):
    who met when, why the result fell short, what will be done by whom and when,
    the decision (coaching, training or position change) and its follow-up."""

    _name = "wjl.appraisal.improvement"
    _description = "Improvement Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "interview_date desc, id desc"
    _wjl_required_text_fields = ("name",)
    # Open and closed by the buttons only; a plan stays with an appraisal the
    # user may write (R4.3.4, R7.2.2).
    _wjl_guard_action_fields = frozenset({"state"})
    _wjl_guard_admin_group = OFFICER_GROUP
    _wjl_guard_rule_fields = frozenset({"appraisal_id"})

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    appraisal_id = fields.Many2one(
        "wjl.appraisal", required=True, index=True, ondelete="cascade", tracking=True
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    department_id = fields.Many2one(related="appraisal_id.department_id", store=True)
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    interview_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    participant_ids = fields.Many2many(
        "hr.employee",
        "wjl_appraisal_improvement_participant_rel",
        "improvement_id",
        "employee_id",
        string="Participants",
        help="Who took part in the performance interview.",
    )
    cause_analysis = fields.Html()
    item_ids = fields.One2many(
        "wjl.appraisal.improvement.item", "improvement_id", string="Plan Items", copy=True
    )
    decision = fields.Selection(DECISIONS, required=True, default="none", tracking=True)
    follow_up_date = fields.Date(
        string="Follow-up Date",
        tracking=True,
        help="HR and the appraiser get a reminder activity due that day.",
    )
    follow_up_result = fields.Text(string="Follow-up Result", tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("wjl.appraisal.improvement") or "/"
                )
        plans = super().create(vals_list)
        plans.filtered("follow_up_date")._wjl_schedule_follow_up()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if vals.get("follow_up_date"):
            self._wjl_schedule_follow_up()
        return res

    def _wjl_schedule_follow_up(self):
        """One reminder per responsible user, due on the follow-up date (R4.3.4).

        An existing reminder moves with the date instead of a second one appearing.
        """
        activity_type = self.env.ref("wjl_appraisal.mail_activity_type_follow_up")
        # sudo: HR and the appraiser get reminders whatever the current user may
        # read of each other's activities.
        for plan in self.sudo():
            users = plan.appraisal_id.appraiser_id | plan.appraisal_id._wjl_hr_user()
            existing = plan.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            existing.filtered(lambda a, u=users: a.user_id in u).write(
                {"date_deadline": plan.follow_up_date}
            )
            for user in users - existing.user_id:
                plan.activity_schedule(
                    "wjl_appraisal.mail_activity_type_follow_up",
                    date_deadline=plan.follow_up_date,
                    summary=self.env._("Follow up the improvement plan %s", plan.name),
                    user_id=user.id,
                )

    def action_close(self):
        self._wjl_guard_write({"state": "closed"})
        self.activity_ids.action_feedback(feedback=self.env._("Improvement plan closed."))
        return True

    def action_reopen(self):
        self._wjl_guard_write({"state": "open"})
        return True
