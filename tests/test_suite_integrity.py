"""Cross-addon checks over every installed WJL addon (R7.2.2: access control).

They hold each addon to the suite's rules: one 运营管理 menu root, access rights
for every model, no global access rows, complete zh_CN translations.
"""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged

ROOT = Path(__file__).resolve().parent.parent


@tagged("post_install", "-at_install")
class TestSuiteIntegrity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = cls.env["ir.module.module"].search(
            [("name", "=like", "wjl\\_%"), ("state", "=", "installed")]
        )

    def _module_records(self, model):
        return self.env["ir.model.data"].search(
            [("module", "in", self.modules.mapped("name")), ("model", "=", model)]
        )

    def test_menus_under_one_root(self):
        root = self.env.ref("wjl_base.menu_wjl_root")
        menus = self.env["ir.ui.menu"].browse(self._module_records("ir.ui.menu").mapped("res_id"))
        self.assertIn(root, menus)
        for menu in menus - root:
            top = menu
            while top.parent_id:
                top = top.parent_id
            self.assertEqual(top, root, f"menu {menu.complete_name} is outside 运营管理")

    def test_every_model_has_access_rights(self):
        models = self.env["ir.model"].browse(self._module_records("ir.model").mapped("res_id"))
        self.assertTrue(models)
        for model in models:
            if model.model not in self.env or self.env[model.model]._abstract:
                continue
            accesses = model.access_ids
            self.assertTrue(accesses, f"{model.model} has no access rights")
            self.assertFalse(
                accesses.filtered(lambda a: not a.group_id),
                f"{model.model} has an access row for everybody (no group)",
            )

    def test_translations_complete(self):
        for module in self.modules:
            po_path = ROOT / "addons" / module.name / "i18n" / "zh_CN.po"
            pot_path = ROOT / "addons" / module.name / "i18n" / f"{module.name}.pot"
            po = polib.pofile(str(po_path))
            self.assertEqual(po.metadata.get("Language"), "zh_CN", module.name)
            untranslated = [e.msgid for e in po if not e.msgstr and e.msgid]
            self.assertFalse(untranslated, f"{module.name}: untranslated {untranslated[:5]}")
            translated = {e.msgid for e in po}
            missing = [e.msgid for e in polib.pofile(str(pot_path)) if e.msgid not in translated]
            self.assertFalse(missing, f"{module.name}: not in zh_CN.po {missing[:5]}")

    def test_root_menu_in_chinese(self):
        """The test command loads zh_CN: the staff's language (README)."""
        self.assertTrue(self.env["res.lang"]._lang_get("zh_CN"))
        root = self.env.ref("wjl_base.menu_wjl_root").with_context(lang="zh_CN")
        self.assertEqual(root.name, "运营管理")
