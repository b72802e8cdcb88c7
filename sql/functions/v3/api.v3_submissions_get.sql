-- api.v3_submissions_get(): GET /api/v3/assignment/<name>/submissions/?limit=&offset=
-- (x-ok-name, x-ok-limit, x-ok-offset): the final submission (or latest backup) of every
-- student or group, each in the full backup shape, for staff scripts and exports.
-- Security: definer as ok_api (the caller's RLS applies); staff of the course and admins. Answers 400 (bad page), 401, 403
-- (not staff), 404 (unknown assignment).
-- requires: auth.is_staff_of.sql
-- requires: app.unit_finals.sql, v3.backups_json.sql, v3.page.sql
create or replace function api.v3_submissions_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  page record := v3.page();
  target app.assignments;
  ids bigint[];
begin
  if denied is not null then
    return denied;
  end if;
  if page.page_limit is null then
    return v3.reply(400, '{}', 'limit must be 1..1000 and offset 0 or more');
  end if;
  select a.* into target from app.assignments as a where a.name = v3.header('x-ok-name');
  if target.id is null then
    return v3.reply(404, '{}', 'No such assignment');
  end if;
  if not auth.is_staff_of(target.course_id) then
    return v3.reply(403, '{}', 'Only staff of the course can export submissions');
  end if;
  select coalesce(array_agg(f.backup_id order by f.backup_id), '{}') into ids
  from app.unit_finals(target.id) as f
  where f.backup_id is not null;
  return v3.reply(200, jsonb_build_object(
    'backups', v3.backups_json(ids[page.page_offset + 1:page.page_offset + page.page_limit]),
    'count', cardinality(ids), 'limit', page.page_limit, 'offset', page.page_offset,
    'has_more', page.page_offset + page.page_limit < cardinality(ids)
  ));
end;
$$;

revoke all on function api.v3_submissions_get() from public;
alter function api.v3_submissions_get() owner to ok_api;
grant execute on function api.v3_submissions_get() to ok_anon, ok_user;
comment on function api.v3_submissions_get() is
'GET /api/v3/assignment/<name>/submissions/: final submissions, paginated (staff).';
