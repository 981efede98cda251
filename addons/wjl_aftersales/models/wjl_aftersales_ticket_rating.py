# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# One file per concern of the ticket (issue 12: no model file over 600 lines)
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError

from .wjl_aftersales_ticket import LOW_RATING


class WjlAftersalesTicket(models.Model):
    """Customer confirmation and satisfaction of the after-sales ticket (R3.5.4).

    The customer's rating is the ticket's ``rating.rating`` (``rating.mixin``):
    given on the confirmation form of the portal or on the rating pages
    (``/rate/<token>/<score>``) linked from the resolved email, and counted in
    the rating statistics of the ticket and of the rating app.
    """

    _inherit = "wjl.aftersales.ticket"

    # a new ticket has no rating yet: stored at creation (0), not recomputed by an
    # UPDATE of every new ticket afterwards (aftersales_create_route)
    rating_last_value = fields.Float(
        compute="_compute_rating_last_value", store=True, precompute=True
    )

    @api.model
    def _wjl_rating_labels(self):
        """The 1-5 answers of the confirmation form of the portal (R3.5.4)."""
        return [
            ("1", self.env._("Very Dissatisfied")),
            ("2", self.env._("Dissatisfied")),
            ("3", self.env._("Neutral")),
            ("4", self.env._("Satisfied")),
            ("5", self.env._("Very Satisfied")),
        ]

    def _wjl_low_rating(self):
        """The customer's last rating when it is 2 or less (R3.5.4), else 0."""
        self.ensure_one()
        # sudo: the rating statistics are for employees; the flow of portal
        # customers (closing after their confirmation) reads the last rating too
        rating = self.sudo().rating_last_value
        return rating if 0 < rating <= LOW_RATING else 0

    def _wjl_low_rating_analysed(self):
        return not self._wjl_low_rating() or bool(
            self.dissatisfaction_reason and self.improvement_action
        )

    def _wjl_low_rating_message(self):
        return self.env._(
            "Ticket %(ticket)s was rated %(rating)s out of 5: fill in the "
            "dissatisfaction reason and the improvement action before closing "
            "it (R3.5.4).",
            ticket=self.name,
            rating=int(self._wjl_low_rating()),
        )

    # ------------------------------------------------------------------
    # Customer confirmation (portal, R3.5.4)
    # ------------------------------------------------------------------

    def _wjl_customer_confirm(self, rating, comment=None):
        """The customer confirms the solution with a 1-5 rating and a comment.

        The answer is the ticket's ``rating.rating`` (the one the rating pages of
        the emails answer too): see :meth:`rating_apply` for what follows.
        """
        self.ensure_one()
        if self.state != "resolved":
            raise UserError(self.env._("Only a resolved ticket can be confirmed."))
        if str(rating) not in dict(self._wjl_rating_labels()):
            raise UserError(self.env._("Give a rating from 1 to 5."))
        token = self._rating_get_access_token()
        self.rating_apply(int(rating), token=token, feedback=comment or False)
        return True

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        """A customer's rating of a resolved ticket confirms its solution (R3.5.4).

        From the confirmation form of the portal or the rating page of the
        resolved email alike. A rating of 2 or less keeps the ticket resolved
        until customer service records the dissatisfaction reason and the
        improvement action, and raises an alert (kind ``aftersales_rating``) to
        the department manager; a better one closes the ticket.
        """
        result = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        for ticket in self.filtered(lambda t: t.state == "resolved"):
            ticket._wjl_guard_write({"confirmation_state": "satisfied"})
            if ticket._wjl_low_rating():
                self.env["wjl.alert"].raise_alert(
                    ticket,
                    "aftersales_rating",
                    level="warning",
                    message=self.env._(
                        "The customer rated ticket %(ticket)s %(rating)s out of 5: analyse "
                        "the dissatisfaction and record an improvement action (R3.5.4).",
                        ticket=ticket.name,
                        rating=int(rate),
                    ),
                )
            else:
                ticket.action_close()
        return result

    def _rating_apply_get_default_subtype_id(self):
        # the customer's answer is a note of the ticket, as the staff's notes
        return self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")

    def _wjl_customer_reopen(self, comment=None):
        """The customer says the problem is not solved: the ticket reopens."""
        self.ensure_one()
        if self.state != "resolved":
            raise UserError(self.env._("Only a resolved ticket can be reopened."))
        if comment:
            self.message_post(
                body=comment,
                author_id=self.partner_id.id or None,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.action_reopen()
        return True
