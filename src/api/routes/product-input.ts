import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar-date';
import type { CatalogProduct, ProductCatalog } from '../../providers/availability-json/product-catalog';
import { InvalidPathParameterError, NotFoundError } from '../api-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?provider=` of the products list. */
export const productsQuery = z.object({
  provider: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a provider id')
    .optional(),
});

/** `?date=` of a product's slots: required, a date that exists. */
export const slotsQuery = z.object({
  date: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required, as YYYY-MM-DD' : undefined) })
    .refine(isCalendarDate, 'must be a date YYYY-MM-DD that exists'),
});

/** The `:id` path parameter as a product id (a UUID, lowercased as ids are made), or a 400. */
export function productIdOf(raw: string | undefined): string {
  if (raw === undefined || !UUID.test(raw)) throw new InvalidPathParameterError('id: must be a UUID');
  return raw.toLowerCase();
}

/** The configured product with this id, or a 404. */
export function configuredProduct(catalog: ProductCatalog, id: string): CatalogProduct {
  const product = catalog.find(id);
  if (!product) throw new NotFoundError(`no product with id ${id}`);
  return product;
}
