import type { RawAttributes, RawSession } from './raw-session';

/** Longest snippet kept with a reject: enough to see the problem, small enough for an ops index. */
export const MAX_SNIPPET_CHARS = 2048;

/**
 * The rejected event re-serialized inside its base event, cut to `maxChars`. Only called for rejects,
 * so the happy path never serializes anything.
 */
export function rejectSnippet(session: RawSession, maxChars = MAX_SNIPPET_CHARS): string {
  const out = new BoundedText(maxChars);
  out.add(startTag('base_event', session.base, false));
  out.add(startTag('event', session.event, false));
  for (const zone of session.zones) {
    if (!out.add(startTag('zone', zone, true))) break;
  }
  out.add('</event></base_event>');
  return out.toString();
}

function startTag(name: string, attributes: RawAttributes, selfClosing: boolean): string {
  let tag = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    tag += ` ${key}="${escapeAttribute(value)}"`;
  }
  return tag + (selfClosing ? '/>' : '>');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Collects text up to a limit, then drops the rest and marks the cut with an ellipsis. */
class BoundedText {
  private text = '';
  private full = false;

  constructor(private readonly maxChars: number) {}

  /** Appends what fits; false once the limit is reached, so callers can stop producing. */
  add(part: string): boolean {
    if (this.full) return false;
    if (this.text.length + part.length > this.maxChars) {
      this.text = `${(this.text + part).slice(0, this.maxChars - 1)}…`;
      this.full = true;
      return false;
    }
    this.text += part;
    return true;
  }

  toString(): string {
    return this.text;
  }
}
