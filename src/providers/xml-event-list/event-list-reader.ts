import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { FeedItem } from '../feed-item';
import { MalformedFeedError } from './malformed-feed-error';
import type { RawAttributes, RawSession } from './raw-session';
import { validateSession, type SessionContext } from './validate-session';

/** What the reader needs: the provider's facts plus the nesting limit. */
export interface ReaderContext extends SessionContext {
  maxDepth: number;
}

// Depth of each element of `<eventList><output><base_event><event><zone>`; anything else is ignored.
const ROOT_DEPTH = 1;
const OUTPUT_DEPTH = 2;
const BASE_EVENT_DEPTH = 3;
const EVENT_DEPTH = 4;
const ZONE_DEPTH = 5;

/**
 * Pushes XML text through saxes and collects one feed item per `<event>` as each one closes, so
 * memory holds one event at a time whatever the feed size. Throws MalformedFeedError from `write` or
 * `end` when the text cannot be an event list.
 */
export class EventListReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly items: FeedItem[] = [];
  private depth = 0;
  private started = false;
  private sawOutput = false;
  private inOutput = false;
  private base: RawAttributes | null = null;
  private session: RawSession | null = null;
  private tagPosition = { line: 0, column: 0 };

  constructor(private readonly ctx: ReaderContext) {
    this.parser.on('xmldecl', ({ encoding }) => this.checkEncoding(encoding));
    this.parser.on('doctype', (doctype) => this.checkDoctype(doctype));
    this.parser.on('opentagstart', (tag) => this.enter(tag.name));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.leave());
    this.parser.on('error', (error) => {
      throw this.malformed(error.message.replace(/^\d+:\d+: /, ''));
    });
  }

  /** Parses the next piece of the document; pieces may split anywhere, even inside a tag. */
  write(text: string): void {
    // A byte-order mark reaches here only from string sources; the byte decoder strips its own.
    const piece = !this.started && text.startsWith('\uFEFF') ? text.slice(1) : text;
    this.started ||= piece.length > 0;
    this.parser.write(piece);
  }

  /** Ends the document; throws if it stopped early or never was an event list. */
  end(): void {
    this.parser.close();
    if (!this.sawOutput) throw this.malformed('no <output> element: this is not an event list');
  }

  /** Items completed so far, each handed out once. */
  drain(): FeedItem[] {
    return this.items.splice(0);
  }

  /** An error for the feed at the parser's current position. */
  malformed(reason: string): MalformedFeedError {
    return new MalformedFeedError(reason, { line: this.parser.line, column: this.parser.column });
  }

  private checkEncoding(encoding: string | undefined): void {
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw this.malformed(`declared encoding ${encoding} is not supported: feeds must be UTF-8`);
    }
  }

  private checkDoctype(doctype: string): void {
    // saxes never fetches external DTDs nor expands declared entities; refusing an internal subset
    // up front gives entity bombs a clear error instead of an "undefined entity" one later.
    if (doctype.includes('[')) {
      throw this.malformed(
        'a DOCTYPE with an internal subset is refused: declared entities are never expanded',
      );
    }
  }

  private enter(name: string): void {
    this.depth += 1;
    if (this.depth > this.ctx.maxDepth) {
      throw this.malformed(`elements nest deeper than ${this.ctx.maxDepth} levels`);
    }
    if (name === 'event') this.tagPosition = this.tagStart(name);
  }

  private open(tag: SaxesTagPlain): void {
    const { name, attributes } = tag;
    if (this.depth === ROOT_DEPTH && name !== 'eventList') {
      throw this.malformed(`root element is <${name}>, not <eventList>`);
    }
    if (this.depth === OUTPUT_DEPTH && name === 'output') {
      this.inOutput = this.sawOutput = true;
    } else if (this.depth === BASE_EVENT_DEPTH && this.inOutput && name === 'base_event') {
      this.base = attributes;
    } else if (this.depth === EVENT_DEPTH && this.base !== null && name === 'event') {
      this.session = { base: this.base, event: attributes, zones: [], position: this.tagPosition };
    } else if (this.depth === ZONE_DEPTH && this.session !== null && name === 'zone') {
      this.session.zones.push(attributes);
    }
  }

  private leave(): void {
    if (this.depth === EVENT_DEPTH && this.session !== null) {
      this.items.push(validateSession(this.session, this.ctx));
      this.session = null;
    } else if (this.depth === BASE_EVENT_DEPTH) {
      this.base = null;
    } else if (this.depth === OUTPUT_DEPTH) {
      this.inOutput = false;
    }
    this.depth -= 1;
  }

  /**
   * Where the current tag's `<` is. saxes reports the tag once it has read the name and the character
   * after it, and counts columns from 0. When a line break follows the name, the tag is on the line
   * before and its column is unknown, so column 1 stands in.
   */
  private tagStart(name: string): { line: number; column: number } {
    const column = this.parser.column - name.length - 1;
    return column >= 1 ? { line: this.parser.line, column } : { line: this.parser.line - 1, column: 1 };
  }
}
