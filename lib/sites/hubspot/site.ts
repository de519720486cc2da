/** HubSpot's app hosts (app.hubspot.com, app-eu1.hubspot.com, …): the team's own CRM records. */
export const hubspotSite = { site: 'hubspot', matches: ['*://*.hubspot.com/*'], host: /(^|\.)hubspot\.com$/, sourceKind: 'crm' } as const;
