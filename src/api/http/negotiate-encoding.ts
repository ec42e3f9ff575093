/** Content codings the API can send, best first. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

const SERVER_PREFERENCE: readonly ContentEncoding[] = ['br', 'gzip', 'identity'];
const MEMO_LIMIT = 256;
const MEMO_MAX_HEADER_LENGTH = 200;
// Clients send a handful of distinct Accept-Encoding values; remembering them keeps parsing off the hot path.
const memo = new Map<string, ContentEncoding>();

/** Picks the coding for an `Accept-Encoding` header: highest q first, server preference (br, gzip) on ties. */
export function negotiateEncoding(header: string | undefined): ContentEncoding {
  if (header === undefined || header === '') return 'identity';
  const known = memo.get(header);
  if (known !== undefined) return known;
  const chosen = choose(parseQualities(header));
  if (header.length > MEMO_MAX_HEADER_LENGTH) return chosen;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(header, chosen);
  return chosen;
}

function parseQualities(header: string): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    qualities.set(name, q === undefined ? 1 : Math.min(1, Number(q) || 0));
  }
  return qualities;
}

function choose(qualities: Map<string, number>): ContentEncoding {
  const wildcard = qualities.get('*');
  let best: ContentEncoding = 'identity';
  let bestQ = 0;
  for (const coding of SERVER_PREFERENCE) {
    if (coding === 'identity') continue;
    const q = qualities.get(coding) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  // identity is acceptable unless refused outright (RFC 9110 §12.5.3); when all are refused it is still the answer.
  const identityQ = qualities.get('identity') ?? wildcard ?? 1;
  return bestQ > 0 && bestQ >= identityQ ? best : 'identity';
}
