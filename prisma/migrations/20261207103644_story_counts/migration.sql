-- Hand-written below the generated statements (decision 0053): the story tally summed per stage,
-- current primary domain, change type and period years, and per thing a story is counted under,
-- so the dashboard's story counts without a state or project filter read a few thousand rows
-- instead of every story. Changes are appended, never updated in place: two transactions that
-- change stories never wait for each other here, whatever order they write in.

-- CreateEnum
CREATE TYPE "story_count_kind" AS ENUM ('STORY', 'GROUP', 'INTERVIEWER', 'REGION', 'TAG');

-- CreateTable
CREATE TABLE "story_count" (
    "id" BIGSERIAL NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "stage" "story_stage" NOT NULL,
    "primary_domain_id" TEXT,
    "change_type" "change_type" NOT NULL,
    "period_from_year" INTEGER,
    "period_to_year" INTEGER,
    "kind" "story_count_kind" NOT NULL,
    "key" TEXT,
    "stories" INTEGER NOT NULL,
    "folded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "story_count_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "story_count_evaluation_id_kind_idx" ON "story_count"("evaluation_id", "kind");

-- CreateIndex
CREATE INDEX "story_count_evaluation_id_folded_idx" ON "story_count"("evaluation_id", "folded");

-- AddForeignKey
ALTER TABLE "story_count" ADD CONSTRAINT "story_count_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What one tally row is counted under: the story itself, each storyteller group, each interviewer
-- (a story with none: one null), each region (none: one null) and each at-risk tag. The dashboard's
-- tally statements unnest the same arrays the same way (lib/dashboard/filter-sql.ts).
CREATE FUNCTION story_count_keys(t story_tally) RETURNS TABLE (kind story_count_kind, key text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'STORY'::story_count_kind, NULL::text
  UNION ALL SELECT 'GROUP', unnest(t.storyteller_groups)
  UNION ALL SELECT 'INTERVIEWER', unnest(CASE WHEN cardinality(t.interviewer_ids) = 0 THEN '{NULL}'::text[] ELSE t.interviewer_ids END)
  UNION ALL SELECT 'REGION', unnest(CASE WHEN cardinality(t.place_regions) = 0 THEN '{NULL}'::text[] ELSE t.place_regions END)
  UNION ALL SELECT 'TAG', unnest(t.at_risk_group_ids)
$$;

-- Appends what replacing the `removed` tally rows by the `added` ones changes: per key, +1 for each
-- added story and -1 for each removed one, summed; keys whose changes cancel out (a tally row
-- rewritten as it was) write nothing. An evaluation being deleted gets nothing: its counts go
-- with it.
CREATE FUNCTION story_count_add(added story_tally[], removed story_tally[]) RETURNS void LANGUAGE sql AS $$
  WITH changes AS (
    SELECT (c.t).evaluation_id, (c.t).stage, (c.t).primary_domain_id, (c.t).change_type,
           extract(year FROM (c.t).period_from)::int AS period_from_year,
           extract(year FROM (c.t).period_to)::int AS period_to_year,
           k.kind, k.key, sum(c.delta)::int AS stories
      FROM (SELECT a AS t, 1 AS delta FROM unnest(added) a
            UNION ALL SELECT r, -1 FROM unnest(removed) r) c
     CROSS JOIN LATERAL story_count_keys(c.t) k
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(c.delta) <> 0
  )
  INSERT INTO story_count (evaluation_id, stage, primary_domain_id, change_type, period_from_year, period_to_year, kind, key, stories)
  SELECT c.evaluation_id, c.stage, c.primary_domain_id, c.change_type, c.period_from_year, c.period_to_year, c.kind, c.key, c.stories
    FROM changes c
   WHERE EXISTS (SELECT 1 FROM evaluation e WHERE e.id = c.evaluation_id)
$$;

-- Every write to the tally (the tally's own triggers keep it from the stories' rows), as a whole
-- statement. A TRUNCATE of the tally would bypass it: recount with story_count_add, as below.
CREATE FUNCTION story_count_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM story_count_add(ARRAY(SELECT n::story_tally FROM new_rows n), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM story_count_add('{}', ARRAY(SELECT o::story_tally FROM old_rows o));
  ELSE
    PERFORM story_count_add(ARRAY(SELECT n::story_tally FROM new_rows n), ARRAY(SELECT o::story_tally FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER story_count_tally_added AFTER INSERT ON story_tally
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_count_tally_changed();
CREATE TRIGGER story_count_tally_changed AFTER UPDATE ON story_tally
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_count_tally_changed();
CREATE TRIGGER story_count_tally_removed AFTER DELETE ON story_tally
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_count_tally_changed();

-- One folded row per key of an evaluation: the fold adds to it by this index, one probe per key
-- (a join between the waiting keys and every row was planned as a nested loop once the statistics
-- had not seen the waiting rows, and took seconds). Nulls are compared through sentinels ('' and
-- year 0, which no domain, key or period has). Appended rows are not in it: writers never touch it.
CREATE UNIQUE INDEX story_count_folded_key ON story_count (evaluation_id, kind, stage, change_type,
  coalesce(primary_domain_id, ''), coalesce(period_from_year, 0), coalesce(period_to_year, 0), coalesce(key, ''))
  WHERE folded;

-- Sums an evaluation's waiting rows per key into its folded rows, when at least `at_least` are
-- waiting and no other fold of it is running; returns how many were waiting, up to `at_least`
-- (0: nothing folded). Rows appended by transactions still open are not visible to the DELETE and
-- stay as they are; readers see every row before the fold or every row after it. Keys whose
-- stories come to 0 are removed.
CREATE FUNCTION story_count_fold(evaluation text, at_least int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  waiting int;
BEGIN
  SELECT count(*) INTO waiting
    FROM (SELECT 1 FROM story_count WHERE evaluation_id = evaluation AND NOT folded LIMIT at_least) w;
  IF waiting < at_least OR NOT pg_try_advisory_xact_lock(hashtext('story_count_fold'), hashtext(evaluation)) THEN
    RETURN 0;
  END IF;
  WITH taken AS (DELETE FROM story_count WHERE evaluation_id = evaluation AND NOT folded RETURNING *)
  INSERT INTO story_count AS c (evaluation_id, stage, primary_domain_id, change_type, period_from_year, period_to_year, kind, key, stories, folded)
  SELECT evaluation_id, stage, primary_domain_id, change_type, period_from_year, period_to_year, kind, key, sum(stories), true
    FROM taken
   GROUP BY evaluation_id, stage, primary_domain_id, change_type, period_from_year, period_to_year, kind, key
  HAVING sum(stories) <> 0
  ON CONFLICT (evaluation_id, kind, stage, change_type, coalesce(primary_domain_id, ''), coalesce(period_from_year, 0),
               coalesce(period_to_year, 0), coalesce(key, '')) WHERE folded
  DO UPDATE SET stories = c.stories + excluded.stories;
  DELETE FROM story_count WHERE evaluation_id = evaluation AND folded AND stories = 0;
  RETURN waiting;
END $$;

-- The stories already there, counted and folded; the planner told how many rows there are.
SELECT story_count_add(ARRAY(SELECT t FROM story_tally t), '{}');
SELECT story_count_fold(id, 0) FROM evaluation;
ANALYZE story_count;
