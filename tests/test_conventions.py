"""One way for each concern: the conventions every WJL addon follows (issue 12).

Static checks of the source (size, demo, ORM bypasses, Excel exports) and checks of
the installed database (roles, field guards, reports), so that a new addon that
copies a concern instead of using its shared home fails here.
"""

import ast
import re
from pathlib import Path

from odoo.tests import TransactionCase, tagged

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("wjl_*/__manifest__.py"))
MAX_FILE_LINES = 600
MAX_METHOD_LINES = 60
# ORM bypasses stay only where a bench/ scenario proves the need, its figure beside it
BYPASSES = re.compile(
    r"env\.cache\.update|remove_to_compute|registry\.clear_cache\(|"
    r"_invalidate_cache|UPDATE\s+\w+\s+(AS\s+\w+\s+)?SET|\bUPDATE\s+wjl_\w+"
)


def _python_files(subdirs=("models", "wizard", "report", "controllers")):
    for addon in ADDONS:
        for subdir in subdirs:
            yield from sorted((addon / subdir).glob("*.py"))


def _rel(path):
    return path.relative_to(ROOT)


def test_model_files_and_methods_stay_small():
    """No model file over 600 lines, no method over 60 (issue 12, point 8)."""
    too_long = []
    for path in _python_files():
        source = path.read_text()
        if source.count("\n") > MAX_FILE_LINES:
            too_long.append(f"{_rel(path)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_METHOD_LINES:
                    too_long.append(f"{_rel(path)}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, too_long


def test_no_method_exists_for_the_demo_only():
    """Demo data is records plus calls of the models' real actions (point 1)."""
    demo_methods = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and "demo" in node.name.lower():
                demo_methods.append(f"{_rel(path)}:{node.lineno} {node.name}")
    assert not demo_methods, demo_methods
    called = []
    for addon in ADDONS:
        for xml in sorted((addon / "demo").glob("*.xml")):
            called += [
                f"{_rel(xml)}: {name}"
                for name in re.findall(r'<function[^>]*name="([^"]+)"', xml.read_text())
                if "demo" in name.lower()
            ]
    assert not called, called


def test_orm_bypasses_carry_their_benchmark():
    """A bypass of the ORM stays only with the bench/ figure that proves it (point 5)."""
    unproven = []
    for path in _python_files():
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            if not BYPASSES.search(line) or line.lstrip().startswith("#"):
                continue
            context = "\n".join(lines[max(0, number - 25) : number + 1])
            if "bench" not in context:
                unproven.append(f"{_rel(path)}:{number + 1}: {line.strip()}")
    assert not unproven, unproven


def test_excel_exports_are_reports():
    """Excel files come from report_xlsx reports, not controllers or models (point 2)."""
    hand_built = []
    for path in _python_files(("models", "wizard", "controllers")):
        source = path.read_text()
        if "xlsxwriter" in source or "spreadsheetml" in source:
            hand_built.append(str(_rel(path)))
    assert not hand_built, hand_built
    for path in _python_files(("report",)):
        source = path.read_text()
        if "xlsxwriter" in source:
            assert "report.report_xlsx.abstract" in source, _rel(path)


def test_write_guards_live_in_the_mixin():
    """No addon keeps its own copy of the "who may write which field" guard (point 3)."""
    copies = []
    for path in _python_files():
        source = path.read_text()
        for name in (
            "_write_action_fields",
            "refuse_direct_writes",
            "recheck_write_rules",
            "_ACTION_FIELDS",
            "SERVER_FLOW",
        ):
            if name in source:
                copies.append(f"{_rel(path)}: {name}")
    assert not copies, copies


@tagged("post_install", "-at_install")
class TestConventions(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = cls.env["ir.module.module"].search(
            [("name", "=like", "wjl\\_%"), ("state", "=", "installed")]
        )
        data = cls.env["ir.model.data"].search(
            [("module", "in", cls.modules.mapped("name")), ("model", "=", "res.groups")]
        )
        cls.wjl_groups = cls.env["res.groups"].browse(data.mapped("res_id"))
        cls.base_roles = (
            cls.env.ref("wjl_base.group_wjl_user")
            | cls.env.ref("wjl_base.group_wjl_manager")
            | cls.env.ref("wjl_base.group_wjl_admin")
        )

    def test_roles_point_one_way(self):
        """Stock groups are never modified; the base roles imply no addon group; each
        addon's groups imply the base role they extend (point 4, README)."""
        stock_groups = self.env["res.groups"].search([("id", "not in", self.wjl_groups.ids)])
        modified = stock_groups.filtered(lambda g: g.implied_ids & self.wjl_groups)
        self.assertFalse(modified, f"stock groups imply WJL groups: {modified.mapped('full_name')}")
        addon_groups = self.wjl_groups - self.base_roles
        self.assertTrue(addon_groups)
        for role in self.base_roles:
            implied = role.implied_ids & addon_groups
            self.assertFalse(implied, f"{role.full_name} implies {implied.mapped('full_name')}")
        user_role = self.env.ref("wjl_base.group_wjl_user")
        for group in addon_groups:
            self.assertIn(user_role, group.trans_implied_ids, group.full_name)

    def test_guarded_models_declare_through_the_mixin(self):
        """The models whose fields are decided by actions, roles or states declare it
        with wjl.field.guard.mixin (point 3)."""
        expected = {
            "wjl.alert",
            "wjl.budget",
            "wjl.budget.line",
            "wjl.budget.adjustment",
            "wjl.appraisal",
            "wjl.risk",
            "wjl.risk.indicator",
            "wjl.risk.measure",
            "wjl.aftersales.ticket",
        } & set(self.env.registry)
        self.assertIn("wjl.alert", expected)
        unguarded = sorted(
            name
            for name in expected
            if not any(
                getattr(cls, "_name", None) == "wjl.field.guard.mixin"
                for cls in type(self.env[name]).__mro__
            )
        )
        self.assertFalse(unguarded, unguarded)

    def test_excel_reports_in_the_print_menu(self):
        data = self.env["ir.model.data"].search(
            [("module", "in", self.modules.mapped("name")), ("model", "=", "ir.actions.report")]
        )
        reports = self.env["ir.actions.report"].browse(data.mapped("res_id"))
        xlsx = reports.filtered(lambda r: r.report_type == "xlsx")
        self.assertTrue(xlsx)
        for report in xlsx:
            self.assertTrue(report.binding_model_id, f"{report.report_name} is not in a Print menu")
            self.assertEqual(report.binding_type, "report")
