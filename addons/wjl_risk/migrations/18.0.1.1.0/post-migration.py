# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bring the department limits of the risk write rules to existing databases.

The record rules are ``noupdate`` data, so an upgrade does not rewrite them by
itself; these two are a security fix (R7.2.2): staff create and edit risks only
inside their own departments.
"""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.misc import file_path

RULES = ("wjl_risk_rule_user_create", "wjl_risk_rule_user_write")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    tree = etree.parse(file_path("wjl_risk/security/wjl_risk_security.xml"))
    for xmlid in RULES:
        rule = env.ref(f"wjl_risk.{xmlid}", raise_if_not_found=False)
        node = tree.find(f".//record[@id='{xmlid}']")
        if rule and node is not None:
            rule.write(
                {
                    field.get("name"): field.text
                    for field in node.iter("field")
                    if field.get("name") in ("name", "domain_force")
                }
            )
