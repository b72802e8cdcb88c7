-- api.scores_page(assignment, grader, section, sort, page, page_size): everything the staff
-- scores page of an assignment shows, in one call:
--   {"name", "display_name", "offering", "timezone",
--    "kinds": every kind scored on the assignment, "published": the kinds students see,
--    "graders": the graders with tasks on it, "sections": the sections of its students,
--    "units": [{"members": [emails], "sections": [...], "backup_key", "grader" (of the task on
--               the backup that counts), "scores": {"<kind>": value}}, ...] the page's units
--             (page_size of them, the page-th such slice; page_size null: every unit),
--    "unit_count": how many units the filters keep, "page", "page_size",
--    "distributions": [{"kind", "labels": [each bin's lowest score], "counts": [...]}] per
--                     kind, ten equal bins from the lowest to the highest score of the units
--                     shown (app.score_distributions),
--    "regrades": every regrade request on the assignment, open first (app.regrades_json)}
-- Units are app.unit_finals' (each group, and each student in none); their scores are the
-- members' shared best (app.shared_best_scores: group members share the best active score
-- of each kind), so the page says what the gradebook says. grader and section filter the
-- units (null: all); sort names a kind to order by (highest first), else by their members' emails.
-- The distributions and counts cover every unit the filters keep, whatever the page.
-- Called by: GET /staff/<assignment>/scores. Security: definer (ok_owner): app.require_staff
-- refuses anyone but the course's staff (with a reason) first; it reads the course's units,
-- scores and users as its staff may, without per-statement row-level security checks.
-- Raises: PT401, PT403, PT404 (app.require_staff); PT422 a page below 1, a page size outside
-- 1..10000.
-- requires: app.require_staff.sql, app.unit_finals.sql, app.hashid_encode.sql, app.regrades_json.sql
-- requires: app.score_distributions.sql
create or replace function api.scores_page(
  assignment text, grader text default null, section text default null, sort text default null,
  page integer default 1, page_size integer default 200
)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(scores_page.assignment, 'assignment');
  target app.assignments;
begin
  if scores_page.page is null or scores_page.page < 1 then
    raise sqlstate 'PT422' using message = 'page must be 1 or more';
  end if;
  if scores_page.page_size is not null and scores_page.page_size not between 1 and 10000 then
    raise sqlstate 'PT422' using message = 'page_size must be between 1 and 10000 (or null: every unit)';
  end if;
  select a.* into target from app.assignments as a where a.name = scores_page.assignment and a.course_id = allowed_course;
  return (
    with units as materialized (
      select
        f.member_ids,
        f.backup_id,
        (select u.email from app.grading_tasks as t inner join app.users as u on t.grader_id = u.id
         where t.backup_id = f.backup_id order by t.id limit 1) as grader,
        (select array_agg(distinct e.section order by e.section) from app.enrollments as e
         where e.course_id = target.course_id and e.user_id = any(f.member_ids) and e.section is not null) as sections,
        -- every member has the unit's shared best; the first member's row says it
        coalesce((
          select s.best -> target.id::text from app.shared_best_scores as s
          where s.course_id = target.course_id and s.user_id = f.member_ids[1]
        ), '{}'::jsonb) as scores
      from app.unit_finals(target.id) as f
    ),
    shown as materialized (
      select u.* from units as u
      where (scores_page.grader is null or u.grader = scores_page.grader)
        and (scores_page.section is null or scores_page.section = any(u.sections))
    )
    select jsonb_build_object(
      'name', target.name,
      'display_name', target.display_name,
      'offering', c.offering,
      'timezone', c.timezone,
      'kinds', coalesce((select jsonb_agg(distinct k.kind) from units as u cross join lateral jsonb_object_keys(u.scores) as k (kind)), '[]'::jsonb),
      'published', to_jsonb(target.published_score_kinds),
      'graders', coalesce((select jsonb_agg(distinct u.grader) from units as u where u.grader is not null), '[]'::jsonb),
      'sections', coalesce((select jsonb_agg(distinct x.section) from units as u cross join lateral unnest(u.sections) as x (section)), '[]'::jsonb),
      'unit_count', (select count(*) from shown),
      'page', scores_page.page,
      'page_size', scores_page.page_size,
      -- the page's units, in order: every unit is sorted, only the page's are built
      'units', coalesce((
        select jsonb_agg(jsonb_build_object(
          'members', to_jsonb(o.emails),
          'sections', to_jsonb(coalesce(o.sections, '{}')),
          'backup_key', app.hashid_encode(o.backup_id),
          'grader', o.grader,
          'scores', o.scores
        ) order by o.place)
        from (
          select u.*, em.emails, row_number() over (
            order by (u.scores ->> scores_page.sort)::numeric desc nulls last, em.emails
          ) as place
          from shown as u
          cross join lateral (
            select array_agg(m.email::text order by m.email) as emails from app.users as m where m.id = any(u.member_ids)
          ) as em
        ) as o
        where scores_page.page_size is null
          or o.place between (scores_page.page - 1) * scores_page.page_size + 1 and scores_page.page * scores_page.page_size
      ), '[]'::jsonb),
      'regrades', app.regrades_json(target.id),
      'distributions', app.score_distributions((select array_agg(u.scores) from shown as u))
    )
    from app.courses as c
    where c.id = target.course_id
  );
end;
$$;

revoke all on function api.scores_page(text, text, text, text, integer, integer) from public;
grant execute on function api.scores_page(text, text, text, text, integer, integer) to ok_user;
comment on function api.scores_page(text, text, text, text, integer, integer) is
'The staff scores page of an assignment: every unit''s scores per kind, filters, distributions.';
