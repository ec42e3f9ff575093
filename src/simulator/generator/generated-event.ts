import type { FeedSpec } from './feed-spec';
import { createPrng } from './prng';
import type { Prng } from './prng';

/** One zone as the provider writes it; price is in cents so it always prints with two decimals. */
export interface GeneratedZone {
  zoneId: number;
  capacity: number;
  priceCents: number;
  name: string;
  numbered: boolean;
}

/** One base event with its single session, in the provider's vocabulary. */
export interface GeneratedEvent {
  baseEventId: number;
  eventId: number;
  sellMode: 'online' | 'offline';
  organizerCompanyId: number | null;
  title: string;
  start: Date;
  end: Date;
  sellFrom: Date;
  sellTo: Date;
  soldOut: boolean;
  zones: GeneratedZone[];
}

/** Sessions start within two years from this instant (UTC wall clock, as the provider writes it). */
const WINDOW_START_MS = Date.UTC(2021, 0, 1);
const WINDOW_DAYS = 730;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
// Salts keep the base stream and the change stream of one event independent.
const CHANGE_SALT = 0x0c4a46e;

const ACTS = [
  'Camela',
  'Los Morancos',
  'Pantomima Full',
  'Orquesta Sinfónica',
  'Rock & Blues Band',
  'Coro "Voces"',
];
const FORMATS = ['en concierto', 'en directo', 'gira 2021', 'tributo', 'noche especial', 'matinal'];
const ZONE_NAMES = ['Platea', 'Grada 1', 'Grada 2', 'Amfiteatre', 'Palco', 'Pista', 'VIP', 'A28', 'A42'];

/** The event at `index` of the feed described by `spec`; depends only on (seed, variant, index). */
export function generateEvent(spec: FeedSpec, index: number): GeneratedEvent {
  const event = baseEvent(createPrng(spec.seed, index), spec.zones, index);
  const change = createPrng(spec.seed, spec.variant, index, CHANGE_SALT);
  if (change.next() < spec.changedPercent / 100) changeZones(event.zones, change);
  return event;
}

function baseEvent(rng: Prng, zoneCount: number, index: number): GeneratedEvent {
  const startMinute = rng.int(10 * 4, 22 * 4) * 15;
  const start = new Date(WINDOW_START_MS + rng.int(0, WINDOW_DAYS - 1) * DAY_MS + startMinute * MINUTE_MS);
  const end = new Date(start.getTime() + rng.int(2, 16) * 15 * MINUTE_MS);
  const sellFromDay = Math.floor(start.getTime() / DAY_MS) - rng.int(14, 240);
  const zones = Array.from({ length: zoneCount }, () => generateZone(rng));
  return {
    baseEventId: index + 1,
    // Event ids repeat across base events, as they do in the provider's real feeds.
    eventId: rng.int(1, 5000),
    sellMode: rng.chance(0.9) ? 'online' : 'offline',
    organizerCompanyId: rng.chance(0.8) ? rng.int(1, 50) : null,
    title: `${rng.pick(ACTS)} ${rng.pick(FORMATS)} ${index + 1}`,
    start,
    end,
    sellFrom: new Date(sellFromDay * DAY_MS),
    sellTo: new Date(start.getTime() - rng.pick([10, 30, 60, 120]) * MINUTE_MS),
    soldOut: rng.chance(0.05),
    zones,
  };
}

function generateZone(rng: Prng): GeneratedZone {
  return {
    zoneId: rng.int(1, 999),
    capacity: rng.chance(0.1) ? 0 : rng.int(1, 500),
    priceCents: rng.int(100, 3000) * 5,
    name: rng.pick(ZONE_NAMES),
    numbered: rng.chance(0.5),
  };
}

/** Every zone gets a new price (never equal to the old one) and most a new capacity. */
function changeZones(zones: GeneratedZone[], rng: Prng): void {
  for (const zone of zones) {
    const delta = rng.int(1, 20) * 50;
    zone.priceCents =
      zone.priceCents > delta && rng.chance(0.5) ? zone.priceCents - delta : zone.priceCents + delta;
    zone.capacity = rng.chance(0.2) ? 0 : Math.max(0, zone.capacity - rng.int(1, 25));
  }
}
