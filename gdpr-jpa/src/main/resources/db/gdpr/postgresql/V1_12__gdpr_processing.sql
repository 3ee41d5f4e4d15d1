-- gdpr-kit postgresql schema, version 1.12: the records of processing activities (Art. 30), one register per tenant:
-- the controller's details, and its activities (Art. 30(1)) and those it carries out as a processor (Art. 30(2)).
create table gdpr_processing_controller (
  tenant varchar(64) collate "C" not null,
  body   text not null,
  primary key (tenant)
);
create table gdpr_processing_activity (
  tenant  varchar(64) collate "C" not null,
  kind    varchar(16) not null,
  id      varchar(64) collate "C" not null,
  version bigint not null,
  body    text not null,
  primary key (tenant, kind, id)
);
