-- api.comment_bank(assignment): the assignment's saved comments, for the comment form and the
-- grading view: [{"id", "message" (Markdown source), "uses", "author"}, ...], the most used
-- first. Shared by the course's staff; students never see it.
-- Called by: the comment form fragment (GET .../grade/<key>/comment), api.grading_view.
-- Security: definer as ok_api (the caller's RLS applies: staff read their course's bank).
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql
create or replace function api.comment_bank(assignment text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(comment_bank.assignment, 'assignment');
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', k.id, 'message', k.message, 'uses', k.uses, 'author', u.email)
                     order by k.uses desc, k.id)
    from app.comment_bank as k
    inner join app.assignments as a on k.assignment_id = a.id
    left join app.users as u on k.author_id = u.id
    where a.name = comment_bank.assignment and a.course_id = allowed_course
  ), '[]'::jsonb);
end;
$$;

revoke all on function api.comment_bank(text) from public;
alter function api.comment_bank(text) owner to ok_api;
grant execute on function api.comment_bank(text) to ok_user;
comment on function api.comment_bank(text) is 'The assignment''s saved comments, the most used first (staff).';
