-- api.rubric_page(assignment): the rubrics page of an assignment, for its staff:
-- {"name", "display_name", "offering", "can_edit" (auth.is_ta_of: TAs and instructors change
-- rubrics, readers apply them), "kinds" (app.score_kinds: the kinds a rubric can be made
-- for), "rubrics" (app.rubrics_json: each kind's rubric, its items and how often each is used)}.
-- Called by: GET /staff/<assignment>/rubrics. Security: definer as ok_api (the caller's RLS
-- applies). Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, auth.is_ta_of.sql, app.score_kinds.sql, app.rubrics_json.sql
create or replace function api.rubric_page(assignment text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(rubric_page.assignment, 'assignment');
begin
  return (
    select jsonb_build_object(
      'name', a.name, 'display_name', a.display_name, 'offering', c.offering,
      'can_edit', auth.is_ta_of(allowed_course),
      'kinds', to_jsonb(app.score_kinds(a.id)),
      'rubrics', app.rubrics_json(a.id)
    )
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.name = rubric_page.assignment and a.course_id = allowed_course
  );
end;
$$;

revoke all on function api.rubric_page(text) from public;
alter function api.rubric_page(text) owner to ok_api;
grant execute on function api.rubric_page(text) to ok_user;
comment on function api.rubric_page(text) is
'The rubrics of an assignment, their items and uses, for its staff (TAs and instructors edit).';
