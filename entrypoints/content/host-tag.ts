/** The card's host element: the one element the extension adds to a page (mount.tsx). */
export const HOST_TAG = 'icp-fit-card';
