from . import wjl_budget_allocate
from . import wjl_budget_roll_forward
