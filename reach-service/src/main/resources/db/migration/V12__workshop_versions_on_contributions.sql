-- The projection keeps each workshop's version on its contribution row (workshop_contribution.version), which it locks
-- and compares before applying an event: the consumer no longer claims a version per workshop event in
-- consumed_version. The rows it claimed there are of no use any more; the contributions hold the same versions.
delete from consumed_version where topic = 'workshop-events' and consumer like 'reach-service.projection%';
