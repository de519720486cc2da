import { describe, expect, it } from 'vitest';
import { parseCompanyType, parseLifecycleStage } from '../../../lib/facts/normalise/enums';

describe('parseCompanyType', () => {
  it.each<[string, string]>([
    // English (LinkedIn labels and API enums)
    ['Privately Held', 'private'],
    ['PRIVATELY_HELD', 'private'],
    ['Public Company', 'public'],
    ['Self-Employed', 'self-employed'],
    ['Partnership', 'partnership'],
    // LinkedIn in German
    ['Privatunternehmen', 'private'],
    ['Börsennotiertes Unternehmen', 'public'],
    ['Selbstständig', 'self-employed'],
    ['Selbständig', 'self-employed'],
    ['Gemeinnützige Organisation', 'nonprofit'],
    ['Regierungsbehörde', 'government'],
    ['Bildungseinrichtung', 'educational'],
    ['Personengesellschaft', 'partnership'],
    // LinkedIn in Spanish
    ['De propiedad privada', 'private'],
    ['Empresa pública', 'public'],
    ['Organización sin ánimo de lucro', 'nonprofit'],
    ['Administración pública', 'government'],
    ['Institución educativa', 'educational'],
    ['Asociación', 'partnership'],
    ['Autónomo', 'self-employed'],
    // LinkedIn in French
    ['Société civile/Société commerciale/Autres types de sociétés', 'private'],
    ['Entreprise publique', 'public'],
    ['Non lucratif', 'nonprofit'],
    ['Administration publique', 'government'],
    ['Établissement d’enseignement', 'educational'],
    ["Etablissement d'enseignement", 'educational'], // straight apostrophe, no accent
    ['Travailleur indépendant', 'self-employed'],
    ['Partenariat', 'partnership'],
    // case and spacing
    ['  PRIVATUNTERNEHMEN ', 'private'],
  ])('%j → %s', (raw, expected) => {
    expect(parseCompanyType(raw)).toBe(expected);
  });

  it.each<[unknown]>([['Aktiengesellschaft mbH'], [''], [42], [null]])('%j → undefined', (raw) => {
    expect(parseCompanyType(raw)).toBeUndefined();
  });
});

describe('parseLifecycleStage', () => {
  it.each<[string, string]>([
    // HubSpot
    ['marketingqualifiedlead', 'mql'],
    ['Lead', 'lead'],
    ['Customer', 'customer'],
    // Salesforce Account Type picklist
    ['Customer - Direct', 'customer'],
    ['Customer - Channel', 'customer'],
    ['Prospect', 'lead'],
    ['Channel Partner / Reseller', 'other'],
    ['Installation Partner', 'other'],
    ['Technology Partner', 'other'],
    ['Other', 'other'],
    // Salesforce Account Type picklist, German UI
    ['Kunde - Direkt', 'customer'],
    ['Kunde - Kanal', 'customer'],
    ['Interessent', 'lead'],
    ['Technologiepartner', 'other'],
  ])('%j → %s', (raw, expected) => {
    expect(parseLifecycleStage(raw)).toBe(expected);
  });

  it.each<[unknown]>([['Customer - Somewhere'], ['Partner'], [''], [7]])('%j → undefined', (raw) => {
    expect(parseLifecycleStage(raw)).toBeUndefined();
  });
});
