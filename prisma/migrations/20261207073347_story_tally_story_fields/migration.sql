-- Hand-written around the generated statements (decision 0049, widened): the tally also holds
-- the story's own stage, change type, period, current primary domain, projects and at-risk tags,
-- so the dashboard's story counts read this one table. The tally is recounted whole below, so it
-- is emptied first: the new NOT NULL columns need no placeholder, and the table is written once,
-- compact, instead of a second version of every row beside the first.
TRUNCATE story_tally;

-- AlterTable
ALTER TABLE "story_tally" ADD COLUMN     "at_risk_group_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "change_type" "change_type" NOT NULL,
ADD COLUMN     "period_from" DATE,
ADD COLUMN     "period_to" DATE,
ADD COLUMN     "primary_domain_id" TEXT,
ADD COLUMN     "project_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "stage" "story_stage" NOT NULL;

-- The same locking rule as before: the stories' tally rows are locked first, in story order, so
-- two transactions that change one story wait for each other and the second recounts what the
-- first committed. Still planned at each call (20261207041500_story_tally_custom_plans).
CREATE OR REPLACE FUNCTION story_tally_refresh(story_ids text[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF story_ids IS NULL OR cardinality(story_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM story_tally WHERE story_id = ANY (story_ids) ORDER BY story_id FOR UPDATE;
  INSERT INTO story_tally AS t (evaluation_id, story_id, storyteller_ids, storyteller_groups, interviewer_ids, place_regions,
                                stage, change_type, period_from, period_to, primary_domain_id, project_ids, at_risk_group_ids)
  SELECT s.evaluation_id, s.id,
         ARRAY(SELECT DISTINCT r.id
                 FROM story_teller st
                 JOIN respondent r ON r.evaluation_id = st.evaluation_id AND r.id = st.respondent_id AND r.excluded_at IS NULL
                WHERE st.evaluation_id = s.evaluation_id AND st.story_id = s.id ORDER BY 1),
         -- One array, each group named by its dimension, so a count needs one pass: "type:UNION_MEMBER",
         -- "gender:WOMAN", "state:Oaxaca", "atRisk:<group id>".
         ARRAY(SELECT DISTINCT g.key
                 FROM story_teller st
                 JOIN respondent r ON r.evaluation_id = st.evaluation_id AND r.id = st.respondent_id AND r.excluded_at IS NULL
                 CROSS JOIN LATERAL (
                   SELECT 'type:' || r.type::text UNION ALL SELECT 'gender:' || r.gender::text UNION ALL SELECT 'state:' || r.state
                   UNION ALL SELECT 'atRisk:' || rg.group_id FROM respondent_at_risk_group rg
                    WHERE rg.evaluation_id = r.evaluation_id AND rg.respondent_id = r.id
                 ) g(key)
                WHERE st.evaluation_id = s.evaluation_id AND st.story_id = s.id ORDER BY 1),
         ARRAY(SELECT DISTINCT ii.user_id
                 FROM story_source ss
                 LEFT JOIN transcript_excerpt te ON te.evaluation_id = ss.evaluation_id AND te.id = ss.excerpt_id
                 JOIN interview_interviewer ii ON ii.evaluation_id = ss.evaluation_id AND ii.interview_id = coalesce(ss.interview_id, te.interview_id)
                WHERE ss.evaluation_id = s.evaluation_id AND ss.story_id = s.id ORDER BY 1),
         ARRAY(SELECT DISTINCT coalesce(p.country_code || ':', '') || p.state
                 FROM story_place sp JOIN place p ON p.evaluation_id = sp.evaluation_id AND p.id = sp.place_id
                WHERE sp.evaluation_id = s.evaluation_id AND sp.story_id = s.id ORDER BY 1),
         s.stage, s.change_type, s.period_from, s.period_to,
         -- At most one: domain_assignment_one_current_primary.
         (SELECT da.domain_id FROM domain_assignment da
           WHERE da.evaluation_id = s.evaluation_id AND da.story_id = s.id AND da.kind = 'PRIMARY' AND da.ended_at IS NULL),
         ARRAY(SELECT DISTINCT sc.project_id FROM story_contribution sc
                WHERE sc.evaluation_id = s.evaluation_id AND sc.story_id = s.id ORDER BY 1),
         ARRAY(SELECT DISTINCT sg.group_id FROM story_at_risk_group sg
                WHERE sg.evaluation_id = s.evaluation_id AND sg.story_id = s.id ORDER BY 1)
    FROM change_story s
   WHERE s.id = ANY (story_ids)
  ON CONFLICT (story_id) DO UPDATE SET
    storyteller_ids = excluded.storyteller_ids, storyteller_groups = excluded.storyteller_groups,
    interviewer_ids = excluded.interviewer_ids, place_regions = excluded.place_regions,
    stage = excluded.stage, change_type = excluded.change_type, period_from = excluded.period_from,
    period_to = excluded.period_to, primary_domain_id = excluded.primary_domain_id,
    project_ids = excluded.project_ids, at_risk_group_ids = excluded.at_risk_group_ids;
END $$;

-- change_story: the stories whose stage, change type or period changed. A trigger with transition
-- tables cannot name columns (UPDATE OF), so it fires on every update and picks the stories here.
CREATE FUNCTION story_tally_story_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.stage, n.change_type, n.period_from, n.period_to) IS DISTINCT FROM (o.stage, o.change_type, o.period_from, o.period_to)));
  RETURN NULL;
END $$;
CREATE TRIGGER story_tally_story_changed AFTER UPDATE ON change_story
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_changed();

-- domain_assignment: the stories of primary assignments added, changed (ended, moved) or removed.
CREATE FUNCTION story_tally_domains_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT story_id FROM new_rows WHERE kind = 'PRIMARY'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT story_id FROM old_rows WHERE kind = 'PRIMARY'));
  ELSE
    PERFORM story_tally_refresh(ARRAY(SELECT story_id FROM new_rows WHERE kind = 'PRIMARY'
                                      UNION SELECT story_id FROM old_rows WHERE kind = 'PRIMARY'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER story_tally_domains_added AFTER INSERT ON domain_assignment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_domains_changed();
CREATE TRIGGER story_tally_domains_changed AFTER UPDATE ON domain_assignment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_domains_changed();
CREATE TRIGGER story_tally_domains_removed AFTER DELETE ON domain_assignment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_domains_changed();

-- story_contribution and story_at_risk_group: the stories whose rows were added, changed or
-- removed (story_tally_story_rows_changed, as for storytellers, sources and places).
CREATE TRIGGER story_tally_contributions_added AFTER INSERT ON story_contribution
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_contributions_changed AFTER UPDATE ON story_contribution
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_contributions_removed AFTER DELETE ON story_contribution
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_story_groups_added AFTER INSERT ON story_at_risk_group
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_story_groups_changed AFTER UPDATE ON story_at_risk_group
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_story_groups_removed AFTER DELETE ON story_at_risk_group
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();

-- The stories already there, recounted whole; the indexes are built after, over the full table.
SELECT story_tally_refresh(ARRAY(SELECT id FROM change_story));

-- CreateIndex
CREATE INDEX "story_tally_evaluation_id_primary_domain_id_idx" ON "story_tally"("evaluation_id", "primary_domain_id");

-- CreateIndex
CREATE INDEX "story_tally_place_regions_idx" ON "story_tally" USING GIN ("place_regions");

-- CreateIndex
CREATE INDEX "story_tally_project_ids_idx" ON "story_tally" USING GIN ("project_ids");
