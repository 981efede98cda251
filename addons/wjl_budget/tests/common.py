# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlFixtures


class WjlBudgetCommon(WjlFixtures, TransactionCase):
    """Two departments, Finance users, accounts, items and a budget factory.

    Built without demo data. The budgets of the tests cover a year far from today
    (``cls.year``) so they never overlap an approved budget of the database.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.year = fields.Date.today().year + 7
        cls.company.wjl_budget_deviation_threshold = 10.0
        cls.finance = cls.wjl_user("wjlb_finance", "wjl_budget.group_budget_manager")
        cls.finance_staff = cls.wjl_user("wjlb_finance_staff", "wjl_budget.group_budget_user")
        cls.head_a = cls.wjl_user("wjlb_head_a", "wjl_base.group_wjl_manager")
        cls.head_b = cls.wjl_user("wjlb_head_b", "wjl_base.group_wjl_manager")
        cls.staff_a = cls.wjl_user("wjlb_staff_a")
        cls.outsider = cls.wjl_user("wjlb_outsider", "base.group_user")
        cls.dept_a = cls.wjl_department(
            "Budget Test A", "WJLB-A", head=cls.head_a, staff=(cls.staff_a,)
        )
        cls.dept_b = cls.wjl_department("Budget Test B", "WJLB-B", head=cls.head_b)
        (cls.dept_a | cls.dept_b)._wjl_ensure_analytic_account()
        cls.analytic_a = cls.dept_a.wjl_analytic_account_id
        cls.analytic_b = cls.dept_b.wjl_analytic_account_id
        cls._setup_items()
        cls.vendor = cls.env["res.partner"].create({"name": "Budget Vendor"})

    @classmethod
    def _setup_items(cls):
        """Accounts and the office, travel, income and cash-out budget items."""
        Account = cls.env["account.account"]
        cls.account_office = Account.create(
            {"name": "Budget Office", "code": "WJLB61", "account_type": "expense"}
        )
        cls.account_travel = Account.create(
            {"name": "Budget Travel", "code": "WJLB62", "account_type": "expense"}
        )
        cls.account_income = Account.create(
            {"name": "Budget Sales", "code": "WJLB41", "account_type": "income"}
        )
        Item = cls.env["wjl.budget.item"]
        cls.item_office = Item.create(
            {
                "name": "Office",
                "code": "WJLB-OFF",
                "category": "expense",
                "account_ids": [Command.set(cls.account_office.ids)],
            }
        )
        cls.item_travel = Item.create(
            {
                "name": "Travel",
                "code": "WJLB-TRV",
                "category": "expense",
                "account_ids": [Command.set(cls.account_travel.ids)],
            }
        )
        cls.item_income = Item.create(
            {
                "name": "Sales",
                "code": "WJLB-REV",
                "category": "income",
                "account_ids": [Command.set(cls.account_income.ids)],
            }
        )
        cls.bank_journal = cls.env["account.journal"].create(
            {"name": "Budget Bank", "code": "WJBK", "type": "bank"}
        )
        cls.item_cash_out = Item.create(
            {
                "name": "Cash out",
                "code": "WJLB-FOUT",
                "category": "fund",
                "fund_direction": "out",
                "journal_ids": [Command.set(cls.bank_journal.ids)],
            }
        )

    # ------------------------------------------------------------------
    # factories
    # ------------------------------------------------------------------

    @classmethod
    def _month(cls, month):
        return date(cls.year, month, 1)

    @classmethod
    def _make_budget(cls, lines, state="approved", name="Test budget"):
        """Budget of ``cls.year`` with ``lines`` = [(department, item, month, amount)]."""
        budget = cls.env["wjl.budget"].create(
            {
                "name": name,
                "date_from": date(cls.year, 1, 1),
                "date_to": date(cls.year, 12, 31),
            }
        )
        cls.env["wjl.budget.line"].create(
            [
                {
                    "budget_id": budget.id,
                    "department_id": department.id,
                    "item_id": item.id,
                    "date_from": cls._month(month),
                    "date_to": cls._month(month) + relativedelta(day=31),
                    "amount_planned": amount,
                }
                for department, item, month, amount in lines
            ]
        )
        if state in ("submitted", "approved"):
            budget.action_submit()
        if state == "approved":
            budget.action_approve()
        return budget

    @classmethod
    def _line(cls, budget, department, item, month):
        return budget.line_ids.filtered(
            lambda line: line.department_id == department
            and line.item_id == item
            and line.date_from == cls._month(month)
        )

    @classmethod
    def _post_move(cls, account, amount, distribution, day, move_type="in_invoice"):
        """Post an invoice or bill of one line on ``account`` dated ``day``."""
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": cls.vendor.id,
                "invoice_date": day,
                "date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Budget test",
                            "quantity": 1,
                            "price_unit": amount,
                            "account_id": account.id,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": distribution,
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _dist(cls, **weights):
        accounts = {"a": cls.analytic_a, "b": cls.analytic_b}
        return {str(accounts[key].id): pct for key, pct in weights.items()}

    def _evaluation_xlsx(self, budget, user):
        """The year-end evaluation (R5.1.4) as ``user`` downloads it from the Print menu."""
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx("wjl_budget.action_report_budget_evaluation_xlsx", budget.ids, {})[0]
        )
