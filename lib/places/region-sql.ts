/** The SQL of "this row is in the region the filter names" (lib/places/regions.ts), for the lists and the dashboard. */
import { Prisma } from "@/lib/generated/prisma/client";
import { parseRegionToken } from "./regions";

/** `alias` is a row with `state` and `country_code` (a place or a respondent). */
export function inRegion(alias: string, token: string): Prisma.Sql {
  const region = parseRegionToken(token);
  const table = Prisma.raw(alias);
  return region.countryCode
    ? Prisma.sql`(${table}.state = ${region.state} AND ${table}.country_code = ${region.countryCode})`
    : Prisma.sql`(${table}.state = ${region.state} AND ${table}.country_code IS NULL)`;
}

/** The region of a row as one value ("Jalisco", "GT:Quetzaltenango"), as the dashboard counts by it. */
export function regionTokenSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(coalesce(${table}.country_code || ':', '') || ${table}.state)`;
}
