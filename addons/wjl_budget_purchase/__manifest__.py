# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Budget - Purchase",
    "summary": "Purchase orders commit the budget and are checked against it at "
    "confirmation (R5.2)",
    "version": "18.0.1.0.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_budget", "purchase"],
    "data": [
        "views/wjl_budget_item_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/wjl_budget_purchase_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
