-- CreateTable
CREATE TABLE "story_tally" (
    "story_id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "storyteller_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "storyteller_groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "interviewer_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "place_regions" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "story_tally_pkey" PRIMARY KEY ("story_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "story_tally_evaluation_id_story_id_key" ON "story_tally"("evaluation_id", "story_id");

-- AddForeignKey
ALTER TABLE "story_tally" ADD CONSTRAINT "story_tally_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the tally is kept by triggers, so no code path that writes the rows it comes from
-- can forget it (decision 0049).

-- Recounts the given stories' tallies from their rows. Under READ COMMITTED each statement here
-- takes a fresh snapshot: the rows are locked first, in one order, so that two transactions that
-- change one story wait for each other and the second recounts what the first committed.
CREATE FUNCTION story_tally_refresh(story_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF story_ids IS NULL OR cardinality(story_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM story_tally WHERE story_id = ANY (story_ids) ORDER BY story_id FOR UPDATE;
  INSERT INTO story_tally AS t (evaluation_id, story_id, storyteller_ids, storyteller_groups, interviewer_ids, place_regions)
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
                WHERE sp.evaluation_id = s.evaluation_id AND sp.story_id = s.id ORDER BY 1)
    FROM change_story s
   WHERE s.id = ANY (story_ids)
  ON CONFLICT (story_id) DO UPDATE SET
    storyteller_ids = excluded.storyteller_ids, storyteller_groups = excluded.storyteller_groups,
    interviewer_ids = excluded.interviewer_ids, place_regions = excluded.place_regions;
END $$;

-- A new story gets its (empty) tally; the rows it is counted under come after it.
CREATE FUNCTION story_tally_story_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER story_tally_story_added AFTER INSERT ON change_story
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_added();

-- story_teller, story_source, story_place: the stories whose rows were added, changed or removed.
CREATE FUNCTION story_tally_story_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT story_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT story_id FROM old_rows));
  ELSE
    PERFORM story_tally_refresh(ARRAY(SELECT story_id FROM new_rows UNION SELECT story_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- respondent_at_risk_group: the stories its respondents told.
CREATE FUNCTION story_tally_respondent_groups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT st.story_id FROM new_rows n
      JOIN story_teller st ON st.evaluation_id = n.evaluation_id AND st.respondent_id = n.respondent_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT st.story_id FROM old_rows o
      JOIN story_teller st ON st.evaluation_id = o.evaluation_id AND st.respondent_id = o.respondent_id));
  ELSE
    PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT st.story_id
      FROM (SELECT evaluation_id, respondent_id FROM new_rows UNION SELECT evaluation_id, respondent_id FROM old_rows) x
      JOIN story_teller st ON st.evaluation_id = x.evaluation_id AND st.respondent_id = x.respondent_id));
  END IF;
  RETURN NULL;
END $$;

-- respondent: the stories told by respondents whose type, gender, state or exclusion changed.
CREATE FUNCTION story_tally_respondent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT st.story_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN story_teller st ON st.evaluation_id = n.evaluation_id AND st.respondent_id = n.id
   WHERE (n.type, n.gender, n.state, n.excluded_at IS NULL) IS DISTINCT FROM (o.type, o.gender, o.state, o.excluded_at IS NULL)));
  RETURN NULL;
END $$;

-- interview_interviewer: the stories resting on the interview, directly or through an excerpt.
CREATE FUNCTION story_tally_refresh_interviews(interviews jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(
    WITH changed AS (SELECT * FROM jsonb_to_recordset(interviews) AS c(evaluation_id text, interview_id text))
    SELECT ss.story_id FROM changed c
      JOIN story_source ss ON ss.evaluation_id = c.evaluation_id AND ss.interview_id = c.interview_id
    UNION
    SELECT ss.story_id FROM changed c
      JOIN transcript_excerpt te ON te.evaluation_id = c.evaluation_id AND te.interview_id = c.interview_id
      JOIN story_source ss ON ss.evaluation_id = te.evaluation_id AND ss.excerpt_id = te.id));
END $$;

CREATE FUNCTION story_tally_interviewers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM story_tally_refresh_interviews((SELECT jsonb_agg(DISTINCT jsonb_build_object('evaluation_id', evaluation_id, 'interview_id', interview_id)) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM story_tally_refresh_interviews((SELECT jsonb_agg(DISTINCT jsonb_build_object('evaluation_id', evaluation_id, 'interview_id', interview_id)) FROM old_rows));
  ELSE
    PERFORM story_tally_refresh_interviews((SELECT jsonb_agg(DISTINCT jsonb_build_object('evaluation_id', evaluation_id, 'interview_id', interview_id))
      FROM (SELECT evaluation_id, interview_id FROM new_rows UNION ALL SELECT evaluation_id, interview_id FROM old_rows) x));
  END IF;
  RETURN NULL;
END $$;

-- transcript_excerpt: the stories resting on an excerpt moved to another interview.
CREATE FUNCTION story_tally_excerpt_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT ss.story_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN story_source ss ON ss.evaluation_id = n.evaluation_id AND ss.excerpt_id = n.id
   WHERE n.interview_id IS DISTINCT FROM o.interview_id));
  RETURN NULL;
END $$;

-- place: the stories placed where a place's state or country changed.
CREATE FUNCTION story_tally_place_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM story_tally_refresh(ARRAY(SELECT DISTINCT sp.story_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN story_place sp ON sp.evaluation_id = n.evaluation_id AND sp.place_id = n.id
   WHERE (n.state, n.country_code) IS DISTINCT FROM (o.state, o.country_code)));
  RETURN NULL;
END $$;

-- A trigger with transition tables takes one event, so each table has one per event.
CREATE TRIGGER story_tally_tellers_added AFTER INSERT ON story_teller
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_tellers_changed AFTER UPDATE ON story_teller
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_tellers_removed AFTER DELETE ON story_teller
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_sources_added AFTER INSERT ON story_source
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_sources_changed AFTER UPDATE ON story_source
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_sources_removed AFTER DELETE ON story_source
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_places_added AFTER INSERT ON story_place
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_places_changed AFTER UPDATE ON story_place
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_places_removed AFTER DELETE ON story_place
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_story_rows_changed();
CREATE TRIGGER story_tally_respondent_groups_added AFTER INSERT ON respondent_at_risk_group
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_respondent_groups_changed();
CREATE TRIGGER story_tally_respondent_groups_changed AFTER UPDATE ON respondent_at_risk_group
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_respondent_groups_changed();
CREATE TRIGGER story_tally_respondent_groups_removed AFTER DELETE ON respondent_at_risk_group
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_respondent_groups_changed();
CREATE TRIGGER story_tally_respondent_changed AFTER UPDATE ON respondent
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_respondent_changed();
CREATE TRIGGER story_tally_interviewers_added AFTER INSERT ON interview_interviewer
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_interviewers_changed();
CREATE TRIGGER story_tally_interviewers_changed AFTER UPDATE ON interview_interviewer
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_interviewers_changed();
CREATE TRIGGER story_tally_interviewers_removed AFTER DELETE ON interview_interviewer
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_interviewers_changed();
CREATE TRIGGER story_tally_excerpt_changed AFTER UPDATE ON transcript_excerpt
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_excerpt_changed();
CREATE TRIGGER story_tally_place_changed AFTER UPDATE ON place
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_tally_place_changed();

-- The stories already there.
SELECT story_tally_refresh(ARRAY(SELECT id FROM change_story));

-- A figure's label as the dashboard groups figures (lib/dashboard/coverage-data.ts): without case,
-- accents or repeated spaces. Kept with the figure so a request does not work it out for every one.
ALTER TABLE story_figure ADD COLUMN label_key text GENERATED ALWAYS AS (
  regexp_replace(regexp_replace(normalize(lower(btrim(label)), NFD), E'[\u0300-\u036f]', '', 'g'), '[[:space:]]+', ' ', 'g')
) STORED;
