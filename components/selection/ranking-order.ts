/**
 * Moving one story of a ranking ballot to a new place. Shared by the "up"/"down" buttons and by
 * dragging, so both produce the same order and the same announcement.
 */
export type RankingMove = { order: string[]; from: number; to: number };

/**
 * The order with `id` taken out and put back at index `to` (0-based, clamped to the list), or null
 * when the story is not in the list. `from === to` means nothing moved.
 */
export function moveStory(order: readonly string[], id: string, to: number): RankingMove | null {
  const from = order.indexOf(id);
  if (from < 0 || !Number.isInteger(to)) return null;
  const target = Math.min(Math.max(to, 0), order.length - 1);
  const next = order.filter((storyId) => storyId !== id);
  next.splice(target, 0, id);
  return { order: next, from, to: target };
}
