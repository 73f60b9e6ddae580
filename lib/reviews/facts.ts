/** Facts the review rules look at, loaded with a transaction (or the plain client for pages). */
import { loadStageFacts } from "@/lib/stories/data";
import { loadStoryHead, type Client } from "@/lib/validation/facts";
import type { ReviewFacts, SendToReviewFacts } from "./policy";

export async function loadReviewFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<(ReviewFacts & { code: string; version: number }) | null> {
  const head = await loadStoryHead(client, evaluationId, storyId);
  if (!head) return null;
  const editors = await client.storyRevision.findMany({
    where: { evaluationId, storyId },
    select: { editedById: true },
    distinct: ["editedById"],
  });
  return {
    stage: head.stage,
    currentRevisionId: head.currentRevisionId,
    authorId: head.authorId,
    editorIds: editors.map((row) => row.editedById),
    code: head.code,
    version: head.version,
  };
}

export async function loadSendToReviewFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
): Promise<(SendToReviewFacts & { code: string }) | null> {
  const head = await loadStoryHead(client, evaluationId, storyId);
  const stage = await loadStageFacts(client, evaluationId, storyId);
  if (!head || !stage) return null;
  return {
    code: head.code,
    stage: head.stage,
    storytellersWithoutFunderConsent: stage.storytellers
      .filter(
        (teller) =>
          teller.excluded ||
          !teller.consent ||
          teller.consent.withdrawn ||
          teller.consent.scopes.SHARE_WITH_FUNDER !== true,
      )
      .map((teller) => teller.code),
  };
}
