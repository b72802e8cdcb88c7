-- app.score_kinds(assignment_id): the kinds of score that staff give on an assignment, in the
-- order forms offer them: composition, correctness, effort, total, then any other kind that
-- is published, has a rubric, or was already used on the assignment, alphabetically.
-- Called by: api.grading_view (the score form), api.rubric_page (the kinds a rubric can be
-- made for). Security: invoker (inside those definers). Raises nothing.
create or replace function app.score_kinds(assignment_id bigint)
returns text[]
language sql
stable
as $$
  select array_agg(k.kind order by k.standard, k.kind)
  from (
    select v.kind, v.standard from (values
      ('composition', 1), ('correctness', 2), ('effort', 3), ('total', 4)
    ) as v (kind, standard)
    union
    select p.kind, 5
    from app.assignments as a cross join unnest(a.published_score_kinds) as p (kind)
    where a.id = score_kinds.assignment_id
    union
    select r.kind, 5 from app.rubrics as r where r.assignment_id = score_kinds.assignment_id
    union
    select distinct s.kind, 5 from app.scores as s where s.assignment_id = score_kinds.assignment_id
  ) as k
  -- a standard kind that was also used comes once, in its standard place
  where k.standard < 5 or k.kind not in ('composition', 'correctness', 'effort', 'total')
$$;

revoke all on function app.score_kinds(bigint) from public;
grant execute on function app.score_kinds(bigint) to ok_api;
