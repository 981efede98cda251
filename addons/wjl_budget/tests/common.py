# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class WjlBudgetCommon(TransactionCase):
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
        cls.company.write(
            {
                "wjl_budget_control_action": "stop",
                "wjl_budget_tolerance": 0.0,
                "wjl_budget_deviation_threshold": 10.0,
                "po_double_validation": "one_step",
            }
        )
        cls.finance = new_test_user(
            cls.env, "wjlb_finance", groups="wjl_budget.group_budget_manager"
        )
        cls.finance_staff = new_test_user(
            cls.env, "wjlb_finance_staff", groups="wjl_budget.group_budget_user"
        )
        cls.head_a = new_test_user(cls.env, "wjlb_head_a", groups="wjl_base.group_wjl_manager")
        cls.head_b = new_test_user(cls.env, "wjlb_head_b", groups="wjl_base.group_wjl_manager")
        cls.staff_a = new_test_user(cls.env, "wjlb_staff_a", groups="wjl_base.group_wjl_user")
        cls.outsider = new_test_user(cls.env, "wjlb_outsider", groups="base.group_user")
        cls.buyer = new_test_user(cls.env, "wjlb_buyer", groups="purchase.group_purchase_manager")

        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "Budget Test A", "wjl_code": "WJLB-A"})
        cls.dept_b = Department.create({"name": "Budget Test B", "wjl_code": "WJLB-B"})
        Employee = cls.env["hr.employee"]
        cls.dept_a.manager_id = Employee.create(
            {"name": "Head A", "user_id": cls.head_a.id, "department_id": cls.dept_a.id}
        )
        cls.dept_b.manager_id = Employee.create(
            {"name": "Head B", "user_id": cls.head_b.id, "department_id": cls.dept_b.id}
        )
        Employee.create(
            {"name": "Staff A", "user_id": cls.staff_a.id, "department_id": cls.dept_a.id}
        )
        (cls.dept_a | cls.dept_b)._wjl_ensure_analytic_account()
        cls.analytic_a = cls.dept_a.wjl_analytic_account_id
        cls.analytic_b = cls.dept_b.wjl_analytic_account_id

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
        cls.vendor = cls.env["res.partner"].create({"name": "Budget Vendor"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "Budget paper",
                "type": "service",
                "purchase_method": "purchase",
                "standard_price": 100.0,
                "property_account_expense_id": cls.account_office.id,
                "supplier_taxes_id": [Command.clear()],
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
    def _make_po(cls, amount, distribution, month=3, qty=1.0, user=None):
        env = cls.env(user=user) if user else cls.env
        return env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "date_order": fields.Datetime.to_datetime(cls._month(month)).replace(hour=10),
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_qty": qty,
                            "price_unit": amount / qty,
                            "taxes_id": [Command.clear()],
                            "analytic_distribution": distribution,
                        }
                    )
                ],
            }
        )

    @classmethod
    def _dist(cls, **weights):
        accounts = {"a": cls.analytic_a, "b": cls.analytic_b}
        return {str(accounts[key].id): pct for key, pct in weights.items()}
