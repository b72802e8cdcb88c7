-- app.tg_scores__shared_best(): keeps app.shared_best_scores after scores are added, changed
-- (value, kind, archived, scorer) or deleted: for each assignment a statement touched, in
-- assignment order, app.refresh_shared_best recomputes the scorers' units. One call per
-- assignment and statement, however many rows (a rubric change rescoring a whole
-- assignment is one refresh, not one per score).
-- Called by: the statement triggers _300_shared_best_insert, _300_shared_best_update and
-- _300_shared_best_delete on app.scores (transition tables new_rows and old_rows).
-- Security: definer (ok_owner): request roles write no summary, and a unit's best reads
-- group-mates' scores the caller may not see. Raises nothing.
create or replace function app.tg_scores__shared_best()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  touched record;
begin
  -- Each branch reads only the transition tables its event has.
  if TG_OP = 'INSERT' then
    for touched in
      select n.course_id, n.assignment_id, array_agg(distinct n.user_id) as user_ids
      from new_rows as n where not n.archived
      group by n.course_id, n.assignment_id order by n.assignment_id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, '{}');
    end loop;
  elsif TG_OP = 'UPDATE' then
    for touched in
      select c.course_id, c.assignment_id, array_agg(distinct c.user_id) as user_ids
      from new_rows as n
      inner join old_rows as o on n.id = o.id
      cross join lateral (values
        (n.course_id, n.assignment_id, n.user_id), (o.course_id, o.assignment_id, o.user_id)
      ) as c (course_id, assignment_id, user_id)
      where (n.value, n.kind, n.archived, n.user_id, n.assignment_id)
        is distinct from (o.value, o.kind, o.archived, o.user_id, o.assignment_id)
      group by c.course_id, c.assignment_id order by c.assignment_id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, '{}');
    end loop;
  else
    for touched in
      select o.course_id, o.assignment_id, array_agg(distinct o.user_id) as user_ids
      from old_rows as o where not o.archived
      group by o.course_id, o.assignment_id order by o.assignment_id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, '{}');
    end loop;
  end if;
  return null;
end;
$$;

revoke all on function app.tg_scores__shared_best() from public;
