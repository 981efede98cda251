from . import wjl_risk_monitoring_report
from . import wjl_risk_register_xlsx
