-- v3.csv_field(value): one text field of a CSV export (RFC 4180), safe to open in a spreadsheet.
-- Formula injection (OWASP "CSV Injection"): a value starting with =, +, -, @, a tab or a carriage
-- return is prefixed with a single quote, so spreadsheets show it as text instead of evaluating
-- it (e.g. a name like =HYPERLINK(...) or -2+3+cmd|' /C calc'!A0). Then the field is quoted when
-- it holds a comma, quote or line break, with quotes doubled; null is empty.
-- Every text cell of every export goes through here (roster: email, name, SID, class account,
-- section; grades: column titles, email, SID). Numeric cells (the grades export's scores) are
-- written from numeric values (trim_scale(value)::text), not through here, so a negative score
-- stays a plain number such as -2.5: a numeric value cannot hold a formula.
-- Called by: app.roster_csv, app.grades_csv. Security: invoker. Raises nothing.
create or replace function v3.csv_field(value text)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when g.safe is null then ''
    when g.safe ~ '[,"\r\n]' then '"' || replace(g.safe, '"', '""') || '"'
    else g.safe
  end
  from (select case when value ~ '^[-=+@\t\r]' then '''' || value else value end as safe) as g
$$;

revoke all on function v3.csv_field(text) from public;
grant execute on function v3.csv_field(text) to ok_api;
