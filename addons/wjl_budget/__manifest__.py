# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Budget",
    "summary": "Annual budget compiled by Finance, allocated to departments, checked "
    "at purchase confirmation, monitored for deviation and evaluated at year end "
    "(R5.1, R5.2, R5.3)",
    "version": "18.0.1.2.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_base", "account", "analytic", "report_xlsx"],
    "data": [
        "security/wjl_budget_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/wjl_budget_evaluation_report.xml",
        "wizard/wjl_budget_allocate_views.xml",
        "wizard/wjl_budget_roll_forward_views.xml",
        "views/wjl_budget_item_views.xml",
        "views/wjl_budget_line_views.xml",
        "views/wjl_budget_adjustment_views.xml",
        "views/wjl_budget_views.xml",
        "views/wjl_budget_analysis_views.xml",
        "views/res_config_settings_views.xml",
        "views/wjl_budget_menus.xml",
    ],
    "demo": [
        "demo/wjl_budget_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "wjl_budget/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
