/** Where LinkedIn runs (every subdomain: www, in., de., …) and what its pages are: the company about itself. */
export const linkedinSite = { site: 'linkedin', matches: ['*://*.linkedin.com/*'], host: /(^|\.)linkedin\.com$/, sourceKind: 'page' } as const;
