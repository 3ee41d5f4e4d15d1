-- gdpr-kit postgresql schema, version 1.4: per-subject data keys; a destroyed key keeps only its version and time.
create table gdpr_subject_key (
  tenant       varchar(64)  collate "C" not null,
  subject      varchar(128) collate "C" not null,
  version      integer not null,
  kek_id       varchar(64) collate "C",
  wrapped      bytea,
  created_at   timestamp(6) with time zone not null,
  destroyed_at timestamp(6) with time zone,
  primary key (tenant, subject)
);
create index gdpr_subject_key_kek on gdpr_subject_key (kek_id, tenant, subject);
