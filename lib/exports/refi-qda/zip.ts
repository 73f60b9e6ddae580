/**
 * The .qdpx file: project.qde and a lower-case `sources/` folder, as importers expect. Every
 * entry, the folder too, carries one fixed time and the entries come in a fixed order, so the
 * same project gives a byte-identical file (JSZip writes no other time or host field).
 */
import JSZip from "jszip";

/** 2000-01-01T00:00:00Z: any fixed time would do; DOS times cannot go before 1980. */
export const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export type QdpxSource = { guid: string; text: string };

export async function qdpxArchive(projectQde: string, sources: readonly QdpxSource[]): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: ENTRY_TIME, createFolders: false } as const;
  zip.file("project.qde", projectQde, options);
  zip.file("sources/", null, { ...options, dir: true });
  for (const source of sources) zip.file(`sources/${source.guid}.txt`, source.text, options);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}
