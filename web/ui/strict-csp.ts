// Imported first by the console, before any schema is built (the visitor page bundles no zod at all): zod 4 probes for eval (`new Function('')`) to
// compile fast parsers, and under Havre's CSP (no 'unsafe-eval') that probe is a reported violation on every
// load, although it is caught. Jitless parsing is as correct, and the web apps parse little.
import { z } from 'zod';

z.config({ jitless: true });
