import type Router from '@koa/router';
import { addDays, todayIn } from '../../domain/calendar-date';
import type { ProductCatalog } from '../../providers/availability-json/product-catalog';
import type { Availability } from '../../search/slots/availability';
import { ProviderNotFoundError } from '../api-errors';
import type { ApiState } from '../api-state';
import { compressDynamic } from '../middleware/compress-dynamic';
import type { AvailabilityResponder } from '../products/availability-responder';
import { parseQuery } from './admin-input';
import { configuredProduct, productIdOf, productsQuery, slotsQuery } from './product-input';

/** How many days, from today in the provider's time zone, `GET /products/{id}/dates` looks ahead. */
export const DATES_AHEAD = 60;

/** What the products API reads: the configured products, their slots, and the clock that says which day it is. */
export interface ProductRoutesDeps {
  catalog: ProductCatalog;
  availability: Availability;
  responder: AvailabilityResponder;
  now: () => Date;
}

/** `GET /products`, `GET /products/{id}/dates` and `GET /products/{id}/slots`: partners' products and their slots. */
export function registerProductRoutes(router: Router<ApiState>, deps: ProductRoutesDeps): void {
  // From the configuration, not Elasticsearch: nothing to cache.
  router.get('/products', compressDynamic(), (ctx) => {
    const { provider } = parseQuery(productsQuery, ctx.querystring, ['provider']);
    const products = deps.catalog.list(provider);
    if (!products) throw new ProviderNotFoundError(`no availability-json provider with id ${provider}`);
    const listed = products.map((p) => ({ id: p.id, provider_id: p.providerId, product_id: p.productId }));
    ctx.body = { data: { products: listed }, error: null };
  });

  router.get('/products/:id/dates', async (ctx) => {
    const product = configuredProduct(deps.catalog, productIdOf(ctx.params.id));
    const from = todayIn(product.timeZone, deps.now());
    const to = addDays(from, DATES_AHEAD - 1);
    // Today is part of the key: at midnight the window moves even when no sync has changed the data.
    await deps.responder.send(ctx, `dates|${product.id}|${from}`, async () => ({
      dates: await deps.availability.datesOf(product, { from, to }),
    }));
  });

  router.get('/products/:id/slots', async (ctx) => {
    const id = productIdOf(ctx.params.id);
    const { date } = parseQuery(slotsQuery, ctx.querystring, ['date']);
    const product = configuredProduct(deps.catalog, id);
    await deps.responder.send(ctx, `slots|${product.id}|${date}`, async () => ({
      slots: await deps.availability.slotsOf(product, date),
    }));
  });
}
