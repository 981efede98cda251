# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Quality Control - Manufacturing",
    "summary": "In-process and finished-goods quality gates on manufacturing orders "
    "(R3.3.3, R3.3.4)",
    "version": "18.0.1.0.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_quality", "mrp"],
    "data": [
        "security/ir.model.access.csv",
        "report/wjl_quality_mrp_reports.xml",
        "views/mrp_production_views.xml",
        "views/wjl_quality_views.xml",
    ],
    "demo": [
        "demo/wjl_quality_mrp_demo.xml",
    ],
    "installable": True,
    "auto_install": True,
    "application": False,
}
