-- Question: How active are students each day, per assignment?
-- For: staff watching an assignment's progress (Metabase: a stacked area per assignment).
select
  day_utc,
  assignment,
  active_students,
  backups,
  submissions
from analytics.assignment_activity_daily
order by day_utc, assignment
