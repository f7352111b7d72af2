const MASK = '***';

/** `text` with every occurrence of each secret replaced by `***` (longest first, so no part of one survives). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const ordered = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) out = out.split(secret).join(MASK);
  return out;
}

/**
 * The user name and password of an SMTP URL, as written, percent-decoded and
 * re-encoded. Read with a plain split rather than a URL parser, so even a URL
 * too broken to parse gives up its secrets to the redactor.
 */
export function smtpUrlSecrets(url: string): string[] {
  const scheme = url.indexOf('://');
  const at = url.lastIndexOf('@');
  if (scheme < 0 || at <= scheme) return [];
  const userinfo = url.slice(scheme + 3, at);
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  return [...new Set(parts.flatMap((part) => variants(part)))].filter((s) => s.length > 0);
}

function variants(raw: string): string[] {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray `%` is not an escape; the raw form is what could leak.
  }
  return [raw, decoded, encodeURIComponent(decoded)];
}
