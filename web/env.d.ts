// Vite turns style imports into <link> tags at build time.
declare module '*.css';
