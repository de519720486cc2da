/** Salesforce Lightning (`<mydomain>.lightning.force.com`, sandboxes included): the team's own CRM records. */
export const salesforceSite = { site: 'salesforce', matches: ['*://*.lightning.force.com/*'], host: /\.lightning\.force\.com$/, sourceKind: 'crm' } as const;
