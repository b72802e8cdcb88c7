-- The job queue (issue #11, point 1): staff start exports inside the transaction that decides
-- them; workers claim, report, write files, finish; failures are retried with backoff; dead
-- workers' jobs are taken over once their lease expires; cancelling; the schedule starts a
-- periodic job once; downloads only for whoever may see the job, only when finished and not
-- expired; the worker's data calls act as the job's creator.
begin;
select plan(55);
select tests.fixture();

-- Starting an export: the course's staff only, a known export.
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.start_export('cal/cs61a/fa26', 'grades') $$, 'PT403', null, 'a student starts no export');
select tests.act_as('reader@a.edu');
select throws_ok($$ select api.start_export('cal/cs61a/fa26', 'secrets') $$, 'PT422',
  'No export ''secrets'': grades, roster, final_submissions or backups', 'an unknown export is refused');
select throws_ok($$ select api.start_export('cal/cs61a/fa26', 'grades', true) $$, 'PT422', null,
  'only final submissions have an anonymized export');
select set_config('tests.grades', (api.start_export('cal/cs61a/fa26', 'grades') ->> 'job_id'), true);
select is((select j ->> 'state' from jsonb_array_elements(api.jobs_page('cal/cs61a/fa26') -> 'jobs') as j),
  'queued', 'the jobs page shows the export queued');
select is((select j -> 'file' ->> 'name' from jsonb_array_elements(api.jobs_page('cal/cs61a/fa26') -> 'jobs') as j),
  'cal-cs61a-fa26-grades-' || to_char(now() at time zone 'America/Los_Angeles', 'YYYY-MM-DD') || '.csv',
  'its file is named for the course and the day, in the course''s zone');
select is(api.jobs_page('cal/cs61a/fa26') -> 'active', 'true'::jsonb, 'and that a job is active (the page polls)');
select tests.act_as('s1@a.edu');
select throws_ok(format('select api.job_page(%s)', current_setting('tests.grades')), 'PT404', null,
  'a student does not see a staff member''s job');
select throws_ok(format('select api.cancel_job(%s)', current_setting('tests.grades')), 'PT404', null,
  'nor cancel it');

-- A worker claims it, computes it as its creator would, writes the file, finishes.
select tests.act_as_role('ok_worker');
select is(api.job_claim('w1') ->> 'kind', 'export_grades', 'a worker claims the queued job');
select is(api.job_claim('w2'), null, 'another worker finds nothing more to claim');
select throws_ok(format('select api.job_report(%s, %L)', current_setting('tests.grades'), 'w2'), 'PT409',
  format('Job %s is not running on worker w2', current_setting('tests.grades')), 'only the worker holding a job reports on it');
select ok(api.job_export_text(current_setting('tests.grades')::bigint, 'w1') like 'Email,SID%',
  'the worker reads the grades CSV as the job''s creator may');
select is(api.job_report(current_setting('tests.grades')::bigint, 'w1', 0.5, E'half\n'), false,
  'a report renews the lease and says not to cancel');
select throws_ok(format('select api.job_file_chunk(%s, %L, 1, %L::bytea)', current_setting('tests.grades'), 'w1', 'x'),
  'PT422', 'Expected chunk 0, not 1', 'chunks are written in order');
select from api.job_file_chunk(current_setting('tests.grades')::bigint, 'w1', 0, convert_to('Email,SID' || E'\n', 'UTF8'));
select tests.act_as('ta@a.edu');
select throws_ok(format('select api.job_download(%s)', current_setting('tests.grades')), 'PT409', null,
  'a file cannot be downloaded before its job has finished');
select tests.act_as_role('ok_worker');
select is(api.job_finish(current_setting('tests.grades')::bigint, 'w1', null, '0 rows'), 'finished', 'the job finishes');
select tests.act_as('ta@a.edu');
select is(api.job_download(current_setting('tests.grades')::bigint) - 'file_name',
  '{"file_type": "text/csv", "file_bytes": 10, "chunks": 1}'::jsonb, 'another staff member downloads the file');
select is(convert_from(api.job_download_chunk(current_setting('tests.grades')::bigint, 0), 'UTF8'), 'Email,SID' || E'\n',
  'chunk by chunk');
select is((api.job_page(current_setting('tests.grades')::bigint) ->> 'log') ~ 'attempt 1 of 3 on worker w1', true,
  'the log says which worker ran it');
select tests.act_as('s1@a.edu');
select throws_ok(format('select api.job_download_chunk(%s, 0)', current_setting('tests.grades')), 'PT404', null,
  'a student cannot download it');
select tests.act_as_owner();
update app.enrollments set role = 'student'
where user_id = (select id from app.users where email = 'reader@a.edu');
select tests.act_as('reader@a.edu');
select throws_ok(format('select api.job_download(%s)', current_setting('tests.grades')), 'PT404', null,
  'nor can its creator once no longer staff of the course');
select tests.act_as_owner();
update app.enrollments set role = 'reader'
where user_id = (select id from app.users where email = 'reader@a.edu');
update app.jobs set file_expires_at = now() - interval '1 second' where id = current_setting('tests.grades')::bigint;
select tests.act_as('ta@a.edu');
select throws_ok(format('select api.job_download(%s)', current_setting('tests.grades')), 'PT410', null,
  'an expired file is gone');

-- Failing: retried after a backoff, then failed for good.
select set_config('tests.failing', (api.start_test_job('cal/cs61a/fa26', 1, true) ->> 'job_id'), true);
select tests.act_as_role('ok_worker');
select from api.job_claim('w1');
select is(api.job_finish(current_setting('tests.failing')::bigint, 'w1', 'RuntimeError: no'), 'queued',
  'a failed attempt goes back to the queue');
select tests.act_as_owner();
select ok((select run_after between now() + interval '29 seconds' and now() + interval '31 seconds'
           from app.jobs where id = current_setting('tests.failing')::bigint), 'after a 30 s backoff');
select tests.act_as('ta@a.edu');
select is(api.job_page(current_setting('tests.failing')::bigint) ->> 'state', 'waiting to retry', 'shown as waiting to retry');
select tests.act_as_role('ok_worker');
select is(api.job_claim('w1'), null, 'it is not claimed before its backoff ends');
select tests.act_as_owner();
update app.jobs set run_after = now(), attempts = 2 where id = current_setting('tests.failing')::bigint;
select tests.act_as_role('ok_worker');
select is((api.job_claim('w1') ->> 'attempts')::integer, 3, 'then claimed again');
select is(api.job_finish(current_setting('tests.failing')::bigint, 'w1', 'RuntimeError: no'), 'failed',
  'the last attempt''s failure is final');
select tests.act_as('ta@a.edu');
select is(api.job_page(current_setting('tests.failing')::bigint) ->> 'error', 'RuntimeError: no', 'with its error');
select set_config('tests.retry', (api.retry_job(current_setting('tests.failing')::bigint) ->> 'job_id'), true);
select is(api.job_page(current_setting('tests.retry')::bigint) ->> 'state', 'queued', 'retrying queues a new job');
select throws_ok(format('select api.retry_job(%s)', current_setting('tests.retry')), 'PT409', null,
  'only a failed or cancelled job is run again');

-- Cancelling: a queued job at once; a running one at its worker's next report.
select is(api.cancel_job(current_setting('tests.retry')::bigint), '{"state": "cancelled"}'::jsonb, 'a queued job is cancelled at once');
select throws_ok(format('select api.cancel_job(%s)', current_setting('tests.retry')), 'PT409',
  format('Job %s has already ended', current_setting('tests.retry')), 'and only once');
select set_config('tests.running', (api.start_test_job('cal/cs61a/fa26', 60) ->> 'job_id'), true);
select tests.act_as_role('ok_worker');
select from api.job_claim('w1');
select tests.act_as('ta@a.edu');
select is(api.cancel_job(current_setting('tests.running')::bigint), '{"state": "cancelling"}'::jsonb,
  'a running job is asked to stop');
select tests.act_as_role('ok_worker');
select is(api.job_report(current_setting('tests.running')::bigint, 'w1'), true, 'its worker reads the request');
select is(api.job_finish(current_setting('tests.running')::bigint, 'w1', 'Cancelled'), 'cancelled', 'and ends it cancelled');

-- A dead worker's job: taken over once its lease expires; shutting down hands it back.
select tests.act_as('ta@a.edu');
select set_config('tests.orphan', (api.start_test_job('cal/cs61a/fa26', 60) ->> 'job_id'), true);
select tests.act_as_role('ok_worker');
select from api.job_claim('w1', 5);
select is(api.job_claim('w2', 5), null, 'a job with a live lease is not taken');
select tests.act_as_owner();
update app.jobs set lease_expires_at = now() - interval '1 second' where id = current_setting('tests.orphan')::bigint;
select tests.act_as_role('ok_worker');
select is((api.job_claim('w2', 5) ->> 'attempts')::integer, 2, 'once the lease expired, another worker takes it over');
select throws_ok(format('select api.job_finish(%s, %L)', current_setting('tests.orphan'), 'w1'), 'PT409', null,
  'and the dead worker can no longer finish it');
select is(api.job_release(current_setting('tests.orphan')::bigint, 'w2'), 'queued', 'a worker shutting down hands it back');
select tests.act_as_owner();
select results_eq(format('select status::text, attempts from app.jobs where id = %s', current_setting('tests.orphan')),
  $$ values ('queued', 1::bigint) $$, 'without using an attempt');
update app.jobs set status = 'running', worker = 'w9', attempts = 3, lease_expires_at = now() - interval '1 second'
where id = current_setting('tests.orphan')::bigint;
select tests.act_as_role('ok_worker');
select from api.job_claim('w1', 5);
select tests.act_as_owner();
select results_eq(format('select status::text, error from app.jobs where id = %s', current_setting('tests.orphan')),
  $$ values ('failed', 'The worker running it (w9) stopped responding, 3 time(s): given up') $$,
  'a job whose worker died on its last attempt fails, saying why');

-- The schedule starts each due task once, however many workers ask.
insert into app.email_outbox (to_address, subject, body_text, status, sent_at)
values ('s1@a.edu', 'Long ago', 'Hi', 'sent', now() - interval '91 days'),
       ('s1@a.edu', 'Lately', 'Hi', 'sent', now() - interval '89 days');
insert into app.jobs (name, status, finished_at)
values ('test', 'finished', now() - interval '91 days'), ('test', 'failed', now() - interval '89 days');
update app.scheduled_tasks
set next_run_at = case when name = 'prune' then now() - interval '1 minute' else now() + interval '1 hour' end;
select tests.act_as_role('ok_worker');
select is(cardinality(api.run_schedule()), 1, 'a due task starts one job');
select is(api.run_schedule(), '{}'::bigint[], 'and not again until its next run');
select is(api.job_claim('w1') ->> 'kind', 'prune', 'scheduled jobs come first');
select ok(api.job_prune((select id from app.jobs where name = 'prune'), 'w1') ~
  '^Deleted 1 expired export file\(s\).* 1 old message\(s\), 1 old job\(s\)$',
  'pruning deletes the expired export file, and mail and jobs over 90 days old');

-- The final-submissions export: one folder per unit, as its creator sees them; anonymized.
select tests.act_as('ta@a.edu');
select set_config('tests.finals', (api.start_export('cal/cs61a/fa26/hw01', 'final_submissions') ->> 'job_id'), true);
select set_config('tests.anonymous', (api.start_export('cal/cs61a/fa26/hw01', 'final_submissions', true) ->> 'job_id'), true);
select set_config('tests.backups', (api.start_export('cal/cs61a/fa26/hw01', 'backups') ->> 'job_id'), true);
select tests.act_as_owner();
update app.messages set contents = '{"hw01.py": "# by s1@a.edu"}'
where backup_id in (select b.id from app.backups b join app.users u on u.id = b.submitter_id
                    where u.email = 's1@a.edu' and b.submit and b.course_id = (select id from app.courses where offering = 'cal/cs61a/fa26'));
select set_config('tests.folders', (
  select jsonb_agg(u.email || '/' || tests.hashid(b.id) order by u.email)
  from app.backups b join app.users u on u.id = b.submitter_id
  where b.submit and b.course_id = (select id from app.courses where offering = 'cal/cs61a/fa26'))::text, true);
select set_config('tests.all_backups', (select array_agg(id) from app.backups)::text, true);
select tests.act_as_role('ok_worker');
select from api.job_claim('w1');
select from api.job_claim('w2');
select from api.job_claim('w3');
select is((select jsonb_agg(u ->> 'folder') from jsonb_array_elements(
    api.job_final_submissions(current_setting('tests.finals')::bigint, 'w1') -> 'units') as u),
  current_setting('tests.folders')::jsonb, 'a folder per student, named by email and backup key, as okpy/ok did');
select is((select count(*) from jsonb_array_elements(api.job_final_submissions(current_setting('tests.anonymous')::bigint, 'w2') -> 'units') as u
           where u ->> 'folder' like '%@%' or u::text like '%a.edu%'), 0::bigint, 'the anonymized plan names nobody');
select is((select count(*) from jsonb_array_elements(api.job_final_submissions(current_setting('tests.anonymous')::bigint, 'w2') -> 'units') as u
           where u ->> 'skipped' is not null), 1::bigint, 'and leaves out the submission whose file holds its author''s email');
select is((select jsonb_array_length(api.job_backup_files(current_setting('tests.finals')::bigint, 'w1',
           current_setting('tests.all_backups')::bigint[]))), 4, 'a worker reads the files of its assignment''s backups only');
select is((api.job_backups(current_setting('tests.backups')::bigint, 'w3') ->> 'total')::integer, 4,
  'the backups export pages through every backup of the assignment');
select is((select jsonb_array_length(api.job_backups(current_setting('tests.backups')::bigint, 'w3',
    (first -> 'next' ->> 'submitter')::bigint, (first -> 'next' ->> 'id')::bigint, 3) -> 'backups')
  from (select api.job_backups(current_setting('tests.backups')::bigint, 'w3', 0, 0, 3) as first) as p), 1,
  'page by page: the page after the first three holds the fourth');
select is((select count(*) from jsonb_array_elements(api.job_backups(current_setting('tests.backups')::bigint, 'w3') -> 'backups') as b
           where (b - 'messages')::text like '%@%'), 0::bigint, 'pseudonymous: no email beside the students'' own files');
-- one who is no longer staff exports nothing
select tests.act_as_owner();
delete from app.enrollments where user_id = tests.user_id('ta@a.edu');
select tests.act_as_role('ok_worker');
select throws_ok(format('select api.job_final_submissions(%s, %L)', current_setting('tests.finals'), 'w1'), 'PT403', null,
  'a job acts as its creator now: a TA who left the course exports nothing');

-- A course keeps at most 20 jobs waiting.
select tests.act_as('instructor@a.edu');
select count(*) from (select api.start_test_job('cal/cs61a/fa26', 1) from generate_series(1, 20 - (
  select count(*) from app.jobs where status in ('queued', 'running')
    and course_id = (select id from app.courses where offering = 'cal/cs61a/fa26')))) as started;
select throws_ok($$ select api.start_test_job('cal/cs61a/fa26', 1) $$, 'PT429', null, 'the 21st waiting job is refused');

select * from finish();
rollback;
