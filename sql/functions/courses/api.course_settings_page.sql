-- api.course_settings_page(offering): everything the course settings page shows, in one call:
--   {"offering", "display_name", "term" (the label set, or null), "term_label" (what the
--    pages say: the label set, else the one the offering's code gives), "timezone",
--    "active", "default_max_group_size", "default_published_kinds", "export_token_active",
--    "has_export_token", "autograder_url", "autograder_tokens": [{"id", "user", "created",
--    "expires"}: the course's live autograder tokens, newest first, times in the course's
--    zone], "timezones": [IANA names, for the time zone picker]}
-- Called by: GET /staff/<offering>/settings. Security: definer as ok_api; instructors of the
-- course and admins (app.require_instructor), like the changes the page makes.
-- Raises: PT401, PT403, PT404 (app.require_instructor).
-- requires: app.require_instructor.sql, app.term_label.sql, app.course_time_text.sql
create or replace function api.course_settings_page(offering text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_instructor(course_settings_page.offering, 'change course settings');
begin
  return (select jsonb_build_object(
    'offering', c.offering, 'display_name', c.display_name, 'term', c.term,
    'term_label', (app.term_label(c.offering, c.term)).label,
    'timezone', c.timezone, 'active', c.active, 'mail_enabled', c.mail_enabled,
    'default_max_group_size', c.default_max_group_size,
    'default_published_kinds', to_jsonb(c.default_published_kinds),
    'export_token_active', c.export_token_active,
    'has_export_token', c.export_token_hash is not null,
    'autograder_url', c.autograder_url,
    'autograder_tokens', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'id', t.id, 'user', u.email, 'created', app.course_time_text(t.created_at, c.timezone),
        'expires', app.course_time_text(t.access_expires_at, c.timezone)) order by t.id desc), '[]')
      from auth.oauth_tokens as t inner join app.users as u on t.user_id = u.id
      where t.course_id = c.id and t.revoked_at is null and t.access_expires_at > now()
    ),
    'timezones', (
      select jsonb_agg(z.name order by z.name) from pg_catalog.pg_timezone_names as z
      -- the names people pick: Region/City, not the POSIX and Etc aliases
      where z.name ~ '^[A-Z][a-z]+/' and z.name !~ '^(Etc|SystemV|posix|right)/'
    )
  )
  from app.courses as c where c.id = allowed_course);
end;
$$;

revoke all on function api.course_settings_page(text) from public;
alter function api.course_settings_page(text) owner to ok_api;
grant execute on function api.course_settings_page(text) to ok_user;
comment on function api.course_settings_page(text) is
'The course settings page: name, term, time zone, active, defaults, export token, autograder (instructors).';
