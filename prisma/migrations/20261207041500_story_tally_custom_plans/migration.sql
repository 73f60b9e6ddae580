-- Hand-written (decision 0049, amended): the tally's refresh is planned afresh at every call.
-- Its per-story subqueries were planned once per session and then reused; a plan made while the
-- source or storyteller tables were empty scans them whole for every story, so one bulk insert
-- of 100,000 sources into a new evaluation ran for many minutes instead of seconds. Planning the
-- statement at each call, with the tables as they are then, costs about a millisecond.
ALTER FUNCTION story_tally_refresh(text[]) SET plan_cache_mode = force_custom_plan;
