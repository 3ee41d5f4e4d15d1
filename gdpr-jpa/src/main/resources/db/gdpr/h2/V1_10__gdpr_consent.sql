-- gdpr-kit h2 schema, version 1.10: the consent ledger (Art. 7(1)), the switch, restriction (Art. 18) and
-- objection (Art. 21) histories, the presentations of the right to object (Art. 21(4)), and one snapshot per subject that decisions read by primary key.
create table gdpr_consent_snapshot (
  tenant       varchar(64)  not null,
  subject      varchar(128) not null,
  version      bigint not null,
  events       bigint not null,
  switches     bigint not null,
  restrictions bigint not null,
  objections   bigint not null,
  presentations bigint not null,
  next_expiry  timestamp(6) with time zone,
  body         character varying(1048576) not null,
  primary key (tenant, subject)
);
create index gdpr_consent_snapshot_expiry on gdpr_consent_snapshot (next_expiry, tenant, subject);
create table gdpr_consent_event (
  tenant          varchar(64)  not null,
  subject         varchar(128) not null,
  position        bigint not null,
  purpose         varchar(64)  not null,
  sequence_number bigint not null,
  event_id        varchar(36)  not null,
  event_type      varchar(24)  not null,
  occurred_at     timestamp(6) with time zone not null,
  recorded_at     timestamp(6) with time zone not null,
  expires_at      timestamp(6) with time zone,
  notice_version  varchar(64)  not null,
  proof           character varying(1048576) not null,
  primary key (tenant, subject, position),
  constraint gdpr_consent_event_sequence unique (tenant, subject, purpose, sequence_number)
);
create table gdpr_consent_switch (
  tenant            varchar(64)  not null,
  subject           varchar(128) not null,
  sequence_number   bigint not null,
  processing_switch varchar(32)  not null,
  switch_on         boolean not null,
  changed_by        varchar(16)  not null,
  changed_by_id     varchar(128),
  changed_at        timestamp(6) with time zone not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_restriction (
  tenant          varchar(64)  not null,
  subject         varchar(128) not null,
  sequence_number bigint not null,
  restricted      boolean not null,
  reason          varchar(500) not null,
  changed_by      varchar(16)  not null,
  changed_by_id   varchar(128),
  changed_at      timestamp(6) with time zone not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_objection (
  tenant          varchar(64)  not null,
  subject         varchar(128) not null,
  sequence_number bigint not null,
  purpose         varchar(64)  not null,
  status          varchar(16)  not null,
  note            varchar(1000) not null,
  changed_by      varchar(16)  not null,
  changed_by_id   varchar(128),
  changed_at      timestamp(6) with time zone not null,
  primary key (tenant, subject, sequence_number)
);
create table gdpr_consent_presentation (
  tenant          varchar(64) not null,
  subject         varchar(128) not null,
  sequence_number bigint not null,
  notice_version  varchar(64) not null,
  channel         varchar(32) not null,
  reference       varchar(128) not null,
  changed_by      varchar(16) not null,
  changed_by_id   varchar(128),
  changed_at      timestamp(6) with time zone not null,
  primary key (tenant, subject, sequence_number)
);
