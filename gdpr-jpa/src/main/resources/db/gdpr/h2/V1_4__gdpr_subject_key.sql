-- gdpr-kit h2 schema, version 1.4: per-subject data keys; a destroyed key keeps only its version and time.
create table gdpr_subject_key (
  tenant       varchar(64)   not null,
  subject      varchar(128)  not null,
  version      integer not null,
  kek_id       varchar(64) ,
  wrapped      varbinary(1024),
  created_at   timestamp(6) with time zone not null,
  destroyed_at timestamp(6) with time zone,
  primary key (tenant, subject)
);
create index gdpr_subject_key_kek on gdpr_subject_key (kek_id, tenant, subject);
