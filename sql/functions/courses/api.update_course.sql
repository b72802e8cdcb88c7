-- api.update_course(offering, display_name, timezone, active, term, default_max_group_size,
-- default_published_kinds, mail_enabled, autograder_url): change a course's settings; a null
-- argument keeps the setting. mail_enabled false stops every notification of the course
-- (app.queue_mail). autograder_url is where the worker sends work to grade (an http or https
-- address with no query or fragment, so the paths the worker appends stay paths; '' removes
-- it, which stops autograding).
-- term is the term as people say it ("Fall 2026"); '' goes back to the label the offering's
-- code gives (app.term_label). The defaults seed new assignments (api.create_assignment).
-- Called by: the course settings page (POST /staff/<offering>/settings), okadmin.
-- Security: definer as ok_api (the caller's RLS applies: courses_update is for instructors);
-- instructors of the course and admins only (okpy/ok let readers and TAs do it).
-- Raises: PT401; PT404 unknown course; PT403 not an instructor; PT422 empty name, unknown
-- time zone, group size below 1, an autograder URL that is not an http(s) address.
-- requires: app.require_instructor.sql
create or replace function api.update_course(
  offering text,
  display_name text default null,
  timezone text default null,
  active boolean default null,
  term text default null,
  default_max_group_size integer default null,
  default_published_kinds text[] default null,
  mail_enabled boolean default null,
  autograder_url text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  saved app.courses;
  target_id bigint := app.require_instructor(offering, 'change course settings');
  kinds text[];
begin
  if display_name is not null and btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  if timezone is not null and not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = timezone) then
    raise sqlstate 'PT422' using message = format('Unknown time zone %L', timezone);
  end if;
  if nullif(btrim(autograder_url), '') !~ '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^[:space:]?#]*)?$'
     or length(autograder_url) > 300 then
    raise sqlstate 'PT422' using message = format(
      'The autograder URL must be an http:// or https:// address without ? or # (at most 300 characters), not %L',
      autograder_url);
  end if;
  if default_max_group_size is not null and default_max_group_size < 1 then
    raise sqlstate 'PT422' using message = 'The group size must be at least 1';
  end if;
  -- score kinds as the publishing controls spell them: trimmed, lowercase, each once
  select array_agg(distinct lower(btrim(k)) order by lower(btrim(k))) filter (where btrim(k) <> '')
  into kinds
  from unnest(default_published_kinds) as k;
  update app.courses as c
  set display_name = coalesce(btrim(update_course.display_name), c.display_name),
      timezone = coalesce(update_course.timezone, c.timezone),
      active = coalesce(update_course.active, c.active),
      term = case when update_course.term is null then c.term else nullif(btrim(update_course.term), '') end,
      default_max_group_size = coalesce(update_course.default_max_group_size, c.default_max_group_size),
      default_published_kinds = case when update_course.default_published_kinds is null
        then c.default_published_kinds else coalesce(kinds, '{}') end,
      mail_enabled = coalesce(update_course.mail_enabled, c.mail_enabled),
      autograder_url = case when update_course.autograder_url is null then c.autograder_url
        else rtrim(nullif(btrim(update_course.autograder_url), ''), '/') end
  where c.id = target_id
  returning c.* into saved;
  return jsonb_build_object('offering', saved.offering, 'display_name', saved.display_name,
                            'timezone', saved.timezone, 'active', saved.active, 'term', saved.term,
                            'default_max_group_size', saved.default_max_group_size,
                            'default_published_kinds', to_jsonb(saved.default_published_kinds),
                            'mail_enabled', saved.mail_enabled, 'autograder_url', saved.autograder_url);
end;
$$;

revoke all on function api.update_course(text, text, text, boolean, text, integer, text[], boolean, text) from public;
alter function api.update_course(text, text, text, boolean, text, integer, text[], boolean, text) owner to ok_api;
grant execute on function api.update_course(text, text, text, boolean, text, integer, text[], boolean, text) to ok_user;
comment on function api.update_course(text, text, text, boolean, text, integer, text[], boolean, text) is
'Change course settings: name, term, time zone, active, mail, autograder, defaults for new assignments (instructors).';
