/**
 * Every way a secret could show up in text: as written, percent-encoded and
 * -decoded (it travels inside a URL), and base64 at each of the three byte
 * alignments (mail bodies and HTTP basic auth are base64), keeping only the
 * characters that depend on the secret alone.
 */
export function secretForms(secret: string): string[] {
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
    // Not percent-encoded text: the raw form stands.
  }
  const forms = new Set([secret, decoded, encodeURIComponent(decoded)]);
  for (const text of [secret, decoded]) {
    for (let shift = 0; shift < 3; shift++) {
      const encoded = Buffer.concat([Buffer.alloc(shift), Buffer.from(text, 'utf8')]).toString('base64');
      // Leading characters mix in the padding bytes and trailing ones whatever follows: keep the middle.
      const core = encoded.slice(shift === 0 ? 0 : 4, -4);
      if (core.length >= 8) forms.add(core);
    }
  }
  return [...forms];
}

/** Mail as found on the wire, with folding, soft line breaks and base64 line wrapping undone. */
export function unwrapped(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]*/g, '');
}

/** The names of `texts` (name → text) that contain any form of any of `secrets`. */
export function leaks(texts: Record<string, string>, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [secretName, secret] of Object.entries(secrets)) {
    const forms = secretForms(secret);
    for (const [name, text] of Object.entries(texts)) {
      const form = forms.find((f) => text.includes(f));
      if (form !== undefined) found.push(`${secretName} in ${name} (as ${JSON.stringify(form)})`);
    }
  }
  return found;
}
