from . import wjl_budget_evaluation_xlsx
