-- api.scores_csv(assignment): the assignment's scores page as CSV (RFC 4180): one line per
-- unit of api.scores_page (all units, every kind): Members, Sections, Backup, Grader, then one
-- column per kind, alphabetically. Text cells go through v3.csv_field (spreadsheet formulas
-- neutralised); scores are written as numbers.
-- Called by: GET /staff/<assignment>/scores.csv ("Export CSV" on the scores page).
-- Security: definer as ok_api; api.scores_page checks the caller (staff of the course only).
-- Raises: PT401, PT403, PT404 (app.require_staff, through api.scores_page).
-- requires: api.scores_page.sql, v3.csv_field.sql
create or replace function api.scores_csv(assignment text)
returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with page as (select api.scores_page(scores_csv.assignment, page_size => null) as p),
  kinds as (
    select k.kind from page cross join lateral jsonb_array_elements_text(page.p -> 'kinds') as k (kind)
  ),
  units as (
    select u.value as unit, u.ordinality as n from page cross join lateral jsonb_array_elements(page.p -> 'units') with ordinality as u
  )
  select
    concat_ws(',', 'Members', 'Sections', 'Backup', 'Grader',
      (select string_agg(v3.csv_field(k.kind), ',' order by k.kind) from kinds as k)) || E'\r\n'
    || coalesce((
      select string_agg(
        concat_ws(',',
          v3.csv_field((select string_agg(m, ' ') from jsonb_array_elements_text(u.unit -> 'members') as m)),
          v3.csv_field((select string_agg(x, ' ') from jsonb_array_elements_text(u.unit -> 'sections') as x)),
          v3.csv_field(u.unit ->> 'backup_key'),
          v3.csv_field(u.unit ->> 'grader'),
          (select string_agg(coalesce(trim_scale((u.unit -> 'scores' ->> k.kind)::numeric)::text, ''), ',' order by k.kind)
           from kinds as k)
        ) || E'\r\n', '' order by u.n)
      from units as u
    ), '')
  from page
$$;

revoke all on function api.scores_csv(text) from public;
alter function api.scores_csv(text) owner to ok_api;
grant execute on function api.scores_csv(text) to ok_user;
comment on function api.scores_csv(text) is 'The assignment''s scores page as CSV (staff).';
