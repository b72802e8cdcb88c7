-- The okpy/ok (v1) tables okadmin import-okpy reads, as the original's SQLAlchemy models made
-- them in MySQL (okpy-feature-reference §1.2): naive UTC datetimes, messages' JSON in a
-- MEDIUMBLOB, published score kinds as a space-separated StringList. Used by
-- tests/py/test_import_okpy.py and bench/import_okpy.py against a real MariaDB server.
create table `user` (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  email varchar(255) not null, name varchar(255), is_admin tinyint(1) not null default 0,
  unique key uq_user_email (email)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create table course (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  offering varchar(255) not null, institution varchar(255) not null default '', display_name varchar(255) not null,
  website varchar(255), active tinyint(1) not null default 1, timezone varchar(255) not null default 'America/Los_Angeles',
  autograder_url varchar(255), export_access_token varchar(255), export_access_token_active tinyint(1) default 0,
  unique key uq_course_offering (offering)
) engine=InnoDB default charset=utf8mb4;
create table assignment (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  name varchar(255) not null, course_id int not null, display_name varchar(255) not null,
  due_date datetime not null, lock_date datetime not null, visible tinyint(1) default 1, creator_id int,
  url varchar(255), max_group_size int default 1, revisions_allowed tinyint(1) not null default 0,
  autograding_key varchar(255), continuous_autograding tinyint(1) not null default 0,
  uploads_enabled tinyint(1) not null default 0, upload_info text, published_scores text, files mediumtext,
  unique key uq_assignment_name (name)
) engine=InnoDB default charset=utf8mb4;
create table enrollment (
  user_id int not null, course_id int not null, created datetime not null default current_timestamp,
  role enum('student', 'lab assistant', 'grader', 'staff', 'instructor') not null,
  sid varchar(255), class_account varchar(255), section varchar(255),
  primary key (user_id, course_id)
) engine=InnoDB default charset=utf8mb4;
create table backup (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  submitter_id int not null, creator_id int, assignment_id int not null, submit tinyint(1) not null default 0,
  flagged tinyint(1) not null default 0, custom_submission_time datetime,
  key ix_backup_submit (submit), key ix_backup_flagged (flagged)
) engine=InnoDB default charset=utf8mb4;
create table message (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  backup_id int not null, kind varchar(255) not null, contents mediumblob not null,
  key ix_message_backup_id (backup_id)
) engine=InnoDB default charset=utf8mb4;
create table `group` (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  assignment_id int not null
) engine=InnoDB default charset=utf8mb4;
create table group_member (
  user_id int not null, assignment_id int not null, group_id int not null,
  status enum('pending', 'active') not null, created datetime not null default current_timestamp,
  primary key (user_id, assignment_id)
) engine=InnoDB default charset=utf8mb4;
create table score (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  grader_id int, assignment_id int not null, backup_id int not null, user_id int not null,
  kind varchar(255) not null, score float not null, message mediumtext, public tinyint(1) default 1,
  archived tinyint(1) default 0
) engine=InnoDB default charset=utf8mb4;
create table comment (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  updated datetime, backup_id int not null, author_id int not null, filename varchar(255) not null,
  line int not null, message text not null
) engine=InnoDB default charset=utf8mb4;
create table extension (
  id int not null auto_increment primary key, created datetime not null default current_timestamp,
  staff_id int, assignment_id int not null, user_id int not null, message text, expires datetime not null,
  custom_submission_time datetime, unique key uq_extension (assignment_id, user_id)
) engine=InnoDB default charset=utf8mb4;
