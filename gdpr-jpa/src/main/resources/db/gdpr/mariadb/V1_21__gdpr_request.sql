-- gdpr-kit mariadb schema, version 1.21: subject requests, each as its latest version. The request with every step
-- and its evidence is JSON text; received_at and open_due_at (the deadline in force, null once closed) are sort keys.
create table gdpr_request (
  id          varchar(36)  character set ascii collate ascii_bin not null,
  tenant      varchar(64)  character set ascii collate ascii_bin not null,
  subject     varchar(128) character set ascii collate ascii_bin not null,
  version     integer not null,
  received_at datetime(6) not null,
  open_due_at datetime(6),
  payload     mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (id)
);
create index gdpr_request_subject on gdpr_request (tenant, subject, received_at, id);
create index gdpr_request_open_due on gdpr_request (open_due_at, id);
