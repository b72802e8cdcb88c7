-- api.v3_export_get(): GET /api/v3/assignment/<name>/export/<email>?limit=&offset=
-- (x-ok-name, x-ok-email, x-ok-limit, x-ok-offset): that user's own backups of the assignment
-- (not the group's), newest first, with messages. Students may export their own; staff any
-- student of the course (RLS decides what is visible).
-- Security: definer as ok_api (the caller's RLS applies). Answers 400 (bad limit/offset), 401, 403 (someone else's, not staff),
-- 404 (unknown assignment or user).
-- requires: auth.is_staff_of.sql
-- requires: v3.paged_assignment.sql, v3.backups_page.sql
create or replace function api.v3_export_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  opening record := v3.paged_assignment();
  target_user bigint;
  total bigint;
  ids bigint[];
begin
  if opening.refusal is not null then
    return opening.refusal;
  end if;
  if lower(v3.header('x-ok-email')) <> lower(auth.claims() ->> 'email')
     and not auth.is_staff_of((opening.assignment).course_id) then
    return v3.reply(403, '{}', 'You can only export your own backups');
  end if;
  select u.id into target_user from app.users as u where lower(u.email) = lower(v3.header('x-ok-email'));
  if target_user is null then
    return v3.reply(404, '{}', 'No such user');
  end if;
  select count(*) into total
  from app.backups as b
  where b.assignment_id = (opening.assignment).id and b.submitter_id = target_user;
  select array_agg(p.id order by p.created_at desc, p.id desc) into ids
  from (
    select b.id, b.created_at
    from app.backups as b
    where b.assignment_id = (opening.assignment).id and b.submitter_id = target_user
    order by b.created_at desc, b.id desc
    limit opening.page_limit offset opening.page_offset
  ) as p;
  return v3.backups_page(ids, total);
end;
$$;

revoke all on function api.v3_export_get() from public;
alter function api.v3_export_get() owner to ok_api;
grant execute on function api.v3_export_get() to ok_anon, ok_user;
comment on function api.v3_export_get() is 'GET /api/v3/assignment/<name>/export/<email>: one user''s backups.';
