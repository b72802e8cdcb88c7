drop function if exists app.final_submissions(bigint, bigint);
drop function if exists app.unit_dates(bigint, bigint[]);
drop function if exists app.assignment_units(bigint, bigint);
drop function if exists app.submission_time(timestamptz, timestamptz, timestamptz, timestamptz);
drop function if exists app.late_by(timestamptz, timestamptz);
drop function if exists app.grade_cells(bigint);
drop function if exists app.grade_columns(bigint);
drop view if exists app.current_groups;
