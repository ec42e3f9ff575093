import { PRODUCT_KEY_NAMESPACE, productKey } from '../../../src/domain/product-key';
import { uuidV5 } from '../../../src/domain/uuid-v5';

describe('productKey', () => {
  it('is the UUIDv5 of provider:productId under the product namespace', () => {
    expect(productKey('tours', 'p-1031')).toBe(uuidV5('tours:p-1031', PRODUCT_KEY_NAMESPACE));
  });

  it('never changes across releases, because stored slots and consumers address products by it', () => {
    expect(productKey('tours', 'p-1031')).toBe('4ce39de2-0b65-598e-b1e5-c92b482cdbd1');
  });

  it('tells apart one product id under two providers', () => {
    expect(productKey('tours', 'p-1')).not.toBe(productKey('museums', 'p-1'));
  });
});
