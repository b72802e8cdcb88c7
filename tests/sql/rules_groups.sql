-- Groups: invite, accept, decline, leave, remove, revoke; size limits counting invitations;
-- enrollment and one-group rules; closed assignments; staff changes; the audit of each change.
begin;
select plan(28);
select tests.fixture();
update app.assignments set max_group_size = 3 where name = 'cal/cs61a/fa26/hw01';
insert into app.users (email) values ('s3@a.edu'), ('s4@a.edu');
insert into app.enrollments (user_id, course_id, role)
select u.id, c.id, 'student' from app.users as u, app.courses as c
where u.email in ('s3@a.edu', 's4@a.edu') and c.offering = 'cal/cs61a/fa26';

select tests.act_as('s1@a.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's1@a.edu') $$, 'PT422', 'You cannot invite yourself',
  'nobody invites themself');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's1@b.edu') $$, 'PT422', null,
  'the invitee must be enrolled in the course');
select lives_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'a student invites a classmate');
reset role;
select is((select status::text from app.group_members m join app.users u on u.id = m.user_id where u.email = 's2@a.edu'),
  'pending', 'the invitee is pending');
select tests.act_as('s1@a.edu');
select lives_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's3@a.edu') $$, 'a second invitation');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's4@a.edu') $$, 'PT422', null,
  'the size limit counts pending invitations');

select tests.act_as('s2@a.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's4@a.edu') $$, 'PT403', null,
  'a pending invitee cannot invite others');
select tests.act_as('s4@a.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'PT422', null,
  'someone already invited elsewhere cannot be invited');

-- Accepting clears the joiner's own flag.
reset role;
update app.backups set flagged = true where submit and submitter_id = tests.user_id('s2@a.edu');
select tests.act_as('s2@a.edu');
select lives_ok($$ select api.group_respond('cal/cs61a/fa26/hw01', true) $$, 'the invitee accepts');
reset role;
select is((select count(*)::int from app.backups where flagged and submitter_id = tests.user_id('s2@a.edu')), 0,
  'accepting clears the joiner''s own flag');
select tests.act_as('s3@a.edu');
select lives_ok($$ select api.group_respond('cal/cs61a/fa26/hw01', false) $$, 'another invitee declines');
select throws_ok($$ select api.group_respond('cal/cs61a/fa26/hw01', true) $$, 'PT404', null,
  'a declined invitation is gone');

-- Revoking an invitation removes the invitee, not the revoker (okpy/ok removed the revoker).
select tests.act_as('s1@a.edu');
select api.group_invite('cal/cs61a/fa26/hw01', 's3@a.edu');
select lives_ok($$ select api.group_remove('cal/cs61a/fa26/hw01', 's3@a.edu') $$, 'a member revokes an invitation');
reset role;
select is(
  (select string_agg(u.email, ',' order by u.email) from app.group_members m join app.users u on u.id = m.user_id),
  's1@a.edu,s2@a.edu', 'the invitee is removed and the revoker stays');
select is((select action from app.group_actions order by id desc limit 1), 'revoke', 'recorded as a revocation');

-- Joining pools backups: group-mates see each other's work.
select tests.act_as('s2@a.edu');
select is((select count(*)::int from app.backups where submitter_id = tests.user_id('s1@a.edu')), 2,
  'an active member sees a group-mate''s backups');
select tests.act_as('s3@a.edu');
select is((select count(*)::int from app.backups where submitter_id = tests.user_id('s1@a.edu')), 0,
  'a classmate outside the group does not');
select throws_ok($$ select api.group_remove('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'PT403', null,
  'an outsider cannot remove members');

-- After the lock date students cannot change groups; staff can.
reset role;
update app.assignments set due_at = now() - interval '2 days', lock_at = now() - interval '1 day'
where name = 'cal/cs61a/fa26/hw01';
select tests.act_as('s2@a.edu');
select throws_ok($$ select api.group_remove('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'PT403', null,
  'no leaving after the lock date');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's4@a.edu') $$, 'PT403', null,
  'no inviting after the lock date');
select tests.act_as('reader@a.edu');
select lives_ok($$ select api.group_staff_add('cal/cs61a/fa26/hw01', 's4@a.edu', 's1@a.edu') $$,
  'staff add a member after the lock date');
select throws_ok($$ select api.group_staff_add('cal/cs61a/fa26/hw01', 's3@a.edu', 's1@a.edu') $$, 'PT422', null,
  'staff still respect the size limit');
select lives_ok($$ select api.group_remove('cal/cs61a/fa26/hw01', 's4@a.edu') $$, 'staff remove a member at any time');
select tests.act_as('ta@b.edu');
select throws_ok($$ select api.group_staff_add('cal/cs61a/fa26/hw01', 's4@a.edu', 's1@a.edu') $$, 'PT403', null,
  'staff of another course cannot');

-- Leaving the last pair dissolves the group; every change is audited with before and after.
reset role;
update app.assignments set due_at = now() + interval '2 days', lock_at = now() + interval '3 days'
where name = 'cal/cs61a/fa26/hw01';
select tests.act_as('s2@a.edu');
select lives_ok($$ select api.group_remove('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'a member leaves');
reset role;
select is((select count(*)::int from app.groups), 0, 'a group of one is dissolved');
select is(
  (select string_agg(action, ',' order by id) from app.group_actions),
  'invite,invite,accept,decline,invite,revoke,staff_add,staff_remove,leave',
  'every change writes one audit row');
select ok(
  (select bool_and(group_before is not null or action in ('invite', 'staff_add')) and bool_or(group_after is null)
   from app.group_actions),
  'audit rows carry the group before and after');

select * from finish();
rollback;
