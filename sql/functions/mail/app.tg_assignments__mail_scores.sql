-- app.tg_assignments__mail_scores(): when staff publish kinds of scores of an assignment,
-- tell the students who have a score of a newly published kind (not archived), and their
-- group mates, who share it (app.shared_best), once per student and kinds published
-- (publishing the same kinds again after hiding them tells no one twice). A hidden assignment
-- tells nobody; its published kinds are told when it is shown. Template: scores.
-- Called by: trigger _800_mail after update of published_score_kinds or visible on
-- app.assignments.
-- Security: definer (reads the scores; queues mail). Raises nothing.
-- requires: app.queue_mail.sql
create or replace function app.tg_assignments__mail_scores()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- the kinds students can see now and could not before
  added text[] := array(select k from unnest(case when new.visible then new.published_score_kinds end) as k
                        where not old.visible or not (k = any(old.published_score_kinds))
                        order by k);
begin
  if cardinality(added) = 0 then
    return null;
  end if;
  perform app.queue_mail('scores', 'scores', format('%s: scores published (%s)', new.display_name, array_to_string(added, ', ')),
    -- whoever sees such a score: its student and, as scores are shared in a group
    -- (app.shared_best), their current group mates
    array(select distinct m.user_id
          from app.scores as s
          left join app.current_groups as g on g.assignment_id = s.assignment_id and g.user_id = s.user_id
          cross join lateral unnest(coalesce(g.member_ids, array[s.user_id])) as m (user_id)
          where s.assignment_id = new.id and not s.archived and s.kind = any(added)),
    new.course_id,
    jsonb_build_object('kinds', added, 'assignment', new.display_name, 'path', '/' || new.name || '/'),
    format('scores:%s:%s', new.id, array_to_string(added, ',')));
  return null;
end;
$$;

revoke all on function app.tg_assignments__mail_scores() from public;
