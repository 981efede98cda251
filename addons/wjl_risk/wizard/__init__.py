from . import wjl_risk_assess_wizard
