-- Publishing a kind of score: TAs and instructors (not readers) show or hide one kind of an
-- assignment's scores; students read a score only once its kind is published.
begin;
select plan(12);
select tests.fixture();
insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
select b.id, b.assignment_id, b.course_id, b.submitter_id, 'effort', 2
from app.backups as b inner join app.users as u on b.submitter_id = u.id
where u.email = 's1@a.edu' and b.submit;

select tests.act_as('s1@a.edu');
select is((select count(*)::int from app.scores where kind = 'effort'), 0, 'an unpublished kind is not seen by the student');

select tests.act_as('reader@a.edu');
select throws_ok($$ select api.publish_scores('cal/cs61a/fa26/hw01', 'effort') $$, 'PT403',
  'Only TAs and instructors can publish scores', 'a reader grades but does not publish');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.publish_scores('cal/cs61a/fa26/hw01', 'effort') $$, 'PT403',
  'Only TAs and instructors can publish scores', 'nor does a student');

select tests.act_as('ta@a.edu');
select is(api.publish_scores('cal/cs61a/fa26/hw01', ' Effort '), array['effort', 'total'],
  'a TA publishes a kind (lower-cased and trimmed, as scores store kinds)');
select is(api.publish_scores('cal/cs61a/fa26/hw01', 'effort'), array['effort', 'total'], 'publishing again changes nothing');
select throws_ok($$ select api.publish_scores('cal/cs61a/fa26/hw01', '  ') $$, 'PT422',
  'Name the kind of score to publish', 'an empty kind is refused');

select tests.act_as('s1@a.edu');
select is((select count(*)::int from app.scores where kind = 'effort'), 1, 'once published, the student sees it');

select tests.act_as('instructor@a.edu');
select is(api.publish_scores('cal/cs61a/fa26/hw01', 'effort', false), array['total'], 'an instructor hides it again');
select tests.act_as('s1@a.edu');
select is((select count(*)::int from app.scores where kind = 'effort'), 0, 'and the student no longer sees it');

select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.publish_scores('cal/cs61a/fa26/hw01', 'effort', null) $$, 'PT422',
  'Say whether to publish or hide the kind', 'publish or hide must be said');
select tests.act_as('admin@x.edu');
select is(api.publish_scores('cal/cs61a/fa26/hw01', 'checkpoint 1'), array['checkpoint 1', 'total'],
  'a site admin publishes in any course, and the change is made');

reset role;
select is(
  (select count(*)::int from app.audit_log
   where table_name = 'assignments' and action = 'update'
     and before ->> 'published_score_kinds' is distinct from after ->> 'published_score_kinds'),
  3, 'each change is in the audit log (publishing again was no change)');

select * from finish();
rollback;
