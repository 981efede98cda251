from . import report_budget_evaluation_xlsx
