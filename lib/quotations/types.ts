/**
 * Client-side constants of quotations (zod-free, so forms may import them): the brief's two
 * languages a quotation may be translated into, and the longest translation kept.
 */
export const QUOTATION_LANGUAGES = ["es", "en"] as const;
export type QuotationLanguage = (typeof QUOTATION_LANGUAGES)[number];

export const QUOTATION_LIMITS = { translation: 4000 } as const;
