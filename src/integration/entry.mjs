// The package's main export, loaded by Node when Astro reads astro.config.mjs. The integration is
// TypeScript and Node does not strip types inside node_modules: the prebuilt bundle is loaded when
// it matches the sources (src/io/prebuilt-bundles.mjs), else tsx loads the sources.
import { freshBundle } from '../io/prebuilt-bundles.mjs';

const bundle = freshBundle();
const integration = bundle ? await import(bundle) : await (await import('tsx/esm/api')).tsImport('./index.ts', import.meta.url);

/** @type {typeof import('./index.ts').default} */
export default integration.default;
