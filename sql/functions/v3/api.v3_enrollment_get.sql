-- api.v3_enrollment_get(): GET /api/v3/enrollment/<email>/ (x-ok-email): the participations
-- of that user (the original returned the requester's whatever email was asked: fixed).
-- The user themself or a site admin.
-- Security: definer as ok_api (the caller's RLS applies). Answers 401, 403 (someone else), 404 (unknown user, admins only).
-- requires: v3.auth_error.sql, v3.participations.sql
create or replace function api.v3_enrollment_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  wanted text := v3.header('x-ok-email');
  courses jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if lower(wanted) <> lower(auth.claims() ->> 'email') and not auth.is_admin() then
    return v3.reply(403, '{}', 'You can only list your own enrollments');
  end if;
  if not exists (select 1 from app.users as u where lower(u.email) = lower(wanted)) then
    return v3.reply(404, '{}', format('No user %s', wanted));
  end if;
  select v3.participations(u.id) into courses
  from app.users as u
  where lower(u.email) = lower(wanted);
  return v3.reply(200, jsonb_build_object('courses', courses));
end;
$$;

revoke all on function api.v3_enrollment_get() from public;
alter function api.v3_enrollment_get() owner to ok_api;
grant execute on function api.v3_enrollment_get() to ok_anon, ok_user;
comment on function api.v3_enrollment_get() is 'GET /api/v3/enrollment/<email>/: that user''s participations.';
