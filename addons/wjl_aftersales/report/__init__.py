from . import wjl_aftersales_report
from . import wjl_aftersales_summary_xlsx
