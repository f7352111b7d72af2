/**
 * JSON with every character past ASCII escaped, so a file of it can be read
 * byte for character (`latin1`), without decoding megabytes of UTF-8;
 * JSON.parse restores the characters (surrogate pairs as two escapes).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NOT_ASCII = /[\u0080-\uffff]/g;
