/** Attribute values of one element as the XML parser decoded them, not yet validated. */
export type RawAttributes = Readonly<Record<string, string>>;

/** One `<event>` as read from the feed, with its base event and zones, kept until it is validated. */
export interface RawSession {
  base: RawAttributes;
  event: RawAttributes;
  zones: RawAttributes[];
  /** 1-based line and column of the `<event` tag. */
  position: { line: number; column: number };
}
