"""docs/analytics.md is the analytics schema's data dictionary, generated from the comments
beside each view (ops/analytics_docs.py): it must be current, and every view and column must
have its comment (an undocumented column would be a blank line in the dictionary)."""

from __future__ import annotations

from ops import analytics_docs
from tests.py import dbutil
from tests.py.conftest import scalar
from web.settings import ROOT


def test_every_analytics_view_and_column_is_described(admin_conn):
    missing = scalar(admin_conn, """
        select coalesce(json_agg(c.relname || coalesce('.' || a.attname, '')), '[]')
        from pg_class as c
        join pg_namespace as n on n.oid = c.relnamespace
        left join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          and col_description(c.oid, a.attnum) is null
        where n.nspname = 'analytics' and c.relkind in ('v', 'm')
          and (a.attname is not null or obj_description(c.oid, 'pg_class') is null)
    """)
    assert missing == []


def test_the_data_dictionary_is_current(db):
    expected = analytics_docs.render(dbutil.url_for(db[0]))
    assert (ROOT / "docs" / "analytics.md").read_text() == expected, \
        "run: DATABASE_URL=<a migrated database> python -m ops.analytics_docs > docs/analytics.md"
