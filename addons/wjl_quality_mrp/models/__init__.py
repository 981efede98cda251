# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import wjl_quality_gate
from . import wjl_quality_inspection
from . import wjl_quality_nonconformance
from . import mrp_production
from . import stock_move
