import type { PaxAvailability, PaxPrice } from '../../domain/partner-slot';
import { JsonFieldReader } from './json-field-reader';

// Final price, original price and discount are each rounded to the cent: their sum may be off by two halves.
const ROUNDING_TOLERANCE = 0.01 + 1e-9;

/**
 * Reads a slot's `paxAvailability` list, recording problems in `issues`: an empty list, bad fields, `min`
 * above `max`, a final price that is not the original less the discount, a price in another currency than
 * the slot's.
 */
export function readPaxAvailability(
  list: unknown[] | null,
  currency: string,
  issues: string[],
): PaxAvailability[] {
  // Not a list at all: the reader said so already.
  if (list === null) return [];
  if (list.length === 0) issues.push('paxAvailability: must list at least one pax type');
  return list.flatMap((raw, index) => {
    const path = `paxAvailability[${index}]`;
    const pax = JsonFieldReader.of(raw, issues, path, `${path}.`);
    if (!pax) return [];
    const known = issues.length;
    const item = {
      type: pax.text('type'),
      name: pax.text('name'),
      description: pax.optionalText('description'),
      min: pax.count('min'),
      max: pax.count('max'),
      remaining: pax.count('remaining'),
      isPrimary: pax.flag('isPrimary', false),
    };
    // Compared only when both were read: a placeholder would add a reason the partner did not cause.
    if (issues.length === known && item.min > item.max)
      issues.push(`${path}.min: ${item.min} is above max ${item.max}`);
    const price = readPrice(pax.object('price'), `${path}.price`, currency, issues);
    return price ? [{ ...item, price }] : [];
  });
}

function readPrice(
  price: JsonFieldReader | null,
  path: string,
  currency: string,
  issues: string[],
): PaxPrice | null {
  if (!price) return null;
  const known = issues.length;
  const read = {
    finalPrice: price.amount('finalPrice'),
    originalPrice: price.amount('originalPrice'),
    discount: price.amount('discount'),
    currencyCode: price.currency('currencyCode'),
  };
  if (issues.length > known) return read;
  if (Math.abs(read.finalPrice - (read.originalPrice - read.discount)) > ROUNDING_TOLERANCE)
    issues.push(
      `${path}.finalPrice: ${read.finalPrice} is not originalPrice ${read.originalPrice} less discount ${read.discount}`,
    );
  if (currency !== '' && read.currencyCode !== currency)
    issues.push(`${path}.currencyCode: ${read.currencyCode} is not the slot's currencyCode ${currency}`);
  return read;
}
