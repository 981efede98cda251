# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Risk Register",
    "summary": "Risk register by department, assessment, responses, key risk "
    "indicators with thresholds and early warning (R6.1–R6.3)",
    "version": "18.0.1.2.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_base", "report_xlsx"],
    "data": [
        "security/wjl_risk_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/wjl_risk_category_data.xml",
        "data/ir_cron_data.xml",
        "report/wjl_risk_register_report.xml",
        "report/wjl_risk_monitoring_report_views.xml",
        "wizard/wjl_risk_assess_wizard_views.xml",
        "views/wjl_risk_category_views.xml",
        "views/wjl_risk_views.xml",
        "views/wjl_risk_assessment_views.xml",
        "views/wjl_risk_measure_views.xml",
        "views/wjl_risk_indicator_views.xml",
        "views/wjl_risk_indicator_value_views.xml",
        "views/wjl_risk_review_views.xml",
        "views/res_config_settings_views.xml",
        "views/wjl_risk_menus.xml",
    ],
    "demo": [
        "demo/wjl_risk_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "wjl_risk/static/src/heatmap/*",
        ],
        "web.assets_tests": [
            "wjl_risk/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
