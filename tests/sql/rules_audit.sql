-- The audit trail: scores, extensions, enrollments, flags, group membership, submission times
-- and assignment dates are recorded with actor, time, before and after; nobody rewrites them.
begin;
select plan(10);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);

select tests.act_as('reader@a.edu');
select api.v3_score_post(current_setting('t.s1'), 'total', 5, 'x');
select api.flag_backup(current_setting('t.s1'));
select api.set_submission_time(current_setting('t.s1'), '2026-01-01 10:00');
select tests.act_as('ta@a.edu');
select api.grant_extension('cal/cs61a/fa26/hw01', 's2@a.edu', '2099-01-01');
select api.v3_assignment_post('Homework 1', '2030-01-01 23:59', '2030-01-02 23:59', 2)
from (select set_config('request.headers', '{"x-ok-name": "cal/cs61a/fa26/hw01"}', true)) as h;
select tests.act_as('s1@a.edu');
select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu');
select tests.act_as('instructor@a.edu');
select api.enroll('cal/cs61a/fa26', 's2@a.edu', 'ta');

reset role;
select is((select actor from app.audit_log where table_name = 'scores' and action = 'insert'), 'reader@a.edu',
  'scores: who');
select ok((select after ->> 'flagged' = 'true' and before ->> 'flagged' = 'false' from app.audit_log
  where table_name = 'backups' and after ->> 'flagged' = 'true' limit 1), 'flags: before and after');
select ok(exists (select 1 from app.audit_log where table_name = 'backups'
  and after ->> 'custom_submission_time' is not null), 'submission-time overrides');
select ok(exists (select 1 from app.audit_log where table_name = 'extensions' and actor = 'ta@a.edu'), 'extensions');
select ok(exists (select 1 from app.audit_log where table_name = 'assignments' and action = 'update'
  and before ->> 'due_at' <> after ->> 'due_at'), 'assignment dates');
select ok(exists (select 1 from app.audit_log where table_name = 'enrollments' and before ->> 'role' = 'student'
  and after ->> 'role' = 'ta'), 'enrollment roles');
select ok(exists (select 1 from app.audit_log where table_name = 'group_members' and actor = 's1@a.edu'), 'group membership');
select ok((select bool_and(created_at is not null and actor is not null) from app.audit_log), 'every row has actor and time');

select tests.act_as('admin@x.edu');
select throws_ok($$ delete from app.audit_log $$, '42501', null, 'admins cannot delete audit rows');
reset role;
select throws_ok($$ update app.audit_log set actor = 'x' $$, '42501', 'audit log is append-only',
  'not even the owner can rewrite them');

select * from finish();
rollback;
