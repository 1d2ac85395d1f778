-- The correlation index served no query the product runs and cost a share of every insert; create it again
-- if you look events up by correlation id.
DROP INDEX sd_events_correlation ON sd_events;
