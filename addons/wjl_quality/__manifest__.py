# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Quality Control",
    "summary": "Quality gates on receipts, quarantine of failed goods, nonconformances, "
    "inspection reports and a supplier portal (R3.3.3, R3.3.4)",
    "version": "18.0.1.1.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    # Manufacturing stages: wjl_quality_mrp; purchase users: wjl_quality_purchase
    # (both installed automatically with mrp / purchase).
    "depends": ["wjl_base", "stock", "portal", "report_xlsx"],
    "data": [
        "security/wjl_quality_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "report/wjl_quality_reports.xml",
        "report/report_inspection_templates.xml",
        "views/wjl_quality_gate_views.xml",
        "views/wjl_quality_inspection_views.xml",
        "views/wjl_quality_nonconformance_views.xml",
        "views/stock_picking_views.xml",
        "views/stock_warehouse_views.xml",
        "views/stock_lot_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/wjl_quality_menus.xml",
    ],
    "demo": [
        "demo/wjl_quality_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "wjl_quality/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": False,
}
