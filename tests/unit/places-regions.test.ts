/** A region as one value (filters, dashboard counts) and the names a country code suggests. */
import { describe, expect, it } from "vitest";
import { countryName } from "@/lib/places/countries";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import { placeFilter } from "@/lib/tables/url-state";

describe("region tokens", () => {
  it("keeps a Mexican state's name as it was in URLs, and puts a country code before a region abroad", () => {
    expect(regionToken({ countryCode: null, state: "San Luis Potosí" })).toBe("San Luis Potosí");
    expect(regionToken({ countryCode: "GT", state: "Quetzaltenango" })).toBe("GT:Quetzaltenango");
    expect(parseRegionToken("GT:Quetzaltenango")).toEqual({ countryCode: "GT", state: "Quetzaltenango" });
    expect(parseRegionToken("Nuevo León")).toEqual({ countryCode: null, state: "Nuevo León" });
    // Only two upper-case letters make a country: anything else is a name.
    expect(parseRegionToken("gt:Quetzaltenango")).toEqual({ countryCode: null, state: "gt:Quetzaltenango" });
  });

  it("lets the list filters take a region abroad, and still refuses operators and markup", () => {
    expect(placeFilter.safeParse("HN:La Paz").success).toBe(true);
    expect(placeFilter.safeParse("San Luis Potosí").success).toBe(true);
    for (const bad of ["GT:<script>", "Oaxaca' OR 1=1--", "gt:La Paz", "GTM:La Paz"])
      expect(placeFilter.safeParse(bad).success, bad).toBe(false);
  });

  it("suggests a country's names from its ISO code, and nothing for a code nobody uses", () => {
    expect(countryName("GT", "es")).toBe("Guatemala");
    expect(countryName("US", "en")).toBe("United States");
    expect(countryName("QQ", "en")).toBeNull();
    expect(countryName("gt", "en")).toBeNull();
  });
});
