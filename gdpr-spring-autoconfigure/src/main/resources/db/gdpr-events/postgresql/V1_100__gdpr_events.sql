-- gdpr-kit postgresql schema, gdpr-spring-autoconfigure's events: the ids of events received from other systems, so a
-- redelivery changes nothing, and this system's subjects by the pseudonym other systems' events name them by.
create table gdpr_event_inbox (
  event_id    varchar(36)  not null,
  source      varchar(64)  not null,
  type        varchar(128) not null,
  outcome     varchar(32)  not null,
  received_at timestamp(6) with time zone not null,
  primary key (event_id)
);
create index gdpr_event_inbox_received on gdpr_event_inbox (received_at);
create table gdpr_subject_directory (
  tenant    varchar(64)  not null,
  pseudonym varchar(128) not null,
  subject   varchar(200) not null,
  primary key (tenant, pseudonym)
);
