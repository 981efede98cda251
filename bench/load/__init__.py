"""Load check under a real multi-process Odoo server (``make load``, issue 11).

``tools/wjl-load`` installs the addons into a fresh database and runs
``python3 -m bench.load.load_check`` on it; see ``bench/README.md``.
"""
