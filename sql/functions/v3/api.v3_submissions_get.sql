-- api.v3_submissions_get(): GET /api/v3/assignment/<name>/submissions/?limit=&offset=
-- (x-ok-name, x-ok-limit, x-ok-offset): the final submission (or latest backup) of every
-- student or group, each in the full backup shape, for staff scripts and exports.
-- Security: definer as ok_api (the caller's RLS applies); staff of the course and admins. Answers 400 (bad page), 401, 403
-- (not staff), 404 (unknown assignment).
-- requires: auth.is_staff_of.sql
-- requires: app.unit_finals.sql, v3.paged_assignment.sql, v3.backups_page.sql
create or replace function api.v3_submissions_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  opening record := v3.paged_assignment();
  ids bigint[];
begin
  if opening.refusal is not null then
    return opening.refusal;
  end if;
  if not auth.is_staff_of((opening.assignment).course_id) then
    return v3.reply(403, '{}', 'Only staff of the course can export submissions');
  end if;
  select coalesce(array_agg(f.backup_id order by f.backup_id), '{}') into ids
  from app.unit_finals((opening.assignment).id) as f
  where f.backup_id is not null;
  return v3.backups_page(ids[opening.page_offset + 1:opening.page_offset + opening.page_limit], cardinality(ids));
end;
$$;

revoke all on function api.v3_submissions_get() from public;
alter function api.v3_submissions_get() owner to ok_api;
grant execute on function api.v3_submissions_get() to ok_anon, ok_user;
comment on function api.v3_submissions_get() is
'GET /api/v3/assignment/<name>/submissions/: final submissions, paginated (staff).';
