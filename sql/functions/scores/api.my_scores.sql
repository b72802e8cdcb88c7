-- api.my_scores(assignment): the scores a student sees: only published kinds, active (not
-- archived) scores of any member of their current group, the best per kind. Tie rule: the
-- highest value wins; between equal values the newest score, then the highest id. items:
-- the rubric items the score applied [{"description", "points", "note"}] (null for a score
-- given without a rubric); a description edited later reads as it is now.
-- Called by: the assignment page. Security: definer as ok_api (the caller's RLS applies); RLS on app.scores already limits students
-- to published, active scores of their group. Raises nothing.
create or replace function api.my_scores(assignment text)
returns table (kind text, score numeric, message text, backup_key text, graded_at timestamptz, items jsonb)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with target as materialized (
    select a.id, a.published_score_kinds, app.group_member_ids(a.id, auth.user_id()) as member_ids
    from app.assignments as a
    where a.name = my_scores.assignment
  )
  select distinct on (s.kind) s.kind, s.value, s.message, app.hashid_encode(s.backup_id), s.created_at, (
    select jsonb_agg(jsonb_build_object('description', i.description, 'points', i.points, 'note', a.note)
                     order by i.position, i.id)
    from app.score_rubric_items as a inner join app.rubric_items as i on a.item_id = i.id
    where a.score_id = s.id
  )
  from target as t
  inner join app.scores as s on s.assignment_id = t.id and s.user_id = any(t.member_ids)
  where not s.archived
    and s.kind = any(t.published_score_kinds)
  order by s.kind, s.value desc, s.created_at desc, s.id desc
$$;

revoke all on function api.my_scores(text) from public;
alter function api.my_scores(text) owner to ok_api;
grant execute on function api.my_scores(text) to ok_user;
comment on function api.my_scores(text) is 'Published scores of the caller''s group, best per kind.';
