-- Question: How many students submit late, how late, and do extensions help?
-- For: staff setting deadline policy (Metabase: a table per assignment).
select
  assignment_id,
  count(*) filter (where has_backup) as students_started,
  count(*) filter (where is_submission) as students_submitted,
  count(*) filter (where late) as students_late,
  round(avg(hours_late) filter (where late), 1) as mean_hours_late,
  count(*) filter (where extended) as students_extended,
  count(*) filter (where extended and is_submission and not late) as extended_and_on_time
from analytics.final_submissions
group by assignment_id
order by assignment_id
