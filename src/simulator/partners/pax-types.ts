/** A kind of traveller a product sells to, with its age band in the type code. */
export interface PaxType {
  type: string;
  name: string;
  description: string;
  min: number;
  max: number;
  /** Price relative to the adult price. */
  priceFactor: number;
}

/** Every product sells to adults, and they are its primary pax type. */
export const ADULT: PaxType = {
  type: 'ADULT_12~99',
  name: 'Adult',
  description: '12 and over',
  min: 1,
  max: 10,
  priceFactor: 1,
};

/** The pax types a product may add to adults. */
export const EXTRA_PAX_TYPES: readonly PaxType[] = [
  { type: 'CHILD_3~11', name: 'Child', description: '3 to 11', min: 0, max: 8, priceFactor: 0.6 },
  { type: 'SENIOR_65~99', name: 'Senior', description: '65 and over', min: 0, max: 10, priceFactor: 0.8 },
  { type: 'INFANT_0~2', name: 'Infant', description: 'under 3', min: 0, max: 4, priceFactor: 0.2 },
];
