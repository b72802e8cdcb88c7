-- Question: How are the scores of each assignment spread?
-- For: staff checking an assignment's difficulty (Metabase: a box plot per assignment and kind).
select
  assignment,
  kind,
  scores,
  round(mean::numeric, 2) as mean,
  minimum,
  p25,
  median,
  p75,
  maximum
from analytics.score_distribution
order by assignment, kind
