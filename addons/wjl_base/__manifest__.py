# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Operations Management",
    "summary": "Organisation, duties, roles, settings and the alert centre of the "
    "Wanjiali operations regulation (万家丽运营管理制度)",
    "version": "18.0.1.0.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["hr", "mail", "analytic"],
    "data": [
        "security/wjl_base_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/account_analytic_plan_data.xml",
        "data/hr_department_data.xml",
        "views/wjl_alert_views.xml",
        "views/hr_department_views.xml",
        "views/wjl_department_duty_views.xml",
        "views/res_config_settings_views.xml",
        "views/wjl_base_menus.xml",
    ],
    "demo": [
        "demo/wjl_base_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "wjl_base/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
