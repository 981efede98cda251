# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.modules.module import get_manifest
from odoo.tests import tagged

from .common import WjlBudgetPurchaseCommon


@tagged("post_install", "-at_install")
class TestBudgetCommitted(WjlBudgetPurchaseCommon):
    """Committed amounts of budget lines: confirmed purchase orders not billed yet (R5.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._make_budget([(cls.dept_a, cls.item_office, 3, 2000.0)])
        cls.office_a3 = cls._line(cls.budget, cls.dept_a, cls.item_office, 3)

    def test_committed_moves_to_actual_when_billed(self):
        """A confirmed PO commits its amount; the posted bill turns it into actual (R5.2)."""
        po = self._make_po(1200.0, self._dist(a=50, b=50), month=3, qty=4)
        self.assertEqual(po.order_line.wjl_account_id, self.account_office)
        self.assertEqual(self.office_a3.amount_committed, 0.0, "a draft PO commits nothing")
        po.button_confirm()
        self.office_a3.invalidate_recordset()
        self.assertRecordValues(
            self.office_a3,
            [{"amount_committed": 600.0, "amount_actual": 0.0, "amount_available": 1400.0}],
        )
        # bill 3 of the 4 units
        action = po.action_create_invoice()
        bill = self.env["account.move"].browse(action["res_id"])
        bill.invoice_date = self._month(3)
        bill.date = self._month(3)
        bill.invoice_line_ids.quantity = 3
        self.office_a3.invalidate_recordset()
        self.assertEqual(self.office_a3.amount_committed, 600.0, "a draft bill is not spent yet")
        bill.action_post()
        self.office_a3.invalidate_recordset()
        self.assertRecordValues(
            self.office_a3,
            [{"amount_committed": 150.0, "amount_actual": 450.0, "amount_available": 1400.0}],
        )

    def test_dashboard_shows_committed(self):
        """The dashboard's view reads the commitments of this module too."""
        self._make_po(1200.0, self._dist(a=50, b=50), month=3, qty=4).button_confirm()
        analysis = self.env["wjl.budget.analysis"].search([("line_id", "=", self.office_a3.id)])
        self.assertRecordValues(analysis, [{"amount_committed": 600.0, "amount_available": 1400.0}])

    def test_bridge(self):
        """The budget installs without Purchase; this bridge comes with both (issue 12)."""
        self.assertNotIn("purchase", get_manifest("wjl_budget")["depends"])
        manifest = get_manifest("wjl_budget_purchase")
        self.assertTrue(manifest["auto_install"])
        self.assertEqual(set(manifest["depends"]), {"wjl_budget", "purchase"})
