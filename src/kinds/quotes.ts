// STUB: to be written.
import type { Kind } from './kind.js';

export const quotes: Kind = {
  name: 'quotes',
  options: [],
  compile() {
    return () => [];
  },
};
