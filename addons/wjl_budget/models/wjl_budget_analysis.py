# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from .wjl_budget import STATES
from .wjl_budget_item import CATEGORIES


class WjlBudgetAnalysis(models.Model):
    """Budget dashboard: planned against actual by department, category and month.

    A read-only SQL view over the budget lines; actual amounts are read live
    from the analytic ledger (cash movements for fund lines) as the lines read
    them (:class:`wjl.budget.ledger.mixin`), committed amounts from
    :meth:`wjl.budget.line._sql_committed` (R5.1.3, R5.3).
    """

    _name = "wjl.budget.analysis"
    _description = "Budget Analysis"
    _auto = False
    _order = "date_from desc, department_id, item_id"
    _rec_name = "line_id"
    _depends = {
        "wjl.budget.line": [
            "budget_id",
            "state",
            "company_id",
            "department_id",
            "item_id",
            "category",
            "date_from",
            "date_to",
            "amount_planned",
            "amount_adjusted",
            "analytic_account_id",
            "deviation_explanation",
        ],
        "wjl.budget.item": ["fund_direction", "account_ids", "journal_ids", "category"],
        "account.analytic.line": ["amount", "general_account_id", "date", "company_id"],
        "account.move.line": [
            "parent_state",
            "account_id",
            "date",
            "debit",
            "credit",
            "company_id",
            "journal_id",
        ],
        "account.journal": ["default_account_id"],
        "account.payment.method.line": ["journal_id", "payment_account_id"],
    }

    line_id = fields.Many2one("wjl.budget.line", string="Budget Line", readonly=True)
    budget_id = fields.Many2one("wjl.budget", readonly=True)
    state = fields.Selection(STATES, string="Budget State", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    item_id = fields.Many2one("wjl.budget.item", string="Budget Item", readonly=True)
    category = fields.Selection(CATEGORIES, readonly=True)
    fund_direction = fields.Selection([("in", "Cash In"), ("out", "Cash Out")], readonly=True)
    date_from = fields.Date(string="Month", readonly=True)
    amount_planned = fields.Monetary(string="Planned", readonly=True)
    amount_adjusted = fields.Monetary(string="Adjusted", readonly=True)
    amount_actual = fields.Monetary(string="Actual", readonly=True)
    amount_committed = fields.Monetary(string="Committed", readonly=True)
    amount_available = fields.Monetary(string="Available", readonly=True)
    variance = fields.Monetary(readonly=True)
    net_planned = fields.Monetary(
        string="Net Cash Planned",
        readonly=True,
        help="Fund budget: planned cash in counted positive, cash out negative (R5.3).",
    )
    net_actual = fields.Monetary(
        string="Net Cash Actual",
        readonly=True,
        help="Fund budget: actual cash in counted positive, cash out negative (R5.3).",
    )
    deviation_explanation = fields.Text(readonly=True)

    def _sql_amounts(self):
        """SQL: ``(line_id, actual, committed)`` of every budget line."""
        Line = self.env["wjl.budget.line"]
        return SQL(
            """
            WITH line_accounts AS (%(line_accounts)s),
            actual AS (%(actual)s),
            fund_accounts AS (
                SELECT bl.id AS line_id, j.id AS journal_id, j.default_account_id AS account_id
                  FROM wjl_budget_line bl
                  JOIN wjl_budget_item_journal_rel jrel ON jrel.item_id = bl.item_id
                  JOIN account_journal j ON j.id = jrel.journal_id
                 WHERE bl.category = 'fund' AND j.default_account_id IS NOT NULL
                 UNION
                SELECT bl.id, pml.journal_id, pml.payment_account_id
                  FROM wjl_budget_line bl
                  JOIN wjl_budget_item_journal_rel jrel ON jrel.item_id = bl.item_id
                  JOIN account_payment_method_line pml ON pml.journal_id = jrel.journal_id
                 WHERE bl.category = 'fund' AND pml.payment_account_id IS NOT NULL
            ),
            fund_actual AS (
                SELECT bl.id AS line_id,
                       SUM(CASE WHEN it.fund_direction = 'in' THEN aml.debit
                                ELSE aml.credit END) AS amount
                  FROM wjl_budget_line bl
                  JOIN wjl_budget_item it ON it.id = bl.item_id
                  JOIN fund_accounts fa ON fa.line_id = bl.id
                  JOIN account_move_line aml
                    ON aml.journal_id = fa.journal_id
                   AND aml.account_id = fa.account_id
                   AND aml.company_id = bl.company_id
                   AND aml.parent_state = 'posted'
                   AND aml.date >= bl.date_from
                   AND aml.date <= bl.date_to
              GROUP BY bl.id
            ),
            committed AS (%(committed)s)
            SELECT bl.id,
                   COALESCE(actual.amount, 0) + COALESCE(fund_actual.amount, 0),
                   COALESCE(committed.amount, 0)
              FROM wjl_budget_line bl
         LEFT JOIN actual ON actual.line_id = bl.id
         LEFT JOIN fund_actual ON fund_actual.line_id = bl.id
         LEFT JOIN committed ON committed.line_id = bl.id
            """,
            line_accounts=Line._sql_line_accounts(SQL("TRUE")),
            actual=Line._sql_ledger_actual(),
            committed=Line._sql_committed(),
        )

    def _query(self):
        amounts = self._sql_amounts()
        return SQL(
            """
            WITH amounts AS (%(amounts)s)
            SELECT bl.id AS id,
                   bl.id AS line_id,
                   bl.budget_id,
                   bl.state,
                   bl.company_id,
                   company.currency_id,
                   bl.department_id,
                   bl.item_id,
                   bl.category,
                   it.fund_direction,
                   bl.date_from,
                   bl.amount_planned,
                   bl.amount_adjusted,
                   a.actual AS amount_actual,
                   a.committed AS amount_committed,
                   bl.amount_adjusted - a.actual - a.committed AS amount_available,
                   a.actual - bl.amount_adjusted AS variance,
                   CASE WHEN bl.category != 'fund' THEN 0
                        WHEN it.fund_direction = 'in' THEN bl.amount_adjusted
                        ELSE -bl.amount_adjusted END AS net_planned,
                   CASE WHEN bl.category != 'fund' THEN 0
                        WHEN it.fund_direction = 'in' THEN a.actual
                        ELSE -a.actual END AS net_actual,
                   bl.deviation_explanation
              FROM wjl_budget_line bl
              JOIN amounts a (line_id, actual, committed) ON a.line_id = bl.id
              JOIN wjl_budget_item it ON it.id = bl.item_id
              JOIN res_company company ON company.id = bl.company_id
            """,
            amounts=amounts,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
