// The package's main export, loaded by Node when Astro reads astro.config.mjs. The integration is
// TypeScript and Node does not strip types inside node_modules: the prebuilt bundle is loaded when
// it matches the sources, else tsx loads the sources (src/io/prebuilt-bundles.mjs).
import { importPrebuilt } from '../io/prebuilt-bundles.mjs';

const integration = await importPrebuilt('integration');

/** @type {typeof import('./index.ts').default} */
export default integration.default;
