-- api.copy_assignments(from_offering, to_offering, words, shift_days): copy assignments from
-- another offering of the same course (cal/cs61a/sp26 into cal/cs61a/fa26): settings,
-- template files and rubrics with their items, dates moved by shift_days on the target
-- course's wall clock (23:59 stays 23:59 across a daylight-saving change). The copies start
-- hidden (staff check the dates, then show them) with the target course's published kinds.
-- words null copies every assignment of the source; an empty list copies nothing. All or
-- nothing: a name already taken in the target refuses the whole copy, naming it. Answers
-- the new assignments' names.
-- Called by: POST /staff/<offering>/copy (the staff course page's "Copy from another
-- offering"). Security: definer as ok_api (the caller's RLS applies to every read and
-- insert); the caller must be staff of the source (app.require_staff) and a TA, instructor
-- or admin of the target (auth.is_ta_of).
-- Raises: PT401, PT403, PT404 (app.require_staff on either course); PT403 not a TA or
-- instructor of the target; PT422 nothing ticked, not the same course, the same offering,
-- an unknown word, nothing to copy, a shift beyond two years; PT409 a name already taken.
-- requires: app.require_staff.sql, auth.is_ta_of.sql
create or replace function api.copy_assignments(
  from_offering text, to_offering text, words text[] default null, shift_days integer default 0
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  source_course bigint := app.require_staff(copy_assignments.from_offering, 'course');
  target_course bigint := app.require_staff(copy_assignments.to_offering, 'course');
  shift interval := make_interval(days => coalesce(copy_assignments.shift_days, 0));
  zone text;
  unknown text;
  taken text;
  created jsonb;
begin
  if not auth.is_ta_of(target_course) then
    raise sqlstate 'PT403' using message = format('Only TAs and instructors of %s can create assignments', to_offering);
  end if;
  if copy_assignments.words = '{}' then
    raise sqlstate 'PT422' using message = 'Tick the assignments to copy';
  end if;
  if source_course = target_course then
    raise sqlstate 'PT422' using message = 'Choose another offering to copy from';
  end if;
  if regexp_replace(from_offering, '/[^/]+$', '') <> regexp_replace(to_offering, '/[^/]+$', '') then
    raise sqlstate 'PT422' using message = format('%s is not an offering of the same course as %s', from_offering, to_offering);
  end if;
  if abs(coalesce(copy_assignments.shift_days, 0)) > 730 then
    raise sqlstate 'PT422' using message = 'Move the dates by at most 730 days';
  end if;
  select w into unknown from unnest(copy_assignments.words) as w
  where not exists (select 1 from app.assignments as a where a.course_id = source_course and a.name = from_offering || '/' || w)
  limit 1;
  if unknown is not null then
    raise sqlstate 'PT422' using message = format('%s has no assignment %L', from_offering, unknown);
  end if;
  select string_agg(t.name, ', ' order by t.name) into taken
  from app.assignments as s
  inner join app.assignments as t on t.name = to_offering || '/' || substr(s.name, length(from_offering) + 2)
  where s.course_id = source_course
    and (copy_assignments.words is null or substr(s.name, length(from_offering) + 2) = any(copy_assignments.words));
  if taken is not null then
    raise sqlstate 'PT409' using message = format('Already in %s: %s (nothing was copied)', to_offering, taken);
  end if;
  select c.timezone into zone from app.courses as c where c.id = target_course;

  with source as (
    select s.*, substr(s.name, length(from_offering) + 2) as word
    from app.assignments as s
    where s.course_id = source_course
      and (copy_assignments.words is null or substr(s.name, length(from_offering) + 2) = any(copy_assignments.words))
  ),
  copied as (
    insert into app.assignments
      (course_id, name, display_name, due_at, lock_at, visible, creator_id, url, max_group_size, revisions_allowed,
       uploads_enabled, upload_info, template_files, published_score_kinds)
    select target_course, to_offering || '/' || s.word, s.display_name, ((s.due_at at time zone zone) + shift) at time zone zone,
      ((s.lock_at at time zone zone) + shift) at time zone zone, false,
      auth.user_id(), s.url, s.max_group_size, s.revisions_allowed, s.uploads_enabled, s.upload_info,
      s.template_files, c.default_published_kinds
    from source as s cross join app.courses as c
    where c.id = target_course
    returning id, name
  ),
  pairs as (
    select s.id as source_id, n.id as copy_id, n.name
    from copied as n inner join source as s on n.name = to_offering || '/' || s.word
  ),
  rubrics as (
    insert into app.rubrics (assignment_id, course_id, kind, start_points, min_points, max_points)
    select p.copy_id, target_course, r.kind, r.start_points, r.min_points, r.max_points
    from pairs as p inner join app.rubrics as r on p.source_id = r.assignment_id
    returning id, assignment_id, kind
  ),
  items as (
    insert into app.rubric_items (rubric_id, course_id, position, points, description)
    select n.id, target_course, i.position, i.points, i.description
    from rubrics as n
    inner join pairs as p on n.assignment_id = p.copy_id
    inner join app.rubrics as r on p.source_id = r.assignment_id and n.kind = r.kind
    inner join app.rubric_items as i on r.id = i.rubric_id
    returning 1
  )
  -- (every data-modifying part runs to completion, read or not)
  select coalesce(jsonb_agg(p.name order by p.name), '[]'::jsonb) into created from pairs as p;
  if created = '[]'::jsonb then
    raise sqlstate 'PT422' using message = format('%s has no assignments to copy', from_offering);
  end if;
  return created;
end;
$$;

revoke all on function api.copy_assignments(text, text, text[], integer) from public;
alter function api.copy_assignments(text, text, text[], integer) owner to ok_api;
grant execute on function api.copy_assignments(text, text, text[], integer) to ok_user;
comment on function api.copy_assignments(text, text, text[], integer) is
'Copy assignments (settings, templates, rubrics) from another offering of the same course, hidden (TAs, instructors).';
