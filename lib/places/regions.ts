/**
 * A first-level region as one value, for filters and counts: a Mexican state by its name
 * ("Jalisco", as URLs had it before other countries), a region elsewhere with its country's code
 * in front ("GT:Quetzaltenango"), so two countries' "La Paz" stay apart. No Prisma.
 */
export type Region = { countryCode: string | null; state: string };

const ABROAD = /^([A-Z]{2}):(.+)$/s;

export function regionToken(region: Region): string {
  return region.countryCode ? `${region.countryCode}:${region.state}` : region.state;
}

export function parseRegionToken(token: string): Region {
  const abroad = ABROAD.exec(token);
  return abroad ? { countryCode: abroad[1]!, state: abroad[2]! } : { countryCode: null, state: token };
}
