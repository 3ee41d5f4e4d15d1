-- gdpr-kit mariadb schema, version 1.10: the consent ledger (Art. 7(1)), the switch, restriction (Art. 18) and
-- objection (Art. 21) histories, the presentations of the right to object (Art. 21(4)), and one snapshot per subject that decisions read by primary key.
create table gdpr_consent_snapshot (
  tenant       varchar(64)  character set ascii collate ascii_bin not null,
  subject      varchar(128) character set ascii collate ascii_bin not null,
  version      bigint not null,
  events       bigint not null,
  switches     bigint not null,
  restrictions bigint not null,
  objections   bigint not null,
  presentations bigint not null,
  next_expiry  datetime(6),
  body         mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant, subject)
);
create index gdpr_consent_snapshot_expiry on gdpr_consent_snapshot (next_expiry, tenant, subject);
create table gdpr_consent_event (
  tenant          varchar(64)  character set ascii collate ascii_bin not null,
  subject         varchar(128) character set ascii collate ascii_bin not null,
  position        bigint not null,
  purpose         varchar(64)  character set ascii collate ascii_bin not null,
  sequence_number bigint not null,
  event_id        varchar(36)  character set ascii collate ascii_bin not null,
  event_type      varchar(24)  not null,
  occurred_at     datetime(6) not null,
  recorded_at     datetime(6) not null,
  expires_at      datetime(6),
  notice_version  varchar(64)  character set utf8mb4 not null,
  proof           mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant, subject, position),
  constraint gdpr_consent_event_sequence unique (tenant, subject, purpose, sequence_number)
);
create table gdpr_consent_switch (
  tenant            varchar(64)  character set ascii collate ascii_bin not null,
  subject           varchar(128) character set ascii collate ascii_bin not null,
  sequence_number   bigint not null,
  processing_switch varchar(32)  not null,
  switch_on         boolean not null,
  changed_by        varchar(16)  not null,
  changed_by_id     varchar(128),
  changed_at        datetime(6) not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_restriction (
  tenant          varchar(64)  character set ascii collate ascii_bin not null,
  subject         varchar(128) character set ascii collate ascii_bin not null,
  sequence_number bigint not null,
  restricted      boolean not null,
  reason          varchar(500) character set utf8mb4 not null,
  changed_by      varchar(16)  not null,
  changed_by_id   varchar(128),
  changed_at      datetime(6) not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_objection (
  tenant          varchar(64)  character set ascii collate ascii_bin not null,
  subject         varchar(128) character set ascii collate ascii_bin not null,
  sequence_number bigint not null,
  purpose         varchar(64)  character set ascii collate ascii_bin not null,
  status          varchar(16)  not null,
  note            varchar(1000) character set utf8mb4 not null,
  changed_by      varchar(16)  not null,
  changed_by_id   varchar(128),
  changed_at      datetime(6) not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_presentation (
  tenant          varchar(64) character set ascii collate ascii_bin not null,
  subject         varchar(128) character set ascii collate ascii_bin not null,
  sequence_number bigint not null,
  notice_version  varchar(64) not null,
  channel         varchar(32) not null,
  reference       varchar(128) character set ascii collate ascii_bin not null,
  changed_by      varchar(16) not null,
  changed_by_id   varchar(128),
  changed_at      datetime(6) not null,
  primary key (tenant, subject, sequence_number)
);
