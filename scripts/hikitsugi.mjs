#!/usr/bin/env node
// The `hikitsugi` command (package bin). The commands are TypeScript; tsx runs them, because
// Node does not strip types from files inside node_modules, where an installed package lives.
import { register } from 'tsx/esm/api';

register();
await import('./hikitsugi.ts');
