/**
 * Where a handshape's thumbnail is: drawn by the avatar engine at compile time and copied to
 * /hs/<id>.png in both builds (see scripts/data/handshape-thumbs.ts). Ids are [A-Za-z0-9_].
 */
export function handshapeImage (id: string): string {
  return `/hs/${encodeURIComponent(id)}.png`
}
