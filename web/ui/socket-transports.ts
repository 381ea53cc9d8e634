// The transports the pages ask Socket.IO for: long-polling first (it passes every proxy), then the upgrade to
// WebSocket. Never WebTransport, which the server does not offer; vite.config.ts leaves its code out.
export const SOCKET_TRANSPORTS = ['polling', 'websocket'];
