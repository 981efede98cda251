# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL After-Sales Service",
    "summary": "After-sales tickets: intake on every channel, routing by problem class, "
    "service levels, satisfaction, archive and periodic summary (R3.5.1-R3.5.5)",
    "version": "18.0.1.0.2",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_base", "sale_management", "stock", "portal", "rating", "report_xlsx"],
    "data": [
        "security/wjl_aftersales_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "data/wjl_aftersales_stage_data.xml",
        "data/wjl_aftersales_route_data.xml",
        "data/mail_alias_data.xml",
        "data/ir_cron_data.xml",
        "views/wjl_aftersales_stage_views.xml",
        "views/wjl_aftersales_route_views.xml",
        "views/wjl_aftersales_ticket_views.xml",
        "report/wjl_aftersales_report_views.xml",
        "wizard/wjl_aftersales_summary_export_views.xml",
        "views/res_config_settings_views.xml",
        "views/wjl_aftersales_portal_templates.xml",
        "views/wjl_aftersales_menus.xml",
    ],
    "demo": [
        "demo/wjl_aftersales_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "wjl_aftersales/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
