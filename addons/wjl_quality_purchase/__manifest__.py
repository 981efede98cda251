# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Quality Control - Purchase",
    "summary": "Buyers read the quality inspections and nonconformances of their suppliers "
    "(R3.3.3, R1.2)",
    "version": "18.0.1.0.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_quality", "purchase"],
    "data": [
        "security/ir.model.access.csv",
        "views/stock_picking_views.xml",
    ],
    "demo": [
        "demo/wjl_quality_purchase_demo.xml",
    ],
    "installable": True,
    "auto_install": True,
    "application": False,
}
