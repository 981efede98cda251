/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wjl_budget_allocation_tour", {
    url: "/odoo/action-wjl_budget.wjl_budget_action",
    steps: () => [
        {
            content: "Open the draft budget",
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("Tour Budget")',
            run: "click",
        },
        {
            content: "Allocate it to the departments (R5.1.2)",
            trigger: '.o_form_view button[name="action_open_allocation"]',
            run: "click",
        },
        {
            content: "Choose the budget item",
            trigger: '.modal div[name="item_id"] input',
            run: "edit Tour Office",
        },
        {
            content: "Select it",
            trigger: '.ui-menu-item-wrapper:contains("Tour Office")',
            run: "click",
        },
        {
            content: "Company total",
            trigger: '.modal div[name="amount_total"] input',
            run: "edit 12000",
        },
        {
            content: "Add a department",
            trigger: '.modal div[name="line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Department A",
            trigger: '.modal div[name="line_ids"] .o_selected_row div[name="department_id"] input',
            run: "edit Tour Dept A",
        },
        {
            content: "Select department A",
            trigger: '.ui-menu-item-wrapper:contains("Tour Dept A")',
            run: "click",
        },
        {
            content: "Its share",
            trigger: '.modal div[name="line_ids"] .o_selected_row div[name="amount"] input',
            run: "edit 7000",
        },
        {
            content: "Add another department",
            trigger: '.modal div[name="line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Department B",
            trigger: '.modal div[name="line_ids"] .o_selected_row div[name="department_id"] input',
            run: "edit Tour Dept B",
        },
        {
            content: "Select department B",
            trigger: '.ui-menu-item-wrapper:contains("Tour Dept B")',
            run: "click",
        },
        {
            content: "Its share",
            trigger: '.modal div[name="line_ids"] .o_selected_row div[name="amount"] input',
            run: "edit 5000",
        },
        {
            content: "The split adds up to the total",
            trigger: '.modal div[name="amount_difference"]:contains("0.00")',
        },
        {
            content: "Allocate",
            trigger: '.modal button[name="action_allocate"]',
            run: "click",
        },
        {
            content: "The monthly lines of department B are on the budget",
            trigger: '.o_form_view div[name="line_ids"] .o_data_row:contains("Tour Dept B")',
        },
    ],
});
