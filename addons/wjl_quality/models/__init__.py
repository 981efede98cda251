# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_company
from . import res_config_settings
from . import wjl_quality_criterion
from . import wjl_quality_gate
from . import wjl_quality_inspection
from . import wjl_quality_inspection_line
from . import wjl_quality_nonconformance
from . import stock_warehouse
from . import stock_lot
from . import stock_move
from . import stock_move_line
from . import stock_picking
