-- v3.backups_json(backup_ids): the /api/v3 shape of backups (okpy/ok's #5 "view a
-- backup"), in the order given: id (key), submitter {id, email}, assignment {name, course},
-- messages [{kind, contents, created}], created, submission_time, is_late, submit, flagged,
-- external_files, group [{id, email}] (the submitter's current group).
-- submission_time and is_late follow the one rule (app.submission_time, app.late_by against
-- the effective due date of the submitter's current unit, app.unit_dates), as every page does.
-- Called by: api.v3_backup_get, api.v3_export_get, api.v3_submissions_get.
-- plpgsql rather than SQL on purpose: its query plans are re-made when the request role
-- changes; a SQL function's plan cached inside a caller's expression is not.
-- Security: invoker: rows the caller may not see are simply absent. Raises nothing.
-- requires: v3.course.sql, v3.time.sql, app.unit_dates.sql, app.submission_time.sql, app.late_by.sql, app.group_member_ids.sql, app.hashid_encode.sql
create or replace function v3.backups_json(backup_ids bigint[], include_messages boolean default true)
returns jsonb
language plpgsql
stable
as $$
begin
  return (
    select coalesce(jsonb_agg(
      jsonb_build_object(
        'id', app.hashid_encode(b.id),
        'submitter', jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email),
        'assignment', jsonb_build_object(
          'name', a.name,
          'course', v3.course(c)
        ),
        'messages', case when include_messages then (
          select coalesce(jsonb_agg(jsonb_build_object(
            'kind', m.kind, 'contents', m.contents, 'created', v3.time(m.created_at)
          ) order by m.kind), '[]'::jsonb)
          from app.messages as m where m.backup_id = b.id
        ) end,
        'created', v3.time(b.created_at),
        'submission_time', v3.time(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires)
        ),
        'is_late', app.late_by(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires),
          d.due_at
        ) is not null,
        'submit', b.submit,
        'flagged', b.flagged,
        'external_files', '[]'::jsonb,
        'group', (
          select coalesce(jsonb_agg(jsonb_build_object('id', app.hashid_encode(gu.id), 'email', gu.email)
            order by gu.email), '[]'::jsonb)
          from app.users as gu
          where gu.id = any(app.group_member_ids(b.assignment_id, b.submitter_id))
        )
      ) order by ids.n
    ), '[]'::jsonb)
    from unnest(backup_ids) with ordinality as ids (id, n)
    inner join app.backups as b on ids.id = b.id
    inner join app.assignments as a on b.assignment_id = a.id
    inner join app.courses as c on a.course_id = c.id
    cross join lateral app.unit_dates(b.assignment_id, app.group_member_ids(b.assignment_id, b.submitter_id)) as d
    left join app.users as u on b.submitter_id = u.id
  );
end;
$$;

revoke all on function v3.backups_json(bigint[], boolean) from public;
grant execute on function v3.backups_json(bigint[], boolean) to ok_api;
