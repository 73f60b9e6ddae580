/**
 * The address of a page under one evaluation, /evaluations/<id>/<segment>/…, and of a file the
 * API serves for it, /api/evaluations/<id>/…: each id and segment encoded as one path part, so a
 * record's address is one rule. Pure, so pages, components (client ones too) and lib import it.
 */
function under(root: string, evaluationId: string, segments: string[]): string {
  return [root, evaluationId, ...segments]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join("/");
}

export function evaluationPath(evaluationId: string, ...segments: string[]): string {
  return under("/evaluations", evaluationId, segments);
}

/** A download or export the API serves for one evaluation. */
export function evaluationApiPath(evaluationId: string, ...segments: string[]): string {
  return under("/api/evaluations", evaluationId, segments);
}
