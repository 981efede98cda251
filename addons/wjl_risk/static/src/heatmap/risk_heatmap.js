/** @odoo-module **/
// Copyright 2026 Wanjiali
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * 5 × 5 heat map of the open risks (likelihood × impact), coloured by level
 * (R6.1.2). The counts come from one grouped query on the server; a cell opens
 * the risks it counts.
 */
export class RiskHeatMap extends Component {
    static template = "wjl_risk.RiskHeatMap";
    static components = { Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ cells: [], total: 0, levels: {}, myDepartment: false });
        this.likelihoods = [5, 4, 3, 2, 1];
        this.impacts = [1, 2, 3, 4, 5];
        onWillStart(() => this.load());
    }

    get title() {
        return _t("Risk Heat Map");
    }

    get extraDomain() {
        if (!this.state.myDepartment) {
            return [];
        }
        return [
            "|",
            ["department_id.member_ids.user_id", "=", this.uid],
            ["department_id.manager_id.user_id", "=", this.uid],
        ];
    }

    get uid() {
        return user.userId;
    }

    async load() {
        const data = await this.orm.call("wjl.risk", "get_heatmap_data", [], {
            domain: this.extraDomain,
        });
        this.state.cells = data.cells;
        this.state.total = data.total;
        this.state.levels = data.levels;
    }

    cell(likelihood, impact) {
        return (
            this.state.cells.find(
                (c) => c.likelihood === likelihood && c.impact === impact
            ) || { count: 0, level: false, score: likelihood * impact }
        );
    }

    async toggleMyDepartment() {
        this.state.myDepartment = !this.state.myDepartment;
        await this.load();
    }

    openCell(likelihood, impact) {
        const domain = [
            ["state", "!=", "closed"],
            ["likelihood", "=", likelihood],
            ["impact", "=", impact],
            ...this.extraDomain,
        ];
        this.action.doAction({
            type: "ir.actions.act_window",
            name: _t("Risks: likelihood %(likelihood)s × impact %(impact)s", {
                likelihood,
                impact,
            }),
            res_model: "wjl.risk",
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain,
            target: "current",
        });
    }
}

registry.category("actions").add("wjl_risk.heatmap", RiskHeatMap);
