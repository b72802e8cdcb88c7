-- Question: Which questions do students struggle with most?
-- For: staff deciding what to review in lecture (Metabase: a table, worst first).
select
  assignment,
  question,
  students,
  students_failed,
  round(100.0 * students_failed / nullif(students, 0), 1) as percent_failed_once,
  students_passed,
  failed_cases
from analytics.question_attempts
order by percent_failed_once desc nulls last, students desc, assignment asc, question asc
limit 50
