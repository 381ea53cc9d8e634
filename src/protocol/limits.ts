// Sizes shared by the schemas, the server and the web apps.
export const MAX_MESSAGE_LENGTH = 4000;
/** Socket.IO frames larger than this are dropped by the server before parsing. */
export const MAX_SOCKET_FRAME_BYTES = 16 * 1024;
export const MAX_HTTP_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_CONVERSATIONS_PER_COUNSELOR = 2;
/** The most conversations an admin may let one counselor hold at once (the console is measured with 20). */
export const MAX_CONVERSATIONS_PER_COUNSELOR = 20;
