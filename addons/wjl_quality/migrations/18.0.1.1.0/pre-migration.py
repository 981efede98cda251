# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 12: the manufacturing stages moved to the ``wjl_quality_mrp`` bridge.

The external ids of the moved fields and selection values are handed to the bridge
before this upgrade ends, so that ``-u wjl_quality`` does not drop their columns
(the MO of each inspection and nonconformance) nor the manufacturing stages of the
gates; the bridge takes them over when it is installed (with ``mrp``, it installs
itself). Views, reports, menus and access rules of the MOs are recreated by the
bridge under its own ids.
"""

MOVED_FIELDS = (
    "field_wjl_quality_inspection__production_id",
    "field_wjl_quality_nonconformance__production_id",
    "field_mrp_production__wjl_inspection_ids",
    "field_mrp_production__wjl_inspection_count",
)
MOVED_SELECTIONS = (
    r"^selection__wjl_quality_(gate|inspection|nonconformance)__stage__(in_process|finished)$"
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'wjl_quality_mrp'
         WHERE module = 'wjl_quality'
           AND (name IN %s OR name ~ %s)
           AND NOT EXISTS (
                SELECT 1 FROM ir_model_data other
                 WHERE other.module = 'wjl_quality_mrp' AND other.name = ir_model_data.name
           )
        """,
        [MOVED_FIELDS, MOVED_SELECTIONS],
    )
