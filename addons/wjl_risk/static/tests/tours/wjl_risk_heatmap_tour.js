/** @odoo-module **/
// Copyright 2026 Wanjiali
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wjl_risk_heatmap_tour", {
    url: "/odoo/risk-heat-map",
    steps: () => [
        {
            content: "The heat map shows the 5 × 5 matrix",
            trigger: ".o_wjl_risk_heatmap_table",
        },
        {
            content: "The critical cell counts the tour's risk",
            trigger:
                '.o_wjl_risk_heatmap_cell.o_wjl_risk_level_critical.o_wjl_risk_has_risks[data-likelihood="5"][data-impact="5"]',
            run: "click",
        },
        {
            content: "The drill-down lists the risks of the cell",
            trigger: '.o_list_view .o_data_cell:contains("Heat map tour risk")',
            run: "click",
        },
        {
            content: "The risk form opens",
            trigger: '.o_form_view .o_field_widget[name="name"]:contains("Heat map tour risk"), .o_form_view .o_field_widget[name="name"] input',
        },
    ],
});
