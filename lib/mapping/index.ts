/** The one column mapping for every file a team brings (see map.ts). */
export * from './aliases';
export * from './headers';
export * from './map';
export * from './values';
export * from './report';
export * from './cells';
export * from './preview';
