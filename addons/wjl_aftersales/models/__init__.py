from . import ir_sequence
from . import res_company
from . import res_config_settings
from . import wjl_aftersales_stage
from . import wjl_aftersales_route
from . import wjl_aftersales_ticket
