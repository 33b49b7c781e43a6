// Samples on the project's own submission template. Placeholder until the template builder lands.
import type { SampleYear } from './figures.ts';

const templateWorkbook = async (iso3: string, _years: SampleYear[], _lang: 'en' | 'fr'): Promise<Buffer> => {
  throw new Error(`The template builder is not available yet (${iso3})`);
};

export { templateWorkbook };
