// A state hash over canonical JSON (sorted keys), so replay can be checked bit for bit.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Two independent 32-bit FNV-1a style lanes, fed one character code at a time. */
class Hasher {
  a = 0x811c9dc5;
  b = 0x01000193 ^ 0x5bd1e995;

  text(s: string) {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    this.a = a;
    this.b = b;
  }

  digest(): string {
    const a = Math.imul(this.a ^ (this.a >>> 16), 0x85ebca6b);
    const b = Math.imul(this.b ^ (this.b >>> 15), 0xc2b2ae35);
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  /** Feeds JSON.stringify(s) for a string, without building it when nothing needs escaping. */
  quoted(s: string) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // Quotes, backslashes, control characters and surrogates (lone ones are escaped) take the
      // slow road: JSON.stringify itself.
      if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
        this.text(JSON.stringify(s));
        return;
      }
    }
    let a = this.a;
    let b = this.b;
    a = Math.imul(a ^ 0x22, 0x01000193);
    b = Math.imul(b ^ 0x22, 0x5bd1e995);
    b ^= b >>> 13;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a = Math.imul(a ^ 0x22, 0x01000193);
    b = Math.imul(b ^ 0x22, 0x5bd1e995);
    b ^= b >>> 13;
    this.a = a;
    this.b = b;
  }

  /** Feeds exactly the characters canonicalJson(value) would produce, without building it. */
  value(v: unknown) {
    if (typeof v === 'string') {
      this.quoted(v);
      return;
    }
    if (typeof v === 'number') {
      this.text(Number.isFinite(v) ? String(v) : 'null');
      return;
    }
    if (v === null || typeof v !== 'object') {
      this.text(JSON.stringify(v) ?? 'null');
      return;
    }
    if (Array.isArray(v)) {
      this.text('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.text(',');
        this.value(v[i]);
      }
      this.text(']');
      return;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    this.text('{');
    let first = true;
    for (const k of keys) {
      if (obj[k] === undefined) continue;
      if (!first) this.text(',');
      first = false;
      this.quoted(k);
      this.text(':');
      this.value(obj[k]);
    }
    this.text('}');
  }
}

/** 64-bit hash of a text, as 16 hex digits. */
export function hashString(text: string): string {
  const h = new Hasher();
  h.text(text);
  return h.digest();
}

/** The hash of a value's canonical JSON: equal to hashString(canonicalJson(value)). */
export function hashValue(value: unknown): string {
  const h = new Hasher();
  h.value(value);
  return h.digest();
}
