# the dashboard's view last: it reads the columns of the models before it
from . import res_company
from . import res_config_settings
from . import purchase_order_line
from . import purchase_order
from . import wjl_budget_item
from . import wjl_budget_line
from . import wjl_budget_analysis
