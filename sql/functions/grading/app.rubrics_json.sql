-- app.rubrics_json(assignment_id, backup_id): the assignment's rubrics as the rubric page
-- and the grading view show them: [{"id", "kind", "start_points", "min_points",
-- "max_points", "items": [{"id", "points", "description", "position", "uses", "applied"}]}]
-- by kind, items by position. uses: how many active scores applied the item; applied: for
-- the given backup (null: none), {"note"} when the backup's active score of the rubric's
-- kind applied the item, else null.
-- Called by: api.rubric_page, api.grading_view. Security: invoker (inside those definers).
-- Raises nothing.
create or replace function app.rubrics_json(assignment_id bigint, backup_id bigint default null)
returns jsonb
language sql
stable
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', r.id, 'kind', r.kind, 'start_points', r.start_points,
    'min_points', r.min_points, 'max_points', r.max_points,
    'items', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'id', i.id, 'points', i.points, 'description', i.description, 'position', i.position,
        'uses', (
          select count(*)
          from app.score_rubric_items as a
          inner join app.scores as s on a.score_id = s.id
          where a.item_id = i.id and not s.archived
        ),
        'applied', (
          select jsonb_build_object('note', a.note)
          from app.scores as s
          inner join app.score_rubric_items as a on s.id = a.score_id
          where s.backup_id = rubrics_json.backup_id and s.kind = r.kind and not s.archived and a.item_id = i.id
        )
      ) order by i.position, i.id), '[]'::jsonb)
      from app.rubric_items as i
      where i.rubric_id = r.id
    )
  ) order by r.kind), '[]'::jsonb)
  from app.rubrics as r
  where r.assignment_id = rubrics_json.assignment_id
$$;

revoke all on function app.rubrics_json(bigint, bigint) from public;
grant execute on function app.rubrics_json(bigint, bigint) to ok_api;
