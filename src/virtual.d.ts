/** The validated settings, provided to the site by the hikitsugi integration (see src/integration/index.ts). */
declare module 'virtual:hikitsugi/settings' {
  const settings: import('./lib/config/settings.ts').Settings;
  export default settings;
}
