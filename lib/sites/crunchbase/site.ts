/** Crunchbase serves organisation pages from www only; a profile there is what the company shows about itself. */
export const crunchbaseSite = { site: 'crunchbase', matches: ['*://www.crunchbase.com/*'], host: /^www\.crunchbase\.com$/, sourceKind: 'page' } as const;
