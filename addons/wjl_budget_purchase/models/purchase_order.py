# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def button_approve(self, force=False):
        """Check the budget before the order commits money (R5.2).

        ``button_confirm`` approves through this method, as does the second
        approval of a two-step validation, so every order that becomes a
        purchase order is checked exactly once: first on this transaction's
        snapshot (an order over budget is refused before anything is done),
        then, once approved, under the lock of its budget lines with what other
        transactions committed meanwhile (:meth:`_wjl_budget_check`). Locking
        last keeps the lines locked only for the end of the transaction.

        ``wjl_budget_skip_check`` (superuser code only, e.g. benchmarks that
        measure stock Odoo) leaves the budget out; RPC cannot set it.
        """
        if self.env.context.get("wjl_budget_skip_check") and self.env.su:
            return super().button_approve(force=force)
        orders = self.filtered(
            lambda o: o.state in ("draft", "sent", "to approve") and o._approval_allowed()
        )
        rows = orders._wjl_budget_figures() if orders else []
        orders._wjl_budget_check(rows, final=False)
        result = super().button_approve(force=force)
        orders._wjl_budget_check(rows)
        return result

    def _wjl_budget_figures(self):
        """Budget lines concerned by these orders, with their figures, in one query.

        :return: list of (budget line id, amount of these orders in company
            currency, control action, tolerance %, adjusted planned amount, actual,
            committed)
        """
        self.env["wjl.budget.line"]._flush_committed_sources()
        self.env["account.analytic.line"].flush_model()
        self.env["res.company"].flush_model(["wjl_budget_control_action", "wjl_budget_tolerance"])
        self.env["wjl.budget.item"].flush_model(["control_action", "account_ids", "category"])
        self.env["wjl.budget.line"].flush_model(
            [
                "analytic_account_id",
                "company_id",
                "state",
                "date_from",
                "date_to",
                "item_id",
                "amount_adjusted",
            ]
        )
        self.env.cr.execute(self._wjl_budget_sql_figures())
        return self.env.cr.fetchall()

    def _wjl_budget_sql_figures(self):
        """SQL of :meth:`_wjl_budget_figures`.

        A lean statement (short to plan, it runs at every confirmation): the
        lines concerned, then their actual and committed amounts, attributed
        like ``wjl.budget.line._fetch_amounts()`` does: the analytic ledger for
        actual amounts, the purchase order lines for committed amounts.
        """
        Line = self.env["wjl.budget.line"]
        return SQL(
            """
                WITH %(matched)s,
                line_accounts AS (
                    SELECT m.line_id, m.company_id, m.date_from, m.date_to,
                           m.analytic_account_id, m.category, rel.account_id
                      FROM matched m
                      JOIN wjl_budget_item_account_rel rel ON rel.item_id = m.item_id
                     WHERE m.action != 'ignore'
                ),
                actual AS (%(actual)s),
                committed AS (%(committed)s)
                SELECT m.line_id, m.amount, m.action, m.tolerance, m.amount_adjusted,
                       COALESCE(actual.amount, 0), COALESCE(committed.amount, 0)
                  FROM matched m
             LEFT JOIN actual ON actual.line_id = m.line_id
             LEFT JOIN committed ON committed.line_id = m.line_id
                 WHERE m.action != 'ignore'
              ORDER BY m.line_id
                """,
            matched=self._wjl_budget_sql_matched(),
            actual=Line._sql_ledger_actual(),
            committed=Line._sql_committed(),
        )

    def _wjl_budget_check(self, rows, final=True):
        """Compare these orders with the available budget of their lines (R5.2).

        ``stop`` refuses the confirmation with the list of the lines over budget,
        ``warn`` confirms and raises a ``budget_overrun`` alert, ``ignore`` does
        nothing; an overrun within the tolerance percentage is accepted.

        Concurrency: for the ``final`` check, the budget lines under ``stop`` are
        locked (:meth:`wjl.budget.line._lock_for_control`), so a concurrent
        confirmation against the same lines waits for this one to end; the
        figures are then compared with the latest committed ones, which include
        what the transaction waited for: two users cannot both spend the same
        last available amount, and neither gets a serialization error.

        :param list rows: :meth:`_wjl_budget_figures` of these orders, read
            before they were approved
        :param bool final: lock and read the latest figures, raise the alerts
        """
        if not self or not rows:
            return
        # The budget check is a company rule applied to whoever confirms the order:
        # buyers need not be allowed to read the budget for it to apply.
        Line = self.env["wjl.budget.line"].sudo()
        latest = {}
        if final:
            stop_lines = Line.browse([row[0] for row in rows if row[2] == "stop"])
            stop_lines._lock_for_control()
            latest = stop_lines._fetch_committed_amounts("_fetch_ledger_figures")
        rounding = self.env.company.currency_id.rounding
        over = defaultdict(list)
        for (
            line_id,
            amount,
            action,
            tolerance,
            adjusted,
            actual,
            committed,
        ) in self._wjl_budget_latest(rows, latest):
            allowed = adjusted * (1.0 + float(tolerance or 0.0) / 100.0)
            if float_compare(actual + committed + amount, allowed, precision_rounding=rounding) > 0:
                over[action].append((Line.browse(line_id), actual, committed, amount))
        if over.get("stop"):
            raise UserError(self._wjl_budget_message(over["stop"], refused=True))
        if final and over.get("warn"):
            self._wjl_budget_warn(over["warn"])

    def _wjl_budget_sql_matched(self):
        """SQL: CTEs ``order_keys`` (the analytic accounts of these orders' lines,
        with their amounts) and ``matched`` (the budget lines they concern)."""
        return SQL(
            """
                order_keys AS MATERIALIZED (
                    -- the analytic accounts of the order lines, with their amounts
                    SELECT pol.wjl_account_id AS account_id, po.company_id,
                           po.date_order::date AS day, key_id::int AS analytic_id,
                           pol.price_subtotal / COALESCE(NULLIF(po.currency_rate, 0), 1)
                           * dist.value::numeric / 100.0 AS amount
                      FROM purchase_order_line pol
                      JOIN purchase_order po ON po.id = pol.order_id
                     CROSS JOIN LATERAL jsonb_each_text(pol.analytic_distribution)
                           AS dist(key, value)
                     CROSS JOIN LATERAL unnest(string_to_array(dist.key, ',')) AS key_id
                     WHERE pol.order_id = ANY(%(order_ids)s)
                       AND pol.display_type IS NULL
                       AND pol.wjl_account_id IS NOT NULL
                       AND pol.analytic_distribution IS NOT NULL
                ),
                matched AS MATERIALIZED (
                    SELECT bl.id AS line_id, bl.item_id, bl.company_id, bl.date_from,
                           bl.date_to, bl.analytic_account_id, it.category,
                           SUM(k.amount) AS amount,
                           COALESCE(it.control_action, company.wjl_budget_control_action,
                                    'warn') AS action,
                           COALESCE(company.wjl_budget_tolerance, 0) AS tolerance,
                           bl.amount_adjusted
                      FROM order_keys k
                      JOIN wjl_budget_line bl
                        ON bl.analytic_account_id = k.analytic_id
                       AND bl.company_id = k.company_id
                       AND bl.state = 'approved'
                       AND bl.date_from <= k.day
                       AND bl.date_to >= k.day
                      JOIN wjl_budget_item it ON it.id = bl.item_id
                      JOIN wjl_budget_item_account_rel rel
                        ON rel.item_id = it.id AND rel.account_id = k.account_id
                      JOIN res_company company ON company.id = k.company_id
                  GROUP BY bl.id, it.category, it.control_action,
                           company.wjl_budget_control_action, company.wjl_budget_tolerance
                )
            """,
            order_ids=self.ids,
        )

    @api.model
    def _wjl_budget_latest(self, rows, latest):
        """The rows of :meth:`_wjl_budget_figures` with the latest committed figures.

        Where what others committed since this transaction's snapshot weighs more
        (actual + committed), or leaves less planned, the latest figures count.

        :param dict latest: line id -> (actual, committed, adjusted), see
            ``wjl.budget.line._fetch_committed_amounts``
        """
        result = []
        for line_id, amount, action, tolerance, adjusted, actual, committed in rows:
            amount, adjusted = float(amount or 0.0), float(adjusted or 0.0)
            actual, committed = float(actual or 0.0), float(committed or 0.0)
            if line_id in latest:
                new_actual, new_committed, new_adjusted = latest[line_id]
                if new_actual + new_committed > actual + committed:
                    actual, committed = new_actual, new_committed
                adjusted = min(adjusted, new_adjusted)
            result.append((line_id, amount, action, tolerance, adjusted, actual, committed))
        return result

    def _wjl_budget_message(self, rows, refused):
        parts = [
            self.env._(
                "The purchase order %(orders)s exceeds the budget and cannot be "
                "confirmed (R5.2):",
                orders=", ".join(self.mapped("name")),
            )
            if refused
            else self.env._(
                "The purchase order %(orders)s exceeds the budget (R5.2):",
                orders=", ".join(self.mapped("name")),
            )
        ]
        for line, actual, committed, amount in rows:
            currency = line.currency_id
            parts.append(
                self.env._(
                    "- %(line)s: planned %(planned)s, actual %(actual)s, committed "
                    "%(committed)s, available %(available)s, this order %(amount)s",
                    line=line.display_name,
                    planned=currency.format(line.amount_adjusted),
                    actual=currency.format(actual),
                    committed=currency.format(committed),
                    available=currency.format(line.amount_adjusted - actual - committed),
                    amount=currency.format(amount),
                )
            )
        if refused:
            parts.append(
                self.env._("Reduce the order or ask Finance for a budget adjustment (R5.1.3).")
            )
        return "\n".join(parts)

    def _wjl_budget_warn(self, rows):
        message = self._wjl_budget_message(rows, refused=False)
        Alert = self.env["wjl.alert"]
        for line, *__ in rows:
            Alert.raise_alert(
                line,
                "budget_overrun",
                level="warning",
                message=Markup("<br/>").join(
                    self._wjl_budget_message(
                        [row for row in rows if row[0] == line], refused=False
                    ).split("\n")
                ),
            )
        body = Markup("<br/>").join(message.split("\n"))
        for order in self:
            # a note, not a message: buyers without an email address confirm too
            order._message_log(body=body)
