-- gdpr-kit mariadb schema, version 1.12: the records of processing activities (Art. 30), one register per tenant:
-- the controller's details, and its activities (Art. 30(1)) and those it carries out as a processor (Art. 30(2)).
create table gdpr_processing_controller (
  tenant varchar(64) character set ascii collate ascii_bin not null,
  body   mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant)
);
create table gdpr_processing_activity (
  tenant  varchar(64) character set ascii collate ascii_bin not null,
  kind    varchar(16) not null,
  id      varchar(64) character set ascii collate ascii_bin not null,
  version bigint not null,
  body    mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant, kind, id)
);
