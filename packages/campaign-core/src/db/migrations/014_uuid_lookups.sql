-- Executions are looked up by their uuid columns now (ids that are not UUIDs are refused before the
-- query), so the text-expression indexes of 013 on the hot tables only cost: every state change updated
-- them too.
DROP INDEX IF EXISTS executions_id_text_idx;
DROP INDEX IF EXISTS executions_campaign_text_idx;
DROP INDEX IF EXISTS execution_targets_execution_text_idx;
