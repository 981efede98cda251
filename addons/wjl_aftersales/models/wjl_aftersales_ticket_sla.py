# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class WjlAftersalesTicket(models.Model):
    """Service-level and auto-close jobs of the after-sales tickets (R3.5.2, R3.5.4)."""

    _inherit = "wjl.aftersales.ticket"

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_update_sla(self):
        """Mark open tickets at risk and breached; raise, resolve and escalate alerts.

        Every open ticket stores when its service level must next be looked at
        (``sla_next_check``: its at-risk point, its deadline, or the end of the
        escalation delay). One SQL statement, whatever the number of tickets,
        updates the tickets that are due through a partial index; alerts are then
        raised in one call per level and per group of responsible users, for the
        tickets whose state just changed only.
        """
        self.flush_model()
        self.env["res.company"].flush_model(["wjl_aftersales_escalation_hours"])
        now = fields.Datetime.now()
        new_state = SQL(
            """CASE WHEN t.deadline <= %(now)s THEN 'breached'
                    WHEN t.date_sla_risk <= %(now)s THEN 'at_risk'
                    ELSE 'on_time' END""",
            now=now,
        )
        breached_on = SQL("COALESCE(t.date_breached, %s)", now)
        escalation = SQL("COALESCE(c.wjl_aftersales_escalation_hours, 0) * INTERVAL '1 hour'")
        escalated = SQL(
            """(%(state)s = 'breached'
                AND (t.sla_escalated OR %(breached_on)s + %(escalation)s <= %(now)s))""",
            state=new_state,
            breached_on=breached_on,
            escalation=escalation,
            now=now,
        )
        # "old" is the same row before the update (joined on the primary key): it
        # gives the previous state of the updated tickets.
        rows = self.env.execute_query(
            SQL(
                """
                UPDATE wjl_aftersales_ticket t
                   SET sla_state = %(state)s,
                       date_breached = CASE WHEN %(state)s = 'breached'
                                            THEN %(breached_on)s END,
                       sla_escalated = %(escalated)s,
                       sla_next_check = CASE
                            WHEN %(state)s = 'on_time' THEN t.date_sla_risk
                            WHEN %(state)s = 'at_risk' THEN t.deadline
                            WHEN %(escalated)s THEN NULL
                            ELSE %(breached_on)s + %(escalation)s END,
                       write_date = %(now)s,
                       write_uid = %(uid)s
                  FROM wjl_aftersales_ticket old, res_company c
                 WHERE old.id = t.id
                   AND c.id = t.company_id
                   AND t.state IN ('new', 'assessed', 'in_progress')
                   AND t.active
                   AND t.sla_next_check <= %(now)s
             RETURNING t.id, t.sla_state, old.sla_state, t.sla_escalated,
                       old.sla_escalated, t.severity
                """,
                state=new_state,
                breached_on=breached_on,
                escalated=escalated,
                escalation=escalation,
                now=now,
                uid=self.env.uid,
            )
        )
        if not rows:
            return True
        self.invalidate_model(
            [
                "sla_state",
                "date_breached",
                "sla_escalated",
                "sla_next_check",
                "write_date",
                "write_uid",
            ]
        )
        breached = defaultdict(list)
        recovered, escalated_ids = [], []
        for ticket_id, state, old_state, is_escalated, was_escalated, severity in rows:
            if state == "breached" and old_state != "breached":
                level = "critical" if severity == "critical" else "warning"
                breached[level].append(ticket_id)
            elif old_state == "breached" and state != "breached":
                recovered.append(ticket_id)
            if is_escalated and not was_escalated:
                escalated_ids.append(ticket_id)
        Alert = self.env["wjl.alert"]
        for level, ids in breached.items():
            Alert.raise_alert(
                self.browse(ids),
                "aftersales_sla",
                level=level,
                message=self.env._(
                    "The service level of the ticket is breached: its deadline has "
                    "passed while it is still open."
                ),
            )
        if recovered:
            # a deadline moved back (e.g. lower severity): the breach is over
            Alert.resolve_alert(self.browse(recovered), "aftersales_sla")
        if escalated_ids:
            by_users = defaultdict(list)
            for ticket in self.browse(escalated_ids):
                users = ticket.user_id | ticket.department_id.sudo().manager_id.user_id
                by_users[users].append(ticket.id)
            for users, ids in by_users.items():
                Alert.raise_alert(
                    self.browse(ids),
                    "aftersales_sla",
                    level="critical",
                    message=self.env._(
                        "Escalated: the ticket is still open long after its service "
                        "level was breached."
                    ),
                    users=users or None,
                )
        return True

    @api.model
    def _cron_autoclose(self):
        """Close resolved tickets the customer left unconfirmed for N days (R3.5.4)."""
        now = fields.Datetime.now()
        closed = self.browse()
        companies = self.env["res.company"].search([("wjl_aftersales_autoclose_days", ">", 0)])
        domain = [("state", "=", "resolved"), ("confirmation_state", "=", "pending")]
        by_days = defaultdict(list)
        for company in companies:
            by_days[company.wjl_aftersales_autoclose_days].append(company.id)
        for days, company_ids in by_days.items():
            closed |= self.search(
                domain
                + [
                    ("company_id", "in", company_ids),
                    ("date_resolved", "<=", now - timedelta(days=days)),
                ]
            )
        if closed:
            closed._wjl_server_flow().write(
                {
                    "stage_id": self._wjl_stage("closed").id,
                    "auto_closed": True,
                    "confirmation_state": "auto",
                }
            )
        return closed
