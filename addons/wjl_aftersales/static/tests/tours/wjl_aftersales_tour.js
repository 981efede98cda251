/** @odoo-module **/
// Customer service assesses a ticket and routes it to its department (R3.5.2).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wjl_aftersales_assess_tour", {
    steps: () => [
        {
            content: "The new ticket is open",
            trigger: ".o_form_view .o_field_widget[name=title] input",
        },
        {
            content: "Set the problem class: technical",
            trigger: ".o_field_widget[name=problem_class] select",
            run: 'select "technical"',
        },
        {
            content: "Set the severity: high",
            trigger: ".o_field_widget[name=severity] select",
            run: 'select "high"',
        },
        {
            content: "The routing table fills the department",
            trigger: ".o_field_widget[name=department_id] input:value(/.+/)",
        },
        {
            content: "Assess and route",
            trigger: "button[name=action_assess]",
            run: "click",
        },
        {
            content: "The ticket is assessed: the department can start",
            trigger: ".o_form_statusbar button[name=action_start]",
        },
        {
            content: "The assess button is gone",
            trigger: ".o_form_view:not(:has(button[name=action_assess]))",
        },
    ],
});
