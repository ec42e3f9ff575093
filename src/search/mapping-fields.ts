/** Field mappings every index of the service uses alike. */
export const keyword = { type: 'keyword' } as const;
export const date = { type: 'date' } as const;
export const double = { type: 'double' } as const;
