from . import wjl_aftersales_report
