-- gdpr-kit mariadb schema, version 1.40: due subjects found by their last activity. Without it a retention sweep walked
-- the activity table in subject order past every active subject to find the few due ones, once per batch, so a sweep
-- cost grew with the table's size times its batches (issue 11); with it a batch reads the due subjects only.
create index gdpr_retention_activity_due on gdpr_retention_activity (last_activity, tenant, subject);
