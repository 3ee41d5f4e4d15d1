-- gdpr-kit mariadb schema, version 1.4: per-subject data keys; a destroyed key keeps only its version and time.
create table gdpr_subject_key (
  tenant       varchar(64)  character set ascii collate ascii_bin not null,
  subject      varchar(128) character set ascii collate ascii_bin not null,
  version      integer not null,
  kek_id       varchar(64) character set ascii collate ascii_bin,
  wrapped      varbinary(1024),
  created_at   datetime(6) not null,
  destroyed_at datetime(6),
  primary key (tenant, subject)
);
create index gdpr_subject_key_kek on gdpr_subject_key (kek_id, tenant, subject);
