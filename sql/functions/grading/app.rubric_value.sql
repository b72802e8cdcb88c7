-- app.rubric_value(start_points, min_points, max_points, applied_points): the score a rubric
-- gives, said once: its starting points plus the points of the items applied, within its
-- minimum and maximum (a missing bound does not bound).
-- Called by: api.grade_by_rubric (a grader applies items), app.rescore_rubric (a rubric
-- changed). Security: invoker. Raises nothing.
create or replace function app.rubric_value(
  start_points numeric, min_points numeric, max_points numeric, applied_points numeric
)
returns numeric
language sql
immutable
parallel safe
as $$
  select least(greatest(start_points + coalesce(applied_points, 0), min_points), max_points)
$$;

revoke all on function app.rubric_value(numeric, numeric, numeric, numeric) from public;
grant execute on function app.rubric_value(numeric, numeric, numeric, numeric) to ok_api;
