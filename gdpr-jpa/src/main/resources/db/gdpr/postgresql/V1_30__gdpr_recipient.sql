-- gdpr-kit postgresql schema, version 1.30: the register of recipients (Art. 30(1)(d)-(e), Art. 15(1)(c), Art. 19),
-- one per tenant; an entry is retired, never deleted.
create table gdpr_recipient (
  tenant              varchar(64)  collate "C" not null,
  id                  varchar(64)  collate "C" not null,
  kind                varchar(32)  not null,
  name                varchar(200) not null,
  contact             varchar(300) not null,
  country             varchar(2)   not null,
  safeguard           varchar(32)  not null,
  safeguard_reference varchar(500),
  retired_at          timestamp(6) with time zone,
  retirement_reason   varchar(500),
  revision            bigint not null default 1,
  primary key (tenant, id)
);
