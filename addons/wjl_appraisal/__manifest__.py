# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WJL Performance Appraisal",
    "summary": "Four-grade performance appraisals with bonus and improvement plans "
    "(万家丽运营管理制度 R4.3)",
    "version": "18.0.1.1.0",
    "category": "Operations Management",
    "license": "LGPL-3",
    "author": "Wanjiali, WJL Operations Suite",
    "website": "https://github.com/wanjiali/wjl-operations",
    "depends": ["wjl_base", "hr", "report_xlsx"],
    "data": [
        "security/wjl_appraisal_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "report/wjl_appraisal_report.xml",
        "views/wjl_appraisal_template_views.xml",
        "views/wjl_appraisal_views.xml",
        "views/wjl_appraisal_cycle_views.xml",
        "views/wjl_appraisal_improvement_views.xml",
        "views/wjl_appraisal_quota_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/wjl_appraisal_menus.xml",
    ],
    "demo": [
        "demo/wjl_appraisal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "wjl_appraisal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
