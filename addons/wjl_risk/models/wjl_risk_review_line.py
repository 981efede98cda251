# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class WjlRiskReviewLine(models.Model):
    """The part of one department in a risk identification round (R6.1.1)."""

    _name = "wjl.risk.review.line"
    _description = "Risk Identification Round Department"
    _order = "review_id, department_id"
    _rec_name = "department_id"

    review_id = fields.Many2one("wjl.risk.review", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one("hr.department", required=True, index=True)
    manager_user_id = fields.Many2one(
        "res.users",
        string="Manager",
        compute="_compute_manager_user_id",
        store=True,
        readonly=False,
    )
    state = fields.Selection(
        [("pending", "Pending"), ("done", "Done")], default="pending", required=True
    )
    date_done = fields.Datetime(string="Completed On", readonly=True)
    done_by_id = fields.Many2one("res.users", string="Completed By", readonly=True)
    risk_count = fields.Integer(compute="_compute_risk_counts", string="Open Risks")
    reassessed_count = fields.Integer(
        compute="_compute_risk_counts",
        string="Reassessed",
        help="Open risks of the department assessed since the start of the round.",
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)

    _sql_constraints = [
        (
            "department_unique",
            "UNIQUE(review_id, department_id)",
            "A department appears once in a round.",
        ),
    ]

    @api.depends("department_id")
    def _compute_manager_user_id(self):
        for line in self:
            line.manager_user_id = line.department_id.manager_id.user_id

    def _compute_risk_counts(self):
        departments = self.department_id
        Risk = self.env["wjl.risk"]
        open_domain = [("department_id", "in", departments.ids), ("state", "!=", "closed")]
        totals = dict(Risk._read_group(open_domain, ["department_id"], ["__count"]))
        start = min(self.review_id.mapped("date_start"), default=False)
        reassessed = {}
        if start:
            for department, date, count in Risk._read_group(
                open_domain + [("last_assessment_date", ">=", start)],
                ["department_id", "last_assessment_date:day"],
                ["__count"],
            ):
                reassessed.setdefault(department, []).append((date, count))
        for line in self:
            line.risk_count = totals.get(line.department_id, 0)
            line_start = line.review_id.date_start
            line.reassessed_count = sum(
                count
                for date, count in reassessed.get(line.department_id, [])
                if line_start and date and fields.Date.to_date(date) >= line_start
            )

    def action_mark_done(self):
        """The department manager confirms the department identified and reassessed."""
        is_admin = self.env.user.has_group("wjl_risk.group_risk_admin")
        for line in self:
            if line.review_id.state != "in_progress":
                raise UserError(self.env._("Start the round before completing it."))
            if not is_admin and line.manager_user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the manager of %s or a risk administrator may complete its part "
                        "of the round.",
                        line.department_id.name,
                    )
                )
        # sudo: who completes a part is checked above; the state, date and author
        # are set here only, never written directly by department heads (R7.2.2)
        self.sudo().write(
            {"state": "done", "date_done": fields.Datetime.now(), "done_by_id": self.env.user.id}
        )
        activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_identification")
        # sudo: close the round activity of the department's manager, which the
        # manager (or an administrator) just completed through this button.
        activities = self.review_id.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type and a.user_id in self.manager_user_id
        )
        if activities:
            activities.action_feedback(feedback=self.env._("Department completed the round."))
        return True
