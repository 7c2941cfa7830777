// The content collections come from the hikitsugi package, as in any team's handbook.
import { hikitsugiCollections } from 'hikitsugi/content';

export const collections = hikitsugiCollections();
