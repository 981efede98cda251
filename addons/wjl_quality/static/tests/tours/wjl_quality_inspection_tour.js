/** @odoo-module **/
// R3.3.3: an inspector records a failing measurement and fails the inspection.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wjl_quality_inspection_fail_tour", {
    steps: () => [
        {
            content: "Open the measured value of the thickness criterion",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=measured_value]",
            run: "click",
        },
        {
            content: "Record a thickness out of tolerance",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=measured_value] input",
            run: "edit 12.5",
        },
        {
            content: "Leave the line",
            trigger: ".o_form_view .oe_title",
            run: "click",
        },
        {
            content: "The criterion is judged failed automatically",
            trigger: ".o_field_widget[name=line_ids] .o_data_row.text-danger:first-child td[name=result] .text-bg-danger",
        },
        {
            content: "Set the failed quantity",
            trigger: ".o_field_widget[name=qty_failed] input",
            run: "edit 2",
        },
        {
            content: "Record the inspection as failed",
            trigger: "button[name=action_fail]",
            run: "click",
        },
        {
            content: "The inspection is failed",
            trigger: ".o_statusbar_status button[data-value=failed].o_arrow_button_current",
        },
    ],
});
