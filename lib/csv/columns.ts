/** Moved to lib/mapping (one mapping for every file); kept so work in flight that imports it still builds. */
export { customSlug, factForHeader, headerKey, mapColumns, type ColumnMapping } from '../mapping';
