-- Question: When do students submit, in the hours before each deadline?
-- For: staff planning office hours, researchers of procrastination (Metabase: a line per assignment).
select
  assignment,
  hours_before_due,
  submissions,
  students
from analytics.submissions_before_deadline
where hours_before_due between -24 and 72
order by assignment asc, hours_before_due desc
