# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class WjlRiskReview(models.Model):
    """A periodic risk identification round over departments (R6.1.1).

    Starting the round gives each department manager an activity to identify
    and reassess the risks of their department; each department then marks
    its part done, so the round shows who has completed it.
    """

    _name = "wjl.risk.review"
    _description = "Risk Identification Round"
    _inherit = ["mail.thread", "mail.activity.mixin", "wjl.required.text.mixin"]
    _order = "date_start desc, id desc"
    _wjl_required_text_fields = ("name",)

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    department_ids = fields.Many2many(
        "hr.department",
        "wjl_risk_review_hr_department_rel",
        "review_id",
        "department_id",
        string="Departments",
        required=True,
    )
    line_ids = fields.One2many("wjl.risk.review.line", "review_id", string="Departments Progress")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    completion = fields.Float(compute="_compute_completion", string="Completion (%)")
    done_count = fields.Integer(compute="_compute_completion", string="Departments Done")
    notes = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("line_ids.state")
    def _compute_completion(self):
        for review in self:
            total = len(review.line_ids)
            done = len(review.line_ids.filtered(lambda line: line.state == "done"))
            review.done_count = done
            review.completion = 100.0 * done / total if total else 0.0

    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for review in self:
            if review.date_deadline < review.date_start:
                raise UserError(self.env._("The deadline cannot be before the start date."))

    def action_start(self):
        """Open the round: one line and one activity per department manager."""
        activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_identification")
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_vals = []
        for review in self:
            if review.state != "draft":
                raise UserError(self.env._("The round %s has already started.", review.name))
            missing = review.department_ids - review.line_ids.department_id
            review.line_ids = [
                fields.Command.create({"department_id": department.id}) for department in missing
            ]
            for line in review.line_ids:
                user = line.manager_user_id or review.company_id.wjl_alert_fallback_user_id
                if not user:
                    continue
                activity_vals.append(
                    {
                        "res_model_id": model_id,
                        "res_id": review.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._(
                            "Identify and reassess the risks of %s", line.department_id.name
                        ),
                        "note": self.env._(
                            "Review the risk register of your department: add new risks "
                            "(market, technical, financial, legal, operational) and reassess "
                            "the open ones, then mark your department done (R6.1.1)."
                        ),
                        "user_id": user.id,
                        "date_deadline": review.date_deadline,
                    }
                )
        self.env["mail.activity"].create(activity_vals)
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        for review in self:
            pending = review.line_ids.filtered(lambda line: line.state != "done")
            if pending:
                raise UserError(
                    self.env._(
                        "These departments have not completed the round yet: %s",
                        ", ".join(pending.department_id.mapped("name")),
                    )
                )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.activity_unlink(["wjl_risk.mail_activity_type_risk_identification"])
        self.write({"state": "cancelled"})
        return True
