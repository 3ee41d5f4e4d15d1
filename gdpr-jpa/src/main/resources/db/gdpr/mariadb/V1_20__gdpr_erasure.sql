-- gdpr-kit mariadb schema, version 1.20: pending erasure jobs with their leases, the reports kept as proof, the
-- tombstone journal, holds on data kept until a date (Art. 17(3)) and records of data made public (Art. 17(2)).
-- What the store queries is in columns; the rest of a job, report, scope or record is JSON text.
create table gdpr_erasure_job (
  id          varchar(36)  character set ascii collate ascii_bin not null,
  tenant      varchar(64)  character set ascii collate ascii_bin not null,
  subject     varchar(128) character set ascii collate ascii_bin not null,
  parent      varchar(36)  character set ascii collate ascii_bin,
  created_at  datetime(6) not null,
  version     bigint not null,
  lease_owner varchar(255) character set utf8mb4 collate utf8mb4_bin,
  lease_until datetime(6),
  payload     mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (id)
);
-- One pending job per subject.
create unique index gdpr_erasure_job_subject on gdpr_erasure_job (tenant, subject);
-- Claims: free top-level jobs, oldest first.
create index gdpr_erasure_job_claim on gdpr_erasure_job (created_at, id);

create table gdpr_erasure_report (
  seq     bigint not null auto_increment,
  job     varchar(36) character set ascii collate ascii_bin not null,
  tenant  varchar(64) character set ascii collate ascii_bin not null,
  payload mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (seq)
);
create unique index gdpr_erasure_report_job on gdpr_erasure_report (job);
create index gdpr_erasure_report_tenant on gdpr_erasure_report (tenant, seq);

create table gdpr_erasure_tombstone (
  tenant               varchar(64)  character set ascii collate ascii_bin not null,
  pseudonym            varchar(128) character set ascii collate ascii_bin not null,
  erased_at            datetime(6) not null,
  recollection_at      datetime(6),
  recollection_by_type varchar(16)  character set ascii collate ascii_bin,
  recollection_by_id   varchar(128) character set ascii collate ascii_bin,
  primary key (tenant, pseudonym)
);

create table gdpr_erasure_hold (
  id          varchar(36)  character set ascii collate ascii_bin not null,
  seq         bigint not null auto_increment unique,
  tenant      varchar(64)  character set ascii collate ascii_bin not null,
  subject     varchar(128) character set ascii collate ascii_bin not null,
  erased_at   datetime(6) not null,
  until_at    datetime(6) not null,
  lease_owner varchar(255) character set utf8mb4 collate utf8mb4_bin,
  lease_until datetime(6),
  scope       mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (id)
);
create index gdpr_erasure_hold_subject on gdpr_erasure_hold (tenant, subject, seq);
-- Claims: due holds, earliest first.
create index gdpr_erasure_hold_due on gdpr_erasure_hold (until_at, id);

create table gdpr_erasure_publication (
  id      varchar(36)  character set ascii collate ascii_bin not null,
  seq     bigint not null auto_increment unique,
  tenant  varchar(64)  character set ascii collate ascii_bin not null,
  subject varchar(128) character set ascii collate ascii_bin not null,
  payload mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (id)
);
create index gdpr_erasure_publication_subject on gdpr_erasure_publication (tenant, subject, seq);
