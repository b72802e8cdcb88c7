-- Question: How many students have started, submitted, or not started each assignment?
-- For: staff and researchers (Metabase: a bar chart per assignment).
select
  assignment,
  students,
  started,
  submitted,
  not_started,
  round(100.0 * submitted / nullif(students, 0), 1) as percent_submitted
from analytics.assignment_progress
order by assignment
