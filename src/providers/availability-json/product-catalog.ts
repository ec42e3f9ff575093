import { productKey } from '../../domain/product-key';
import { isProviderOfKind, type ProviderSettings } from '../provider-settings';

/** A configured product of an `availability-json` provider. */
export interface CatalogProduct {
  /** The hub's id of the product: UUIDv5 of `provider:productId`. */
  id: string;
  providerId: string;
  productId: string;
  /** The provider's time zone, which its dates and wall-clock times are in. */
  timeZone: string;
}

/** The products of the configured `availability-json` providers, by id and by provider, in file order. */
export class ProductCatalog {
  private readonly byId = new Map<string, CatalogProduct>();
  private readonly byProvider = new Map<string, CatalogProduct[]>();

  constructor(providers: readonly ProviderSettings[]) {
    for (const provider of providers) {
      if (!isProviderOfKind(provider, 'availability-json')) continue;
      const products = provider.products.map((productId) => ({
        id: productKey(provider.id, productId),
        providerId: provider.id,
        productId,
        timeZone: provider.timeZone,
      }));
      this.byProvider.set(provider.id, products);
      for (const product of products) this.byId.set(product.id, product);
    }
  }

  /** Every product, or a provider's; null when no `availability-json` provider has that id. */
  list(providerId?: string): CatalogProduct[] | null {
    if (providerId === undefined) return [...this.byProvider.values()].flat();
    return this.byProvider.get(providerId) ?? null;
  }

  /** The product with this id (lowercase), if one is configured. */
  find(id: string): CatalogProduct | undefined {
    return this.byId.get(id);
  }
}
