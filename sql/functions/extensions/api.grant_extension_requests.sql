-- api.grant_extension_requests(offering, request_ids, expires, reply): grant several pending
-- extension requests of a course at once, each until the same date (course-local unless it
-- carries an offset), with the same reply. Each grant is api.grant_extension's (the one rule
-- for an extension: it covers the student's group and marks the request granted), in
-- assignment order, so concurrent grants lock assignments in the same order. All or
-- nothing: a request that is no longer pending (another TA decided it meanwhile) refuses
-- the whole batch, saying how many.
-- Called by: the staff course page ("Grant the ticked requests").
-- Security: definer as ok_api (the caller's RLS applies); the course's TAs, instructors and
-- admins (api.grant_extension checks each assignment).
-- Raises: PT401, PT403, PT404 (app.require_staff; api.grant_extension); PT422 nothing ticked,
-- more than 500, a bad date (api.grant_extension); PT409 requests no longer pending.
-- requires: app.require_staff.sql, api.grant_extension.sql
create or replace function api.grant_extension_requests(
  offering text, request_ids bigint[], expires text, reply text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(grant_extension_requests.offering, 'course');
  wanted bigint := (select count(distinct i) from unnest(grant_extension_requests.request_ids) as i);
  granted bigint := 0;
  request record;
begin
  if wanted = 0 then
    raise sqlstate 'PT422' using message = 'Tick the requests to grant';
  end if;
  if wanted > 500 then
    raise sqlstate 'PT422' using message = 'At most 500 requests at once';
  end if;
  for request in
    select r.id, a.name as assignment, u.email
    from app.extension_requests as r
    inner join app.assignments as a on r.assignment_id = a.id
    inner join app.users as u on r.user_id = u.id
    where r.id = any(grant_extension_requests.request_ids) and r.course_id = allowed_course and r.status = 'pending'
    order by a.id, r.id
  loop
    perform api.grant_extension(request.assignment, request.email, grant_extension_requests.expires, null,
                                coalesce(grant_extension_requests.reply, ''));
    -- Read after the grant: a request another TA denied between the loop's read and the
    -- grant's update stays denied (that update marks only pending ones) and must not count.
    if exists (select 1 from app.extension_requests as r where r.id = request.id and r.status = 'granted') then
      granted := granted + 1;
    end if;
  end loop;
  if granted < wanted then
    raise sqlstate 'PT409' using message = format(
      '%s of the %s ticked requests are no longer pending (decided meanwhile?): nothing was granted; reload and try again',
      wanted - granted, wanted);
  end if;
  return jsonb_build_object('granted', granted);
end;
$$;

revoke all on function api.grant_extension_requests(text, bigint[], text, text) from public;
alter function api.grant_extension_requests(text, bigint[], text, text) owner to ok_api;
grant execute on function api.grant_extension_requests(text, bigint[], text, text) to ok_user;
comment on function api.grant_extension_requests(text, bigint[], text, text) is
'Grant several pending extension requests of a course until one date (TAs, instructors).';
