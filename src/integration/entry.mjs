// The package's main export, loaded by Node when Astro reads astro.config.mjs. The integration is
// TypeScript and Node does not strip types inside node_modules, so tsx loads it.
import { tsImport } from 'tsx/esm/api';

const integration = await tsImport('./index.ts', import.meta.url);

/** @type {typeof import('./index.ts').default} */
export default integration.default;
