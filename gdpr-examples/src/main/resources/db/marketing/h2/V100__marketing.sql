-- The marketing companion's own table, after the kit's V1_* scripts in the same Flyway history: its subscribers,
-- each under an id of its own, known from the CRM only by the keyed pseudonym the CRM's events name them by.
create table marketing_subscriber (
  subject varchar(64) primary key,
  crm_pseudonym varchar(200) not null unique,
  subscribed_at timestamp(6) with time zone not null,
  signup_event varchar(36) not null
);
