// Entry point of the staff console, served at /console. Zod's configuration first (../ui/strict-csp.ts), then
// styles, in cascade order.
import '../ui/strict-csp.ts';
import '../ui/base.css';
import './console.css';
import './queue.css';
import './entry.css';
import './conversation.css';
import './admin.css';
import './security.css';
import './supervision.css';
import './statistics.css';
import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<App />, root);
