/** @odoo-module **/
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("wjl_base_alert_centre_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("wjl_base.menu_wjl_root", "Open the Operations Management app"),
        {
            content: "Open the alert centre",
            trigger: '.o_main_navbar [data-menu-xmlid="wjl_base.menu_wjl_alert"]',
            run: "click",
        },
        {
            content: "The critical alert of my department is in the critical column",
            trigger: '.o_kanban_group .o_kanban_record:contains("Conveyor belt supplier")',
            run: "click",
        },
        {
            content: "Acknowledge it",
            trigger: '.o_form_view button[name="action_acknowledge"]',
            run: "click",
        },
        {
            content: "The alert is acknowledged",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="acknowledged"]',
        },
    ],
});
