# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Messages shown in zh_CN hold no English (issue 11 item 12, R7.2.2)."""

import json

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestChineseMessages(HttpCase, AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("zh_CN"):
            cls.env["res.lang"]._activate_lang("zh_CN")
            cls.env["ir.module.module"].search(
                [("name", "in", ("mail", "wjl_aftersales"))]
            )._update_translations(["zh_CN"])

    def test_missing_stage_names_the_step_in_chinese(self):
        """The step of the flow is named by its zh_CN label, not "Resolved"."""
        self.env["wjl.aftersales.stage"].search([("state", "=", "resolved")]).active = False
        ticket = self._ticket()
        ticket.action_assess()
        ticket.resolution = "<p>Motor replaced</p>"
        with self.assertRaises(UserError) as caught:
            ticket.with_context(lang="zh_CN").action_resolve()
        message = str(caught.exception)
        self.assertIn("已解决", message)
        self.assertNotIn("Resolved", message)

    def test_portal_chatter_terms_in_chinese(self):
        """The portal ticket page loads the mail app's terms: its chatter reads
        "对话内容为空", not "The conversation is empty."."""
        self.authenticate("wjla_portal_a", "wjla_portal_a")
        response = self.url_open("/website/translations/wjla?lang=zh_CN")
        modules = json.loads(response.text)["modules"]
        terms = {m["id"]: m["string"] for m in modules.get("mail", {}).get("messages", [])}
        self.assertEqual(terms.get("The conversation is empty."), "对话内容为空")
