// Content negotiation for the response cache's compressed entries (RFC 9110 §12.5.3): which of the
// codings an entry has the client's Accept-Encoding prefers. Clients send a handful of distinct headers,
// so each header's answer is remembered (a hit then costs one Map lookup, not a parse).

export type ContentCoding = 'br' | 'gzip';

/** Quality values of the codings we can send, as the header gives them (undefined: not named). */
interface Qualities {
  br: number | undefined;
  gzip: number | undefined;
  any: number | undefined;
}

function parse(header: string): Qualities {
  const found: Qualities = { br: undefined, gzip: undefined, any: undefined };
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    const value = Number.isFinite(quality) ? quality : 0;
    if (coding === 'br') found.br = value;
    else if (coding === 'gzip' || coding === 'x-gzip') found.gzip = value;
    else if (coding === '*') found.any = value;
  }
  return found;
}

const remembered = new Map<string, Qualities>();

function qualitiesOf(header: string): Qualities {
  let found = remembered.get(header);
  if (found === undefined) {
    found = parse(header);
    if (remembered.size >= 256) remembered.clear();
    remembered.set(header, found);
  }
  return found;
}

/**
 * The coding to send among those available: the one the client rates highest, brotli on a tie (it is
 * the smaller), none when the client names neither (nor `*`) or refuses them with `q=0`.
 */
export function preferredCoding(
  header: string | undefined,
  available: { br: boolean; gzip: boolean },
): ContentCoding | undefined {
  if (!header || (!available.br && !available.gzip)) return undefined;
  const q = qualitiesOf(header);
  const br = available.br ? (q.br ?? q.any ?? 0) : 0;
  const gzip = available.gzip ? (q.gzip ?? q.any ?? 0) : 0;
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}
