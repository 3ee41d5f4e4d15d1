-- gdpr-kit postgresql schema, version 1.21: subject requests, each as its latest version. The request with every step
-- and its evidence is JSON text; received_at and open_due_at (the deadline in force, null once closed) are sort keys.
create table gdpr_request (
  id          varchar(36)  collate "C" not null,
  tenant      varchar(64)  collate "C" not null,
  subject     varchar(128) collate "C" not null,
  version     integer not null,
  received_at timestamp(6) with time zone not null,
  open_due_at timestamp(6) with time zone,
  payload     text not null,
  primary key (id)
);
create index gdpr_request_subject on gdpr_request (tenant, subject, received_at, id);
create index gdpr_request_open_due on gdpr_request (open_due_at, id);
