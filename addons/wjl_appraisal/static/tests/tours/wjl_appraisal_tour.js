/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wjl_appraisal_manager_scores_tour", {
    url: "/odoo/action-wjl_appraisal.wjl_appraisal_action",
    steps: () => [
        {
            content: "Open the appraisal of my staff member",
            trigger: '.o_list_view .o_data_row td:contains("Tour Staff")',
            run: "click",
        },
        {
            content: "The self-assessment of the employee is there",
            trigger: '.o_field_one2many[name="line_ids"] .o_data_row td:contains("Served 40 customers")',
        },
        {
            content: "Click the score of the indicator",
            trigger: '.o_field_one2many[name="line_ids"] .o_data_row:first td[name="score"]',
            run: "click",
        },
        {
            content: "Score it",
            trigger: '.o_field_one2many[name="line_ids"] .o_selected_row td[name="score"] input',
            run: "edit 92",
        },
        {
            content: "Comment it",
            trigger: '.o_field_one2many[name="line_ids"] .o_selected_row td[name="manager_comment"] textarea, .o_field_one2many[name="line_ids"] .o_selected_row td[name="manager_comment"] input',
            run: "edit Very friendly service",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The weighted score follows the indicator score",
            trigger: '.o_form_saved .o_field_widget[name="score"]:contains("92.00")',
        },
        {
            content: "Hand it to HR",
            trigger: 'button[name="action_submit_manager"]',
            run: "click",
        },
        {
            content: "The appraisal is with HR",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="hr_review"]',
        },
    ],
});
