/**
 * Interface messages, one file per area so that areas can be edited independently. Keys are
 * namespaced by their top-level object (e.g. `signIn.title`); two files never share a namespace.
 */
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAudit from "./en/audit.json";
import enCore from "./en/core.json";
import esAccount from "./es/account.json";
import esAdmin from "./es/admin.json";
import esAudit from "./es/audit.json";
import esCore from "./es/core.json";

export const en = { ...enCore, ...enAccount, ...enAdmin, ...enAudit };
export const es: typeof en = { ...esCore, ...esAccount, ...esAdmin, ...esAudit };

export const messages = { en, es };
